//! `last_review` in `report` JSON: the region's latest review session, as the pack's
//! "Since the last review" shows it.

use serde::Serialize;

use super::Field;
use crate::view::LastReview;
use crate::view::last_review::ActionState;

/// The session.
#[derive(Serialize)]
pub(super) struct Json<'a> {
    date: String,
    path: &'a str,
    attendees: &'a [String],
    /// `{"withheld": true}` for an audience that hides `review.decisions`.
    decisions: Field<&'a Vec<String>>,
    actions: Vec<Action<'a>>,
    /// How many actions the audience may not see (absent when none).
    #[serde(skip_serializing_if = "is_zero")]
    withheld_actions: usize,
    next_review: Option<String>,
    next_review_passed: bool,
}

/// One of its actions.
#[derive(Serialize)]
struct Action<'a> {
    action: &'a str,
    owner: Option<&'a str>,
    due: Option<String>,
    engagement: Option<&'a str>,
    /// `done`, `open`, `blocked` or `overdue`.
    state: &'static str,
}

/// The JSON of `last`.
pub(super) fn json(last: &LastReview) -> Json<'_> {
    Json {
        date: last.date.to_string(),
        path: &last.path,
        attendees: &last.attendees,
        decisions: Field(last.decisions.as_ref()),
        actions: last
            .actions
            .iter()
            .map(|a| Action {
                action: &a.action,
                owner: a.owner.as_deref(),
                due: a.due.map(|d| d.to_string()),
                engagement: a.engagement.as_deref(),
                state: match a.state {
                    ActionState::Done => "done",
                    ActionState::Open => "open",
                    ActionState::Blocked => "blocked",
                    ActionState::Overdue => "overdue",
                },
            })
            .collect(),
        withheld_actions: last.withheld_actions,
        next_review: last.next_review.map(|d| d.to_string()),
        next_review_passed: last.next_overdue,
    }
}

#[allow(clippy::trivially_copy_pass_by_ref, reason = "serde's skip_serializing_if passes a reference")]
fn is_zero(n: &usize) -> bool {
    *n == 0
}
