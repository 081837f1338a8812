//! The `acknowledged` section: what an acknowledgement silences, where, for how long, and
//! what it reports of its own — through the real CLI, as of 2026-11-20.

mod common;

use std::path::Path;

use common::{acctsum, workspace};

/// A valid, fresh engagement (no findings) in `region`, with `extra` appended.
fn engagement(name: &str, region: &str, updated: &str, extra: &str) -> String {
    format!(
        "acctsum: 1
engagement: {name}
client: Acme Bank
region: {region}
leads:
  account: Jane Smith
  relationship: Sam Lee
updated: {updated}
status: green
headline: On track.
next_steps:
  - Agree the roadmap
service_review:
  last: 2026-11-03
account_status:
  customer: {{score: 4}}
  team: {{score: 4}}
  delivery: {{score: 4}}
  commercial: {{score: 4}}
  governance: {{score: 4}}
  capability: {{score: 4}}
strategy:
  relationships: {{score: 4}}
  alignment: {{score: 4}}
  growth: {{score: 4}}
  value_add: {{score: 4}}
  exit_plan: {{score: 4}}
{extra}"
    )
}

const CONFIG: &str = "acctsum: 1\nregions: [north, south]\n";

const ACK_STALE: &str = "acknowledged:
  - rule: stale
    reason: Jane is on leave
    until: 2026-11-30
    by: Tom Jones
";

fn check(ws: &Path) -> common::Ran {
    acctsum(ws, &["check", "--format", "short"])
}

#[test]
fn an_acknowledged_finding_is_silenced_in_check_and_in_every_report() {
    let stale = engagement("A", "north", "2026-11-01", ACK_STALE);
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", stale)]);
    let ran = acctsum(ws.path(), &["check", "--strict", "--format", "short"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, ""), "{}", ran.stderr);
    let json = acctsum(ws.path(), &["report", "--format", "json"]);
    assert_eq!(json.code, 0, "{}", json.stderr);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let entry = &doc["engagements"][0];
    assert_eq!(entry["stale"], false, "{entry}");
    assert_eq!(entry["findings"], serde_json::json!([]), "{entry}");
    assert_eq!(entry["acknowledged"][0]["rule"], "stale", "{entry}");
    assert_eq!(entry["acknowledged"][0]["until"], "2026-11-30", "{entry}");
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]);
    assert_eq!(pack.code, 0, "{}", pack.stderr);
    // The finding is not among what needs attention: it appears once, on the line of the
    // acknowledgement that covers it.
    let lines: Vec<&str> = pack.stdout.lines().filter(|l| l.contains("last updated 2026-11-01")).collect();
    assert_eq!(lines.len(), 1, "{}", pack.stdout);
    assert!(
        lines[0].starts_with("- **Acknowledged** stale until 2026-11-30, by Tom Jones: Jane is on leave (covers: "),
        "{}",
        pack.stdout
    );
}

#[test]
fn an_acknowledgement_silences_only_its_own_file() {
    let ws = workspace(
        CONFIG,
        &[
            ("engagements/north/a.yaml", engagement("A", "north", "2026-11-01", ACK_STALE)),
            ("engagements/north/b.yaml", engagement("B", "north", "2026-11-01", "")),
        ],
    );
    let ran = check(ws.path());
    assert_eq!(ran.stdout.lines().count(), 1, "{}", ran.stdout);
    assert!(ran.stdout.starts_with("engagements/north/b.yaml:8:10: warning[stale]"), "{}", ran.stdout);
}

