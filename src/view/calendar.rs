//! What is coming, as calendar events: each engagement's objectives and events, its next
//! service review and its open actions' due dates; each region's latest review session
//! held (see [`Session::is_held`]): its open actions and its next review; and a session
//! file dated ahead, as the session planned for that day. Built for an audience: a hidden section gives no
//! events, nor does a hidden date; a hidden field is "withheld"; a session's actions are
//! left out for an audience that hides anything of `actions`. `render::calendar` writes
//! them as iCalendar.

use chrono::NaiveDate;

use super::mask::Mask;
use crate::format::key as k;
use crate::name_key::name_key;
use crate::report::Report;
use crate::review::{Session, latest_by_region};

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// A stable id: derived from the engagement (or region) and the item only, so that an
    /// edit elsewhere does not change it and a subscriber's calendar updates in place.
    pub uid: String,
    /// The day.
    pub date: NaiveDate,
    /// The title.
    pub summary: String,
    /// More, in a line or two.
    pub description: String,
}

/// A calendar: its name and its events, by date then id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    /// The calendar's name (`acctsum: north`).
    pub name: String,
    /// As of this date (the events' DTSTAMP).
    pub today: NaiveDate,
    /// The events from today on.
    pub events: Vec<Event>,
}

/// FNV-1a, 64 bits: a hash that is the same on every run and machine (ids are stored by
/// calendar apps).
fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The id of `kind` for `owner` (an engagement or region) and `item` (its title).
fn uid(kind: &str, owner: &str, item: &str) -> String {
    format!("{kind}-{:016x}@acctsum", fnv(&format!("{kind}\u{0}{}\u{0}{}", name_key(owner), name_key(item))))
}

/// What an item's id is made of: its text, or (`hidden` from the audience) its place
/// in its list.
fn id_key(hidden: bool, text: Option<&str>, index: usize) -> String {
    if hidden { format!("#{index}") } else { text.unwrap_or_default().to_owned() }
}

