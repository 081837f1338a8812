//! The report as JSON: the engagements in the report's order, every section of each with
//! its findings and what changed, and the unreadable files.

use std::collections::BTreeMap;

use serde::Serialize;

use super::changes::Changes;
use super::{Field, JsonFinding, JsonWithheld};
use crate::view::{Cause, Entry, MeasureScore, Pack, Shown};

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    today: String,
    scope: &'a str,
    /// The audience it was built for, and the fields that audience may not see (both
    /// left out when no audience is declared).
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    withheld: Option<&'a [&'a str]>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    attention: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<Since<'a>>,
    /// The open asks for help, the longest waiting first.
    support: Vec<OpenAsk<'a>>,
    engagements: Vec<Engagement<'a>>,
    invalid: Vec<Invalid<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    workspace: Vec<JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    workspace_withheld: Vec<JsonWithheld>,
    /// A region's latest review session.
    #[serde(skip_serializing_if = "Option::is_none")]
    last_review: Option<super::last_review::Json<'a>>,
}

#[derive(Serialize)]
struct Since<'a> {
    asked: &'a str,
    commit: &'a str,
    date: String,
    removed: Vec<Removed<'a>>,
    left: Vec<Left<'a>>,
}

#[derive(Serialize)]
struct Removed<'a> {
    path: &'a str,
    engagement: &'a str,
}

#[derive(Serialize)]
struct Left<'a> {
    path: &'a str,
    engagement: &'a str,
    from: &'a str,
    to: &'a str,
}

/// An open ask for help (`support`), with its age.
#[derive(Serialize)]
struct Ask<'a> {
    ask: Field<&'a str>,
    from: Field<&'a str>,
    since: Field<String>,
    age_days: Field<i64>,
    open_long: bool,
}

impl<'a> From<crate::view::Ask<'a>> for Ask<'a> {
    fn from(a: crate::view::Ask<'a>) -> Self {
        Self {
            ask: text(a.ask),
            from: text(a.from),
            since: date(a.since),
            age_days: Field(a.age_days),
            open_long: a.open_long,
        }
    }
}

/// An open ask and the engagement that makes it: the report's opening list.
#[derive(Serialize)]
struct OpenAsk<'a> {
    path: &'a str,
    engagement: &'a str,
    region: Option<&'a str>,
    #[serde(flatten)]
    ask: Ask<'a>,
}

#[derive(Serialize)]
struct Invalid<'a> {
    path: &'a str,
    errors: usize,
    first: Option<&'static str>,
}

#[derive(Serialize)]
struct Score<'a> {
    score: Field<i64>,
    notes: Field<&'a str>,
    action: Field<&'a str>,
}

#[derive(Serialize)]
struct Risk<'a> {
    title: Field<&'a str>,
    #[serde(rename = "type")]
    kind: Field<&'a str>,
    score: Field<i64>,
    mitigation: Field<&'a str>,
    owner: Field<&'a str>,
}

#[derive(Serialize)]
struct Action<'a> {
    action: Field<&'a str>,
    owner: Field<&'a str>,
    due: Field<String>,
    status: Field<&'a str>,
    overdue: bool,
}

#[derive(Serialize)]
struct Objective<'a> {
    title: Field<&'a str>,
    date: Field<String>,
    comfort: Field<i64>,
    notes: Field<&'a str>,
    past: bool,
}

#[derive(Serialize)]
struct Stakeholder<'a> {
    name: Field<&'a str>,
    role: Field<&'a str>,
    side: Field<&'static str>,
}

#[derive(Serialize)]
struct Win<'a> {
    date: Field<String>,
    title: Field<&'a str>,
}

#[derive(Serialize)]
struct Opportunity<'a> {
    title: Field<&'a str>,
    stage: Field<&'static str>,
    notes: Field<&'a str>,
}

#[derive(Serialize)]
struct Acknowledgement<'a> {
    rule: Field<&'static str>,
    about: Field<&'a str>,
    reason: Field<&'a str>,
    until: Field<String>,
    by: Field<&'a str>,
    covers: Vec<Field<&'a str>>,
}

