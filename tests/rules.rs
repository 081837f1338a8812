//! Fixtures per rule: `tests/fixtures/<rule-id>/ok-*/` must give no findings at all;
//! `bad-*/` must give exactly the findings in its `expected.out`
//! (`path:line:col: severity[rule]: message`, the `short` format), and at least one of
//! them must be of the rule the folder is named after.

mod common;

use std::path::{Path, PathBuf};

use acctsum::finding::RuleId;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn cases(rule_dir: &Path) -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(rule_dir)
        .expect("rule folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_rule_has_fixtures_and_every_fixture_holds() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for rule in RuleId::ALL {
        // A rule that needs git history has its cases in tests/history.rs, in real repositories.
        if *rule == RuleId::UpdatedNotBumped {
            continue;
        }
        let dir = fixtures().join(rule.as_str());
        if !dir.is_dir() {
            failures.push(format!("no fixtures for rule `{rule}` (tests/fixtures/{rule}/)"));
            continue;
        }
        let cases = cases(&dir);
        let bad =
            cases.iter().filter(|c| c.file_name().is_some_and(|n| n.to_string_lossy().starts_with("bad-"))).count();
        if bad == 0 {
            failures.push(format!("rule `{rule}` has no bad-* fixture"));
        }
        for case in cases {
            checked += 1;
            let name = case.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let ran = common::acctsum(&case, &["check", "--format", "short"]);
            let label = format!("{rule}/{name}");
            if name.starts_with("ok-") {
                if !ran.stdout.is_empty() || ran.code != 0 {
                    failures.push(format!(
                        "{label}: expected no findings, got exit {}:\n{}{}",
                        ran.code, ran.stdout, ran.stderr
                    ));
                }
            } else if name.starts_with("bad-") {
                if !ran.stdout.contains(&format!("[{rule}]")) {
                    failures.push(format!("{label}: no `{rule}` finding in:\n{}{}", ran.stdout, ran.stderr));
                }
                let expected_path = case.join("expected.out");
                if std::env::var_os("ACCTSUM_BLESS").is_some() {
                    std::fs::write(&expected_path, &ran.stdout).expect("bless");
                    continue;
                }
                let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
                if expected != ran.stdout {
                    failures.push(format!(
                        "{label}: output differs\n--- expected\n{expected}--- actual\n{}{}",
                        ran.stdout, ran.stderr
                    ));
                }
                let want_code = if ran.stdout.contains(": error[") { 1 } else { 0 };
                if ran.code != want_code {
                    failures.push(format!("{label}: exit {} but expected {want_code}", ran.code));
                }
            } else {
                failures.push(format!("{label}: fixture folders are named ok-* or bad-*"));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {checked} fixtures failed:\n\n{}", failures.len(), failures.join("\n\n"));
}
