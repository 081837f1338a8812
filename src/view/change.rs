//! What changed since a commit, as every output shows it: one [`Change`] per kind of
//! change, in a fixed order, with the direction of each move decided here.

use chrono::NaiveDate;

use super::acknowledgement::names_hidden;
use super::mask::Mask;
use super::pack::Measure;
use crate::choice::Status;
use crate::finding::RuleId;
use crate::format::{Section, key as k};
use crate::history::{AcknowledgementChange, Changes, LeadChange, RegionMove, Removed, Since};
use crate::model::Role;

/// Which way something moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    /// For the better (a higher score or comfort, a better status).
    Better,
    /// For the worse.
    Worse,
    /// Neither (or not comparable: a score added or taken out).
    Level,
}

impl Trend {
    /// How `new` compares with `old`, where higher is better.
    fn of<T: Ord>(old: Option<T>, new: Option<T>) -> Self {
        match (old, new) {
            (Some(o), Some(n)) if n > o => Self::Better,
            (Some(o), Some(n)) if n < o => Self::Worse,
            _ => Self::Level,
        }
    }
}

/// A measure whose score moved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScoreMove<'a> {
    /// `account_status` or `strategy`.
    pub section: Section,
    /// The measure key.
    pub key: &'a str,
    /// The measure's name (its key when it is no longer configured).
    pub name: &'a str,
    /// The score before (`None`: not scored).
    pub old: Option<i64>,
    /// The score now.
    pub new: Option<i64>,
    /// Which way it moved.
    pub trend: Trend,
}

/// A lead added, removed or handed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadMove<'a> {
    /// Someone took up a role.
    Added {
        /// The role.
        role: Role,
        /// Who.
        name: &'a str,
    },
    /// Someone left a role.
    Removed {
        /// The role.
        role: Role,
        /// Who.
        name: &'a str,
    },
    /// A single-name role passed from one person to another.
    HandedOver {
        /// The role.
        role: Role,
        /// Who held it.
        old: &'a str,
        /// Who holds it now.
        new: &'a str,
    },
}

/// What happened to an acknowledgement since the base commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AcknowledgementMove {
    /// In force now, not in the file at the base.
    Added,
    /// In force at the base, its `until` passed now.
    Lapsed,
    /// In the file at the base, gone now.
    Removed,
}

impl AcknowledgementMove {
    /// `added`, `lapsed` or `removed`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Added => "added",
            Self::Lapsed => "lapsed",
            Self::Removed => "removed",
        }
    }
}