#[test]
fn a_cross_file_finding_is_acknowledged_in_the_file_it_is_reported_on() {
    let ack = "acknowledged:
  - rule: relationship-lead-conflict
    about: leads.relationship
    reason: Kim takes over from Sam in December
    until: 2026-12-15
    by: Jane Smith
";
    let other = engagement("B", "south", "2026-11-18", "").replace("Sam Lee", "Kim Ode");
    let ws = workspace(
        CONFIG,
        &[
            ("engagements/north/a.yaml", engagement("A", "north", "2026-11-18", ack)),
            ("engagements/south/b.yaml", other),
        ],
    );
    let ran = check(ws.path());
    let rules: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(rules.len(), 1, "{}", ran.stdout);
    assert!(rules[0].starts_with("engagements/south/b.yaml:7:17: warning[relationship-lead-conflict]"), "{}", rules[0]);
}

#[test]
fn about_picks_one_action_and_leaves_the_others_reported() {
    let actions = "actions:
  - {action: Close data mapping, owner: Tom Jones, due: 2026-11-10}
  - {action: Sign the SOW, owner: Jane Smith, due: 2026-11-12}
acknowledged:
  - rule: action-overdue
    about: actions.0
    reason: The client's data owner is away until December
    until: 2026-12-10
    by: Jane Smith
";
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", engagement("A", "north", "2026-11-18", actions))]);
    let ran = check(ws.path());
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", ran.stdout);
    assert!(lines[0].contains("warning[action-overdue]: action \"Sign the SOW\""), "{}", lines[0]);
}

#[test]
fn an_acknowledgement_lapses_after_until_and_the_finding_shows_again() {
    let lapsed = ACK_STALE.replace("2026-11-30", "2026-11-19");
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", engagement("A", "north", "2026-11-01", &lapsed))]);
    let ran = check(ws.path());
    assert!(ran.stdout.contains("warning[stale]"), "{}", ran.stdout);
    assert!(
        ran.stdout.contains(
            ":31:12: warning[acknowledgement-expired]: acknowledgement of `stale` lapsed on 2026-11-19, 1 day ago"
        ),
        "{}",
        ran.stdout
    );
}

#[test]
fn max_acknowledge_days_is_read_from_the_config() {
    let long = ACK_STALE.replace("2026-11-30", "2027-01-01");
    let files = [("engagements/north/a.yaml", engagement("A", "north", "2026-11-18", &long))];
    let strict = workspace(&format!("{CONFIG}max_acknowledge_days: 30\n"), &files);
    let ran = check(strict.path());
    assert_eq!(ran.code, 1, "{}", ran.stdout);
    assert!(
        ran.stdout.contains(":31:12: error[invalid-value]: `until` of acknowledgement 1 is 2027-01-01, 42 days from today; an acknowledgement lasts at most 30 days (`max_acknowledge_days` in acctsum.yaml)"),
        "{}",
        ran.stdout
    );
    // Within the default 90 days: in force, and with nothing to silence, unused.
    let default = workspace(CONFIG, &files);
    let ran = check(default.path());
    assert_eq!(ran.code, 0, "{}", ran.stdout);
    assert!(ran.stdout.contains(":29:3: warning[acknowledgement-unused]"), "{}", ran.stdout);
}

#[test]
fn a_bad_max_acknowledge_days_is_a_config_error() {
    let ws = workspace(
        &format!("{CONFIG}max_acknowledge_days: 0\n"),
        &[("engagements/north/a.yaml", engagement("A", "north", "2026-11-18", ""))],
    );
    let ran = check(ws.path());
    assert_eq!(ran.code, 2, "{}{}", ran.stdout, ran.stderr);
    assert!(
        ran.stderr.contains("`max_acknowledge_days` must be a whole number from 1 to 3650, found 0"),
        "{}",
        ran.stderr
    );
}

#[test]
fn a_misspelt_rule_gets_a_did_you_mean() {
    let ack = ACK_STALE.replace("rule: stale", "rule: stael");
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", engagement("A", "north", "2026-11-01", &ack))]);
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 1, "{}", ran.stdout);
    assert!(ran.stdout.contains("invalid-value"), "{}", ran.stdout);
    assert!(ran.stdout.contains("stale"), "{}", ran.stdout);
    // The invalid acknowledgement silences nothing.
    assert!(ran.stdout.contains("last updated 2026-11-01"), "{}", ran.stdout);
}

