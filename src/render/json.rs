//! `json`: one document with every finding and a summary; the report ([`report`]) and
//! what changed ([`changes`]) as JSON.

use std::io::{self, Write};

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::finding::{Acknowledged, FieldPath, Finding, Tally};
use crate::scope::LeftOut;
use crate::view::Shown;

/// A value a file may leave out, as JSON: the value; `null` when the file does not record
/// it; `{"withheld": true}` when the audience the output was built for may not see it (so
/// that "withheld" cannot be mistaken for "not recorded", nor for a value).
#[derive(Clone, Copy)]
pub struct Field<T>(pub Shown<T>);

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Shown::Value(v) => v.serialize(serializer),
            Shown::NotRecorded => serializer.serialize_none(),
            Shown::Withheld => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry("withheld", &true)?;
                map.end()
            }
        }
    }
}

/// The findings of one rule about withheld fields, as JSON: counted, not described.
#[derive(Serialize)]
pub struct JsonWithheld {
    rule: &'static str,
    count: usize,
}

impl From<&crate::view::Withheld> for JsonWithheld {
    fn from(w: &crate::view::Withheld) -> Self {
        Self { rule: w.rule.as_str(), count: w.count }
    }
}

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

/// An acknowledged finding as it appears in JSON: the finding and its acknowledgement.
#[derive(Serialize)]
struct JsonAcknowledged<'a> {
    #[serde(flatten)]
    finding: JsonFinding<'a>,
    acknowledgement: JsonAcknowledgement<'a>,
}

#[derive(Serialize)]
struct JsonAcknowledgement<'a> {
    reason: &'a str,
    until: String,
    by: &'a str,
}

impl<'a> From<&'a Acknowledged> for JsonAcknowledged<'a> {
    fn from(a: &'a Acknowledged) -> Self {
        Self {
            finding: JsonFinding::from(&a.finding),
            acknowledgement: JsonAcknowledgement { reason: &a.reason, until: a.until.to_string(), by: &a.by },
        }
    }
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    findings: Findings<'a>,
    acknowledged: AcknowledgedFindings<'a>,
    summary: Tally,
    /// Whether only the findings about the files changed since `--since` are listed.
    scoped: bool,
    /// How many findings in other files were left out (0 when not scoped).
    left_out: usize,
}

/// The findings as a JSON list, each converted as it is written: on a large workspace a
/// list of them all, converted first, would be the largest block `check` holds.
struct Findings<'a>(&'a [Finding]);

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(JsonFinding::from))
    }
}

/// The acknowledged findings as a JSON list, as [`Findings`].
struct AcknowledgedFindings<'a>(&'a [Acknowledged]);

impl Serialize for AcknowledgedFindings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(JsonAcknowledged::from))
    }
}

/// Writes the findings document: the findings, the acknowledged findings (each with its
/// acknowledgement), the summary, and whether `--since` left findings out.
///
/// # Errors
/// When writing fails.
pub fn findings(
    out: &mut dyn Write,
    findings: &[Finding],
    acknowledged: &[Acknowledged],
    tally: Tally,
    left_out: Option<&LeftOut>,
) -> io::Result<()> {
    let doc = Document {
        version: 1,
        findings: Findings(findings),
        acknowledged: AcknowledgedFindings(acknowledged),
        summary: tally,
        scoped: left_out.is_some(),
        left_out: left_out.map_or(0, |l| l.findings),
    };
    super::json_text::write(&mut *out, &doc)?;
    writeln!(out)
}

pub mod changes;
mod last_review;
pub mod report;
