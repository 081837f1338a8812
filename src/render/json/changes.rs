//! What changed in one engagement, as JSON: every kind of change, each key always there
//! (`null` or empty when nothing of that kind changed), but for the asks for help and the
//! acknowledgements, there only when they changed.

use serde::Serialize;

use crate::view::{Change, LeadMove};

/// An old and a new value.
#[derive(Serialize)]
pub struct Move<T: Serialize> {
    old: T,
    new: T,
}

/// A score that moved.
#[derive(Serialize)]
pub struct ScoreMove<'a> {
    section: &'static str,
    measure: &'a str,
    old: Option<i64>,
    new: Option<i64>,
}

/// A lead added (`old` null), removed (`new` null) or handed over.
#[derive(Serialize)]
pub struct LeadChange<'a> {
    role: &'static str,
    old: Option<&'a str>,
    new: Option<&'a str>,
}

/// A listed item whose value moved.
#[derive(Serialize)]
pub struct ItemMove<'a, T: Serialize> {
    item: &'a str,
    old: T,
    new: T,
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<i64>,
}

/// A base version that could not be read.
#[derive(Serialize)]
pub struct Unread<'a> {
    commit: &'a str,
    reason: &'static str,
}

/// An acknowledgement added, lapsed or removed.
#[derive(Serialize)]
pub struct AcknowledgementChange<'a> {
    kind: &'static str,
    rule: &'static str,
    about: Option<&'a str>,
    reason: Option<&'a str>,
    until: String,
    by: Option<&'a str>,
}

/// The `changes` object.
#[derive(Default, Serialize)]
pub struct Changes<'a> {
    added: bool,
    moved_from: Option<&'a str>,
    base_unread: Option<Unread<'a>>,
    renamed: Option<Move<&'a str>>,
    region: Option<Move<&'a str>>,
    status: Option<Move<&'static str>>,
    scores: Vec<ScoreMove<'a>>,
    leads: Vec<LeadChange<'a>>,
    headline: Option<&'a str>,
    next_steps: Option<&'a [String]>,
    risks_added: &'a [String],
    risks_removed: &'a [String],
    risks_rescored: Vec<ItemMove<'a, i64>>,
    actions_completed: &'a [String],
    actions_added: &'a [String],
    actions_dropped: &'a [String],
    actions_redated: Vec<ItemMove<'a, String>>,
    actions_reowned: Vec<ItemMove<'a, &'a str>>,
    objectives_added: &'a [String],
    objectives_removed: &'a [String],
    objectives_passed: &'a [String],
    service_review: Option<Move<Option<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    support_asked: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    support_closed: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    acknowledgements: Vec<AcknowledgementChange<'a>>,
    /// How many changes were to fields the audience may not see (left out when none).
    #[serde(skip_serializing_if = "is_zero")]
    withheld: usize,
}

#[expect(clippy::trivially_copy_pass_by_ref, reason = "serde passes a reference")]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl<'a> Changes<'a> {
    /// The object for the change lines of one engagement.
    #[must_use]
    pub fn of(lines: &[Change<'a>]) -> Self {
        let mut c = Self::default();
        for line in lines {
            match line {
                Change::Added => c.added = true,
                Change::BaseUnread { commit, reason } => c.base_unread = Some(Unread { commit, reason }),
                Change::Renamed { old, new } => c.renamed = Some(Move { old: *old, new: *new }),
                Change::Region { from, to } => c.region = Some(Move { old: *from, new: *to }),
                Change::Status { old, new, .. } => c.status = Some(Move { old: old.as_str(), new: new.as_str() }),
                Change::Scores(moves) => {
                    c.scores = moves
                        .iter()
                        .map(|s| ScoreMove { section: s.section.key(), measure: s.key, old: s.old, new: s.new })
                        .collect();
                }
                Change::Lead(lead) => c.leads.push(match *lead {
                    LeadMove::Added { role, name } => LeadChange { role: role.key(), old: None, new: Some(name) },
                    LeadMove::Removed { role, name } => LeadChange { role: role.key(), old: Some(name), new: None },
                    LeadMove::HandedOver { role, old, new } => {
                        LeadChange { role: role.key(), old: Some(old), new: Some(new) }
                    }
                }),
                Change::Headline(text) => c.headline = Some(*text),
                Change::NextSteps(steps) => c.next_steps = Some(*steps),
                Change::RisksAdded(items) => c.risks_added = *items,
                Change::RisksRemoved(items) => c.risks_removed = *items,
                Change::RiskRescored { risk, old, new, .. } => {
                    c.risks_rescored.push(ItemMove { item: risk, old: *old, new: *new, days: None });
                }
                Change::ActionsCompleted(items) => c.actions_completed = *items,
                Change::ActionsAdded(items) => c.actions_added = *items,
                Change::ActionsDropped(items) => c.actions_dropped = *items,
                Change::ActionRedated { action, old, new, days } => c.actions_redated.push(ItemMove {
                    item: action,
                    old: old.to_string(),
                    new: new.to_string(),
                    days: Some(*days),
                }),
                Change::ActionReowned { action, old, new } => {
                    c.actions_reowned.push(ItemMove { item: action, old: *old, new: *new, days: None });
                }
                Change::ObjectivesAdded(items) => c.objectives_added = *items,
                Change::ObjectivesRemoved(items) => c.objectives_removed = *items,
                Change::ObjectivesPassed(items) => c.objectives_passed = *items,
                Change::ServiceReview { old, new } => {
                    c.service_review = Some(Move { old: old.map(|d| d.to_string()), new: Some(new.to_string()) });
                }
                Change::SupportAsked(ask) => c.support_asked = Some(*ask),
                Change::SupportClosed(ask) => c.support_closed = Some(*ask),
                Change::Acknowledgement { kind, rule, about, reason, until, by } => {
                    c.acknowledgements.push(AcknowledgementChange {
                        kind: kind.as_str(),
                        rule: rule.as_str(),
                        about: *about,
                        reason: *reason,
                        until: until.to_string(),
                        by: *by,
                    });
                }
                Change::FileMoved { from } => c.moved_from = Some(*from),
                Change::Withheld(n) => c.withheld = *n,
            }
        }
        c
    }
}
