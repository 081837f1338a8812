//! `report --format csv`: the summary table as RFC 4180 CSV (CRLF line ends), one row per
//! engagement in the report's order, then one row per file that could not be read.

use std::fmt::Write as _;

use crate::render::text::csv;
use crate::report::Report;

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
];

/// The CSV text.
#[must_use]
pub fn report(report: &Report<'_>) -> String {
    let mut out = String::new();
    let mut line = |fields: Vec<String>| {
        let cells: Vec<String> = fields.iter().map(|f| csv(f)).collect();
        let _ = write!(out, "{}\r\n", cells.join(","));
    };
    line(HEADER.iter().map(|h| (*h).to_owned()).collect());
    for item in &report.items {
        let e = item.eng;
        let low: Vec<String> = item.low_scores.iter().map(|(_, key, s)| format!("{key}={s}")).collect();
        line(vec![
            item.name().to_owned(),
            e.client.str().unwrap_or_default().to_owned(),
            e.region.str().unwrap_or_default().to_owned(),
            e.leads.account.str().unwrap_or_default().to_owned(),
            e.updated.get().map(ToString::to_string).unwrap_or_default(),
            item.age_days.to_string(),
            item.stale.to_string(),
            item.status().as_str().to_owned(),
            low.join(" "),
            item.low_risks.len().to_string(),
            item.overdue.len().to_string(),
            "0".to_owned(),
            e.path.to_string(),
        ]);
    }
    for invalid in &report.invalid {
        let mut fields = vec![String::new(); HEADER.len()];
        fields[7] = "unreadable".to_owned();
        fields[11] = invalid.errors.to_string();
        fields[12] = invalid.path.to_owned();
        line(fields);
    }
    out
}
