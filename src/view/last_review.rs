//! "Since the last review": the region's latest review session held (dated today or
//! before, with its attendees recorded: a draft `review new` scaffolded is not yet it) — its decisions, its
//! actions (done, open, blocked or overdue, as `review-action-overdue` decides) and the
//! next review date — that a region's pack and region page open with.
//!
//! Built for an audience, as the engagements are: a session's actions are engagement
//! actions of the region, so an audience that hides anything of `actions` (the section or
//! one of its fields) sees them counted, not described — each is told in one line that
//! quotes its text, owner and date, as a finding does. Its decisions are withheld from an
//! audience that hides `review.decisions`.

use chrono::NaiveDate;

use super::mask::Mask;
use super::shown::Shown;
use crate::audience::REVIEW;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::ActionStatus;
use crate::review::{Session, SessionAction};

/// Where an action of the last session stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionState {
    /// Done.
    Done,
    /// Still to do, not yet due.
    Open,
    /// Blocked, not yet due.
    Blocked,
    /// Not done and past its date (a `review-action-overdue` finding).
    Overdue,
}

/// One action of the last session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastAction {
    /// What is to be done.
    pub action: String,
    /// Who.
    pub owner: Option<String>,
    /// By when.
    pub due: Option<NaiveDate>,
    /// The engagement it is about.
    pub engagement: Option<String>,
    /// Where it stands.
    pub state: ActionState,
}

/// The region's latest review session, as the pack shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LastReview {
    /// The region.
    pub region: String,
    /// When the session was held.
    pub date: NaiveDate,
    /// The session's file, as shown.
    pub path: String,
    /// Who came.
    pub attendees: Vec<String>,
    /// What it decided (withheld from an audience that hides `review.decisions`).
    pub decisions: Shown<Vec<String>>,
    /// What it asked people to do (none when they are withheld).
    pub actions: Vec<LastAction>,
    /// How many actions the audience may not see: counted, not described.
    pub withheld_actions: usize,
    /// The next session's date, when booked.
    pub next_review: Option<NaiveDate>,
    /// Whether that date has passed with no session recorded (a `review-overdue` finding).
    pub next_overdue: bool,
}

impl LastReview {
    /// The latest session of `region` among `sessions` held by `today` (a draft is not the
    /// last review: see [`Session::is_held`]), with the facts `findings` (the
    /// review files' findings, severities applied) decide, as `mask`'s audience may see
    /// it; `None` when it has none.
    #[must_use]
    pub fn of(
        sessions: &[Session],
        region: &str,
        today: NaiveDate,
        findings: &[Finding],
        mask: Mask<'_>,
    ) -> Option<Self> {
        let session = crate::review::latest_of(sessions, region, today)?;
        let date = session.date.copied()?;
        let has = |rule: RuleId, field: &FieldPath| {
            findings.iter().any(|f| f.rule == rule && f.path == session.path && f.field.as_ref() == Some(field))
        };
        let (actions, withheld_actions) = if mask.hides_within(&[k::ACTIONS]) {
            (Vec::new(), session.actions.len())
        } else {
            (session.actions.iter().map(|a| last_action(a, has)).collect(), 0)
        };
        Some(Self {
            region: region.to_owned(),
            date,
            path: session.path.to_string(),
            attendees: session.attendees.clone(),
            decisions: mask.shown(&[REVIEW, k::DECISIONS], Shown::Value(session.decisions.clone())),
            actions,
            withheld_actions,
            next_review: session.next_review.copied(),
            next_overdue: has(RuleId::ReviewOverdue, &FieldPath::key(k::NEXT_REVIEW)),
        })
    }
}

fn last_action(item: &SessionAction, has: impl Fn(RuleId, &FieldPath) -> bool) -> LastAction {
    let a = &item.action;
    let overdue = has(RuleId::ReviewActionOverdue, &FieldPath::item(k::ACTIONS, a.index).field(k::DUE));
    let state = match a.status.copied() {
        _ if overdue => ActionState::Overdue,
        Some(ActionStatus::Done) => ActionState::Done,
        Some(ActionStatus::Blocked) => ActionState::Blocked,
        _ => ActionState::Open,
    };
    LastAction {
        action: a.action.str().unwrap_or("(no action given)").to_owned(),
        owner: a.owner.str().map(str::to_owned),
        due: a.due.copied(),
        engagement: item.engagement.str().map(str::to_owned),
        state,
    }
}
