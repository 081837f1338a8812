//! Issue 12: every finding about a field names it (`"field": "actions.2.due"` in JSON),
//! on every rule's fixtures, the golden workspace and the examples; findings about the
//! whole file name none.

mod common;

use std::path::{Path, PathBuf};

/// Rules whose findings are about the whole file (or another file), never a field.
const WHOLE_FILE: &[&str] = &["syntax", "not-utf8", "file-too-large", "unreadable", "schema-outdated"];

/// The field each content rule reports, as a pattern of the format (indices skipped).
const CONTENT: &[(&str, &[&str])] = &[
    ("stale", &["updated"]),
    ("future-date", &["updated", "service_review.last", "wins.date", "support.since"]),
    ("missing-measure", &["account_status.*", "strategy.*"]),
    (
        "low-score-without-notes",
        &["account_status.*.notes", "strategy.*.notes", "risks.mitigation", "objectives.notes"],
    ),
    ("low-score-without-action", &["account_status.*.action", "strategy.*.action"]),
    ("risk-without-mitigation", &["risks.mitigation"]),
    ("action-overdue", &["actions.due"]),
    ("past-objective", &["objectives.date"]),
    ("service-review-missing", &["service_review.last"]),
    ("service-review-overdue", &["service_review.last"]),
    ("headline-too-long", &["headline"]),
    ("status-mismatch", &["status"]),
    ("relationship-lead-conflict", &["leads.relationship"]),
    ("region-path-mismatch", &["region"]),
    ("duplicate-engagement", &["engagement"]),
    ("support-open-long", &["support.since"]),
];

/// Whether the dotted `path` (numbers are indices) is selected by `pattern`, as
/// `FieldPath::matches` decides.
fn matches(path: &str, pattern: &str) -> bool {
    let mut keys = path.split('.').filter(|s| s.parse::<usize>().is_err());
    pattern.split('.').all(|want| keys.next().is_some_and(|key| want == "*" || want == key))
}

fn workspaces() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = vec![root.join("examples"), root.join("tests/golden/workspace")];
    for rule in std::fs::read_dir(root.join("tests/fixtures")).expect("fixtures") {
        for case in std::fs::read_dir(rule.expect("rule").path()).expect("cases") {
            let case = case.expect("case").path();
            if case.file_name().is_some_and(|n| n.to_string_lossy().starts_with("bad-")) {
                all.push(case);
            }
        }
    }
    all.sort();
    all
}

#[test]
fn every_finding_about_a_field_names_it_in_json() {
    let mut seen = 0;
    let mut failures = Vec::new();
    for ws in workspaces() {
        let ran = common::acctsum(&ws, &["check", "--format", "json"]);
        let json: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
        for f in json["findings"].as_array().expect("findings") {
            seen += 1;
            let rule = f["rule"].as_str().expect("rule");
            let field = f.get("field").expect("every finding has the key `field`");
            let whole_file = WHOLE_FILE.contains(&rule)
                || (rule == "invalid-type" && f["line"] == 1 && f["column"] == 1 && field.is_null());
            let ok = match (field.as_str(), CONTENT.iter().find(|(r, _)| *r == rule)) {
                (None, _) => whole_file,
                (Some(_), _) if WHOLE_FILE.contains(&rule) => false,
                (Some(path), Some((_, patterns))) => patterns.iter().any(|p| matches(path, p)),
                (Some(path), None) => !path.is_empty(),
            };
            if !ok {
                failures.push(format!("{}: {f}", ws.display()));
            }
        }
    }
    assert!(seen > 100, "only {seen} findings");
    assert!(failures.is_empty(), "findings with a wrong field:\n{}", failures.join("\n"));
}

#[test]
fn report_json_findings_name_their_field() {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    // The leads see every finding (the company audience, the default, may not see actions).
    let json: serde_json::Value =
        serde_json::from_str(&common::acctsum(&ws, &["report", "--format", "json", "--audience", "leads"]).stdout)
            .expect("json");
    let fields: Vec<&str> = json["engagements"]
        .as_array()
        .expect("engagements")
        .iter()
        .flat_map(|e| e["findings"].as_array().expect("findings"))
        .filter(|f| f["rule"] == "action-overdue")
        .map(|f| f["field"].as_str().expect("field"))
        .collect();
    assert!(!fields.is_empty());
    assert!(
        fields
            .iter()
            .all(|f| matches(f, "actions.due") && f.split('.').nth(1).is_some_and(|n| n.parse::<usize>().is_ok())),
        "{fields:?}"
    );
}
