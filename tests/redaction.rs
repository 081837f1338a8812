//! Audiences take effect: what an audience may not see reaches no output of `report` (any
//! format, with `--since`, `--client`, `--attention`) nor of `history` — checked on the
//! canary workspace, where every hideable field holds a marker — while the leads see every
//! marker; withheld is told from not recorded; a hidden section is absent.

mod common;

use common::canary::{self, Canary, FULL, SINCE, SPARSE};
use common::{acctsum, workspace};

const REPORT_FORMATS: [&str; 4] = ["table", "markdown", "json", "csv"];

/// Asserts that `args` succeed on the canary for `audience` and show none of its markers
/// or hidden dates, on either stream.
fn assert_nothing_leaks(c: &Canary, audience: &str, args: &[&str]) {
    let args = [args, &["--audience", audience]].concat();
    let ran = acctsum(c.repo.path(), &args);
    assert_eq!(ran.code, 0, "{args:?}: {}", ran.stderr);
    for (stream, text) in [("stdout", &ran.stdout), ("stderr", &ran.stderr)] {
        if let Some(leak) = c.leak(text) {
            panic!("{args:?} shows {leak} on {stream}:\n{text}");
        }
    }
}

#[test]
fn an_audience_that_hides_every_field_sees_no_marker_in_any_report_or_history() {
    let c = canary::canary();
    let variants: [&[&str]; 6] = [
        &[],
        &["--since", SINCE],
        &["--client", "marker"],
        &["--attention"],
        &["--since", SINCE, "--attention"],
        // A region's pack opens with its last review session.
        &["--region", "north", "--since", SINCE],
    ];
    // `sections` hides every section whole; `fields` every field of every section.
    for audience in ["sections", "fields"] {
        for format in REPORT_FORMATS {
            for variant in variants {
                assert_nothing_leaks(&c, audience, &[&["report", "--format", format][..], variant].concat());
            }
        }
        for format in ["table", "markdown", "json"] {
            for file in [FULL, SPARSE] {
                assert_nothing_leaks(&c, audience, &["history", file, "--format", format]);
            }
        }
        assert_nothing_leaks(&c, audience, &["calendar"]);
        assert_nothing_leaks(&c, audience, &["calendar", "--region", "north"]);
    }
    // The default audience is `sections`.
    let ran = acctsum(c.repo.path(), &["report", "--format", "markdown", "--since", SINCE]);
    assert_eq!(c.leak(&ran.stdout), None, "{}", ran.stdout);
    assert!(ran.stdout.contains("Built for the sections audience"), "{}", ran.stdout);
}

