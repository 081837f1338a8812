//! What changed in one engagement since the base commit: plain data, one field per kind
//! of change, for every output to draw.

use chrono::NaiveDate;

use super::read::Unread;
use crate::finding::RuleId;
use crate::format::Section;
pub use crate::model::Role;
use crate::model::Status;

/// One measure whose score moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreChange {
    /// `account_status` or `strategy`.
    pub section: Section,
    /// The measure key.
    pub key: String,
    /// The score before (`None`: not scored).
    pub old: Option<i64>,
    /// The score now.
    pub new: Option<i64>,
}

/// A lead added (`old` is `None`), removed (`new` is `None`) or handed over (both: a
/// single-name role now held by someone else).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadChange {
    /// The role.
    pub role: Role,
    /// The lead before.
    pub old: Option<String>,
    /// The lead now.
    pub new: Option<String>,
}

impl LeadChange {
    /// Whether the role passed from one person to another.
    #[must_use]
    pub fn is_handover(&self) -> bool {
        self.old.is_some() && self.new.is_some()
    }
}

/// One value of a listed item (a risk, an action) that changed, the item being the same
/// (paired by its text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemChange<T> {
    /// The item's text now (a risk's title, an action).
    pub item: String,
    /// The value before.
    pub old: T,
    /// The value now.
    pub new: T,
}

impl ItemChange<NaiveDate> {
    /// Days the date moved: positive when later, negative when earlier.
    #[must_use]
    pub fn days(&self) -> i64 {
        (self.new - self.old).num_days()
    }
}

/// An acknowledgement added, lapsed or removed since the base: as the file says it (now,
/// or at the base for one removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcknowledgementChange {
    /// The rule whose findings it silences.
    pub rule: RuleId,
    /// What it is about, when recorded.
    pub about: Option<String>,
    /// Why.
    pub reason: Option<String>,
    /// The last day it silences them.
    pub until: NaiveDate,
    /// Who acknowledged them.
    pub by: Option<String>,
    /// What its `about` names among the risks and actions of the version it is read from:
    /// an audience that may not see them sees the change counted, not described.
    pub names: crate::rules::AboutNames,
}

/// What changed in one engagement since the base commit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The engagement is new since the base.
    pub added: bool,
    /// Its path at the base, when it has moved.
    pub moved_from: Option<String>,
    /// The engagement's name before and now, when it was renamed (a file at the same path
    /// naming another engagement).
    pub renamed: Option<(String, String)>,
    /// Its region before and now, when it moved between regions.
    pub region: Option<(String, String)>,
    /// Status before and now, when it changed.
    pub status: Option<(Status, Status)>,
    /// Scores that moved.
    pub scores: Vec<ScoreChange>,
    /// Leads added, removed or handed over, in role order.
    pub leads: Vec<LeadChange>,
    /// The new headline, when it was rewritten.
    pub headline: Option<String>,
    /// The new next steps, when any of them changed.
    pub next_steps: Option<Vec<String>>,
    /// Risks new since the base (titles).
    pub risks_added: Vec<String>,
    /// Risks gone since the base.
    pub risks_removed: Vec<String>,
    /// Risks whose score moved.
    pub risks_rescored: Vec<ItemChange<i64>>,
    /// Actions open at the base and done now.
    pub actions_completed: Vec<String>,
    /// Actions new since the base.
    pub actions_added: Vec<String>,
    /// Actions open at the base and gone now.
    pub actions_removed: Vec<String>,
    /// Actions whose due date moved.
    pub actions_redated: Vec<ItemChange<NaiveDate>>,
    /// Actions whose owner changed.
    pub actions_reowned: Vec<ItemChange<String>>,
    /// Objectives new since the base (titles).
    pub objectives_added: Vec<String>,
    /// Objectives gone since the base.
    pub objectives_removed: Vec<String>,
    /// Objectives there at both versions whose date has passed since the base, as the
    /// `past-objective` rule decides (so a guide that turns it off has none).
    pub objectives_passed: Vec<String>,
    /// `service_review.last` before (`None`: none recorded) and now, when a review was
    /// recorded.
    pub service_review: Option<(Option<NaiveDate>, NaiveDate)>,
    /// Why the version at the base could not be read, when it could not: then nothing
    /// else could be compared (and the other fields say nothing moved).
    pub base_unread: Option<Unread>,
    /// The ask for help now, when it is new since the base (or asks for something else).
    pub support_asked: Option<String>,
    /// The ask for help at the base, when it is closed now (the section taken out).
    pub support_closed: Option<String>,
    /// Acknowledgements in force now that were not in the file at the base.
    pub acknowledgements_added: Vec<AcknowledgementChange>,
    /// Acknowledgements in the file at both, in force at the base (as of its date) and
    /// lapsed now.
    pub acknowledgements_lapsed: Vec<AcknowledgementChange>,
    /// Acknowledgements in the file at the base and gone now.
    pub acknowledgements_removed: Vec<AcknowledgementChange>,
}

