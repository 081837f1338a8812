//! Issue 12: "what changed" misses nothing in any output. A repository built by the test
//! holds one engagement per group of changes; `report --since` shows every kind of
//! change in the pack (a golden file), the table, JSON and CSV; a region's pack names the
//! engagement that left it; a director's first screen shows a hand-over, a slipped date
//! and a move; `--attention` keeps only what needs it.

mod common;

use std::path::{Path, PathBuf};

use common::{GitRepo, acctsum};

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
const CONFIG: &str = "acctsum: 1\nregions: [north, south, scotland]\n";

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// The golden engagement named `name` in `region`.
fn engagement(name: &str, region: &str) -> String {
    BASE.replace("Acme Payments Platform", name).replace("region: north", &format!("region: {region}"))
}

/// A base commit on 2026-10-01, then a month of changes: every kind, in a few
/// engagements; one moved from scotland to north; one renamed; one whose base version
/// could not be read; one new; one gone.
fn story() -> GitRepo {
    let repo = GitRepo::new(CONFIG);
    let north = |name: &str| format!("engagements/north/{name}.yaml");
    for name in ["steady", "alpha", "beta", "renamed", "old"] {
        let title = match name {
            "renamed" => "Old Name".to_owned(),
            "old" => "Old Work".to_owned(),
            other => format!("{}{}", other[..1].to_uppercase(), &other[1..]),
        };
        repo.write(&north(name), &engagement(&title, "north"));
    }
    let gamma = engagement("Gamma", "north").replace(
        "actions:\n",
        "actions:\n  - {action: Sign the SOW, owner: Jane Smith, due: 2026-11-20}\n  - {action: Hire a tester, owner: Tom Jones, due: 2026-12-05}\n",
    );
    repo.write(&north("gamma"), &gamma);
    let delta = engagement("Delta", "north").replace(
        "objectives:\n",
        "objectives:\n  - {title: Pilot, date: 2027-02-01, comfort: 3}\n  - {title: Demo day, date: 2026-11-10, comfort: 4}\n",
    );
    repo.write(&north("delta"), &delta);
    repo.write(&north("broken"), "acctsum: 1\nengagement: [unclosed\n");
    repo.write("engagements/scotland/moved.yaml", &engagement("Moved", "scotland"));
    repo.write("engagements/scotland/highland.yaml", &engagement("Highland", "scotland"));
    repo.commit("2026-10-01", "base");

    let alpha = north("alpha");
    repo.edit(&alpha, "account: Jane Smith", "account: Omar Khan");
    repo.edit(&alpha, "headline: Payments migration on track;", "headline: Go-live slips to March;");
    repo.edit(&alpha, "  - Raise the rate card at the December service review\n", "  - Hire a tester\n");
    repo.edit(&alpha, "status: amber", "status: red");
    repo.edit(&alpha, "customer: {score: 4,", "customer: {score: 2,");
    repo.commit("2026-11-02", "alpha: hand-over, rewrite, red");

    let beta = north("beta");
    repo.edit(
        &beta,
        "  tech: [Raj Patel, Li Wei]\n  delivery: Tom Jones\n  relationship: Sam Lee\n",
        "  tech: [Raj Patel, Li Wei, Sam Roe]\n  delivery: Tom Jones\n",
    );
    repo.edit(&beta, "risks:\n", "risks:\n  - {title: Vendor lock-in, score: 3, mitigation: Abstract the gateway}\n");
    repo.edit(
        &beta,
        "  - title: Key person dependency on lead engineer\n    score: 2\n    mitigation: Pairing rotation and a succession plan\n    owner: Raj Patel\n",
        "",
    );
    repo.edit(&beta, "    score: 3\n    mitigation: Agree", "    score: 1\n    mitigation: Agree");
    repo.commit("2026-11-04", "beta: leads and risks");

    let gamma = north("gamma");
    repo.edit(&gamma, "due: 2026-11-30", "due: 2027-01-15");
    repo.edit(&gamma, "    owner: Tom Jones\n    due: 2026-11-10", "    owner: Ann Lee\n    due: 2026-11-10");
    repo.edit(
        &gamma,
        "{action: Sign the SOW, owner: Jane Smith, due: 2026-11-20}",
        "{action: Sign the SOW, owner: Jane Smith, due: 2026-11-20, status: done}",
    );
    repo.edit(
        &gamma,
        "  - {action: Hire a tester, owner: Tom Jones, due: 2026-12-05}\n",
        "  - {action: Book a rehearsal, owner: Tom Jones, due: 2026-12-10}\n",
    );
    repo.commit("2026-11-06", "gamma: actions");

    let delta = north("delta");
    repo.edit(
        &delta,
        "  - {title: Pilot, date: 2027-02-01, comfort: 3}\n",
        "  - {title: Phase 2, date: 2027-03-01, comfort: 3}\n",
    );
    repo.edit(&delta, "  last: 2026-11-03", "  last: 2026-11-17");
    repo.commit("2026-11-08", "delta: objectives and a service review");

    repo.edit(&north("renamed"), "engagement: Old Name", "engagement: New Name");
    repo.write(&north("broken"), &engagement("Broken", "north"));
    repo.write(&north("new"), &engagement("New Work", "north"));
    std::fs::remove_file(repo.path().join(north("old"))).expect("rm");
    repo.git(&["mv", "engagements/scotland/moved.yaml", "engagements/north/moved.yaml"]);
    repo.edit("engagements/north/moved.yaml", "region: scotland", "region: north");
    repo.commit("2026-11-10", "renamed, repaired, new, gone, moved");
    repo
}

