//! One engagement as every output shows it: its summary row, every section of its file,
//! what needs attention and what changed.

use chrono::NaiveDate;

use super::attention::{self, Note};
use super::change::{self, ChangeSummary};
use super::leads::Leads;
use super::pack::Measure;
use super::shown::Shown;
use crate::choice::{ActionStatus, RiskType, Side, Stage, Status};
use crate::finding::{Finding, RuleId};
use crate::format::Section;
use crate::guide::{Band, Scale};
use crate::history::Changes;
use crate::model::{Score, Value};
use crate::report::Item;

/// A score and its band on the scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    /// The score.
    pub score: i64,
    /// Its band: what colour or cue it gets.
    pub band: Band,
}

impl Mark {
    fn of(value: &Value<i64>, scale: Scale) -> Shown<Self> {
        Shown::of(value.copied().map(|score| Self { score, band: scale.band(score) }))
    }
}

/// A measure scored low.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LowScore<'a> {
    /// `account_status` or `strategy`.
    pub section: Section,
    /// The measure key.
    pub key: &'a str,
    /// The score and its band.
    pub mark: Mark,
}

/// One configured measure of an engagement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeasureScore<'a> {
    /// The measure.
    pub measure: Measure<'a>,
    /// Its score, when the file has an entry for it.
    pub mark: Shown<Mark>,
    /// Whether the `missing-measure` rule reports it as not scored.
    pub unscored: bool,
    /// Why the score is what it is.
    pub notes: Shown<&'a str>,
    /// What is done to improve it.
    pub action: Shown<&'a str>,
}

/// `service_review`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ServiceReview {
    /// The last review.
    pub last: Shown<NaiveDate>,
    /// The next one.
    pub next: Shown<NaiveDate>,
}

/// A risk or issue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RiskRow<'a> {
    /// What it is.
    pub title: Shown<&'a str>,
    /// Risk or issue.
    pub kind: RiskType,
    /// Comfort score.
    pub mark: Shown<Mark>,
    /// What is done about it.
    pub mitigation: Shown<&'a str>,
    /// Who owns it.
    pub owner: Shown<&'a str>,
}

/// A top action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionRow<'a> {
    /// What is to be done.
    pub action: Shown<&'a str>,
    /// Who.
    pub owner: Shown<&'a str>,
    /// By when.
    pub due: Shown<NaiveDate>,
    /// Open, done or blocked.
    pub status: ActionStatus,
    /// Whether the `action-overdue` rule reports it.
    pub overdue: bool,
}

/// An objective or upcoming event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjectiveRow<'a> {
    /// What.
    pub title: Shown<&'a str>,
    /// When.
    pub date: Shown<NaiveDate>,
    /// Whether the `past-objective` rule reports its date as past.
    pub past: bool,
    /// How comfortable the team is.
    pub comfort: Shown<Mark>,
    /// What it depends on.
    pub notes: Shown<&'a str>,
}

/// A win.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WinRow<'a> {
    /// When.
    pub date: Shown<NaiveDate>,
    /// What.
    pub title: Shown<&'a str>,
}

/// A stakeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StakeholderRow<'a> {
    /// Who.
    pub name: Shown<&'a str>,
    /// Their role.
    pub role: Shown<&'a str>,
    /// The client's or ours.
    pub side: Shown<Side>,
}

/// An opportunity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpportunityRow<'a> {
    /// What.
    pub title: Shown<&'a str>,
    /// How far it has gone.
    pub stage: Shown<Stage>,
    /// Notes.
    pub notes: Shown<&'a str>,
}

/// One engagement in a report.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// Its name.
    pub name: &'a str,
    /// Its file, relative to the workspace root.
    pub path: &'a str,
    /// The client.
    pub client: Shown<&'a str>,
    /// The region.
    pub region: Shown<&'a str>,
    /// The overall status.
    pub status: Status,
    /// The leads.
    pub leads: Leads<'a>,
    /// Last updated.
    pub updated: Shown<NaiveDate>,
    /// Days since `updated`.
    pub age_days: i64,
    /// Whether the `stale` rule reports it.
    pub stale: bool,
    /// The headline.
    pub headline: Shown<&'a str>,
    /// The next steps.
    pub next_steps: Vec<&'a str>,
    /// The service reviews.
    pub service_review: ServiceReview,
    /// Measures scored low, in file order (account status, then strategy).
    pub low_scores: Vec<LowScore<'a>>,
    /// How many risks are scored low.
    pub low_risks: usize,
    /// How many actions are overdue.
    pub overdue_actions: usize,
    /// The rules of the findings the summary's columns do not show already (stale and
    /// overdue have their own), each once, in the order of their first finding.
    pub others: Vec<RuleId>,
    /// Every configured measure, in the order of [`Pack::measures`](super::Pack::measures).
    pub scores: Vec<MeasureScore<'a>>,
    /// Risks and issues.
    pub risks: Vec<RiskRow<'a>>,
    /// Top actions.
    pub actions: Vec<ActionRow<'a>>,
    /// Objectives.
    pub objectives: Vec<ObjectiveRow<'a>>,
    /// Wins.
    pub wins: Vec<WinRow<'a>>,
    /// Stakeholders.
    pub stakeholders: Vec<StakeholderRow<'a>>,
    /// Opportunities.
    pub opportunities: Vec<OpportunityRow<'a>>,
    /// What needs attention, as sentences: a red status, then each finding.
    pub notes: Vec<Note<'a>>,
    /// Its findings (content rules, severities applied), in report order.
    pub findings: Vec<&'a Finding>,
    /// What changed since the base commit, with `--since`.
    pub change: Option<ChangeSummary<'a>>,
}

