//! One engagement as every output shows it: its summary row, every section of its file,
//! what needs attention and what changed.

use chrono::NaiveDate;

use super::attention::{self, Note, Withheld};
use super::change::{self, ChangeSummary};
use super::leads::Leads;
use super::mask::Mask;
use super::pack::Measure;
use super::shown::Shown;
use crate::choice::{ActionStatus, RiskType, Side, Stage, Status};
use crate::finding::{Finding, RuleId};
use crate::format::{Section, key as k};
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
    pub kind: Shown<RiskType>,
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
    pub status: Shown<ActionStatus>,
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
    /// The next steps; `None` when the audience may not see them (the section is absent).
    pub next_steps: Option<Vec<&'a str>>,
    /// The service reviews; `None` when hidden whole.
    pub service_review: Option<ServiceReview>,
    /// Measures scored low whose score the audience may see, in file order (account
    /// status, then strategy).
    pub low_scores: Vec<LowScore<'a>>,
    /// How many risks are scored low: a count, shown to every audience (see
    /// [`Entry::overdue_actions`]).
    pub low_risks: usize,
    /// How many actions are overdue: a count, shown to every audience. It is a fact about
    /// how the engagement is run, not its content, and the note about each withheld
    /// finding names its rule (`action-overdue`) anyway; the actions themselves are not
    /// shown when hidden.
    pub overdue_actions: usize,
    /// The rules of the findings the summary's columns do not show already (stale and
    /// overdue have their own), each once, in the order of their first finding.
    pub others: Vec<RuleId>,
    /// Every configured measure the audience may see (a hidden section's are left out),
    /// in the order of [`Pack::measures`](super::Pack::measures).
    pub scores: Vec<MeasureScore<'a>>,
    /// Risks and issues; `None` (the section is absent) when the audience may not see them.
    pub risks: Option<Vec<RiskRow<'a>>>,
    /// Top actions; `None` when hidden.
    pub actions: Option<Vec<ActionRow<'a>>>,
    /// Objectives; `None` when hidden.
    pub objectives: Option<Vec<ObjectiveRow<'a>>>,
    /// Wins; `None` when hidden.
    pub wins: Option<Vec<WinRow<'a>>>,
    /// Stakeholders; `None` when hidden.
    pub stakeholders: Option<Vec<StakeholderRow<'a>>>,
    /// Opportunities; `None` when hidden.
    pub opportunities: Option<Vec<OpportunityRow<'a>>>,
    /// How many findings an acknowledgement covers today: a count, shown to every
    /// audience (as the overview's), whatever of the acknowledgements is withheld.
    pub acknowledged_findings: usize,
    /// Acknowledged findings; `None` when hidden.
    pub acknowledged: Option<Vec<super::AcknowledgementRow<'a>>>,
    /// What needs attention, as sentences: a red status, then each finding (those about a
    /// withheld field counted per rule, not described).
    pub notes: Vec<Note<'a>>,
    /// Its findings (content rules, severities applied) that the audience may read, in
    /// report order.
    pub findings: Vec<&'a Finding>,
    /// The findings about a withheld field, counted per rule in the order of their first.
    pub withheld_findings: Vec<Withheld>,
    /// What changed since the base commit, with `--since`.
    pub change: Option<ChangeSummary<'a>>,
    /// The open ask for help; `None` when there is none or the audience may not see it.
    pub support: Option<super::support::Ask<'a>>,
}

