//! Review sessions: each regional review session leaves a file
//! (`reviews/<region>/<YYYY-MM-DD>.yaml`, selected by the `reviews` globs) with its
//! attendees, decisions, actions and the date of the next session. [`read`] checks them
//! like engagement files; the rules `review-action-overdue` and `review-overdue` and the
//! region's pack read the [`Session`]s.

mod read;
mod scaffold;

use std::sync::Arc;

use chrono::NaiveDate;

pub use self::read::{check_bytes, is_review, read, review_test, sources, texts};
pub use self::scaffold::{Agenda, NewSession, session as scaffold};
use crate::format::key as k;
use crate::model::{self, Action, Value};
use crate::validate::Rec;

/// One action of a review session.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionAction {
    /// The action, its owner, due date and status, as an engagement's action.
    pub action: Action,
    /// The engagement it is about, by name.
    pub engagement: Value<String>,
}

/// One review session: the valid parts of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Session {
    /// The file, as shown to the user.
    pub path: Arc<str>,
    /// The region.
    pub region: Value<String>,
    /// When it was held.
    pub date: Value<NaiveDate>,
    /// Who came.
    pub attendees: Vec<String>,
    /// What it decided.
    pub decisions: Vec<String>,
    /// What it asked people to do.
    pub actions: Vec<SessionAction>,
    /// When the next session is.
    pub next_review: Value<NaiveDate>,
}

impl Session {
    /// Whether the session was held by `today`: its date is on or before today and at
    /// least one attendee is recorded. A draft (the file `acctsum review new` scaffolds
    /// with `attendees: []`, or one dated ahead) is checked like any session, but is not
    /// the region's last review until it is held.
    #[must_use]
    pub fn is_held(&self, today: NaiveDate) -> bool {
        self.date.get().is_some_and(|d| *d <= today) && self.attendees.iter().any(|a| !a.trim().is_empty())
    }

    /// Builds the model from a checked record, moving its values out.
    #[must_use]
    pub fn from_rec(path: Arc<str>, mut rec: Rec) -> Self {
        let rec = &mut rec;
        Self {
            path,
            region: model::text(rec, k::REGION),
            date: model::date(rec, k::DATE),
            attendees: model::names(rec, k::ATTENDEES),
            decisions: model::names(rec, k::DECISIONS),
            actions: model::items(rec, k::ACTIONS, |index, at, r| SessionAction {
                engagement: model::text(r, k::ENGAGEMENT),
                action: Action {
                    index,
                    at,
                    action: model::text(r, k::ACTION),
                    owner: model::text(r, k::OWNER),
                    due: model::date(r, k::DUE),
                    status: model::choice(r, k::STATUS),
                },
            }),
            next_review: model::date(rec, k::NEXT_REVIEW),
        }
    }
}

/// The latest session of each region that was held by `today` (by `date`; a later path
/// breaks a tie), in region order. Sessions without a valid region or date are left out,
/// and so are drafts ([`Session::is_held`]): the file `acctsum review new` scaffolds before
/// the session has met does not replace the last one held.
#[must_use]
pub fn latest_by_region(sessions: &[Session], today: NaiveDate) -> Vec<&Session> {
    let mut latest: std::collections::BTreeMap<&str, &Session> = std::collections::BTreeMap::new();
    for session in sessions.iter().filter(|s| s.is_held(today)) {
        let (Some(region), Some(date)) = (session.region.str(), session.date.copied()) else { continue };
        let newer = latest.get(region).is_none_or(|l| (l.date.copied(), &l.path) < (Some(date), &session.path));
        if newer {
            latest.insert(region, session);
        }
    }
    latest.into_values().collect()
}

/// The latest session of `region` held by `today`, when it has one.
#[must_use]
pub fn latest_of<'a>(sessions: &'a [Session], region: &str, today: NaiveDate) -> Option<&'a Session> {
    latest_by_region(sessions, today).into_iter().find(|s| s.region.str() == Some(region))
}

/// The sessions planned after `today`: files dated ahead (a session scaffolded for a later
/// day), in date order, whoever is listed as attending.
#[must_use]
pub fn planned(sessions: &[Session], today: NaiveDate) -> Vec<&Session> {
    let mut planned: Vec<&Session> =
        sessions.iter().filter(|s| s.region.str().is_some() && s.date.get().is_some_and(|d| *d > today)).collect();
    planned.sort_by(|a, b| (a.date.copied(), &a.path).cmp(&(b.date.copied(), &b.path)));
    planned
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guide;

    fn session(path: &str, text: &str) -> Session {
        let mut found = Vec::new();
        check_bytes(path.into(), text.as_bytes(), &Guide::default(), &mut found).expect("a mapping")
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("a date")
    }

    #[test]
    fn a_session_is_held_on_or_after_its_date_once_someone_attended() {
        let held = session("a.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-19\nattendees: [Sanjay]\n");
        assert!(held.is_held(day(19)) && held.is_held(day(20)));
        assert!(!held.is_held(day(18)), "dated ahead: planned, not held");
        let draft = session("b.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-19\nattendees: []\n");
        assert!(!draft.is_held(day(20)), "nobody recorded as attending");
        let blank = session("c.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-19\nattendees: ['  ']\n");
        assert!(!blank.is_held(day(20)), "a blank name is nobody");
    }

    #[test]
    fn the_latest_session_of_a_region_is_the_latest_held() {
        let sessions = vec![
            session("reviews/north/2026-11-06.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-06\nattendees: [S]\n"),
            session("reviews/north/2026-11-19.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-19\nattendees: []\n"),
            session("reviews/north/2026-11-27.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-27\nattendees: [S]\n"),
        ];
        let latest = latest_of(&sessions, "north", day(20)).map(|s| &*s.path);
        assert_eq!(latest, Some("reviews/north/2026-11-06.yaml"));
        let planned: Vec<&str> = planned(&sessions, day(20)).iter().map(|s| &*s.path).collect();
        assert_eq!(planned, vec!["reviews/north/2026-11-27.yaml"]);
        assert_eq!(latest_of(&sessions, "north", day(27)).map(|s| &*s.path), Some("reviews/north/2026-11-27.yaml"));
    }
}
