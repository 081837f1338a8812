//! `report --format csv`: the summary table as RFC 4180 CSV (CRLF line ends), one row per
//! engagement in the report's order, then one row per file that could not be read. The
//! open ask for help and its age in days follow the summary's columns; the count of
//! acknowledged findings is the last column (columns are only ever added at the end).

use std::fmt::Write as _;

use crate::render::text::csv;
use crate::view::{Pack, Shown};

const HEADER: &[&str] = &[
    "engagement",
    "client",
    "region",
    "account_lead",
    "updated",
    "age_days",
    "stale",
    "status",
    "low_scores",
    "low_risks",
    "overdue_actions",
    "errors",
    "path",
    "support_ask",
    "support_age_days",
    "acknowledged",
];

/// A value that is not text, as written; empty when not recorded.
fn shown<T: std::fmt::Display>(v: Shown<T>) -> String {
    match v {
        Shown::Value(v) => v.to_string(),
        Shown::NotRecorded => String::new(),
        Shown::Withheld => "withheld".to_owned(),
    }
}

/// The CSV text.
#[must_use]
pub fn report(pack: &Pack<'_>) -> String {
    let mut out = String::new();
    let mut line = |fields: Vec<String>| {
        let cells: Vec<String> = fields.iter().map(|f| csv(f)).collect();
        let _ = write!(out, "{}\r\n", cells.join(","));
    };
    line(HEADER.iter().map(|h| (*h).to_owned()).collect());
    for e in &pack.entries {
        let low: Vec<String> = e.low_scores.iter().map(|l| format!("{}={}", l.key, l.mark.score)).collect();
        let text = |v: Shown<&str>| match v {
            Shown::Value(v) => v.to_owned(),
            Shown::NotRecorded => String::new(),
            Shown::Withheld => "withheld".to_owned(),
        };
        line(vec![
            e.name.to_owned(),
            text(e.client),
            text(e.region),
            text(e.leads.account),
            e.updated.value().map(|d| d.to_string()).unwrap_or_default(),
            e.age_days.to_string(),
            e.stale.to_string(),
            e.status.as_str().to_owned(),
            low.join(" "),
            e.low_risks.to_string(),
            e.overdue_actions.to_string(),
            "0".to_owned(),
            e.path.to_owned(),
            e.support.map(|a| text(a.ask)).unwrap_or_default(),
            e.support.map(|a| shown(a.age_days)).unwrap_or_default(),
            e.acknowledged_findings.to_string(),
        ]);
    }
    for invalid in &pack.unreadable {
        let mut fields = vec![String::new(); HEADER.len()];
        fields[7] = "unreadable".to_owned();
        fields[11] = invalid.errors.to_string();
        fields[12] = invalid.path.to_owned();
        line(fields);
    }
    out
}