#[test]
fn the_leads_see_every_marker_in_the_pack_and_the_json() {
    let c = canary::canary();
    assert!(c.markers.len() > 60, "{} markers", c.markers.len());
    for format in ["markdown", "json"] {
        let ran = acctsum(c.repo.path(), &["report", "--format", format, "--since", SINCE, "--audience", "leads"]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        let missing: Vec<&String> = c.markers.iter().filter(|m| !ran.stdout.contains(m.as_str())).collect();
        assert!(missing.is_empty(), "{format} lacks {missing:?}:\n{}", ran.stdout);
        assert!(c.leak(&ran.stdout).is_some());
    }
    // The findings and changes that quote hidden values are there in full for the leads.
    let pack =
        acctsum(c.repo.path(), &["report", "--format", "markdown", "--since", SINCE, "--audience", "leads"]).stdout;
    for said in
        ["was due", "has a low comfort", "due date moved", "action re-owned", "risks removed", "lead handed over"]
    {
        assert!(pack.contains(said), "the leads' pack should say {said:?}:\n{pack}");
    }
    assert!(!pack.contains("withheld field"), "{pack}");
}

#[test]
fn a_review_sessions_actions_are_counted_and_its_decisions_withheld_for_an_audience_that_hides_them() {
    let c = canary::canary();
    let region = |audience: &str, format: &str| {
        let ran = acctsum(c.repo.path(), &["report", "--region", "north", "--format", format, "--audience", audience]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        ran.stdout
    };
    for audience in ["sections", "fields"] {
        let pack = region(audience, "markdown");
        assert!(pack.contains("## Since the last review (2026-11-10)"), "{pack}");
        assert!(pack.contains("Decisions: withheld."), "{pack}");
        assert!(pack.contains("Actions: 2 actions withheld for this audience."), "{pack}");
        let json: serde_json::Value = serde_json::from_str(&region(audience, "json")).expect("json");
        let last = &json["last_review"];
        assert_eq!(last["decisions"], serde_json::json!({"withheld": true}), "{last}");
        assert_eq!(last["actions"], serde_json::json!([]), "{last}");
        assert_eq!(last["withheld_actions"], 2, "{last}");
        assert_eq!(last["next_review"], "2026-12-01", "the next session's date identifies it: {last}");
    }
    // The leads see every marker of the session, in the pack, the JSON and (the action
    // still to come) the calendar.
    for format in ["markdown", "json"] {
        let text = region("leads", format);
        let missing: Vec<&String> = c.session_markers.iter().filter(|m| !text.contains(m.as_str())).collect();
        assert!(missing.is_empty(), "{format} lacks {missing:?}:\n{text}");
        assert!(!text.contains("withheld for this audience"), "{text}");
    }
    let calendar = acctsum(c.repo.path(), &["calendar", "--audience", "leads"]).stdout;
    assert!(calendar.contains("CANARY-session-action-open"), "{calendar}");
}

#[test]
fn what_is_withheld_is_counted_not_described() {
    let c = canary::canary();
    let pack = acctsum(c.repo.path(), &["report", "--format", "markdown", "--since", SINCE, "--audience", "fields"]);
    assert!(pack.stdout.contains("2 findings about withheld fields (action-overdue)"), "{}", pack.stdout);
    assert!(pack.stdout.contains("The status is red; its headline is withheld"), "{}", pack.stdout);
    assert!(pack.stdout.contains("findings about withheld fields (low-score-without-notes)"), "{}", pack.stdout);
    assert!(pack.stdout.contains("changes to withheld fields"), "{}", pack.stdout);
    let json: serde_json::Value = serde_json::from_str(
        &acctsum(c.repo.path(), &["report", "--format", "json", "--since", SINCE, "--audience", "fields"]).stdout,
    )
    .expect("json");
    assert_eq!(json["audience"], "fields");
    let full = json["engagements"].as_array().expect("engagements").iter().find(|e| e["path"] == FULL).expect("full");
    assert!(full["findings"].as_array().expect("findings").iter().all(|f| f["rule"] == "stale"), "{full}");
    assert!(full["withheld_findings"].as_array().is_some_and(|w| !w.is_empty()), "{full}");
    assert!(full["changes"]["withheld"].as_u64().is_some_and(|n| n > 10), "{}", full["changes"]);
    // Every value of every section is withheld: the only values left are the markers of
    // withholding and the derived flags of a row.
    let mut values = Vec::new();
    let sections = [
        "leads",
        "headline",
        "service_review",
        "account_status",
        "strategy",
        "risks",
        "actions",
        "objectives",
        "wins",
        "stakeholders",
        "opportunities",
    ];
    for key in sections {
        assert!(full.get(key).is_some(), "{key} is hidden field by field, not whole: {full}");
        scalars(key, &full[key], &mut values);
    }
    assert!(full.get("next_steps").is_none(), "next_steps has no fields: hidden, it is absent");
    let shown: Vec<&(String, serde_json::Value)> = values
        .iter()
        .filter(|(key, v)| {
            let withheld = key == "withheld" && *v == true;
            let flag = ["overdue", "past"].contains(&key.as_str());
            !withheld && !flag
        })
        .collect();
    assert!(shown.is_empty(), "values shown to an audience that hides every field: {shown:?}");
    assert!(values.len() > 60, "{values:?}");
}

/// Every scalar below `value`, with the key it is under.
fn scalars(key: &str, value: &serde_json::Value, out: &mut Vec<(String, serde_json::Value)>) {
    match value {
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| scalars(k, v, out)),
        serde_json::Value::Array(list) => list.iter().for_each(|v| scalars(key, v, out)),
        scalar => out.push((key.to_owned(), scalar.clone())),
    }
}

const CONFIG: &str = "regions: [north]
audiences:
  company:
    hide: [risks, actions, leads.relationship, \"account_status.*.notes\", account_status.commercial]
  leads:
    hide: []
default_audience: company
";

/// Two engagements: one records its relationship lead and every note, one neither.
fn two() -> tempfile::TempDir {
    let base = "acctsum: 1\nclient: Acme\nregion: north\nupdated: 2026-11-18\nstatus: green\nheadline: Fine.\nnext_steps: [Go on]\n";
    let recorded = format!(
        "engagement: Recorded\n{base}leads:\n  account: Ann Lee\n  relationship: Rita Roe\naccount_status:\n  customer: {{score: 4, notes: Happy client}}\n  commercial: {{score: 4, notes: Margin fine}}\nrisks:\n  - {{title: Key person, score: 4, mitigation: Pairing}}\n"
    );
    let bare = format!("engagement: Bare\n{base}leads:\n  account: Bo Ng\naccount_status:\n  customer: {{score: 4}}\n");
    workspace(CONFIG, &[("engagements/north/recorded.yaml", recorded), ("engagements/north/bare.yaml", bare)])
}

#[test]
fn withheld_is_told_from_not_recorded_in_markdown_and_json() {
    let ws = two();
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]).stdout;
    let leads_line = |name: &str| {
        let at = pack.find(&format!("### {name}")).expect("section");
        pack[at..].lines().find(|l| l.contains("Leads:")).expect("leads line").to_owned()
    };
    // Recorded or not, a withheld relationship lead is withheld: its absence does not show.
    for name in ["Recorded", "Bare"] {
        let line = leads_line(name);
        assert!(line.contains("relationship withheld; client practice —."), "{line}");
    }
    assert!(!pack.contains("Rita Roe") && !pack.contains("Happy client") && !pack.contains("Margin fine"), "{pack}");
    let json: serde_json::Value =
        serde_json::from_str(&acctsum(ws.path(), &["report", "--format", "json"]).stdout).expect("json");
    let withheld = serde_json::json!({"withheld": true});
    for e in json["engagements"].as_array().expect("engagements") {
        assert_eq!(e["leads"]["relationship"], withheld, "{e}");
        assert_eq!(e["leads"]["client_practice"], serde_json::Value::Null, "not recorded: {e}");
        assert_eq!(e["account_status"]["customer"]["notes"], withheld, "{e}");
        assert_eq!(e["account_status"]["customer"]["score"], 4, "{e}");
    }
    let recorded = &json["engagements"].as_array().expect("engagements")[1];
    assert_eq!(recorded["engagement"], "Recorded");
    assert_eq!(recorded["account_status"]["commercial"], withheld, "a measure hidden whole");
    assert_eq!(json["withheld"][0], "risks");
}

