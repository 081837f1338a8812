//! Issue 14 part 3: `report --since` lists, per engagement, the acknowledgements added
//! (in force now, not in the file at the base), lapsed (in force at the base, expired now)
//! and removed, in markdown, the table and JSON; an audience that may not see what one is
//! about sees it counted, not described.

mod common;

use common::{GitRepo, acctsum};

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
const CONFIG: &str = "acctsum: 1
regions: [north]
audiences:
  company:
    hide: [actions]
  leads:
    hide: []
default_audience: leads
";

/// The golden engagement named `name`, with `extra` appended.
fn engagement(name: &str, extra: &str) -> String {
    format!("{}{extra}", BASE.replace("Acme Payments Platform", name))
}

/// An acknowledgement of `rule` (about `about`, when given) until `until`.
fn ack(rule: &str, about: Option<&str>, until: &str) -> String {
    let about = about.map(|a| format!("    about: {a}\n")).unwrap_or_default();
    format!(
        "acknowledged:\n  - rule: {rule}\n{about}    reason: Client's DPO is on leave\n    until: {until}\n    by: Priya Raman\n"
    )
}

const ROADMAP: Option<&str> = Some("Agree Q1 roadmap");

/// A base commit on 2026-10-01, then one on 2026-11-10: an acknowledgement added, one
/// that lapses on 2026-11-15 (in force at the base, expired on 2026-11-20), one removed,
/// and one in force at both.
fn story() -> GitRepo {
    let repo = GitRepo::new(CONFIG);
    let lapsing = ack("action-overdue", ROADMAP, "2026-11-15");
    let lasting = ack("action-overdue", ROADMAP, "2026-12-15");
    repo.write("engagements/north/added.yaml", &engagement("Added", ""));
    repo.write("engagements/north/lapsed.yaml", &engagement("Lapsed", &lapsing));
    repo.write("engagements/north/removed.yaml", &engagement("Removed", &ack("stale", None, "2026-11-30")));
    repo.write("engagements/north/steady.yaml", &engagement("Steady", &lasting));
    repo.commit("2026-10-01", "base");
    repo.write("engagements/north/added.yaml", &engagement("Added", &lasting));
    repo.write("engagements/north/removed.yaml", &engagement("Removed", ""));
    repo.commit("2026-11-10", "acknowledgements");
    repo
}

/// `report --since 2026-10-31` with `args`.
fn report(repo: &GitRepo, args: &[&str]) -> String {
    let mut all = vec!["report", "--since", "2026-10-31"];
    all.extend_from_slice(args);
    let ran = acctsum(repo.path(), &all);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    ran.stdout
}

/// The `changes` object of the engagement named `name` in a JSON report.
fn changes<'a>(json: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    let all = json["engagements"].as_array().expect("engagements");
    &all.iter().find(|e| e["engagement"] == name).unwrap_or_else(|| panic!("{name} in {json}"))["changes"]
}

#[test]
fn acknowledgements_added_lapsed_and_removed_since_are_lines_of_the_pack() {
    let pack = report(&story(), &["--format", "markdown"]);
    for line in [
        "- **Added**\n  - acknowledged action-overdue about \"Agree Q1 roadmap\" until 2026-12-15: Client's DPO is on leave (by Priya Raman)\n",
        "- **Lapsed**\n  - acknowledgement of action-overdue about \"Agree Q1 roadmap\" lapsed on 2026-11-15\n",
        "- **Removed**\n  - acknowledgement of stale removed\n",
    ] {
        assert!(pack.contains(line), "{line:?} is not in\n{pack}");
    }
    let section = pack.split("## Changes since").nth(1).expect("changes").split("\n## ").next().expect("section");
    assert!(!section.contains("Steady"), "in force at both: no change\n{section}");
}

#[test]
fn acknowledgements_added_lapsed_and_removed_since_are_in_json_with_their_kind() {
    let json: serde_json::Value = serde_json::from_str(&report(&story(), &["--format", "json"])).expect("json");
    let added = &changes(&json, "Added")["acknowledgements"];
    assert_eq!(
        added,
        &serde_json::json!([{
            "kind": "added",
            "rule": "action-overdue",
            "about": "Agree Q1 roadmap",
            "reason": "Client's DPO is on leave",
            "until": "2026-12-15",
            "by": "Priya Raman",
        }])
    );
    let kinds = |name| -> Vec<serde_json::Value> {
        let list = changes(&json, name)["acknowledgements"].as_array().cloned().unwrap_or_default();
        list.iter().map(|a| serde_json::json!([a["kind"], a["rule"], a["until"]])).collect()
    };
    assert_eq!(kinds("Lapsed"), [serde_json::json!(["lapsed", "action-overdue", "2026-11-15"])]);
    assert_eq!(kinds("Removed"), [serde_json::json!(["removed", "stale", "2026-11-30"])]);
    assert!(kinds("Steady").is_empty(), "{json}");
}

#[test]
fn acknowledgements_added_lapsed_and_removed_since_are_in_the_tables_change_column() {
    let table = report(&story(), &[]);
    let row = |name: &str| {
        table.lines().find(|l| l.contains(&format!(" {name} "))).unwrap_or_else(|| panic!("{name}:\n{table}"))
    };
    assert!(row("Added").contains("acknowledged"), "{table}");
    assert!(row("Lapsed").contains("acknowledgement lapsed"), "{table}");
    assert!(row("Removed").contains("acknowledgement removed"), "{table}");
    let steady = row("Steady");
    assert!(["acknowledged", "lapsed", "removed"].iter().all(|w| !steady.contains(w)), "{table}");
}

#[test]
fn an_acknowledgement_change_about_a_hidden_action_is_counted_not_described() {
    let repo = story();
    let pack = report(&repo, &["--format", "markdown", "--audience", "company"]);
    for secret in ["Agree Q1 roadmap", "Client's DPO"] {
        assert!(!pack.contains(secret), "the company sees {secret:?}:\n{pack}");
    }
    assert!(pack.contains("- **Removed**\n  - acknowledgement of stale removed\n"), "about nothing hidden:\n{pack}");
    let json: serde_json::Value =
        serde_json::from_str(&report(&repo, &["--format", "json", "--audience", "company"])).expect("json");
    for name in ["Added", "Lapsed"] {
        let c = changes(&json, name);
        assert_eq!((c.get("acknowledgements"), &c["withheld"]), (None, &serde_json::json!(1)), "{name}: {c}");
    }
    let site = tempfile::tempdir().expect("tmp");
    let dir = site.path().join("site");
    let args = ["site", "--since", "2026-10-31", "--audience", "company", "-o", dir.to_str().expect("utf-8")];
    let ran = acctsum(repo.path(), &args);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let page = std::fs::read_to_string(dir.join("e/added.html")).expect("page");
    assert!(!page.contains("Agree Q1 roadmap") && !page.contains("DPO"), "{page}");
    let leads = tempfile::tempdir().expect("tmp");
    let dir = leads.path().join("site");
    let ran = acctsum(repo.path(), &["site", "--since", "2026-10-31", "-o", dir.to_str().expect("utf-8")]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let page = std::fs::read_to_string(dir.join("e/added.html")).expect("page");
    assert!(page.contains("acknowledged action-overdue about"), "the site lists it:\n{page}");
}
