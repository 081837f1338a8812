//! Review sessions: each regional review session leaves a file
//! (`reviews/<region>/<YYYY-MM-DD>.yaml`, selected by the `reviews` globs) with its
//! attendees, decisions, actions and the date of the next session. [`read`] checks them
//! like engagement files; the rules `review-action-overdue` and `review-overdue` and the
//! region's pack read the [`Session`]s.

mod read;
mod scaffold;

use std::sync::Arc;

use chrono::NaiveDate;

pub use self::read::{check_bytes, is_review, read, sources, texts};
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

/// The latest session of each region (by `date`; a later path breaks a tie), in region
/// order. Sessions without a valid region or date are left out.
#[must_use]
pub fn latest_by_region(sessions: &[Session]) -> Vec<&Session> {
    let mut latest: std::collections::BTreeMap<&str, &Session> = std::collections::BTreeMap::new();
    for session in sessions {
        let (Some(region), Some(date)) = (session.region.str(), session.date.copied()) else { continue };
        let newer = latest.get(region).is_none_or(|l| (l.date.copied(), &l.path) < (Some(date), &session.path));
        if newer {
            latest.insert(region, session);
        }
    }
    latest.into_values().collect()
}

/// The latest session of `region`, when it has one.
#[must_use]
pub fn latest_of<'a>(sessions: &'a [Session], region: &str) -> Option<&'a Session> {
    latest_by_region(sessions).into_iter().find(|s| s.region.str() == Some(region))
}