impl Changes {
    /// Whether nothing changed in the engagement (a new path alone is not a change: see
    /// [`Changes::moved_from`]). A base version that could not be read is a change: the
    /// outputs say so rather than "unchanged".
    #[must_use]
    pub fn is_empty(&self) -> bool {
        let Self {
            added,
            moved_from: _,
            renamed,
            region,
            status,
            scores,
            leads,
            headline,
            next_steps,
            risks_added,
            risks_removed,
            risks_rescored,
            actions_completed,
            actions_added,
            actions_removed,
            actions_redated,
            actions_reowned,
            objectives_added,
            objectives_removed,
            objectives_passed,
            service_review,
            base_unread,
            support_asked,
            support_closed,
            acknowledgements_added,
            acknowledgements_lapsed,
            acknowledgements_removed,
        } = self;
        // Destructured so that a new kind of change cannot be forgotten here.
        !added
            && renamed.is_none()
            && region.is_none()
            && status.is_none()
            && scores.is_empty()
            && leads.is_empty()
            && headline.is_none()
            && next_steps.is_none()
            && risks_added.is_empty()
            && risks_removed.is_empty()
            && risks_rescored.is_empty()
            && actions_completed.is_empty()
            && actions_added.is_empty()
            && actions_removed.is_empty()
            && actions_redated.is_empty()
            && actions_reowned.is_empty()
            && objectives_added.is_empty()
            && objectives_removed.is_empty()
            && objectives_passed.is_empty()
            && service_review.is_none()
            && base_unread.is_none()
            && support_asked.is_none()
            && support_closed.is_none()
            && acknowledgements_added.is_empty()
            && acknowledgements_lapsed.is_empty()
            && acknowledgements_removed.is_empty()
    }

    /// Scores that went up and down.
    #[must_use]
    pub fn score_moves(&self) -> (usize, usize) {
        let up = self.scores.iter().filter(|s| matches!((s.old, s.new), (Some(o), Some(n)) if n > o)).count();
        let down = self.scores.iter().filter(|s| matches!((s.old, s.new), (Some(o), Some(n)) if n < o)).count();
        (up, down)
    }

