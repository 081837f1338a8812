//! Asking for help (issue 14, part 1): the `support` section is checked like every other,
//! an old ask is `support-open-long`, and every output shows the open asks first, with
//! their age, as the audience may see them.

mod common;

use common::{Ran, acctsum, workspace};

/// A valid engagement named `name`, with `support` appended when given.
fn engagement(name: &str, support: &str) -> String {
    format!(
        "acctsum: 1\nengagement: {name}\nclient: Acme Bank\nregion: north\nleads:\n  account: Jane Smith\nupdated: 2026-11-18\nstatus: amber\nheadline: On track.\nnext_steps:\n  - Agree the roadmap\nservice_review:\n  last: 2026-11-03\n{support}"
    )
}

const OLD_ASK: &str =
    "support:\n  ask: Need a senior data architect for two weeks\n  from: client practice\n  since: 2026-11-01\n";
const NEW_ASK: &str = "support:\n  ask: Need a tester for a week\n  since: 2026-11-18\n";

/// One region; the scores are left out of these files, so `missing-measure` is off.
const NORTH: &str = "regions: [north]\nrules:\n  missing-measure: off\n";

fn three(config: &str) -> tempfile::TempDir {
    workspace(
        config,
        &[
            ("engagements/north/quiet.yaml", engagement("Quiet", "")),
            ("engagements/north/fresh.yaml", engagement("Fresh Ask", NEW_ASK)),
            ("engagements/north/waiting.yaml", engagement("Waiting Ask", OLD_ASK)),
        ],
    )
}

fn run(ws: &tempfile::TempDir, args: &[&str]) -> Ran {
    let ran = acctsum(ws.path(), args);
    assert_eq!(ran.code, 0, "{args:?}: {}{}", ran.stdout, ran.stderr);
    ran
}

#[test]
fn check_warns_of_an_ask_open_longer_than_support_stale_days() {
    let ws = three(NORTH);
    let ran = run(&ws, &["check", "--format", "short"]);
    assert_eq!(
        ran.stdout,
        "engagements/north/waiting.yaml:17:10: warning[support-open-long]: the ask for help has been open since 2026-11-01, 19 days; asks are answered within 14 days\n"
    );
    let strict = acctsum(ws.path(), &["check", "--strict"]);
    assert_eq!(strict.code, 1, "a warning fails --strict");
    let patient = three(&format!("{NORTH}support_stale_days: 30\n"));
    assert_eq!(run(&patient, &["check", "--format", "short"]).stdout, "");
}

#[test]
fn the_pack_opens_with_the_asks_for_help_longest_waiting_first() {
    let ws = three(NORTH);
    let pack = run(&ws, &["report", "--region", "north", "--format", "markdown"]).stdout;
    let at = |s: &str| pack.find(s).unwrap_or_else(|| panic!("no {s:?} in:\n{pack}"));
    assert!(at("## Asks for help") < at("## Overview"), "{pack}");
    assert!(at("## Overview") < at("## Summary"));
    assert!(
        pack.contains(
            "| Waiting Ask | Need a senior data architect for two weeks | client practice | 2026-11-01 | 19 days, **open long** |\n| Fresh Ask | Need a tester for a week | — | 2026-11-18 | 2 days |\n"
        ),
        "{pack}"
    );
    assert!(pack.contains("- **Asks for help** (since 2026-11-18, 2 days): Need a tester for a week\n"), "{pack}");
}

#[test]
fn no_ask_no_section() {
    let ws = workspace(NORTH, &[("engagements/north/quiet.yaml", engagement("Quiet", ""))]);
    let pack = run(&ws, &["report", "--format", "markdown"]).stdout;
    assert!(!pack.contains("Asks for help"), "{pack}");
    assert!(!run(&ws, &["report"]).stdout.contains("Asks for help"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&ws, &["report", "--format", "json"]).stdout).expect("json");
    assert_eq!(json["support"], serde_json::json!([]));
    assert!(json["engagements"][0].get("support").is_none());
}

#[test]
fn json_table_and_csv_carry_each_ask_with_its_age() {
    let ws = three(NORTH);
    let json: serde_json::Value =
        serde_json::from_str(&run(&ws, &["report", "--format", "json"]).stdout).expect("json");
    assert_eq!(
        json["support"][0],
        serde_json::json!({
            "path": "engagements/north/waiting.yaml",
            "engagement": "Waiting Ask",
            "region": "north",
            "ask": "Need a senior data architect for two weeks",
            "from": "client practice",
            "since": "2026-11-01",
            "age_days": 19,
            "open_long": true,
        })
    );
    assert_eq!(json["support"][1]["age_days"], 2);
    assert_eq!(json["support"][1]["from"], serde_json::Value::Null);
    let fresh = json["engagements"].as_array().and_then(|list| list.iter().find(|e| e["engagement"] == "Fresh Ask"));
    assert_eq!(fresh.map(|e| e["support"]["open_long"].clone()), Some(serde_json::json!(false)));
    let table = run(&ws, &["report", "--region", "north"]).stdout;
    assert!(
        table.starts_with("Asks for help:\n  Waiting Ask, 19 days, open long, since 2026-11-01: Need a senior data architect for two weeks — from client practice\n  Fresh Ask, 2 days, since 2026-11-18: Need a tester for a week\n\n"),
        "{table}"
    );
    let csv = run(&ws, &["report", "--format", "csv"]).stdout;
    assert!(csv.starts_with("engagement,client,region,account_lead,updated,age_days,stale,status,low_scores,low_risks,overdue_actions,errors,path,support_ask,support_age_days,acknowledged\r\n"), "{csv}");
    assert!(
        csv.contains(",engagements/north/waiting.yaml,Need a senior data architect for two weeks,19,0\r\n"),
        "{csv}"
    );
    assert!(csv.contains(",engagements/north/quiet.yaml,,,0\r\n"), "{csv}");
}

