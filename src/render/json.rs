//! `json`: one document with every finding and a summary.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{FieldPath, Finding, Tally};

/// A finding as it appears in JSON (also used by `report --format json`). `field` is
/// the dotted path of the field it is about (`actions.2.due`), `null` for a finding about
/// the whole file.
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    field: Option<&'a FieldPath>,
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    help: Option<&'a str>,
}

impl<'a> From<&'a Finding> for JsonFinding<'a> {
    fn from(f: &'a Finding) -> Self {
        Self {
            path: &f.path,
            line: f.loc.line,
            column: f.loc.col,
            field: f.field.as_ref(),
            rule: f.rule.as_str(),
            severity: f.severity.as_str(),
            message: &f.message,
            help: f.help.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Vec<JsonFinding<'a>>,
    summary: Tally,
}

/// Writes the findings document.
///
/// # Errors
/// When writing fails.
pub fn findings(out: &mut dyn Write, findings: &[Finding], tally: Tally) -> io::Result<()> {
    let doc = Document { version: 1, findings: findings.iter().map(JsonFinding::from).collect(), summary: tally };
    super::json_text::write(&mut *out, &doc)?;
    writeln!(out)
}

/// The report as JSON: the engagements in the report's order, and the unreadable files.
pub mod report {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::JsonFinding;
    use crate::model::{ActionStatus, RiskType, Scores, Value};
    use crate::render::leads::Leads;
    use crate::report::Report;

    #[derive(Serialize)]
    struct Doc<'a> {
        version: u32,
        today: String,
        scope: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        since: Option<Since<'a>>,
        engagements: Vec<Engagement<'a>>,
        invalid: Vec<Invalid<'a>>,
    }

    #[derive(Serialize)]
    struct Since<'a> {
        asked: &'a str,
        commit: &'a str,
        date: String,
        removed: Vec<Removed<'a>>,
    }

    #[derive(Serialize)]
    struct Removed<'a> {
        path: &'a str,
        engagement: &'a str,
    }

    #[derive(Serialize)]
    struct Move<T: Serialize> {
        old: T,
        new: T,
    }

    #[derive(Serialize)]
    struct ScoreMove<'a> {
        section: &'static str,
        measure: &'a str,
        old: Option<i64>,
        new: Option<i64>,
    }

    #[derive(Serialize)]
    struct Changes<'a> {
        added: bool,
        moved_from: Option<&'a str>,
        status: Option<Move<&'static str>>,
        scores: Vec<ScoreMove<'a>>,
        risks_added: &'a [String],
        risks_removed: &'a [String],
        actions_completed: &'a [String],
        actions_added: &'a [String],
        actions_dropped: &'a [String],
    }

    fn changes(c: &crate::history::Changes) -> Changes<'_> {
        Changes {
            added: c.added,
            moved_from: c.moved_from.as_deref(),
            status: c.status.map(|(old, new)| Move { old: old.as_str(), new: new.as_str() }),
            scores: c
                .scores
                .iter()
                .map(|s| ScoreMove { section: s.section.key(), measure: &s.key, old: s.old, new: s.new })
                .collect(),
            risks_added: &c.risks_added,
            risks_removed: &c.risks_removed,
            actions_completed: &c.actions_completed,
            actions_added: &c.actions_added,
            actions_dropped: &c.actions_removed,
        }
    }

    #[derive(Serialize)]
    struct Invalid<'a> {
        path: &'a str,
        errors: usize,
    }

    #[derive(Serialize)]
    struct Score<'a> {
        score: Option<i64>,
        notes: Option<&'a str>,
        action: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct Risk<'a> {
        title: Option<&'a str>,
        #[serde(rename = "type")]
        kind: &'a str,
        score: Option<i64>,
        mitigation: Option<&'a str>,
        owner: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct Action<'a> {
        action: Option<&'a str>,
        owner: Option<&'a str>,
        due: Option<String>,
        status: &'a str,
        overdue: bool,
    }

    #[derive(Serialize)]
    struct Objective<'a> {
        title: Option<&'a str>,
        date: Option<String>,
        comfort: Option<i64>,
        notes: Option<&'a str>,
    }

    #[derive(Serialize)]
    struct Engagement<'a> {
        path: &'a str,
        engagement: &'a str,
        client: Option<&'a str>,
        region: Option<&'a str>,
        status: &'a str,
        updated: Option<String>,
        age_days: i64,
        stale: bool,
        headline: Option<&'a str>,
        next_steps: &'a [String],
        service_review: BTreeMap<&'static str, Option<String>>,
        leads: Leads<'a>,
        account_status: BTreeMap<&'a str, Score<'a>>,
        strategy: BTreeMap<&'a str, Score<'a>>,
        risks: Vec<Risk<'a>>,
        actions: Vec<Action<'a>>,
        objectives: Vec<Objective<'a>>,
        findings: Vec<JsonFinding<'a>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        changes: Option<Changes<'a>>,
    }

    fn date(v: &Value<chrono::NaiveDate>) -> Option<String> {
        v.get().map(ToString::to_string)
    }

    fn scores(s: &Scores) -> BTreeMap<&str, Score<'_>> {
        s.entries
            .iter()
            .map(|e| (e.key.as_str(), Score { score: e.score.copied(), notes: e.notes.str(), action: e.action.str() }))
            .collect()
    }

    /// Writes the report document.
    ///
    /// # Errors
    /// When serialising fails.
    pub fn render(report: &Report<'_>) -> serde_json::Result<String> {
        let today = report.today;
        let engagements = report
            .items
            .iter()
            .map(|item| {
                let e = item.eng;
                Engagement {
                    path: &e.path,
                    engagement: item.name(),
                    client: e.client.str(),
                    region: e.region.str(),
                    status: item.status().as_str(),
                    updated: date(&e.updated),
                    age_days: item.age_days,
                    stale: item.stale,
                    headline: e.headline.str(),
                    next_steps: &e.next_steps,
                    service_review: BTreeMap::from([
                        ("last", date(&e.service_review.last)),
                        ("next", date(&e.service_review.next)),
                    ]),
                    leads: Leads::of(e),
                    account_status: scores(&e.account_status),
                    strategy: scores(&e.strategy),
                    risks: e
                        .risks
                        .iter()
                        .map(|r| Risk {
                            title: r.title.str(),
                            kind: r.kind.copied().unwrap_or(RiskType::Risk).as_str(),
                            score: r.score.copied(),
                            mitigation: r.mitigation.str(),
                            owner: r.owner.str(),
                        })
                        .collect(),
                    actions: e
                        .actions
                        .iter()
                        .map(|a| Action {
                            action: a.action.str(),
                            owner: a.owner.str(),
                            due: date(&a.due),
                            status: a.status.copied().unwrap_or(ActionStatus::Open).as_str(),
                            overdue: item.is_overdue(a),
                        })
                        .collect(),
                    objectives: e
                        .objectives
                        .iter()
                        .map(|o| Objective {
                            title: o.title.str(),
                            date: date(&o.date),
                            comfort: o.comfort.copied(),
                            notes: o.notes.str(),
                        })
                        .collect(),
                    findings: item.findings.iter().map(|f| JsonFinding::from(*f)).collect(),
                    changes: report.changes(item).map(changes),
                }
            })
            .collect();
        let doc = Doc {
            version: 1,
            today: today.to_string(),
            scope: report.scope(),
            since: report.since.map(|s| Since {
                asked: &s.commit.asked,
                commit: &s.commit.id,
                date: s.commit.date.to_string(),
                removed: report
                    .removed()
                    .into_iter()
                    .map(|r| Removed { path: &r.path, engagement: r.name() })
                    .collect(),
            }),
            engagements,
            invalid: report.invalid.iter().map(|i| Invalid { path: i.path, errors: i.errors }).collect(),
        };
        crate::render::json_text::string(&doc)
    }
}