/// The calendar of `report`'s engagements and the latest sessions of its regions.
#[must_use]
pub fn calendar(report: &Report<'_>, sessions: &[Session], name: String) -> Calendar {
    let mask = Mask::new(report.audience, report.guide);
    let today = report.today;
    let mut events = Vec::new();
    let scale = report.guide.scale;
    for item in &report.items {
        let eng = item.eng;
        let name = eng.name();
        let withheld = |keys: &[&str], text: Option<&str>| {
            if mask.hides(keys) { "(withheld)".to_owned() } else { text.unwrap_or("(not recorded)").to_owned() }
        };
        // An event's day is its date field: hidden, there is no event to place.
        if !mask.hides_section(k::OBJECTIVES) && !mask.hides(&[k::OBJECTIVES, k::DATE]) {
            for (n, o) in eng.objectives.iter().enumerate() {
                let Some(date) = o.date.copied() else { continue };
                let title = withheld(&[k::OBJECTIVES, k::TITLE], o.title.str());
                let mut description = match o.comfort.copied() {
                    _ if mask.hides(&[k::OBJECTIVES, k::COMFORT]) => "Comfort: withheld.".to_owned(),
                    Some(c) => format!("Comfort: {c} on a scale of {} to {}.", scale.min, scale.max),
                    None => "Comfort: not recorded.".to_owned(),
                };
                if let (false, Some(notes)) = (mask.hides(&[k::OBJECTIVES, k::NOTES]), o.notes.str()) {
                    description.push(' ');
                    description.push_str(notes);
                }
                // An id is a hash of what it names: of a hidden title, it would let a guess be
                // confirmed, so the item's place in its list stands in for it.
                let key = id_key(mask.hides(&[k::OBJECTIVES, k::TITLE]), o.title.str(), n);
                events.push(Event {
                    uid: uid("objective", name, &key),
                    date,
                    summary: format!("{title} — {name}"),
                    description,
                });
            }
        }
        if let (false, Some(next)) = (mask.hides(&[k::SERVICE_REVIEW, k::NEXT]), eng.service_review.next.copied()) {
            events.push(Event {
                uid: uid("service-review", name, ""),
                date: next,
                summary: format!("Service review — {name}"),
                description: format!("The next service review with {}.", eng.client.str().unwrap_or("the client")),
            });
        }
        if !mask.hides_section(k::ACTIONS) && !mask.hides(&[k::ACTIONS, k::DUE]) {
            for (n, a) in eng.actions.iter().enumerate() {
                let (Some(true), Some(due)) = (a.is_open(), a.due.copied()) else { continue };
                let what = withheld(&[k::ACTIONS, k::ACTION], a.action.str());
                let owner = withheld(&[k::ACTIONS, k::OWNER], a.owner.str());
                let key = id_key(mask.hides(&[k::ACTIONS, k::ACTION]), a.action.str(), n);
                events.push(Event {
                    uid: uid("action", name, &key),
                    date: due,
                    summary: format!("Due: {what} — {name}"),
                    description: format!("Owner: {owner}."),
                });
            }
        }
    }
    let regions = &report.filters.regions;
    // A session's actions are told in one line each (text, owner, date), so an audience
    // that hides anything of `actions` sees none of them, as `LastReview` counts them.
    let session_actions = !mask.hides_within(&[k::ACTIONS]);
    for session in latest_by_region(sessions, today) {
        let Some(region) = session.region.str() else { continue };
        if !regions.is_empty() && !regions.iter().any(|r| r == region) {
            continue;
        }
        for item in session.actions.iter().filter(|_| session_actions) {
            let a = &item.action;
            let (Some(true), Some(due)) = (a.is_open(), a.due.copied()) else { continue };
            let what = a.action.str().unwrap_or("(not recorded)");
            let about = item.engagement.str().map(|e| format!(" — {e}")).unwrap_or_default();
            events.push(Event {
                uid: uid("review-action", region, what),
                date: due,
                summary: format!("Due: {what}{about}"),
                description: format!(
                    "Owner: {}. From the {region} review session of {}.",
                    a.owner.str().unwrap_or("(not recorded)"),
                    session.date.copied().map_or_else(String::new, |d| d.to_string())
                ),
            });
        }
        if let Some(next) = session.next_review.copied() {
            events.push(Event {
                uid: uid("review-session", region, ""),
                date: next,
                summary: format!("{region} review session"),
                description: format!("The next review session of the {region} region."),
            });
        }
    }
    // A session file dated ahead (scaffolded before the day) is the session planned for
    // that day, unless it is the day the last session booked, which is told above.
    for session in crate::review::planned(sessions, today) {
        let (Some(region), Some(date)) = (session.region.str(), session.date.copied()) else { continue };
        if !regions.is_empty() && !regions.iter().any(|r| r == region) {
            continue;
        }
        let booked = latest_by_region(sessions, today)
            .into_iter()
            .any(|held| held.region.str() == Some(region) && held.next_review.copied() == Some(date));
        if booked {
            continue;
        }
        events.push(Event {
            uid: uid("review-session-planned", region, &date.to_string()),
            date,
            summary: format!("{region} review session (planned)"),
            description: format!("A {region} review session planned for this day ({}).", session.path),
        });
    }
    events.retain(|e| e.date >= today);
    events.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    // Two items alike (one action written twice) still get an id each.
    let mut seen = std::collections::HashMap::new();
    for e in &mut events {
        let n = seen.entry(e.uid.clone()).or_insert(0u32);
        *n += 1;
        if *n > 1 {
            e.uid = e.uid.replace("@acctsum", &format!("-{n}@acctsum"));
        }
    }
    Calendar { name, today, events }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_ignore_case_accents_and_spacing_but_not_the_item() {
        assert_eq!(uid("action", "Zoë's Café", "Send the DPIA"), uid("action", "zoe's  cafe", "send the dpia"));
        assert_ne!(uid("action", "Zoë's Café", "Send the DPIA"), uid("action", "Zoë's Café", "Send the SOW"));
        assert_ne!(uid("action", "A", "x"), uid("objective", "A", "x"));
        let id = uid("objective", "A", "x");
        assert!(
            id.starts_with("objective-") && id.ends_with("@acctsum") && id.len() == "objective-@acctsum".len() + 16
        );
    }
}