/// An engagement with one low score without notes (an error, acknowledged) and so one
/// low score without an action and a status mismatch (warnings, not acknowledged).
fn low_score_acknowledged() -> String {
    let ack = "acknowledged:
  - rule: low-score-without-notes
    reason: Notes come after Friday's call
    until: 2026-11-27
    by: Jane Smith
";
    engagement("A", "north", "2026-11-18", ack).replace("customer: {score: 4}", "customer: {score: 1}")
}

#[test]
fn an_acknowledged_error_does_not_fail_check_and_the_summary_counts_it() {
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", low_score_acknowledged())]);
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 0, "{}{}", ran.stdout, ran.stderr);
    assert!(!ran.stdout.contains("low-score-without-notes"), "{}", ran.stdout);
    assert!(ran.stdout.contains("1 file checked: 0 errors, 2 warnings, 1 acknowledged"), "{}", ran.stdout);
    let json = acctsum(ws.path(), &["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    assert_eq!(doc["summary"]["acknowledged"], 1, "{doc}");
    assert_eq!(doc["summary"]["errors"], 0, "{doc}");
    let acknowledged = &doc["acknowledged"][0];
    assert_eq!(acknowledged["rule"], "low-score-without-notes", "{doc}");
    assert_eq!(acknowledged["acknowledgement"]["reason"], "Notes come after Friday's call", "{doc}");
    assert_eq!(acknowledged["acknowledgement"]["until"], "2026-11-27", "{doc}");
    assert_eq!(acknowledged["acknowledgement"]["by"], "Jane Smith", "{doc}");
}

#[test]
fn show_acknowledged_lists_the_acknowledged_findings_with_their_reason() {
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", low_score_acknowledged())]);
    let hidden = acctsum(ws.path(), &["check", "--format", "short"]);
    assert!(!hidden.stdout.contains("low-score-without-notes"), "{}", hidden.stdout);
    let shown = acctsum(ws.path(), &["check", "--format", "short", "--show-acknowledged"]);
    assert_eq!(shown.code, 0, "{}{}", shown.stdout, shown.stderr);
    let line = shown.stdout.lines().find(|l| l.contains("[low-score-without-notes]")).unwrap_or_default();
    assert!(
        line.contains(": acknowledged until 2026-11-27 by Jane Smith (Notes come after Friday's call): "),
        "{}",
        shown.stdout
    );
    let github = acctsum(ws.path(), &["check", "--format", "github", "--show-acknowledged"]);
    assert!(
        github.stdout.lines().any(|l| l.starts_with("::notice ") && l.contains("low-score-without-notes")),
        "{}",
        github.stdout
    );
    let human = acctsum(ws.path(), &["check", "--show-acknowledged"]);
    assert!(human.stdout.contains("acknowledged until 2026-11-27 by Jane Smith"), "{}", human.stdout);
}

#[test]
fn sarif_carries_an_acknowledged_finding_as_suppressed_in_source() {
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", low_score_acknowledged())]);
    let ran = acctsum(ws.path(), &["check", "--format", "sarif"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let log: serde_json::Value = serde_json::from_str(&ran.stdout).expect("sarif");
    let results = log["runs"][0]["results"].as_array().cloned().unwrap_or_default();
    let suppressed: Vec<&serde_json::Value> = results.iter().filter(|r| r.get("suppressions").is_some()).collect();
    assert_eq!(suppressed.len(), 1, "{}", ran.stdout);
    assert_eq!(suppressed[0]["ruleId"], "low-score-without-notes");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    assert!(
        suppressed[0]["suppressions"][0]["justification"]
            .as_str()
            .is_some_and(|j| j.starts_with("Notes come after Friday's call")),
        "{}",
        ran.stdout
    );
}

#[test]
fn about_names_an_action_by_its_text_ignoring_case_and_spacing() {
    let actions = "actions:
  - {action: Close data mapping, owner: Tom Jones, due: 2026-11-10}
  - {action: Sign the SOW, owner: Jane Smith, due: 2026-11-12}
acknowledged:
  - rule: action-overdue
    about: \"  close DATA   mapping \"
    reason: The client's data owner is away until December
    until: 2026-12-10
    by: Jane Smith
";
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", engagement("A", "north", "2026-11-18", actions))]);
    let ran = acctsum(ws.path(), &["check", "--format", "short", "--show-acknowledged"]);
    let lines: Vec<&str> = ran.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", ran.stdout);
    assert!(lines[0].contains("warning[action-overdue]: action \"Sign the SOW\""), "{}", ran.stdout);
    assert!(lines[1].contains("warning[action-overdue]: acknowledged until 2026-12-10"), "{}", ran.stdout);
    assert!(lines[1].contains("action \"Close data mapping\""), "{}", ran.stdout);
}

#[test]
fn about_names_a_measure_by_its_key_and_a_risk_by_its_title() {
    let extra = "risks:
  - {title: Key person dependency, score: 1}
acknowledged:
  - rule: low-score-without-notes
    about: Customer
    reason: Notes come after Friday's call
    until: 2026-11-27
    by: Jane Smith
  - rule: low-score-without-notes
    about: key person DEPENDENCY
    reason: Succession plan agreed on Friday
    until: 2026-11-27
    by: Jane Smith
";
    let file = engagement("A", "north", "2026-11-18", extra)
        .replace("customer: {score: 4}", "customer: {score: 1}")
        .replace("status: green", "status: red");
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", file)]);
    let ran = acctsum(ws.path(), &["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
    let fields: Vec<&str> =
        doc["acknowledged"].as_array().into_iter().flatten().filter_map(|a| a["field"].as_str()).collect();
    assert_eq!(fields, ["account_status.customer.notes", "risks.0.mitigation"], "{doc}");
    assert!(!ran.stdout.contains("acknowledgement-unused"), "{doc}");
}

const AUDIENCES: &str = "acctsum: 1
regions: [north, south]
audiences:
  company:
    hide: [actions]
  leads:
    hide: []
default_audience: company
";

/// An overdue action acknowledged with a reason that speaks of it, an unused
/// acknowledgement about it (the other action is done), and one about a visible field.
const ABOUT_ACTIONS: &str = "actions:
  - {action: Close data mapping, owner: Tom Jones, due: 2026-11-10}
  - {action: Brief the sponsor, owner: Tom Jones, due: 2026-11-30}
acknowledged:
  - rule: action-overdue
    about: close data mapping
    reason: The data owner Dana is away until December
    until: 2026-12-10
    by: Jane Smith
  - rule: action-overdue
    about: Brief the sponsor
    reason: Sponsor briefing moved to the steering group
    until: 2026-12-10
    by: Jane Smith
  - rule: stale
    reason: Jane is on leave
    until: 2026-11-30
    by: Tom Jones
";

#[test]
fn an_acknowledgement_about_a_hidden_field_is_counted_with_its_reason_and_about_withheld() {
    let file = engagement("A", "north", "2026-11-01", ABOUT_ACTIONS);
    let ws = workspace(AUDIENCES, &[("engagements/north/a.yaml", file)]);
    let secrets = ["Dana is away", "Close data mapping", "close data mapping", "Sponsor briefing", "Brief the sponsor"];
    for format in ["markdown", "json", "table", "csv"] {
        let ran = acctsum(ws.path(), &["report", "--format", format]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        for secret in secrets {
            assert!(!ran.stdout.contains(secret), "{format} shows {secret:?}:\n{}", ran.stdout);
        }
    }
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]).stdout;
    assert!(pack.contains("| 1 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 2 |"), "both findings stay counted:\n{pack}");
    assert!(pack.contains("1 finding about a withheld field (acknowledgement-unused)"), "{pack}");
    assert!(pack.contains("Jane is on leave"), "an acknowledgement about a visible field keeps its reason:\n{pack}");
    let json: serde_json::Value =
        serde_json::from_str(&acctsum(ws.path(), &["report", "--format", "json"]).stdout).expect("json");
    let acks = &json["engagements"][0]["acknowledged"];
    let withheld = serde_json::json!({"withheld": true});
    for i in [0, 1] {
        assert_eq!(acks[i]["reason"], withheld, "{acks}");
        assert_eq!(acks[i]["about"], withheld, "{acks}");
        assert_eq!(acks[i]["rule"], "action-overdue", "{acks}");
    }
    assert_eq!(acks[2]["reason"], "Jane is on leave", "{acks}");
    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("site");
    let ran = acctsum(ws.path(), &["site", "-o", dir.to_str().expect("utf-8")]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let page = std::fs::read_to_string(dir.join("e/a.html")).expect("page");
    for secret in secrets {
        assert!(!page.contains(secret), "the site shows {secret:?}");
    }
    // The leads see every reason.
    let leads = acctsum(ws.path(), &["report", "--format", "markdown", "--audience", "leads"]).stdout;
    for said in ["Dana is away", "Sponsor briefing", "Jane is on leave"] {
        assert!(leads.contains(said), "{leads}");
    }
}

#[test]
fn short_keeps_one_line_per_finding_and_counts_the_acknowledged_on_stderr() {
    let actions = "actions:
  - {action: Close data mapping, owner: Tom Jones, due: 2026-11-10}
  - {action: Sign the SOW, owner: Jane Smith, due: 2026-11-12}
acknowledged:
  - rule: action-overdue
    about: actions.0
    reason: The client's data owner is away until December
    until: 2026-12-10
    by: Jane Smith
";
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", engagement("A", "north", "2026-11-18", actions))]);
    let ran = check(ws.path());
    assert_eq!(ran.stdout.lines().count(), 1, "one line per finding, nothing else: {}", ran.stdout);
    assert_eq!(ran.stderr, "note: 1 acknowledged (not errors or warnings; `--show-acknowledged` lists them)\n");
    let listed = acctsum(ws.path(), &["check", "--format", "short", "--show-acknowledged"]);
    assert_eq!(listed.stdout.lines().count(), 2, "{}", listed.stdout);
    assert_eq!(listed.stderr, "note: 1 acknowledged (not errors or warnings; listed above)\n");
    let quiet = acctsum(ws.path(), &["--quiet", "check", "--format", "short"]);
    assert_eq!((quiet.stdout, quiet.stderr), (ran.stdout, String::new()));
    // Nothing acknowledged: nothing said.
    let plain = workspace(CONFIG, &[("engagements/north/a.yaml", engagement("A", "north", "2026-11-18", ""))]);
    assert_eq!(check(plain.path()).stderr, "");
}

#[test]
fn table_and_csv_count_each_engagements_acknowledged_findings() {
    let stale = engagement("A", "north", "2026-11-01", ACK_STALE);
    let fresh = engagement("B", "north", "2026-11-18", "");
    let ws = workspace(CONFIG, &[("engagements/north/a.yaml", stale), ("engagements/north/b.yaml", fresh)]);
    let table = acctsum(ws.path(), &["report"]).stdout;
    let row = table.lines().find(|l| l.contains(" A ")).expect("A's row");
    assert!(row.contains("1 acknowledged") || table.contains("A: 1 acknowledged"), "{table}");
    assert_eq!(table.matches("acknowledged").count(), 2, "A's count and the overview's: {table}");
    let csv = acctsum(ws.path(), &["report", "--format", "csv"]).stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",support_ask,support_age_days,acknowledged"), "a new last column: {csv}");
    assert!(lines.iter().any(|l| l.starts_with("A,") && l.ends_with(",1")), "{csv}");
    assert!(lines.iter().any(|l| l.starts_with("B,") && l.ends_with(",0")), "{csv}");
}
