//! Issue 12, "facts once": the rules alone decide what is stale, overdue or past; every
//! report format reads their findings (after severities), so a rule turned `off` silences
//! its fact everywhere and a rule configured as `error` shows as an error.

mod common;

use std::path::Path;

/// `rules:` settings appended to a workspace's `acctsum.yaml`.
const SILENCED: &str = "\nrules:\n  stale: off\n  action-overdue: off\n  past-objective: off\n  missing-measure: off\n";

/// A copy of `examples/` with `extra` appended to its configuration.
fn examples_with(extra: &str) -> tempfile::TempDir {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let tmp = tempfile::tempdir().expect("tmp");
    for entry in walk(&src) {
        let rel = entry.strip_prefix(&src).expect("inside");
        let to = tmp.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&entry, &to).expect("copy");
    }
    let config = tmp.path().join("acctsum.yaml");
    let text = std::fs::read_to_string(&config).expect("config");
    std::fs::write(&config, format!("{text}{extra}")).expect("config");
    tmp
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// One engagement that is stale (updated 2026-10-01), has an overdue action, a past
/// objective and no `capability` measure, in a workspace with `extra` configuration.
fn small_workspace(extra: &str) -> tempfile::TempDir {
    let file = "acctsum: 1
engagement: Slipping
client: Client
region: north
leads:
  account: Ann Lead
updated: 2026-10-01
status: amber
headline: Behind.
next_steps: [Catch up]
service_review:
  last: 2026-11-10
actions:
  - {action: Ship it, owner: Ann Lead, due: 2026-11-01}
objectives:
  - {title: Go-live, date: 2026-11-02, comfort: 3}
account_status:
  customer: {score: 3}
";
    common::workspace(&format!("regions: [north]\n{extra}"), &[("engagements/north/slipping.yaml", file)])
}

/// Asserts that no report format shows a stale summary, an overdue action or a past
/// objective for the workspace `ws`; each report run with `also` (`--audience leads`, for
/// everything in it).
fn assert_no_stale_overdue_or_past(ws: &Path, also: &[&str]) {
    let check = common::acctsum(ws, &["check", "--format", "json"]);
    for rule in ["\"stale\"", "\"action-overdue\"", "\"past-objective\""] {
        assert!(!check.stdout.contains(rule), "check reports {rule}");
    }
    let report = |format: &str| common::acctsum(ws, &[&["report", "--format", format][..], also].concat()).stdout;
    let table = report("table");
    assert!(table.contains(" 0 stale;"), "{table}");
    assert!(table.contains(" 0 overdue actions;"), "{table}");
    assert!(!table.contains("stale)"), "{table}");

    let pack = report("markdown");
    let overview = pack.lines().skip_while(|l| !l.starts_with("| engagements")).nth(2).expect("overview row");
    let counts: Vec<&str> = overview.trim_matches('|').split('|').map(str::trim).collect();
    assert_eq!((counts[4], counts[6]), ("0", "0"), "stale and overdue in the overview: {overview}");
    for marker in ["**stale**", "(stale)", "**overdue**", "(past)", "not scored"] {
        assert!(!pack.contains(marker), "the pack shows {marker}:\n{pack}");
    }

    let json: serde_json::Value = serde_json::from_str(&report("json")).expect("json");
    for e in json["engagements"].as_array().expect("engagements") {
        assert_eq!(e["stale"], false, "{}", e["engagement"]);
        for a in e["actions"].as_array().expect("actions") {
            assert_eq!(a["overdue"], false, "{a}");
        }
    }

    let csv = report("csv");
    let mut rows = csv.lines();
    let header: Vec<&str> = rows.next().expect("header").split(',').collect();
    let (stale, overdue) = (
        header.iter().position(|h| *h == "stale").expect("stale column"),
        header.iter().position(|h| *h == "overdue_actions").expect("overdue column"),
    );
    for row in rows {
        let cells = split_csv(row);
        if cells.get(7).is_some_and(|c| c == "unreadable") {
            continue;
        }
        assert_eq!((cells[stale].as_str(), cells[overdue].as_str()), ("false", "0"), "{row}");
    }
}

/// The cells of one CSV row (RFC 4180 quoting).
fn split_csv(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().expect("cell").push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => cells.push(String::new()),
            (c, _) => cells.last_mut().expect("cell").push(c),
        }
    }
    cells
}

#[test]
fn rules_turned_off_silence_stale_and_overdue_in_every_report_format_on_the_examples() {
    let before = common::acctsum(examples_with("").path(), &["report"]).stdout;
    assert!(
        !before.contains(" 0 stale;") && !before.contains(" 0 overdue actions;"),
        "the examples have both: {before}"
    );
    assert_no_stale_overdue_or_past(examples_with(SILENCED).path(), &["--audience", "leads"]);
}

#[test]
fn rules_turned_off_silence_stale_overdue_past_and_missing_in_every_report_format() {
    let loud = small_workspace("");
    let pack = common::acctsum(loud.path(), &["report", "--format", "markdown"]).stdout;
    for marker in ["**stale**", "**overdue**", "(past)", "not scored"] {
        assert!(pack.contains(marker), "{marker} is shown while its rule is on:\n{pack}");
    }
    assert_no_stale_overdue_or_past(small_workspace(SILENCED).path(), &[]);
}

#[test]
fn a_rule_configured_as_error_is_an_error_in_check_and_report() {
    let ws = small_workspace("rules:\n  stale: error\n");
    let check = common::acctsum(ws.path(), &["check", "--format", "short"]);
    assert!(check.stdout.contains(": error[stale]"), "{}", check.stdout);
    assert_eq!(check.code, 1);
    let json: serde_json::Value =
        serde_json::from_str(&common::acctsum(ws.path(), &["report", "--format", "json"]).stdout).expect("json");
    let stale = json["engagements"][0]["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "stale")
        .expect("a stale finding");
    assert_eq!(stale["severity"], "error");
    assert_eq!(json["engagements"][0]["stale"], true);
}