/// `report --since 2026-10-31` with `args`, commit ids masked.
fn report(repo: &GitRepo, args: &[&str]) -> String {
    let mut all = vec!["report", "--since", "2026-10-31"];
    all.extend_from_slice(args);
    let ran = acctsum(repo.path(), &all);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    repo.mask(&ran.stdout)
}

#[test]
fn a_pack_with_every_kind_of_change_matches_its_golden_file() {
    let repo = story();
    let pack = report(&repo, &["--region", "north", "--format", "markdown"]);
    common::golden(&golden_dir().join("changes-north.md"), &pack);
    let json = report(&repo, &["--region", "north", "--format", "json"]);
    common::golden(&golden_dir().join("changes-north.json"), &json);
    let table = report(&repo, &["--region", "north"]);
    common::golden(&golden_dir().join("changes-north.table"), &table);
}

#[test]
fn changes_since_shows_a_handover_a_rewrite_a_slipped_date_and_an_unreadable_version_in_markdown_table_and_json() {
    // Issue 12: each of these was "Nothing changed" (or left out) in every output.
    let repo = story();
    let pack = report(&repo, &["--region", "north", "--format", "markdown"]);
    for words in [
        "  - account lead handed over: Jane Smith → Omar Khan\n",
        "  - headline rewritten: Go-live slips to March; margin under pressure after the rate review.\n",
        "  - next steps rewritten: Agree the Q1 roadmap with the product owner; Hire a tester\n",
        "  - due date moved: Agree Q1 roadmap, 2026-11-30 → 2027-01-15 (46 days later)\n",
        "- **Broken**\n  - the version at `<commit 1>` could not be read: syntax\n",
        "- **Moved**\n  - moved from scotland\n",
    ] {
        assert!(pack.contains(words), "{words:?} is not in the pack:\n{pack}");
    }
    let table = report(&repo, &["--region", "north"]);
    for (name, brief) in [
        ("Alpha", "amber→red ↓, ↓1, lead handed over"),
        ("Gamma", "due moved"),
        ("Broken", "base unreadable"),
        ("Moved", "region"),
    ] {
        let row = table.lines().find(|l| l.contains(&format!("│ {name} "))).unwrap_or_else(|| panic!("{table}"));
        assert!(row.contains(brief), "{name}: {row}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&report(&repo, &["--region", "north", "--format", "json"])).expect("json");
    let changes = |name: &str| {
        json["engagements"].as_array().expect("list").iter().find(|e| e["engagement"] == name).expect(name)["changes"]
            .clone()
    };
    let alpha = changes("Alpha");
    assert_eq!(alpha["leads"], serde_json::json!([{"role": "account", "old": "Jane Smith", "new": "Omar Khan"}]));
    assert_eq!(alpha["headline"], "Go-live slips to March; margin under pressure after the rate review.");
    assert_eq!(
        alpha["next_steps"],
        serde_json::json!(["Agree the Q1 roadmap with the product owner", "Hire a tester"])
    );
    assert_eq!(
        changes("Gamma")["actions_redated"],
        serde_json::json!([{"item": "Agree Q1 roadmap", "old": "2026-11-30", "new": "2027-01-15", "days": 46}])
    );
    assert_eq!(changes("Broken")["base_unread"], serde_json::json!({"commit": "<commit 1>", "reason": "syntax"}));
    assert_eq!(changes("Moved")["region"], serde_json::json!({"old": "scotland", "new": "north"}));
}

#[test]
fn the_scotland_pack_lists_the_engagement_that_moved_to_north() {
    // Issue 12: it vanished from the scotland pack without a word.
    let repo = story();
    let pack = report(&repo, &["--region", "scotland", "--format", "markdown"]);
    assert!(pack.contains("- **Moved**: moved to north (engagements/north/moved.yaml)\n"), "{pack}");
    let table = report(&repo, &["--region", "scotland"]);
    assert!(table.contains("Moved to another region since 2026-10-31: Moved (to north).\n"), "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&report(&repo, &["--region", "scotland", "--format", "json"])).expect("json");
    assert_eq!(
        json["since"]["left"],
        serde_json::json!([{"path": "engagements/north/moved.yaml", "engagement": "Moved", "from": "scotland", "to": "north"}])
    );
    // In a pack of both regions it is there, as having moved.
    let both = report(&repo, &["--region", "scotland", "--region", "north", "--format", "markdown"]);
    assert!(both.contains("- **Moved**\n  - moved from scotland\n") && !both.contains("moved to north"), "{both}");
}

/// The examples' north region (six engagements) and one scotland engagement, committed
/// on 2026-11-06; a fortnight later a lead has handed over, a due date has slipped and
/// the scotland engagement has moved to north.
fn fortnight() -> GitRepo {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/engagements");
    let repo = GitRepo::new(CONFIG);
    for entry in std::fs::read_dir(examples.join("north")).expect("north") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        repo.write(&format!("engagements/north/{name}"), &std::fs::read_to_string(&path).expect("read"));
    }
    let glen = std::fs::read_to_string(examples.join("scotland/glenmorven-distillers-online-shop.yaml")).expect("read");
    repo.write("engagements/scotland/glenmorven.yaml", &glen);
    repo.commit("2026-11-06", "the last review");
    repo.edit(
        "engagements/north/tynebridge-media-streaming.yaml",
        "account: Siobhán Kearney",
        "account: Peter Armstrong",
    );
    repo.edit("engagements/north/northern-mutual-open-banking.yaml", "due: 2026-11-14", "due: 2026-12-05");
    repo.edit(
        "engagements/north/northern-mutual-mortgage-origination.yaml",
        "headline: >-\n",
        "headline: >-\n  Rewritten.\n",
    );
    repo.git(&["mv", "engagements/scotland/glenmorven.yaml", "engagements/north/glenmorven.yaml"]);
    repo.edit("engagements/north/glenmorven.yaml", "region: scotland", "region: north");
    repo.commit("2026-11-18", "a fortnight");
    repo
}

#[test]
fn a_directors_first_screen_shows_a_handover_a_slipped_date_and_a_move() {
    let repo = fortnight();
    let ran = acctsum(repo.path(), &["report", "--region", "north", "--since", "2026-11-06", "--format", "markdown"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let first_screen: String = ran.stdout.lines().take(40).collect::<Vec<_>>().join("\n");
    for words in [
        "account lead handed over: Siobhán Kearney → Peter Armstrong",
        "due date moved: Send the updated data protection impact assessment to the DPO, 2026-11-14 → 2026-12-05 (21 days later)",
        "moved from scotland",
    ] {
        assert!(first_screen.contains(words), "{words:?} is not on the first screen:\n{first_screen}");
    }
    let scotland =
        acctsum(repo.path(), &["report", "--region", "scotland", "--since", "2026-11-06", "--format", "markdown"]);
    let first_screen: String = scotland.stdout.lines().take(40).collect::<Vec<_>>().join("\n");
    assert!(first_screen.contains("moved to north"), "{first_screen}");
}

#[test]
fn attention_keeps_only_engagements_that_need_attention_in_every_format() {
    let repo = fortnight();
    fn args(format: &str, attention: bool) -> Vec<&str> {
        let mut a = vec!["report", "--region", "north", "--format", format];
        if attention {
            a.push("--attention");
        }
        a
    }
    // West Riding, Northern Mutual Mortgage Origination and Glenmorven are green, current and
    // without findings.
    let quiet = ["West Riding Patient Flow Dashboard", "Northern Mutual Mortgage Origination"];
    for format in ["table", "markdown", "json", "csv"] {
        let all = acctsum(repo.path(), &args(format, false)).stdout;
        let kept = acctsum(repo.path(), &args(format, true));
        assert_eq!(kept.code, 0, "{}", kept.stderr);
        for name in quiet {
            assert!(all.contains(name), "{format}: {name} is there without --attention");
            assert!(!kept.stdout.contains(name), "{format}: {name} is left out with --attention:\n{}", kept.stdout);
        }
        assert!(kept.stdout.contains("Pennine Freight Route Planning Replatform"), "{format}: red stays");
        assert!(kept.stdout.contains("Humber Ports Vessel Scheduling"), "{format}: amber stays");
    }
    let pack = acctsum(repo.path(), &args("markdown", true)).stdout;
    assert!(pack.contains("3 that are green, current, without findings and unchanged are left out"), "{pack}");
    // Changed since --since: kept, though green and without findings.
    let mut since = args("markdown", true);
    since.extend(["--since", "2026-11-06"]);
    let pack = acctsum(repo.path(), &since).stdout;
    assert!(pack.contains("Northern Mutual Mortgage Origination"), "{pack}");
    assert!(!pack.contains("West Riding Patient Flow Dashboard"), "{pack}");
}

#[test]
fn an_objective_that_passed_since_is_in_the_report() {
    // The report asked for the changes before the rules had said which objectives are past.
    let repo = story();
    let pack = report(&repo, &["--region", "north", "--format", "markdown"]);
    assert!(pack.contains("  - objectives passed: Demo day\n"), "{pack}");
    repo.write("acctsum.yaml", &format!("{CONFIG}rules:\n  past-objective: off\n"));
    let pack = report(&repo, &["--region", "north", "--format", "markdown"]);
    assert!(!pack.contains("objectives passed"), "the rule is off: nothing passed\n{pack}");
}