#[test]
fn an_audience_that_may_not_see_the_asks_sees_none() {
    let ws = three(&format!("{NORTH}audiences:\n  company:\n    hide: [support]\ndefault_audience: company\n"));
    for format in ["markdown", "table", "csv", "json"] {
        let out = run(&ws, &["report", "--format", format]).stdout;
        assert!(!out.contains("architect") && !out.contains("Asks for help"), "{format}:\n{out}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&run(&ws, &["report", "--format", "json"]).stdout).expect("json");
    assert_eq!(json["support"], serde_json::json!([]));
}

#[test]
fn a_withheld_date_withholds_the_age_and_whether_it_is_open_long() {
    let ws = three(&format!("{NORTH}audiences:\n  company:\n    hide: [support.since]\ndefault_audience: company\n"));
    let json: serde_json::Value =
        serde_json::from_str(&run(&ws, &["report", "--format", "json"]).stdout).expect("json");
    let asks = json["support"].as_array().cloned().unwrap_or_default();
    assert_eq!(asks.len(), 2);
    for ask in &asks {
        assert_eq!(ask["since"], serde_json::json!({"withheld": true}));
        assert_eq!(ask["age_days"], serde_json::json!({"withheld": true}));
        assert_eq!(ask["open_long"], false);
    }
    let pack = run(&ws, &["report", "--region", "north", "--format", "markdown"]).stdout;
    assert!(!pack.contains("2026-11-01") && !pack.contains("19 days"), "{pack}");
    assert!(
        pack.contains(
            "| Waiting Ask | Need a senior data architect for two weeks | client practice | withheld | withheld |"
        ),
        "{pack}"
    );
}

#[test]
fn the_site_shows_the_asks_first_on_the_index_and_near_the_top_of_the_engagement_page() {
    let ws = three(NORTH);
    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("site");
    run(&ws, &["site", "-o", &dir.to_string_lossy()]);
    let index = std::fs::read_to_string(dir.join("index.html")).expect("index");
    let at = |s: &str| index.find(s).unwrap_or_else(|| panic!("no {s:?} in the index"));
    assert!(at("Asks for help") < at("<h2>Overview</h2>"));
    assert!(at("Waiting Ask</a>") < at("Fresh Ask</a>"), "the longest waiting first");
    assert!(index.contains("19 days <strong class=\"flag\">open long</strong>"));
    let page = std::fs::read_to_string(dir.join("e/waiting-ask.html")).expect("page");
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("no {s:?} in the page"));
    assert!(at("Asks for help") < at(">Leads<"));
    assert!(page.contains("Need a senior data architect for two weeks"));
    let quiet = std::fs::read_to_string(dir.join("e/quiet.html")).expect("page");
    assert!(!quiet.contains("Asks for help"));
}

#[test]
fn changes_since_a_commit_say_when_an_ask_is_made_or_closed() {
    let repo = common::GitRepo::new(NORTH);
    repo.write("engagements/north/fresh.yaml", &engagement("Fresh Ask", ""));
    repo.write("engagements/north/waiting.yaml", &engagement("Waiting Ask", OLD_ASK));
    repo.commit("2026-11-02", "base");
    repo.write("engagements/north/fresh.yaml", &engagement("Fresh Ask", NEW_ASK));
    repo.write("engagements/north/waiting.yaml", &engagement("Waiting Ask", ""));
    repo.commit("2026-11-18", "asks made and answered");
    let args = ["report", "--region", "north", "--since", "2026-11-10", "--format", "markdown"];
    let pack = acctsum(repo.path(), &args).stdout;
    assert!(pack.contains("asks for help: Need a tester for a week"), "{pack}");
    assert!(pack.contains("ask for help closed: Need a senior data architect for two weeks"), "{pack}");
    let json = acctsum(repo.path(), &["report", "--since", "2026-11-10", "--format", "json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&json).expect("json");
    let by_name =
        |name: &str| json["engagements"].as_array().and_then(|l| l.iter().find(|e| e["engagement"] == name)).cloned();
    assert_eq!(
        by_name("Fresh Ask").map(|e| e["changes"]["support_asked"].clone()),
        Some("Need a tester for a week".into())
    );
    assert_eq!(
        by_name("Waiting Ask").map(|e| e["changes"]["support_closed"].clone()),
        Some("Need a senior data architect for two weeks".into())
    );
}