#[derive(Serialize)]
struct Leads<'a> {
    account: Field<&'a str>,
    tech: Field<&'a [&'a str]>,
    delivery: Field<&'a [&'a str]>,
    relationship: Field<&'a str>,
    client_practice: Field<&'a str>,
}

/// A hidden section (`risks` when the audience may not see risks) is left out.
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
    headline: Field<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    next_steps: Option<&'a [&'a str]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    service_review: Option<BTreeMap<&'static str, Field<String>>>,
    leads: Leads<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    account_status: Option<BTreeMap<&'a str, Field<Score<'a>>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    strategy: Option<BTreeMap<&'a str, Field<Score<'a>>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    risks: Option<Vec<Risk<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actions: Option<Vec<Action<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    objectives: Option<Vec<Objective<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wins: Option<Vec<Win<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stakeholders: Option<Vec<Stakeholder<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    opportunities: Option<Vec<Opportunity<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    acknowledged: Option<Vec<Acknowledgement<'a>>>,
    findings: Vec<JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    withheld_findings: Vec<JsonWithheld>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<Changes<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    support: Option<Ask<'a>>,
}

fn date(v: Shown<chrono::NaiveDate>) -> Field<String> {
    Field(v.map(|d| d.to_string()))
}

fn text(v: Shown<&str>) -> Field<&str> {
    Field(v)
}

/// The measures of `section` that the file scores (or whose score is withheld), by key;
/// `None` when the section is hidden whole (not one of `sections`).
fn scores<'a>(
    all: &[MeasureScore<'a>],
    section: crate::view::Section,
    sections: &[crate::view::Section],
) -> Option<BTreeMap<&'a str, Field<Score<'a>>>> {
    if !sections.contains(&section) {
        return None;
    }
    let scores = all
        .iter()
        .filter(|s| s.measure.section == section && s.mark != Shown::NotRecorded)
        .map(|s| {
            let whole = [s.notes, s.action].iter().all(|v| *v == Shown::Withheld) && s.mark == Shown::Withheld;
            let score = if whole {
                Field(Shown::Withheld)
            } else {
                Field(Shown::Value(Score {
                    score: Field(s.mark.map(|m| m.score)),
                    notes: text(s.notes),
                    action: text(s.action),
                }))
            };
            (s.measure.key, score)
        })
        .collect();
    Some(scores)
}

