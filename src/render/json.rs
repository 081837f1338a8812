//! `json`: one document with every finding and a summary.

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::{Finding, Tally};

/// A finding as it appears in JSON (also used by `report --format json`).
#[derive(Serialize)]
pub struct JsonFinding<'a> {
    path: &'a str,
    line: u32,
    column: u32,
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
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