    /// A few words for a table: `new`, `amber→green ↑`, `↑2 ↓1`, `lead handed over`,
    /// `due moved`, `region`, `renamed`, `asks for help`, `ask closed`, `acknowledged`,
    /// `acknowledgement lapsed`, `acknowledgement removed`, `base unreadable`, `edited`, `=`.
    #[must_use]
    pub fn brief(&self) -> String {
        if self.added {
            return "new".to_owned();
        }
        let mut parts = Vec::new();
        if self.base_unread.is_some() {
            parts.push("base unreadable".to_owned());
        }
        if let Some((old, new)) = self.status {
            let arrow = if new > old { "↑" } else { "↓" };
            parts.push(format!("{}→{} {arrow}", old.as_str(), new.as_str()));
        }
        let (up, down) = self.score_moves();
        let mut moves = Vec::new();
        if up > 0 {
            moves.push(format!("↑{up}"));
        }
        if down > 0 {
            moves.push(format!("↓{down}"));
        }
        if !moves.is_empty() {
            parts.push(moves.join(" "));
        }
        let flags = [
            (self.leads.iter().any(LeadChange::is_handover), "lead handed over"),
            (!self.actions_redated.is_empty(), "due moved"),
            (self.region.is_some(), "region"),
            (self.renamed.is_some(), "renamed"),
            (self.support_asked.is_some(), "asks for help"),
            (self.support_closed.is_some(), "ask closed"),
            (!self.acknowledgements_added.is_empty(), "acknowledged"),
            (!self.acknowledgements_lapsed.is_empty(), "acknowledgement lapsed"),
            (!self.acknowledgements_removed.is_empty(), "acknowledgement removed"),
        ];
        parts.extend(flags.iter().filter(|(on, _)| *on).map(|(_, word)| (*word).to_owned()));
        if parts.is_empty() {
            if self.is_empty() { "=".to_owned() } else { "edited".to_owned() }
        } else {
            parts.join(", ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::RuleId;

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    #[test]
    fn every_kind_of_change_is_a_change() {
        let some = |c: Changes| assert!(!c.is_empty(), "{c:?}");
        let d = Changes::default;
        assert!(d().is_empty());
        assert!(Changes { moved_from: Some("a.yaml".into()), ..d() }.is_empty(), "a new path alone");
        some(Changes { renamed: Some(("A".into(), "B".into())), ..d() });
        some(Changes { region: Some(("scotland".into(), "north".into())), ..d() });
        some(Changes { leads: vec![LeadChange { role: Role::Tech, old: None, new: Some("Li".into()) }], ..d() });
        some(Changes { headline: Some("H".into()), ..d() });
        some(Changes { support_asked: Some("A tester".into()), ..d() });
        some(Changes { support_closed: Some("A tester".into()), ..d() });
        some(Changes { next_steps: Some(vec![]), ..d() });
        some(Changes { risks_rescored: vec![ItemChange { item: "R".into(), old: 2, new: 4 }], ..d() });
        let slip = ItemChange { item: "Ship".into(), old: date("2026-12-01"), new: date("2027-01-15") };
        some(Changes { actions_redated: vec![slip], ..d() });
        some(Changes {
            actions_reowned: vec![ItemChange { item: "A".into(), old: "X".into(), new: "Y".into() }],
            ..d()
        });
        some(Changes { objectives_added: vec!["O".into()], ..d() });
        some(Changes { objectives_removed: vec!["O".into()], ..d() });
        some(Changes { objectives_passed: vec!["O".into()], ..d() });
        some(Changes { service_review: Some((None, date("2026-11-10"))), ..d() });
        some(Changes { base_unread: Some(Unread::Invalid(RuleId::Syntax)), ..d() });
        let ack = AcknowledgementChange {
            rule: RuleId::Stale,
            about: None,
            reason: None,
            until: date("2026-12-15"),
            by: None,
            names: crate::rules::AboutNames::default(),
        };
        some(Changes { acknowledgements_added: vec![ack.clone()], ..d() });
        some(Changes { acknowledgements_lapsed: vec![ack.clone()], ..d() });
        some(Changes { acknowledgements_removed: vec![ack], ..d() });
    }

    #[test]
    fn days_moved_are_signed() {
        let later = ItemChange { item: "Ship".into(), old: date("2026-12-01"), new: date("2027-01-15") };
        assert_eq!(later.days(), 45);
        let earlier = ItemChange { item: "Ship".into(), old: date("2026-12-01"), new: date("2026-11-30") };
        assert_eq!(earlier.days(), -1);
    }

    #[test]
    fn brief_keeps_todays_words_and_names_the_new_kinds() {
        let d = Changes::default;
        assert_eq!(Changes { added: true, ..d() }.brief(), "new");
        assert_eq!(d().brief(), "=");
        assert_eq!(Changes { risks_added: vec!["R".into()], ..d() }.brief(), "edited");
        assert_eq!(Changes { headline: Some("H".into()), ..d() }.brief(), "edited");
        let scores = vec![
            ScoreChange { section: Section::AccountStatus, key: "a".into(), old: Some(2), new: Some(3) },
            ScoreChange { section: Section::AccountStatus, key: "b".into(), old: Some(3), new: Some(1) },
        ];
        let handover = LeadChange { role: Role::Account, old: Some("Ann".into()), new: Some("Bo".into()) };
        let slip = ItemChange { item: "Ship".into(), old: date("2026-12-01"), new: date("2027-01-15") };
        let all = Changes {
            status: Some((Status::Green, Status::Amber)),
            scores,
            leads: vec![handover],
            actions_redated: vec![slip],
            region: Some(("scotland".into(), "north".into())),
            renamed: Some(("A".into(), "B".into())),
            ..d()
        };
        assert_eq!(all.brief(), "green→amber ↓, ↑1 ↓1, lead handed over, due moved, region, renamed");
        let added = LeadChange { role: Role::Tech, old: None, new: Some("Li".into()) };
        assert_eq!(Changes { leads: vec![added], ..d() }.brief(), "edited", "a lead added is no hand-over");
        assert_eq!(Changes { base_unread: Some(Unread::TooLarge(2 << 20)), ..d() }.brief(), "base unreadable");
    }
}
