//! `check --format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

use std::io::{self, BufWriter, Write};

use serde::{Serialize, Serializer};

use crate::finding::{Acknowledged, Finding, RuleId, RuleKind, Severity};
use crate::guide::Guide;
use crate::scope::LeftOut;

/// Where each rule is explained.
const RULES_URI: &str = "https://github.com/acctsum/acctsum/blob/main/docs/rules.md";

fn level(severity: Option<Severity>) -> &'static str {
    match severity {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        None => "none",
    }
}

// The log's parts, field by field in SARIF's order. Results are serialised one at a time
// as they are written, so memory does not grow with the number of findings.

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Results<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<RunProperties<'a>>,
}

/// With `check --since`: that the results are those about the files changed since a
/// revision, and how many findings in other files were left out.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RunProperties<'a> {
    scoped: bool,
    since: &'a str,
    changed_files: usize,
    left_out: usize,
    left_out_files: usize,
}

impl<'a> From<&'a LeftOut> for RunProperties<'a> {
    fn from(l: &'a LeftOut) -> Self {
        Self { scoped: true, since: &l.since, changed_files: l.changed, left_out: l.findings, left_out_files: l.files }
    }
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
struct Text<T> {
    text: T,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text<&'static str>,
    help_uri: String,
    default_configuration: Level,
    properties: Properties,
}

#[derive(Serialize)]
struct Level {
    level: &'static str,
}

#[derive(Serialize)]
struct Properties {
    kind: &'static str,
}

/// Every finding, then every acknowledged finding (suppressed), serialised as written.
struct Results<'a>(&'a [Finding], &'a [Acknowledged]);

impl Serialize for Results<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let suppressed = self.1.iter().map(|a| {
            let mut result = SarifResult::of(&a.finding);
            result.suppressions = Some([Suppression {
                kind: "inSource",
                justification: format!("{} (until {}, by {})", a.reason, a.until, a.by),
            }]);
            result
        });
        serializer.collect_seq(self.0.iter().map(SarifResult::of).chain(suppressed))
    }
}

/// How an acknowledged finding is suppressed: in the engagement file itself.
#[derive(Serialize)]
struct Suppression {
    kind: &'static str,
    justification: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    message: Text<String>,
    locations: [Location; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressions: Option<[Suppression; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<ResultProperties>,
}

/// What SARIF has no place for: the field of the engagement a finding is about.
#[derive(Serialize)]
struct ResultProperties {
    field: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    physical_location: PhysicalLocation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    uri_base_id: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
}

impl SarifResult {
    fn of(f: &Finding) -> Self {
        let text = match &f.help {
            Some(help) => format!("{} (help: {help})", f.message),
            None => f.message.clone(),
        };
        Self {
            rule_id: f.rule.as_str(),
            rule_index: RuleId::ALL.iter().position(|r| *r == f.rule).unwrap_or_default(),
            level: level(Some(f.severity)),
            message: Text { text },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation { uri: uri(&f.path), uri_base_id: "%SRCROOT%" },
                    region: Region { start_line: f.loc.line.max(1), start_column: f.loc.col.max(1) },
                },
            }],
            suppressions: None,
            properties: f.field.as_ref().map(|field| ResultProperties { field: field.to_string() }),
        }
    }
}

/// Writes one SARIF log with one run: every rule acctsum has (with its configured level)
/// and every finding (the acknowledged ones with an `inSource` suppression giving the
/// reason), located by line and column (columns count Unicode code points).
/// The log is streamed: memory does not grow with the number of findings. With
/// `check --since`, the run's properties say what was left out.
///
/// # Errors
/// When writing fails.
pub fn findings(
    out: &mut dyn Write,
    findings: &[Finding],
    acknowledged: &[Acknowledged],
    guide: &Guide,
    left_out: Option<&LeftOut>,
) -> io::Result<()> {
    let rules = RuleId::ALL
        .iter()
        .map(|rule| Rule {
            id: rule.as_str(),
            short_description: Text { text: rule.summary() },
            help_uri: format!("{RULES_URI}#{}", rule.as_str()),
            default_configuration: Level { level: level(guide.severity(*rule)) },
            properties: Properties {
                kind: match rule.kind() {
                    RuleKind::Structural => "structural",
                    RuleKind::Content(_) => "content",
                },
            },
        })
        .collect();
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "acctsum",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://github.com/acctsum/acctsum",
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results: Results(findings, acknowledged),
            properties: left_out.map(RunProperties::from),
        }],
    };
    let mut out = BufWriter::with_capacity(1 << 16, out);
    super::json_text::write(&mut out, &log)?;
    writeln!(out)?;
    out.flush()
}

/// A relative path as a URI reference: `/` separators, and the characters a URI cannot
/// hold percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(char::from(byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_encoded() {
        assert_eq!(uri("engagements/north/zoë café.yaml"), "engagements/north/zo%C3%AB%20caf%C3%A9.yaml");
    }
}
