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
