//! Issue 12: the workspace-level rules (`updated-not-bumped`, `schema-outdated`, the
//! cross-file rules) run inside the engine from the one rule list, so `report` sees them
//! as `check` does.

mod common;

use std::path::Path;
use std::process::Command;

const FILE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-11-01T12:00:00")
        .env("GIT_COMMITTER_DATE", "2026-11-01T12:00:00")
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A repository with one committed engagement, then edited on disk without moving
/// `updated`; `config` is the workspace's `acctsum.yaml`.
fn edited_without_bump(config: &str) -> tempfile::TempDir {
    let ws = common::workspace(config, &[("engagements/north/payments.yaml", FILE)]);
    git(ws.path(), &["init", "-q", "-b", "main"]);
    git(ws.path(), &["-c", "user.email=l@example.com", "-c", "user.name=L", "add", "-A"]);
    git(ws.path(), &["-c", "user.email=l@example.com", "-c", "user.name=L", "commit", "-q", "-m", "base"]);
    let path = ws.path().join("engagements/north/payments.yaml");
    std::fs::write(&path, FILE.replace("Sponsor happy with pace", "Sponsor delighted")).expect("edit");
    ws
}

#[test]
fn report_since_shows_updated_not_bumped_as_check_does() {
    let ws = edited_without_bump("regions: [north, south]\n");
    let check = common::acctsum(ws.path(), &["check", "--format", "short", "--since", "HEAD"]);
    assert!(check.stdout.contains("warning[updated-not-bumped]"), "{}{}", check.stdout, check.stderr);
    let report = common::acctsum(ws.path(), &["report", "--format", "json", "--since", "HEAD"]);
    let json: serde_json::Value = serde_json::from_str(&report.stdout).expect(&report.stderr);
    let findings = json["engagements"][0]["findings"].as_array().expect("findings");
    let bumped = findings.iter().find(|f| f["rule"] == "updated-not-bumped").expect("an updated-not-bumped finding");
    assert_eq!(bumped["field"], "updated");
    let pack = common::acctsum(ws.path(), &["report", "--format", "markdown", "--since", "HEAD"]).stdout;
    assert!(
        pack.contains(
            "is still 2026-11-18 — [engagements/north/payments.yaml#L11](engagements/north/payments.yaml#L11)\n"
        ),
        "{pack}"
    );
    // Without --since there is nothing to compare with.
    let plain = common::acctsum(ws.path(), &["report", "--format", "json"]).stdout;
    assert!(!plain.contains("updated-not-bumped"));
}

#[test]
fn workspace_rules_follow_the_configured_severity() {
    let ws = edited_without_bump("regions: [north, south]\nrules:\n  updated-not-bumped: error\n");
    let check = common::acctsum(ws.path(), &["check", "--format", "short", "--since", "HEAD"]);
    assert!(check.stdout.contains("error[updated-not-bumped]"), "{}", check.stdout);
    assert_eq!(check.code, 1);
    let off = edited_without_bump("regions: [north, south]\nrules:\n  updated-not-bumped: off\n");
    for args in
        [&["check", "--format", "json", "--since", "HEAD"][..], &["report", "--format", "json", "--since", "HEAD"]]
    {
        let out = common::acctsum(off.path(), args).stdout;
        assert!(!out.contains("updated-not-bumped"), "{args:?}: {out}");
    }
}

#[test]
fn an_outdated_schema_is_reported_once() {
    let ws = common::workspace("regions: [north, south]\n", &[("engagements/north/payments.yaml", FILE)]);
    std::fs::create_dir_all(ws.path().join("schema")).expect("mkdir");
    std::fs::write(ws.path().join("schema/engagement.schema.json"), "{}").expect("schema");
    let check = common::acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(check.stdout.matches("[schema-outdated]").count(), 1, "{}", check.stdout);
}
