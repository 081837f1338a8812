//! `check --format sarif`: SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

use std::io::{self, Write};

use serde_json::{Value, json};

use crate::finding::{Finding, RuleId, RuleKind, Severity};
use crate::guide::Guide;

/// Where each rule is explained.
const RULES_URI: &str = "https://github.com/acctsum/acctsum/blob/main/docs/rules.md";

fn level(severity: Option<Severity>) -> &'static str {
    match severity {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        None => "none",
    }
}

/// Writes one SARIF log with one run: every rule acctsum has (with its configured level)
/// and every finding, located by line and column (columns count Unicode code points).
///
/// # Errors
/// When writing fails.
pub fn findings(out: &mut dyn Write, findings: &[Finding], guide: &Guide) -> io::Result<()> {
    let rules: Vec<Value> = RuleId::ALL
        .iter()
        .map(|rule| {
            let kind = match rule.kind() {
                RuleKind::Structural => "structural",
                RuleKind::Content(_) => "content",
            };
            json!({
                "id": rule.as_str(),
                "shortDescription": {"text": rule.summary()},
                "helpUri": format!("{RULES_URI}#{}", rule.as_str()),
                "defaultConfiguration": {"level": level(guide.severity(*rule))},
                "properties": {"kind": kind},
            })
        })
        .collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let index = RuleId::ALL.iter().position(|r| *r == f.rule).unwrap_or_default();
            let text = match &f.help {
                Some(help) => format!("{} (help: {help})", f.message),
                None => f.message.clone(),
            };
            json!({
                "ruleId": f.rule.as_str(),
                "ruleIndex": index,
                "level": level(Some(f.severity)),
                "message": {"text": text},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(&f.path), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": f.loc.line.max(1), "startColumn": f.loc.col.max(1)},
                    }
                }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "acctsum",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": "https://github.com/acctsum/acctsum",
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
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