#[test]
fn a_hidden_section_is_absent_not_said_to_be_empty() {
    let ws = two();
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]).stdout;
    for absent in ["**Risks and issues**", "**Actions**", "Key person", "Pairing", "**Risk**"] {
        assert!(!pack.contains(absent), "the company pack shows {absent}:\n{pack}");
    }
    assert!(pack.contains("| Commercials | withheld | withheld | withheld |"), "{pack}");
    let json: serde_json::Value =
        serde_json::from_str(&acctsum(ws.path(), &["report", "--format", "json"]).stdout).expect("json");
    for e in json["engagements"].as_array().expect("engagements") {
        assert!(e.get("risks").is_none() && e.get("actions").is_none(), "{e}");
        assert!(e.get("objectives").is_some(), "{e}");
    }
    // The leads see both sections, and that Bare records neither.
    let leads = acctsum(ws.path(), &["report", "--format", "markdown", "--audience", "leads"]).stdout;
    assert!(leads.contains("**Risks and issues**: none recorded"), "{leads}");
    assert!(leads.contains("**Actions**: none recorded"), "{leads}");
    assert!(leads.contains("Key person") && leads.contains("Rita Roe"), "{leads}");
    assert!(leads.contains("Built for the leads audience: nothing is withheld."), "{leads}");
}

#[test]
fn every_report_format_says_which_audience_it_was_built_for() {
    let ws = two();
    let table = acctsum(ws.path(), &["report"]);
    assert!(
        table.stdout.contains("Built for the company audience, which may not see risks, actions"),
        "{}",
        table.stdout
    );
    let csv = acctsum(ws.path(), &["report", "--format", "csv"]);
    assert!(csv.stdout.starts_with("engagement,"), "the CSV stays a table: {}", csv.stdout);
    assert!(csv.stderr.contains("note: Built for the company audience"), "{}", csv.stderr);
    let quiet = acctsum(ws.path(), &["--quiet", "report", "--format", "csv"]);
    assert_eq!(quiet.stderr, "");
    let json: serde_json::Value =
        serde_json::from_str(&acctsum(ws.path(), &["report", "--format", "json"]).stdout).expect("json");
    assert_eq!(json["audience"], "company");
    // No audience declared: nothing is withheld, and nothing is said about it.
    let plain = workspace(
        "regions: [north]\n",
        &[("engagements/north/a.yaml", include_str!("golden/workspace/engagements/north/acme-payments.yaml"))],
    );
    for format in REPORT_FORMATS {
        let ran = acctsum(plain.path(), &["report", "--format", format]);
        assert!(!ran.stdout.contains("audience") && !ran.stderr.contains("audience"), "{format}: {}", ran.stdout);
    }
}

#[test]
fn a_lead_the_audience_may_not_see_cannot_be_found_by_name() {
    let c = canary::canary();
    let relationship = "CANARY-2-leads-relationship";
    for (audience, found) in [("fields", false), ("sections", false), ("leads", true)] {
        let ran =
            acctsum(c.repo.path(), &["report", "--lead", relationship, "--format", "json", "--audience", audience]);
        let json: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
        let names: Vec<&str> =
            json["engagements"].as_array().expect("list").iter().filter_map(|e| e["engagement"].as_str()).collect();
        assert_eq!(names == ["Marker Works"], found, "{audience}: {names:?}");
    }
    let ws = two();
    let ran = acctsum(ws.path(), &["report", "--lead", "rita"]);
    assert!(ran.stdout.starts_with("No engagement matches"), "{}", ran.stdout);
    let ran = acctsum(ws.path(), &["report", "--lead", "ann"]);
    assert!(ran.stdout.contains("Recorded"), "an account lead the company sees: {}", ran.stdout);
}