fn engagement<'a>(e: &'a Entry<'a>, sections: &[crate::view::Section]) -> Engagement<'a> {
    use crate::view::Section;
    Engagement {
        path: e.path,
        engagement: e.name,
        client: e.client.value(),
        region: e.region.value(),
        status: e.status.as_str(),
        updated: e.updated.value().map(|d| d.to_string()),
        age_days: e.age_days,
        stale: e.stale,
        headline: text(e.headline),
        next_steps: e.next_steps.as_deref(),
        service_review: e.service_review.map(|r| BTreeMap::from([("last", date(r.last)), ("next", date(r.next))])),
        leads: Leads {
            account: text(e.leads.account),
            tech: Field(e.leads.tech.as_ref().map(Vec::as_slice)),
            delivery: Field(e.leads.delivery.as_ref().map(Vec::as_slice)),
            relationship: text(e.leads.relationship),
            client_practice: text(e.leads.client_practice),
        },
        account_status: scores(&e.scores, Section::AccountStatus, sections),
        strategy: scores(&e.scores, Section::Strategy, sections),
        risks: e.risks.as_ref().map(|risks| {
            risks
                .iter()
                .map(|r| Risk {
                    title: text(r.title),
                    kind: Field(r.kind.map(crate::view::RiskType::as_str)),
                    score: Field(r.mark.map(|m| m.score)),
                    mitigation: text(r.mitigation),
                    owner: text(r.owner),
                })
                .collect()
        }),
        actions: e.actions.as_ref().map(|actions| {
            actions
                .iter()
                .map(|a| Action {
                    action: text(a.action),
                    owner: text(a.owner),
                    due: date(a.due),
                    status: Field(a.status.map(crate::view::ActionStatus::as_str)),
                    overdue: a.overdue,
                })
                .collect()
        }),
        objectives: e.objectives.as_ref().map(|objectives| {
            objectives
                .iter()
                .map(|o| Objective {
                    title: text(o.title),
                    date: date(o.date),
                    comfort: Field(o.comfort.map(|m| m.score)),
                    notes: text(o.notes),
                    past: o.past,
                })
                .collect()
        }),
        wins: e
            .wins
            .as_ref()
            .map(|wins| wins.iter().map(|w| Win { date: date(w.date), title: text(w.title) }).collect()),
        stakeholders: e.stakeholders.as_ref().map(|stakeholders| {
            stakeholders
                .iter()
                .map(|s| Stakeholder {
                    name: text(s.name),
                    role: text(s.role),
                    side: Field(s.side.map(crate::view::Side::as_str)),
                })
                .collect()
        }),
        opportunities: e.opportunities.as_ref().map(|opportunities| {
            opportunities
                .iter()
                .map(|o| Opportunity {
                    title: text(o.title),
                    stage: Field(o.stage.map(crate::view::Stage::as_str)),
                    notes: text(o.notes),
                })
                .collect()
        }),
        acknowledged: e.acknowledged.as_ref().map(|acknowledged| {
            acknowledged
                .iter()
                .map(|a| Acknowledgement {
                    rule: Field(a.rule.map(crate::finding::RuleId::as_str)),
                    about: text(a.about),
                    reason: text(a.reason),
                    until: date(a.until),
                    by: text(a.by),
                    covers: a.covers.iter().map(|&c| text(c)).collect(),
                })
                .collect()
        }),
        findings: e.findings.iter().map(|f| JsonFinding::from(*f)).collect(),
        withheld_findings: e.withheld_findings.iter().map(JsonWithheld::from).collect(),
        changes: e.change.as_ref().map(|c| Changes::of(&c.lines)),
        support: e.support.map(Ask::from),
    }
}

/// Writes the report document.
///
/// # Errors
/// When serialising fails.
pub fn render(pack: &Pack<'_>) -> serde_json::Result<String> {
    let doc = Doc {
        version: 1,
        today: pack.today.to_string(),
        scope: &pack.scope,
        audience: pack.audience,
        withheld: pack.audience.map(|_| pack.withheld.as_slice()),
        attention: pack.attention_only,
        left_out: pack.attention_only.then_some(pack.left_out),
        since: pack.since.as_ref().map(|s| Since {
            asked: s.asked,
            commit: s.commit,
            date: s.date.to_string(),
            removed: s.gone.iter().map(|r| Removed { path: r.path, engagement: r.name }).collect(),
            left: s.left.iter().map(|l| Left { path: l.path, engagement: l.name, from: l.from, to: l.to }).collect(),
        }),
        support: crate::view::asks(&pack.entries)
            .into_iter()
            .map(|(e, a)| OpenAsk { path: e.path, engagement: e.name, region: e.region.value(), ask: Ask::from(a) })
            .collect(),
        engagements: pack.entries.iter().map(|e| engagement(e, &pack.sections)).collect(),
        invalid: pack
            .unreadable
            .iter()
            .map(|i| Invalid { path: i.path, errors: i.errors, first: i.first.map(crate::view::RuleId::as_str) })
            .collect(),
        workspace: pack
            .workspace
            .iter()
            .filter_map(|n| match n.cause {
                Cause::Finding(f) => Some(JsonFinding::from(f)),
                Cause::RedStatus { .. } | Cause::Withheld(_) => None,
            })
            .collect(),
        workspace_withheld: pack
            .workspace
            .iter()
            .filter_map(|n| match &n.cause {
                Cause::Withheld(w) => Some(JsonWithheld::from(w)),
                Cause::RedStatus { .. } | Cause::Finding(_) => None,
            })
            .collect(),
        last_review: pack.last_review.as_ref().map(super::last_review::json),
    };
    crate::render::json_text::string(&doc)
}
