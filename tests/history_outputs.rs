//! `acctsum history` in every format, on a repository built by the test: golden files
//! (commit ids masked), and what changed at each version — status, scores, a lead handed
//! over, a due date moved, a version that could not be read.

mod common;

use std::path::{Path, PathBuf};

use common::{GitRepo, acctsum};

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
const FILE: &str = "engagements/north/acme.yaml";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Five versions of one file: the base; better (green, a hand-over); broken; repaired with
/// a due date moved; amber again with a new headline.
fn story() -> GitRepo {
    let repo = GitRepo::new("acctsum: 1\nregions: [north, south]\n");
    repo.write(FILE, BASE);
    repo.commit("2026-09-01", "base");
    repo.edit(FILE, "status: amber", "status: green");
    repo.edit(FILE, "customer: {score: 4,", "customer: {score: 5,");
    repo.edit(FILE, "account: Jane Smith", "account: Omar Khan");
    repo.commit("2026-09-15", "green, and a hand-over");
    let good = std::fs::read_to_string(repo.path().join(FILE)).expect("read");
    repo.write(FILE, "acctsum: 1\nengagement: [unclosed\n");
    repo.commit("2026-10-01", "broken");
    repo.write(
        FILE,
        &good.replace("due: 2026-11-30", "due: 2027-01-15").replace("growth: {score: 2,", "growth: {score: 3,"),
    );
    repo.commit("2026-10-15", "repaired; the roadmap slips");
    repo.edit(FILE, "status: green", "status: amber");
    repo.edit(FILE, "headline: Payments migration on track;", "headline: Go-live slips to March;");
    repo.commit("2026-11-01", "amber again");
    repo
}

