//! The report as JSON: the engagements in the report's order, every section of each with
//! its findings and what changed, and the unreadable files.

use std::collections::BTreeMap;

use serde::Serialize;

use super::JsonFinding;
use super::changes::Changes;
use crate::view::{Cause, Entry, MeasureScore, Pack, Shown};

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    today: String,
    scope: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    attention: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    left_out: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    since: Option<Since<'a>>,
    engagements: Vec<Engagement<'a>>,
    invalid: Vec<Invalid<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    workspace: Vec<JsonFinding<'a>>,
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

#[derive(Serialize)]
struct Invalid<'a> {
    path: &'a str,
    errors: usize,
    first: Option<&'static str>,
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
    past: bool,
}

#[derive(Serialize)]
struct Stakeholder<'a> {
    name: Option<&'a str>,
    role: Option<&'a str>,
    side: Option<&'static str>,
}

#[derive(Serialize)]
struct Win<'a> {
    date: Option<String>,
    title: Option<&'a str>,
}

#[derive(Serialize)]
struct Opportunity<'a> {
    title: Option<&'a str>,
    stage: Option<&'static str>,
    notes: Option<&'a str>,
}

#[derive(Serialize)]
struct Leads<'a> {
    account: Option<&'a str>,
    tech: &'a [&'a str],
    delivery: &'a [&'a str],
    relationship: Option<&'a str>,
    client_practice: Option<&'a str>,
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
    next_steps: &'a [&'a str],
    service_review: BTreeMap<&'static str, Option<String>>,
    leads: Leads<'a>,
    account_status: BTreeMap<&'a str, Score<'a>>,
    strategy: BTreeMap<&'a str, Score<'a>>,
    risks: Vec<Risk<'a>>,
    actions: Vec<Action<'a>>,
    objectives: Vec<Objective<'a>>,
    wins: Vec<Win<'a>>,
    stakeholders: Vec<Stakeholder<'a>>,
    opportunities: Vec<Opportunity<'a>>,
    findings: Vec<JsonFinding<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<Changes<'a>>,
}

fn date(v: Shown<chrono::NaiveDate>) -> Option<String> {
    v.value().map(|d| d.to_string())
}

/// The measures of `section` that the file scores, by key.
fn scores<'a>(all: &[MeasureScore<'a>], section: crate::view::Section) -> BTreeMap<&'a str, Score<'a>> {
    all.iter()
        .filter(|s| s.measure.section == section)
        .filter_map(|s| {
            let score = Score { score: Some(s.mark.value()?.score), notes: s.notes.value(), action: s.action.value() };
            Some((s.measure.key, score))
        })
        .collect()
}

fn engagement<'a>(e: &'a Entry<'a>) -> Engagement<'a> {
    use crate::view::Section;
    Engagement {
        path: e.path,
        engagement: e.name,
        client: e.client.value(),
        region: e.region.value(),
        status: e.status.as_str(),
        updated: date(e.updated),
        age_days: e.age_days,
        stale: e.stale,
        headline: e.headline.value(),
        next_steps: &e.next_steps,
        service_review: BTreeMap::from([("last", date(e.service_review.last)), ("next", date(e.service_review.next))]),
        leads: Leads {
            account: e.leads.account.value(),
            tech: &e.leads.tech,
            delivery: &e.leads.delivery,
            relationship: e.leads.relationship.value(),
            client_practice: e.leads.client_practice.value(),
        },
        account_status: scores(&e.scores, Section::AccountStatus),
        strategy: scores(&e.scores, Section::Strategy),
        risks: e
            .risks
            .iter()
            .map(|r| Risk {
                title: r.title.value(),
                kind: r.kind.as_str(),
                score: r.mark.value().map(|m| m.score),
                mitigation: r.mitigation.value(),
                owner: r.owner.value(),
            })
            .collect(),
        actions: e
            .actions
            .iter()
            .map(|a| Action {
                action: a.action.value(),
                owner: a.owner.value(),
                due: date(a.due),
                status: a.status.as_str(),
                overdue: a.overdue,
            })
            .collect(),
        objectives: e
            .objectives
            .iter()
            .map(|o| Objective {
                title: o.title.value(),
                date: date(o.date),
                comfort: o.comfort.value().map(|m| m.score),
                notes: o.notes.value(),
                past: o.past,
            })
            .collect(),
        wins: e.wins.iter().map(|w| Win { date: date(w.date), title: w.title.value() }).collect(),
        stakeholders: e
            .stakeholders
            .iter()
            .map(|s| Stakeholder {
                name: s.name.value(),
                role: s.role.value(),
                side: s.side.value().map(crate::view::Side::as_str),
            })
            .collect(),
        opportunities: e
            .opportunities
            .iter()
            .map(|o| Opportunity {
                title: o.title.value(),
                stage: o.stage.value().map(crate::view::Stage::as_str),
                notes: o.notes.value(),
            })
            .collect(),
        findings: e.findings.iter().map(|f| JsonFinding::from(*f)).collect(),
        changes: e.change.as_ref().map(|c| Changes::of(&c.lines)),
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
        attention: pack.attention_only,
        left_out: pack.attention_only.then_some(pack.left_out),
        since: pack.since.as_ref().map(|s| Since {
            asked: s.asked,
            commit: s.commit,
            date: s.date.to_string(),
            removed: s.gone.iter().map(|r| Removed { path: r.path, engagement: r.name }).collect(),
            left: s.left.iter().map(|l| Left { path: l.path, engagement: l.name, from: l.from, to: l.to }).collect(),
        }),
        engagements: pack.entries.iter().map(engagement).collect(),
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
                Cause::RedStatus { .. } => None,
            })
            .collect(),
    };
    crate::render::json_text::string(&doc)
}