/// The entry for a report item, as `mask`'s audience may see it.
pub(super) fn entry<'a>(
    item: &Item<'a>,
    measures: &[Measure<'a>],
    scale: Scale,
    changes: Option<&'a Changes>,
    commit: &'a str,
    mask: Mask<'_>,
) -> Entry<'a> {
    let e = item.eng;
    let scores = measures
        .iter()
        .map(|&measure| {
            let (section, key) = (measure.section.key(), measure.key);
            let entry: Option<&Score> = e.scores(measure.section).get(key);
            let mark = entry.map_or(Shown::NotRecorded, |s| Mark::of(&s.score, scale));
            let mark = mask.shown(&[section, key, k::SCORE], mark);
            MeasureScore {
                measure,
                mark,
                // A withheld score is withheld, not a gap that looks like "not scored".
                unscored: mark != Shown::Withheld && item.is_unscored(measure.section, key),
                notes: mask
                    .shown(&[section, key, k::NOTES], entry.map_or(Shown::NotRecorded, |s| Shown::text(&s.notes))),
                action: mask
                    .shown(&[section, key, k::ACTION], entry.map_or(Shown::NotRecorded, |s| Shown::text(&s.action))),
            }
        })
        .collect();
    let mut others: Vec<RuleId> = Vec::new();
    for f in item.others() {
        if !others.contains(&f.rule) {
            others.push(f.rule);
        }
    }
    let (notes, findings, withheld_findings) = attention::notes(item, mask);
    Entry {
        name: e.name(),
        path: &e.path,
        client: Shown::text(&e.client),
        region: Shown::text(&e.region),
        status: item.status(),
        leads: Leads::seen(e, mask),
        updated: Shown::copied(&e.updated),
        age_days: item.age_days,
        stale: item.stale,
        headline: mask.shown(&[k::HEADLINE], Shown::text(&e.headline)),
        next_steps: mask.section(k::NEXT_STEPS, || e.next_steps.iter().map(String::as_str).collect()),
        service_review: (!mask.hides_section(k::SERVICE_REVIEW)).then(|| {
            let review = |key, date| mask.shown(&[k::SERVICE_REVIEW, key], Shown::copied(date));
            ServiceReview {
                last: review(k::LAST, &e.service_review.last),
                next: review(k::NEXT, &e.service_review.next),
            }
        }),
        low_scores: item
            .low_scores
            .iter()
            .filter(|&&(section, key, _)| !mask.hides(&[section.key(), key, k::SCORE]))
            .map(|&(section, key, score)| LowScore { section, key, mark: Mark { score, band: scale.band(score) } })
            .collect(),
        low_risks: item.low_risks.len(),
        overdue_actions: item.overdue.len(),
        others,
        scores,
        risks: mask.section(k::RISKS, || {
            let field = |key, value| mask.shown(&[k::RISKS, key], value);
            e.risks
                .iter()
                .map(|r| RiskRow {
                    title: field(k::TITLE, Shown::text(&r.title)),
                    kind: mask.shown(&[k::RISKS, k::TYPE], Shown::Value(r.kind.copied().unwrap_or(RiskType::Risk))),
                    mark: mask.shown(&[k::RISKS, k::SCORE], Mark::of(&r.score, scale)),
                    mitigation: field(k::MITIGATION, Shown::text(&r.mitigation)),
                    owner: field(k::OWNER, Shown::text(&r.owner)),
                })
                .collect()
        }),
        actions: mask.section(k::ACTIONS, || {
            let field = |key, value| mask.shown(&[k::ACTIONS, key], value);
            e.actions
                .iter()
                .map(|a| ActionRow {
                    action: field(k::ACTION, Shown::text(&a.action)),
                    owner: field(k::OWNER, Shown::text(&a.owner)),
                    due: mask.shown(&[k::ACTIONS, k::DUE], Shown::copied(&a.due)),
                    status: mask
                        .shown(&[k::ACTIONS, k::STATUS], Shown::Value(a.status.copied().unwrap_or(ActionStatus::Open))),
                    overdue: item.is_overdue(a),
                })
                .collect()
        }),
        objectives: mask.section(k::OBJECTIVES, || {
            let field = |key, value| mask.shown(&[k::OBJECTIVES, key], value);
            e.objectives
                .iter()
                .map(|o| ObjectiveRow {
                    title: field(k::TITLE, Shown::text(&o.title)),
                    date: mask.shown(&[k::OBJECTIVES, k::DATE], Shown::copied(&o.date)),
                    past: item.is_past(o),
                    comfort: mask.shown(&[k::OBJECTIVES, k::COMFORT], Mark::of(&o.comfort, scale)),
                    notes: field(k::NOTES, Shown::text(&o.notes)),
                })
                .collect()
        }),
        wins: mask.section(k::WINS, || {
            e.wins
                .iter()
                .map(|w| WinRow {
                    date: mask.shown(&[k::WINS, k::DATE], Shown::copied(&w.date)),
                    title: mask.shown(&[k::WINS, k::TITLE], Shown::text(&w.title)),
                })
                .collect()
        }),
        stakeholders: mask.section(k::STAKEHOLDERS, || {
            let field = |key, value| mask.shown(&[k::STAKEHOLDERS, key], value);
            e.stakeholders
                .iter()
                .map(|s| StakeholderRow {
                    name: field(k::NAME, Shown::text(&s.name)),
                    role: field(k::ROLE, Shown::text(&s.role)),
                    side: mask.shown(&[k::STAKEHOLDERS, k::SIDE], Shown::copied(&s.side)),
                })
                .collect()
        }),
        opportunities: mask.section(k::OPPORTUNITIES, || {
            let field = |key, value| mask.shown(&[k::OPPORTUNITIES, key], value);
            e.opportunities
                .iter()
                .map(|o| OpportunityRow {
                    title: field(k::TITLE, Shown::text(&o.title)),
                    stage: mask.shown(&[k::OPPORTUNITIES, k::STAGE], Shown::copied(&o.stage)),
                    notes: field(k::NOTES, Shown::text(&o.notes)),
                })
                .collect()
        }),
        acknowledged_findings: item.acknowledged.len(),
        acknowledged: super::acknowledgement::rows(item, mask),
        notes,
        findings,
        withheld_findings,
        change: changes.map(|c| change::summary(c, measures, commit, mask)),
        support: super::support::ask(item, mask),
    }
}