fn history(repo: &GitRepo, format: &str) -> String {
    let ran = acctsum(repo.path(), &["history", FILE, "--format", format]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    repo.mask(&ran.stdout)
}

#[test]
fn history_table_matches_its_golden_file() {
    let repo = story();
    common::golden(&golden_dir().join("history.table"), &history(&repo, "table"));
}

#[test]
fn history_markdown_matches_its_golden_file() {
    let repo = story();
    common::golden(&golden_dir().join("history.md"), &history(&repo, "markdown"));
}

#[test]
fn history_json_matches_its_golden_file() {
    let repo = story();
    common::golden(&golden_dir().join("history.json"), &history(&repo, "json"));
}

#[test]
fn history_says_what_changed_at_each_version() {
    let repo = story();
    let md = history(&repo, "markdown");
    for words in [
        "- 2026-09-15 (`<commit 2>`): status 🟠 amber → 🟢 green ↑; scores: customer 4 → 5 ↑; account lead handed over: Jane Smith → Omar Khan",
        "- 2026-10-01 (`<commit 3>`): could not be read: syntax",
        "- 2026-10-15 (`<commit 4>`): scores: growth 2 → 3 ↑; due date moved: Agree Q1 roadmap, 2026-11-30 → 2027-01-15 (46 days later)",
        "- 2026-11-01 (`<commit 5>`): status 🟢 green → 🟠 amber ↓; headline rewritten: Go-live slips to March;",
    ] {
        assert!(md.contains(words), "{words:?} is not in:\n{md}");
    }
    let json: serde_json::Value = serde_json::from_str(&history(&repo, "json")).expect("json");
    let points = json["history"].as_array().expect("points");
    assert_eq!(points[0]["changes"], serde_json::Value::Null, "nothing before the first version");
    assert_eq!(
        points[1]["changes"]["leads"],
        serde_json::json!([{"role": "account", "old": "Jane Smith", "new": "Omar Khan"}])
    );
    assert_eq!(
        (points[2]["readable"].clone(), points[2]["rule"].clone()),
        (serde_json::json!(false), serde_json::json!("syntax"))
    );
    assert_eq!(points[3]["changes"]["actions_redated"][0]["days"], 46);
    let table = history(&repo, "table");
    assert!(table.contains("account lead handed over: Jane Smith → Omar Khan"), "{table}");
}

/// Three versions of one file: an action overdue; acknowledged, with a reason and an end
/// date; after that date, when the acknowledgement has expired.
fn acknowledged_story() -> GitRepo {
    let config = "acctsum: 1\nregions: [north, south]\naudiences:\n  company:\n    hide: [actions]\n  leads:\n    hide: []\ndefault_audience: leads\n";
    let repo = GitRepo::new(config);
    repo.write(FILE, &BASE.replace("due: 2026-11-10\n    status: done", "due: 2026-10-01\n    status: open"));
    repo.commit("2026-10-15", "the data mapping is late");
    let ack = "acknowledged:\n  - rule: action-overdue\n    about: Close data mapping\n    reason: Waiting on the bank's test data\n    until: 2026-11-30\n    by: Jane Smith\n";
    let text = std::fs::read_to_string(repo.path().join(FILE)).expect("read");
    repo.write(FILE, &format!("{text}{ack}"));
    repo.commit("2026-10-20", "acknowledged");
    repo.edit(FILE, "headline: Payments migration on track;", "headline: Data mapping still late;");
    repo.commit("2026-12-05", "after the acknowledgement's date");
    repo
}

#[test]
fn history_keeps_acknowledged_findings_in_every_format() {
    let repo = acknowledged_story();
    let run = |args: &[&str]| {
        let ran = acctsum(repo.path(), args);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        repo.mask(&ran.stdout)
    };
    // Counted at the version that acknowledged it; before (a warning) and after (expired)
    // it is not.
    let md = run(&["history", FILE, "--format", "markdown"]);
    assert!(md.contains("| status | customer |"), "{md}");
    assert!(md.contains(" | exit\\_plan | acknowledged |\n"), "{md}");
    assert!(md.contains("## Acknowledged\n"), "{md}");
    assert!(
        md.contains("- 2026-10-20 (`<commit 2>`): 1 acknowledged — action-overdue about Close data mapping until 2026-11-30: Waiting on the bank's test data (by Jane Smith)\n"),
        "{md}"
    );
    assert!(!md.contains("(`<commit 1>`): 1 acknowledged") && !md.contains("(`<commit 3>`): 1 acknowledged"), "{md}");
    let table = run(&["history", FILE, "--format", "table"]);
    let header = table.lines().nth(2).expect("the header");
    assert!(header.contains("acknowledged"), "{table}");
    let row = table.lines().find(|l| l.contains("<commit 2>")).expect("the second version");
    assert!(row.contains("┆ 1 "), "{table}");
    let json: serde_json::Value = serde_json::from_str(&run(&["history", FILE, "--format", "json"])).expect("json");
    let points = json["history"].as_array().expect("points");
    let counts: Vec<&serde_json::Value> = points.iter().map(|p| &p["acknowledged"]).collect();
    assert_eq!(counts, [0, 1, 0]);
    assert_eq!(
        points[1]["acknowledgements"],
        serde_json::json!([{
            "rule": "action-overdue",
            "about": "Close data mapping",
            "reason": "Waiting on the bank's test data",
            "until": "2026-11-30",
            "by": "Jane Smith",
            "findings": 1
        }])
    );
    // An audience that may not see the actions sees it counted, not described.
    let company = run(&["history", FILE, "--format", "json", "--audience", "company"]);
    let json: serde_json::Value = serde_json::from_str(&company).expect("json");
    let point = &json["history"][1];
    assert_eq!(point["acknowledged"], 1);
    let withheld = serde_json::json!({"withheld": true});
    assert_eq!(
        (&point["acknowledgements"][0]["about"], &point["acknowledgements"][0]["reason"]),
        (&withheld, &withheld)
    );
    assert!(!company.contains("Close data mapping") && !company.contains("test data"), "{company}");
    let md = run(&["history", FILE, "--format", "markdown", "--audience", "company"]);
    assert!(
        md.contains("1 acknowledged — action-overdue about a withheld field until 2026-11-30 (by Jane Smith)"),
        "{md}"
    );
}
