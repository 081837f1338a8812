//! The calendar as iCalendar (RFC 5545), written with the `icalendar` crate: all-day
//! `VEVENT`s (calendar apps ignore `VTODO`), each with its stable `UID` and a `DTSTAMP`
//! of the day it was built for, so that the same workspace on the same day gives the same
//! bytes. The crate folds lines at 75 octets and escapes text.

use chrono::{Days, NaiveTime};
use icalendar::{Calendar as Ical, Component, Event as IcalEvent, EventLike, Property};

use crate::view::calendar::Calendar;

/// The iCalendar text of `calendar`.
#[must_use]
pub fn ics(calendar: &Calendar) -> String {
    let mut cal = Ical::empty();
    cal.append_property(Property::new("VERSION", "2.0"));
    cal.append_property(Property::new("PRODID", "-//acctsum//acctsum calendar//EN"));
    cal.append_property(Property::new("CALSCALE", "GREGORIAN"));
    cal.append_property(Property::new("METHOD", "PUBLISH"));
    cal.name(&clean(&calendar.name));
    let stamp = calendar.today.and_time(NaiveTime::MIN).and_utc();
    for e in &calendar.events {
        let end = e.date.checked_add_days(Days::new(1)).unwrap_or(e.date);
        cal.push(
            IcalEvent::new()
                .uid(&clean(&e.uid))
                .timestamp(stamp)
                .starts(e.date)
                .ends(end)
                .summary(&clean(&e.summary))
                .description(&clean(&e.description))
                .add_property("TRANSP", "TRANSPARENT")
                .done(),
        );
    }
    cal.to_string()
}

/// Text without control characters (iCalendar text allows none but the line breaks the
/// crate escapes): each becomes a space.
fn clean(text: &str) -> String {
    text.chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect()
}