/// The entry for a report item.
pub(super) fn entry<'a>(
    item: &Item<'a>,
    measures: &[Measure<'a>],
    scale: Scale,
    changes: Option<&'a Changes>,
    commit: &'a str,
) -> Entry<'a> {
    let e = item.eng;
    let scores = measures
        .iter()
        .map(|&measure| {
            let entry: Option<&Score> = e.scores(measure.section).get(measure.key);
            MeasureScore {
                measure,
                mark: entry.map_or(Shown::NotRecorded, |s| Mark::of(&s.score, scale)),
                unscored: item.is_unscored(measure.section, measure.key),
                notes: entry.map_or(Shown::NotRecorded, |s| Shown::text(&s.notes)),
                action: entry.map_or(Shown::NotRecorded, |s| Shown::text(&s.action)),
            }
        })
        .collect();
    let mut others: Vec<RuleId> = Vec::new();
    for f in item.others() {
        if !others.contains(&f.rule) {
            others.push(f.rule);
        }
    }
    Entry {
        name: e.name(),
        path: &e.path,
        client: Shown::text(&e.client),
        region: Shown::text(&e.region),
        status: item.status(),
        leads: Leads::of(e),
        updated: Shown::copied(&e.updated),
        age_days: item.age_days,
        stale: item.stale,
        headline: Shown::text(&e.headline),
        next_steps: e.next_steps.iter().map(String::as_str).collect(),
        service_review: ServiceReview {
            last: Shown::copied(&e.service_review.last),
            next: Shown::copied(&e.service_review.next),
        },
        low_scores: item
            .low_scores
            .iter()
            .map(|&(section, key, score)| LowScore { section, key, mark: Mark { score, band: scale.band(score) } })
            .collect(),
        low_risks: item.low_risks.len(),
        overdue_actions: item.overdue.len(),
        others,
        scores,
        risks: e
            .risks
            .iter()
            .map(|r| RiskRow {
                title: Shown::text(&r.title),
                kind: r.kind.copied().unwrap_or(RiskType::Risk),
                mark: Mark::of(&r.score, scale),
                mitigation: Shown::text(&r.mitigation),
                owner: Shown::text(&r.owner),
            })
            .collect(),
        actions: e
            .actions
            .iter()
            .map(|a| ActionRow {
                action: Shown::text(&a.action),
                owner: Shown::text(&a.owner),
                due: Shown::copied(&a.due),
                status: a.status.copied().unwrap_or(ActionStatus::Open),
                overdue: item.is_overdue(a),
            })
            .collect(),
        objectives: e
            .objectives
            .iter()
            .map(|o| ObjectiveRow {
                title: Shown::text(&o.title),
                date: Shown::copied(&o.date),
                past: item.is_past(o),
                comfort: Mark::of(&o.comfort, scale),
                notes: Shown::text(&o.notes),
            })
            .collect(),
        wins: e.wins.iter().map(|w| WinRow { date: Shown::copied(&w.date), title: Shown::text(&w.title) }).collect(),
        stakeholders: e
            .stakeholders
            .iter()
            .map(|s| StakeholderRow {
                name: Shown::text(&s.name),
                role: Shown::text(&s.role),
                side: Shown::copied(&s.side),
            })
            .collect(),
        opportunities: e
            .opportunities
            .iter()
            .map(|o| OpportunityRow {
                title: Shown::text(&o.title),
                stage: Shown::copied(&o.stage),
                notes: Shown::text(&o.notes),
            })
            .collect(),
        notes: attention::notes(item),
        findings: item.findings.clone(),
        change: changes.map(|c| change::summary(c, measures, commit)),
    }
}