/// One kind of change to one engagement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change<'a> {
    /// The engagement is new since the base commit.
    Added,
    /// Its version at the base commit could not be read, so nothing else could be
    /// compared.
    BaseUnread {
        /// The base commit, abbreviated.
        commit: &'a str,
        /// The rule a check of that version reports first, or why there was nothing to
        /// read (`file-too-large`, `deleted`, …).
        reason: &'static str,
    },
    /// Renamed.
    Renamed {
        /// The name before.
        old: &'a str,
        /// The name now.
        new: &'a str,
    },
    /// Moved into this region from another.
    Region {
        /// The region before.
        from: &'a str,
        /// The region now.
        to: &'a str,
    },
    /// The overall status changed.
    Status {
        /// Before.
        old: Status,
        /// Now.
        new: Status,
        /// Which way.
        trend: Trend,
    },
    /// Scores moved.
    Scores(Vec<ScoreMove<'a>>),
    /// A lead added, removed or handed over.
    Lead(LeadMove<'a>),
    /// The headline was rewritten: the new text.
    Headline(&'a str),
    /// The next steps were rewritten: the new list.
    NextSteps(&'a [String]),
    /// Risks added (titles).
    RisksAdded(&'a [String]),
    /// Risks removed.
    RisksRemoved(&'a [String]),
    /// A risk re-scored.
    RiskRescored {
        /// Its title now.
        risk: &'a str,
        /// The comfort before.
        old: i64,
        /// The comfort now.
        new: i64,
        /// Which way.
        trend: Trend,
    },
    /// Actions completed.
    ActionsCompleted(&'a [String]),
    /// Actions added.
    ActionsAdded(&'a [String]),
    /// Open actions dropped.
    ActionsDropped(&'a [String]),
    /// An action's due date moved.
    ActionRedated {
        /// The action.
        action: &'a str,
        /// The due date before.
        old: NaiveDate,
        /// The due date now.
        new: NaiveDate,
        /// Days moved: positive when later.
        days: i64,
    },
    /// An action passed to another owner.
    ActionReowned {
        /// The action.
        action: &'a str,
        /// The owner before.
        old: &'a str,
        /// The owner now.
        new: &'a str,
    },
    /// Objectives added.
    ObjectivesAdded(&'a [String]),
    /// Objectives removed.
    ObjectivesRemoved(&'a [String]),
    /// Objectives whose date has passed since the base commit.
    ObjectivesPassed(&'a [String]),
    /// A service review was held.
    ServiceReview {
        /// The last review before (`None`: none recorded).
        old: Option<NaiveDate>,
        /// The last review now.
        new: NaiveDate,
    },
    /// An ask for help made since the base commit (or rewritten): the ask now.
    SupportAsked(&'a str),
    /// The ask for help at the base commit, closed since (the section taken out).
    SupportClosed(&'a str),
    /// An acknowledgement added, lapsed or removed.
    Acknowledgement {
        /// What happened to it.
        kind: AcknowledgementMove,
        /// The rule whose findings it silences.
        rule: RuleId,
        /// What they are about, when recorded.
        about: Option<&'a str>,
        /// Why, when valid.
        reason: Option<&'a str>,
        /// Its last day.
        until: NaiveDate,
        /// Who acknowledged them, when valid.
        by: Option<&'a str>,
    },
    /// The file moved (the engagement is the same).
    FileMoved {
        /// Its path at the base commit.
        from: &'a str,
    },
    /// How many other changes were to fields the audience may not see: counted, not
    /// described. Always the last line.
    Withheld(usize),
}

/// What changed in one engagement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeSummary<'a> {
    /// A few words for a table column (`amber→green ↑, ↑1 ↓1, lead handed over`).
    pub brief: String,
    /// Whether the engagement is better or worse on the whole (status, then scores).
    pub trend: Trend,
    /// Every change, in a fixed order; empty when nothing changed.
    pub lines: Vec<Change<'a>>,
}

/// The change lines of `changes` that `mask`'s audience may see, then how many it may
/// not ([`Change::Withheld`]); `measures` name the scores, `commit` is the base commit,
/// abbreviated.
#[must_use]
pub fn lines<'a>(changes: &'a Changes, measures: &[Measure<'a>], commit: &'a str, mask: Mask<'_>) -> Vec<Change<'a>> {
    let Changes {
        added,
        moved_from,
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
    } = changes;
    // Destructured so that a new kind of change cannot be forgotten here.
    let mut out = Vec::new();
    let withheld = std::cell::Cell::new(0);
    // Whether any of the fields a kind of change quotes is hidden: then it is counted.
    let hidden = |fields: &[&[&str]]| {
        let hide = fields.iter().any(|f| mask.hides(f));
        withheld.set(withheld.get() + usize::from(hide));
        hide
    };
    if *added {
        out.push(Change::Added);
    }
    if let Some(why) = base_unread {
        out.push(Change::BaseUnread { commit, reason: why.reason() });
    }
    if let Some((old, new)) = renamed {
        out.push(Change::Renamed { old, new });
    }
    if let Some((from, to)) = region {
        out.push(Change::Region { from, to });
    }
    if let Some((old, new)) = *status {
        out.push(Change::Status { old, new, trend: Trend::of(Some(old), Some(new)) });
    }
    let moves: Vec<ScoreMove<'a>> = scores
        .iter()
        .filter(|s| !hidden(&[&[s.section.key(), &s.key, k::SCORE]]))
        .map(|s| {
            let name =
                measures.iter().find(|m| m.section == s.section && m.key == s.key).map_or(s.key.as_str(), |m| m.name);
            ScoreMove { section: s.section, key: &s.key, name, old: s.old, new: s.new, trend: Trend::of(s.old, s.new) }
        })
        .collect();
    if !moves.is_empty() {
        out.push(Change::Scores(moves));
    }
    out.extend(leads.iter().filter(|l| !hidden(&[&[k::LEADS, l.role.key()]])).filter_map(lead).map(Change::Lead));
    if let Some(text) = headline.as_deref().filter(|_| !hidden(&[&[k::HEADLINE]])) {
        out.push(Change::Headline(text));
    }
    if let Some(steps) = next_steps.as_deref().filter(|_| !hidden(&[&[k::NEXT_STEPS]])) {
        out.push(Change::NextSteps(steps));
    }
    let list = |items: &'a [String], fields: &[&[&str]], make: fn(&'a [String]) -> Change<'a>| {
        (!items.is_empty() && !hidden(fields)).then(|| make(items))
    };
    let (risk, action, objective) = ([k::RISKS, k::TITLE], [k::ACTIONS, k::ACTION], [k::OBJECTIVES, k::TITLE]);
    out.extend(list(risks_added, &[&risk], Change::RisksAdded));
    out.extend(list(risks_removed, &[&risk], Change::RisksRemoved));
    out.extend(risks_rescored.iter().filter(|_| !hidden(&[&risk, &[k::RISKS, k::SCORE]])).map(|r| {
        Change::RiskRescored { risk: &r.item, old: r.old, new: r.new, trend: Trend::of(Some(r.old), Some(r.new)) }
    }));
    out.extend(list(actions_completed, &[&action, &[k::ACTIONS, k::STATUS]], Change::ActionsCompleted));
    out.extend(list(actions_added, &[&action], Change::ActionsAdded));
    out.extend(list(actions_removed, &[&action], Change::ActionsDropped));
    out.extend(
        actions_redated.iter().filter(|_| !hidden(&[&action, &[k::ACTIONS, k::DUE]])).map(|a| Change::ActionRedated {
            action: &a.item,
            old: a.old,
            new: a.new,
            days: a.days(),
        }),
    );
    out.extend(
        actions_reowned
            .iter()
            .filter(|_| !hidden(&[&action, &[k::ACTIONS, k::OWNER]]))
            .map(|a| Change::ActionReowned { action: &a.item, old: &a.old, new: &a.new }),
    );
    out.extend(list(objectives_added, &[&objective], Change::ObjectivesAdded));
    out.extend(list(objectives_removed, &[&objective], Change::ObjectivesRemoved));
    out.extend(list(objectives_passed, &[&objective, &[k::OBJECTIVES, k::DATE]], Change::ObjectivesPassed));
    if let Some((old, new)) = service_review.filter(|_| !hidden(&[&[k::SERVICE_REVIEW, k::LAST]])) {
        out.push(Change::ServiceReview { old, new });
    }
    let ask = [k::SUPPORT, k::ASK];
    out.extend(support_asked.as_deref().filter(|_| !hidden(&[&ask])).map(Change::SupportAsked));
    out.extend(support_closed.as_deref().filter(|_| !hidden(&[&ask])).map(Change::SupportClosed));
    // An acknowledgement quotes its own fields, and its `about` what it names: when the
    // audience may not see either, it is counted (as its findings would be).
    let quoted: [&[&str]; 5] = [
        &[k::ACKNOWLEDGED, k::RULE],
        &[k::ACKNOWLEDGED, k::ABOUT],
        &[k::ACKNOWLEDGED, k::REASON],
        &[k::ACKNOWLEDGED, k::UNTIL],
        &[k::ACKNOWLEDGED, k::BY],
    ];
    // Without `about`, it covers every finding of its rule in the file, which are not at
    // hand here: its reason may describe any field its rule reports on.
    let acknowledgement_hidden = |a: &AcknowledgementChange| {
        let about_hidden = match a.about.as_deref() {
            Some(about) => names_hidden(about, a.names, mask),
            None => rule_may_be_hidden(a.rule, mask),
        };
        if about_hidden {
            withheld.set(withheld.get() + 1);
            return true;
        }
        hidden(&quoted)
    };
    for (kind, list) in [
        (AcknowledgementMove::Added, acknowledgements_added),
        (AcknowledgementMove::Lapsed, acknowledgements_lapsed),
        (AcknowledgementMove::Removed, acknowledgements_removed),
    ] {
        out.extend(list.iter().filter(|a| !acknowledgement_hidden(a)).map(|a| Change::Acknowledgement {
            kind,
            rule: a.rule,
            about: a.about.as_deref(),
            reason: a.reason.as_deref(),
            until: a.until,
            by: a.by.as_deref(),
        }));
    }
    if let Some(from) = moved_from {
        out.push(Change::FileMoved { from });
    }
    if withheld.get() > 0 {
        out.push(Change::Withheld(withheld.get()));
    }
    out
}

fn lead(l: &LeadChange) -> Option<LeadMove<'_>> {
    let role = l.role;
    Some(match (l.old.as_deref(), l.new.as_deref()) {
        (Some(old), Some(new)) => LeadMove::HandedOver { role, old, new },
        (None, Some(name)) => LeadMove::Added { role, name },
        (Some(name), None) => LeadMove::Removed { role, name },
        (None, None) => return None,
    })
}

/// The summary of `changes` for one engagement, as `mask`'s audience may see it: its
/// brief and trend are worked out from the lines it may see.
pub(super) fn summary<'a>(
    changes: &'a Changes,
    measures: &[Measure<'a>],
    commit: &'a str,
    mask: Mask<'_>,
) -> ChangeSummary<'a> {
    let lines = lines(changes, measures, commit, mask);
    let (up, down) = lines
        .iter()
        .filter_map(|c| match c {
            Change::Scores(moves) => Some(moves),
            _ => None,
        })
        .flatten()
        .fold((0, 0), |(up, down), m| match m.trend {
            Trend::Better => (up + 1, down),
            Trend::Worse => (up, down + 1),
            Trend::Level => (up, down),
        });
    let status = lines.iter().find_map(|c| match c {
        Change::Status { trend, .. } => Some(*trend),
        _ => None,
    });
    let trend = match status {
        None | Some(Trend::Level) => Trend::of(Some(down), Some(up)),
        Some(moved) => moved,
    };
    ChangeSummary { brief: brief(&lines, up, down), trend, lines }
}

/// A few words for a table, from the lines shown: `new`, `amber→green ↑`, `↑2 ↓1`,
/// `lead handed over`, `due moved`, `region`, `renamed`, `acknowledged`, `acknowledgement
/// lapsed`, `acknowledgement removed`, `base unreadable`, `edited`, `=` (the words of
/// [`Changes::brief`], which sees every change).
fn brief(lines: &[Change<'_>], up: usize, down: usize) -> String {
    if lines.first() == Some(&Change::Added) {
        return "new".to_owned();
    }
    let mut parts = Vec::new();
    let mut flags = [
        (false, "lead handed over"),
        (false, "due moved"),
        (false, "region"),
        (false, "renamed"),
        (false, "acknowledged"),
        (false, "acknowledgement lapsed"),
        (false, "acknowledgement removed"),
    ];
    for c in lines {
        match c {
            Change::BaseUnread { .. } => parts.push("base unreadable".to_owned()),
            Change::Status { old, new, trend } => {
                let arrow = if *trend == Trend::Better { "↑" } else { "↓" };
                parts.push(format!("{}→{} {arrow}", old.as_str(), new.as_str()));
            }
            Change::Lead(LeadMove::HandedOver { .. }) => flags[0].0 = true,
            Change::ActionRedated { .. } => flags[1].0 = true,
            Change::Region { .. } => flags[2].0 = true,
            Change::Renamed { .. } => flags[3].0 = true,
            Change::Acknowledgement { kind: AcknowledgementMove::Added, .. } => flags[4].0 = true,
            Change::Acknowledgement { kind: AcknowledgementMove::Lapsed, .. } => flags[5].0 = true,
            Change::Acknowledgement { kind: AcknowledgementMove::Removed, .. } => flags[6].0 = true,
            _ => {}
        }
    }
    let moves: Vec<String> =
        [(up, "↑"), (down, "↓")].iter().filter(|(n, _)| *n > 0).map(|(n, arrow)| format!("{arrow}{n}")).collect();
    if !moves.is_empty() {
        parts.push(moves.join(" "));
    }
    parts.extend(flags.iter().filter(|(on, _)| *on).map(|(_, word)| (*word).to_owned()));
    let moved_only = lines.iter().all(|c| matches!(c, Change::FileMoved { .. }));
    match (parts.is_empty(), moved_only) {
        (false, _) => parts.join(", "),
        (true, true) => "=".to_owned(),
        (true, false) => "edited".to_owned(),
    }
}

/// An engagement gone since the base commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gone<'a> {
    /// Its name then (its path when the name could not be read).
    pub name: &'a str,
    /// Its path then.
    pub path: &'a str,
}

/// An engagement that moved out of a region the report covers, into one it does not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Left<'a> {
    /// Its name now.
    pub name: &'a str,
    /// Its path now.
    pub path: &'a str,
    /// The region it left.
    pub from: &'a str,
    /// The region it is in now.
    pub to: &'a str,
}

/// The base commit of a report, and the engagements the report no longer shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SinceView<'a> {
    /// What was asked for (`2026-11-01`, `HEAD~3`).
    pub asked: &'a str,
    /// The commit's full id.
    pub commit: &'a str,
    /// The commit's id, abbreviated.
    pub short: &'a str,
    /// The commit's date.
    pub date: NaiveDate,
    /// Engagements gone since then that the filters would have shown.
    pub gone: Vec<Gone<'a>>,
    /// Engagements that left a region the report covers.
    pub left: Vec<Left<'a>>,
}

impl<'a> SinceView<'a> {
    /// The view of `since`, with the gone and departed engagements the report selected.
    pub(super) fn of(since: &'a Since, removed: &[&'a Removed], left: &[&'a RegionMove]) -> Self {
        Self {
            asked: &since.commit.asked,
            commit: &since.commit.id,
            short: since.commit.short(),
            date: since.commit.date,
            gone: removed.iter().map(|r| Gone { name: r.name(), path: &r.path }).collect(),
            left: left.iter().map(|m| Left { name: &m.name, path: &m.path, from: &m.from, to: &m.to }).collect(),
        }
    }
}

/// Whether a finding of `rule` may be about a field `mask` hides (any part of): the fields
/// each rule reports on (tests/finding_fields.rs pins them); a rule that may report on any
/// text (`comment-in-text`) counts as hidden for an audience that hides anything.
fn rule_may_be_hidden(rule: RuleId, mask: Mask<'_>) -> bool {
    let fields: &[&[&str]] = match rule {
        RuleId::Stale | RuleId::UpdatedNotBumped => &[&[k::UPDATED]],
        RuleId::FutureDate => &[&[k::UPDATED], &[k::SERVICE_REVIEW], &[k::WINS], &[k::SUPPORT]],
        RuleId::ServiceReviewMissing | RuleId::ServiceReviewOverdue => &[&[k::SERVICE_REVIEW]],
        RuleId::HeadlineTooLong => &[&[k::HEADLINE]],
        RuleId::RegionPathMismatch => &[&[k::REGION]],
        RuleId::RelationshipLeadConflict => &[&[k::LEADS, k::RELATIONSHIP]],
        RuleId::ClientNameDrift => &[&[k::CLIENT]],
        RuleId::SupportOpenLong => &[&[k::SUPPORT]],
        RuleId::ActionOverdue => &[&[k::ACTIONS]],
        RuleId::PastObjective => &[&[k::OBJECTIVES]],
        RuleId::RiskWithoutMitigation => &[&[k::RISKS]],
        RuleId::MissingMeasure | RuleId::LowScoreWithoutAction => &[&[k::ACCOUNT_STATUS], &[k::STRATEGY]],
        RuleId::LowScoreWithoutNotes => &[&[k::ACCOUNT_STATUS], &[k::STRATEGY], &[k::RISKS], &[k::OBJECTIVES]],
        RuleId::StatusMismatch => &[&[k::STATUS], &[k::ACCOUNT_STATUS], &[k::STRATEGY]],
        _ => return mask.hides_anything(),
    };
    fields.iter().any(|keys| mask.hides_within(keys))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::RuleId;
    use crate::history::{ItemChange, LeadChange, ScoreChange, Unread};

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    /// An acknowledgement of `action-overdue` about `about` (an action, when it is one).
    fn ack(about: Option<&str>) -> AcknowledgementChange {
        AcknowledgementChange {
            rule: RuleId::ActionOverdue,
            about: about.map(str::to_owned),
            reason: Some("On leave".into()),
            until: date("2026-12-15"),
            by: Some("Priya Raman".into()),
            names: crate::rules::AboutNames { risk: false, action: about == Some("Ship") },
        }
    }

    fn acknowledgement(kind: AcknowledgementMove, about: Option<&str>) -> Change<'_> {
        Change::Acknowledgement {
            kind,
            rule: RuleId::ActionOverdue,
            about,
            reason: Some("On leave"),
            until: date("2026-12-15"),
            by: Some("Priya Raman"),
        }
    }

    #[test]
    fn an_acknowledgement_about_a_hidden_action_is_counted_and_one_about_a_visible_measure_shown() {
        let changes = Changes {
            acknowledgements_added: vec![ack(Some("Ship"))],
            acknowledgements_removed: vec![ack(Some("customer"))],
            ..Changes::default()
        };
        let guide = crate::guide::Guide::default();
        let hides_actions = crate::audience::Audience {
            name: "company".to_owned(),
            hide: vec![crate::audience::Pattern::new("actions".to_owned(), crate::audience::Scope::Section)],
        };
        let shown = summary(&changes, &[], "abc", Mask::new(Some(&hides_actions), &guide));
        assert_eq!(
            shown.lines,
            vec![acknowledgement(AcknowledgementMove::Removed, Some("customer")), Change::Withheld(1)]
        );
        assert_eq!(shown.brief, "acknowledgement removed");
        let whole = summary(&changes, &[], "abc", Mask::new(None, &guide));
        assert_eq!(whole.brief, "acknowledged, acknowledgement removed");
        assert_eq!(whole.brief, changes.brief());
    }

    #[test]
    fn an_acknowledgement_without_about_is_counted_when_its_rule_reports_on_a_hidden_field() {
        let changes = Changes { acknowledgements_added: vec![ack(None)], ..Changes::default() };
        let guide = crate::guide::Guide::default();
        let hides_actions = crate::audience::Audience {
            name: "company".to_owned(),
            hide: vec![crate::audience::Pattern::new("actions".to_owned(), crate::audience::Scope::Section)],
        };
        let shown = summary(&changes, &[], "abc", Mask::new(Some(&hides_actions), &guide));
        assert_eq!(shown.lines, vec![Change::Withheld(1)]);
        let whole = summary(&changes, &[], "abc", Mask::new(None, &guide));
        assert_eq!(whole.lines, vec![acknowledgement(AcknowledgementMove::Added, None)]);
        // One of a rule about fields the audience sees is shown.
        let stale = AcknowledgementChange { rule: RuleId::Stale, ..ack(None) };
        let changes = Changes { acknowledgements_added: vec![stale], ..Changes::default() };
        let shown = summary(&changes, &[], "abc", Mask::new(Some(&hides_actions), &guide));
        assert!(
            matches!(shown.lines.as_slice(), [Change::Acknowledgement { rule: RuleId::Stale, .. }]),
            "{:?}",
            shown.lines
        );
    }

    #[test]
    fn every_kind_of_change_has_its_line_in_a_fixed_order() {
        let one = vec!["A".to_owned()];
        let changes = Changes {
            added: false,
            moved_from: Some("engagements/scotland/a.yaml".into()),
            renamed: Some(("Old".into(), "New".into())),
            region: Some(("scotland".into(), "north".into())),
            status: Some((Status::Green, Status::Amber)),
            scores: vec![ScoreChange { section: Section::Strategy, key: "growth".into(), old: Some(2), new: Some(3) }],
            leads: vec![
                LeadChange { role: Role::Account, old: Some("Ann".into()), new: Some("Bo".into()) },
                LeadChange { role: Role::Tech, old: None, new: Some("Cy".into()) },
                LeadChange { role: Role::Delivery, old: Some("Di".into()), new: None },
            ],
            headline: Some("H".into()),
            next_steps: Some(one.clone()),
            risks_added: one.clone(),
            risks_removed: one.clone(),
            risks_rescored: vec![ItemChange { item: "R".into(), old: 3, new: 1 }],
            actions_completed: one.clone(),
            actions_added: one.clone(),
            actions_removed: one.clone(),
            actions_redated: vec![ItemChange { item: "S".into(), old: date("2026-12-01"), new: date("2027-01-15") }],
            actions_reowned: vec![ItemChange { item: "T".into(), old: "X".into(), new: "Y".into() }],
            objectives_added: one.clone(),
            objectives_removed: one.clone(),
            objectives_passed: one.clone(),
            service_review: Some((None, date("2026-11-17"))),
            base_unread: Some(Unread::Invalid(RuleId::Syntax)),
            support_asked: Some("Help".into()),
            support_closed: Some("Old help".into()),
            acknowledgements_added: vec![ack(Some("Ship"))],
            acknowledgements_lapsed: vec![ack(None)],
            acknowledgements_removed: vec![ack(Some("customer"))],
        };
        let measures = [Measure { section: Section::Strategy, key: "growth", name: "Growth" }];
        let guide = crate::guide::Guide::default();
        let all = Mask::new(None, &guide);
        let lines = lines(&changes, &measures, "abc", all);
        let expected = vec![
            Change::BaseUnread { commit: "abc", reason: "syntax" },
            Change::Renamed { old: "Old", new: "New" },
            Change::Region { from: "scotland", to: "north" },
            Change::Status { old: Status::Green, new: Status::Amber, trend: Trend::Worse },
            Change::Scores(vec![ScoreMove {
                section: Section::Strategy,
                key: "growth",
                name: "Growth",
                old: Some(2),
                new: Some(3),
                trend: Trend::Better,
            }]),
            Change::Lead(LeadMove::HandedOver { role: Role::Account, old: "Ann", new: "Bo" }),
            Change::Lead(LeadMove::Added { role: Role::Tech, name: "Cy" }),
            Change::Lead(LeadMove::Removed { role: Role::Delivery, name: "Di" }),
            Change::Headline("H"),
            Change::NextSteps(&one),
            Change::RisksAdded(&one),
            Change::RisksRemoved(&one),
            Change::RiskRescored { risk: "R", old: 3, new: 1, trend: Trend::Worse },
            Change::ActionsCompleted(&one),
            Change::ActionsAdded(&one),
            Change::ActionsDropped(&one),
            Change::ActionRedated { action: "S", old: date("2026-12-01"), new: date("2027-01-15"), days: 45 },
            Change::ActionReowned { action: "T", old: "X", new: "Y" },
            Change::ObjectivesAdded(&one),
            Change::ObjectivesRemoved(&one),
            Change::ObjectivesPassed(&one),
            Change::ServiceReview { old: None, new: date("2026-11-17") },
            Change::SupportAsked("Help"),
            Change::SupportClosed("Old help"),
            acknowledgement(AcknowledgementMove::Added, Some("Ship")),
            acknowledgement(AcknowledgementMove::Lapsed, None),
            acknowledgement(AcknowledgementMove::Removed, Some("customer")),
            Change::FileMoved { from: "engagements/scotland/a.yaml" },
        ];
        assert_eq!(lines, expected);
        assert_eq!(
            super::lines(&Changes { added: true, ..Changes::default() }, &measures, "abc", all),
            [Change::Added]
        );
        assert!(super::lines(&Changes::default(), &measures, "abc", all).is_empty(), "nothing changed: no line");
    }

    #[test]
    fn the_whole_trend_follows_the_status_then_the_scores() {
        let score =
            |old, new| ScoreChange { section: Section::AccountStatus, key: "k".into(), old: Some(old), new: Some(new) };
        let guide = crate::guide::Guide::default();
        let trend = |c: &Changes| summary(c, &[], "abc", Mask::new(None, &guide)).trend;
        assert_eq!(
            trend(&Changes { scores: vec![score(2, 3), score(4, 3), score(1, 2)], ..Changes::default() }),
            Trend::Better
        );
        let worse =
            Changes { status: Some((Status::Green, Status::Red)), scores: vec![score(2, 3)], ..Changes::default() };
        assert_eq!(trend(&worse), Trend::Worse, "the status first");
        assert_eq!(trend(&Changes::default()), Trend::Level);
    }

    fn company() -> crate::audience::Audience {
        use crate::audience::{Pattern, Scope};
        let hide = [
            ("headline", Scope::Section),
            ("risks", Scope::Section),
            ("actions.due", Scope::Field),
            ("account_status.commercial", Scope::Items),
            ("leads.relationship", Scope::Field),
        ];
        crate::audience::Audience {
            name: "company".to_owned(),
            hide: hide.iter().map(|&(t, s)| Pattern::new(t.to_owned(), s)).collect(),
        }
    }

    #[test]
    fn a_change_to_a_hidden_field_is_counted_not_shown_nor_in_the_brief() {
        let score = |key: &str, old, new| ScoreChange {
            section: Section::AccountStatus,
            key: key.to_owned(),
            old: Some(old),
            new: Some(new),
        };
        let changes = Changes {
            status: Some((Status::Green, Status::Amber)),
            scores: vec![score("commercial", 4, 2), score("team", 2, 3)],
            leads: vec![
                LeadChange { role: Role::Account, old: Some("Ann".into()), new: Some("Bo".into()) },
                LeadChange { role: Role::Relationship, old: Some("Rita".into()), new: Some("Sam".into()) },
            ],
            headline: Some("Secret".into()),
            risks_added: vec!["Key person".into()],
            actions_redated: vec![ItemChange { item: "Ship".into(), old: date("2026-12-01"), new: date("2027-01-15") }],
            ..Changes::default()
        };
        let guide = crate::guide::Guide::default();
        let audience = company();
        let measures = [Measure { section: Section::AccountStatus, key: "team", name: "Team" }];
        let summary = summary(&changes, &measures, "abc", Mask::new(Some(&audience), &guide));
        assert_eq!(
            summary.lines,
            vec![
                Change::Status { old: Status::Green, new: Status::Amber, trend: Trend::Worse },
                Change::Scores(vec![ScoreMove {
                    section: Section::AccountStatus,
                    key: "team",
                    name: "Team",
                    old: Some(2),
                    new: Some(3),
                    trend: Trend::Better,
                }]),
                Change::Lead(LeadMove::HandedOver { role: Role::Account, old: "Ann", new: "Bo" }),
                Change::Withheld(5),
            ]
        );
        assert_eq!(summary.brief, "green→amber ↓, ↑1, lead handed over", "no ↓ for commercial, no due moved");
        assert_eq!(changes.brief(), "green→amber ↓, ↑1 ↓1, lead handed over, due moved");
        let only_hidden = Changes { headline: Some("Secret".into()), ..Changes::default() };
        let hidden = super::summary(&only_hidden, &measures, "abc", Mask::new(Some(&audience), &guide));
        assert_eq!((hidden.lines, hidden.brief.as_str()), (vec![Change::Withheld(1)], "edited"));
    }

    #[test]
    fn shown_whole_the_brief_is_the_brief_of_every_change() {
        let d = Changes::default;
        let slip = ItemChange { item: "Ship".into(), old: date("2026-12-01"), new: date("2027-01-15") };
        let cases = [
            d(),
            Changes { added: true, ..d() },
            Changes { moved_from: Some("a.yaml".into()), ..d() },
            Changes { base_unread: Some(Unread::Invalid(RuleId::Syntax)), ..d() },
            Changes { risks_added: vec!["R".into()], ..d() },
            Changes {
                status: Some((Status::Red, Status::Amber)),
                scores: vec![
                    ScoreChange { section: Section::Strategy, key: "a".into(), old: Some(2), new: Some(3) },
                    ScoreChange { section: Section::Strategy, key: "b".into(), old: Some(3), new: Some(1) },
                    ScoreChange { section: Section::Strategy, key: "c".into(), old: None, new: Some(1) },
                ],
                leads: vec![LeadChange { role: Role::Tech, old: Some("A".into()), new: Some("B".into()) }],
                actions_redated: vec![slip],
                region: Some(("south".into(), "north".into())),
                renamed: Some(("A".into(), "B".into())),
                base_unread: Some(Unread::Invalid(RuleId::Syntax)),
                ..d()
            },
        ];
        let guide = crate::guide::Guide::default();
        for c in &cases {
            assert_eq!(summary(c, &[], "abc", Mask::new(None, &guide)).brief, c.brief(), "{c:?}");
        }
    }
}