#[test]
fn an_unknown_audience_is_a_usage_error_with_did_you_mean() {
    let c = canary::canary();
    for args in [&["report", "--audience", "leds"][..], &["history", FULL, "--audience", "leds"]] {
        let ran = acctsum(c.repo.path(), args);
        assert_eq!(ran.code, 2, "{args:?}");
        assert!(ran.stderr.contains("unknown audience `leds`"), "{}", ran.stderr);
        assert!(ran.stderr.contains("did you mean `leads`?"), "{}", ran.stderr);
        assert_eq!(ran.stdout, "");
    }
    let none = workspace(
        "regions: [north]\n",
        &[("engagements/north/a.yaml", include_str!("golden/workspace/engagements/north/acme-payments.yaml"))],
    );
    let ran = acctsum(none.path(), &["report", "--audience", "company"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("declares no audiences"), "{}", ran.stderr);
}

#[test]
fn history_withholds_hidden_scores_and_leaves_a_hidden_section_out() {
    let c = canary::canary();
    let json = |audience: &str| -> serde_json::Value {
        let ran = acctsum(c.repo.path(), &["history", FULL, "--format", "json", "--audience", audience]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        serde_json::from_str(&ran.stdout).expect("json")
    };
    let fields = json("fields");
    assert_eq!(fields["audience"], "fields");
    for point in fields["history"].as_array().expect("points") {
        for (_, score) in point["account_status"].as_object().expect("scores") {
            assert_eq!(*score, serde_json::json!({"withheld": true}), "{point}");
        }
    }
    let sections = json("sections");
    for point in sections["history"].as_array().expect("points") {
        assert_eq!(point["account_status"], serde_json::json!({}), "a hidden section has no measures: {point}");
    }
    let leads = json("leads");
    let scores = &leads["history"][1]["account_status"];
    assert!(scores.as_object().expect("scores").values().all(serde_json::Value::is_i64), "{scores}");
    let md = acctsum(c.repo.path(), &["history", FULL, "--format", "markdown", "--audience", "fields"]).stdout;
    assert!(md.contains("Built for the fields audience"), "{md}");
    assert!(!md.contains("xychart-beta"), "no chart of withheld scores: {md}");
}

/// Every file a built site holds, as (path relative to the site, text).
fn site_files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read the site") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("inside").to_string_lossy().into_owned();
                out.push((rel, std::fs::read_to_string(&path).expect("text")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn the_site_for_an_audience_that_hides_every_field_holds_no_marker_in_any_page_or_file_name() {
    let c = canary::canary();
    let out = tempfile::tempdir().expect("tempdir");
    for audience in ["sections", "fields"] {
        for variant in [&[][..], &["--since", SINCE]] {
            let dir = out.path().join(format!("{audience}-{}", variant.len()));
            let dir_arg = dir.to_string_lossy().into_owned();
            let args = [&["site", "-o", dir_arg.as_str(), "--audience", audience][..], variant].concat();
            let ran = acctsum(c.repo.path(), &args);
            assert_eq!(ran.code, 0, "{args:?}: {}", ran.stderr);
            assert_eq!(c.leak(&ran.stderr), None, "{args:?}: {}", ran.stderr);
            let files = site_files(&dir);
            assert!(files.len() > 5, "{files:?}");
            for (name, text) in &files {
                assert_eq!(c.leak(name), None, "{args:?}: a file name shows a marker");
                if let Some(leak) = c.leak(text) {
                    let at = text.find(leak).unwrap_or(0);
                    let context =
                        &text[text.floor_char_boundary(at.saturating_sub(300))..text.ceil_char_boundary(at + 100)];
                    panic!("{args:?}: {name} shows {leak}:\n{context}");
                }
            }
        }
    }
}

#[test]
fn the_leads_site_shows_every_marker() {
    let c = canary::canary();
    let out = tempfile::tempdir().expect("tempdir");
    let dir = out.path().join("leads");
    let dir_arg = dir.to_string_lossy().into_owned();
    let ran = acctsum(c.repo.path(), &["site", "-o", &dir_arg, "--audience", "leads", "--since", SINCE]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let all: String = site_files(&dir).into_iter().map(|(_, text)| text).collect();
    let missing: Vec<&String> = c.markers.iter().filter(|m| !all.contains(m.as_str())).collect();
    assert!(missing.is_empty(), "the leads' site lacks {missing:?}");
}
