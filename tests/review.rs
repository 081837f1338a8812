//! Review sessions: `review new` (scaffold, refusals) and `check` on session files.

mod common;

use std::path::{Path, PathBuf};

use common::{GitRepo, acctsum};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// A copy of the examples (engagements and review sessions), to write into.
fn examples_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for dir in ["engagements", "reviews"] {
        for entry in walk(&from.join(dir)) {
            let rel = entry.strip_prefix(&from).expect("inside");
            let to = tmp.path().join(rel);
            std::fs::create_dir_all(to.parent().expect("parent")).expect("mkdir");
            std::fs::copy(&entry, to).expect("copy");
        }
    }
    std::fs::copy(from.join("acctsum.yaml"), tmp.path().join("acctsum.yaml")).expect("config");
    tmp
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() { out.extend(walk(&path)) } else { out.push(path) }
    }
    out
}

#[test]
fn review_new_lists_the_agenda_and_carries_the_open_actions_over() {
    let ws = examples_copy();
    let ran = acctsum(ws.path(), &["review", "new", "--region", "North"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, "created reviews/north/2026-11-20.yaml\n"), "{}", ran.stderr);
    let text = std::fs::read_to_string(ws.path().join("reviews/north/2026-11-20.yaml")).expect("created");
    common::golden(&golden_dir().join("review-new-north.yaml"), &text);
    // Editors validate the session against its schema, as `new` does for engagements.
    assert!(text.starts_with("# yaml-language-server: $schema=../../schema/review.schema.json\n"), "{text}");
    // The done action of the previous session is not carried over; both open ones are.
    assert!(!text.contains("West Riding dashboard demo"));
    assert_eq!(text.matches("  - action: ").count(), 2);
}

#[test]
fn a_new_session_file_reads_back_without_errors_and_supersedes_the_last_once_held() {
    let ws = examples_copy();
    assert_eq!(acctsum(ws.path(), &["review", "new", "--region", "north", "--date", "2026-11-21"]).code, 0);
    let reviews = |today: &str| -> Vec<String> {
        let ran = common::acctsum_on(ws.path(), today, &["check", "--format", "short"]);
        assert_eq!(ran.code, 0, "{}{}", ran.stdout, ran.stderr);
        ran.stdout.lines().filter(|l| l.starts_with("reviews/")).map(str::to_owned).collect()
    };
    // Planned for tomorrow, nobody attending yet: a draft. The last session held keeps its
    // overdue action (line 11), and the draft's copy of it is not overdue twice.
    assert_eq!(
        reviews("2026-11-20"),
        vec![
            "reviews/north/2026-11-06.yaml:11:10: warning[review-action-overdue]: review action \"Ask the logistics practice for a telematics specialist\" (Sanjay Mistry) was due 2026-11-13, 7 days ago"
        ]
    );
    // Held (its day has come, its attendees are recorded): the overdue action now lives in
    // the new session, and only there (line 19: the modeline comes first).
    let path = ws.path().join("reviews/north/2026-11-21.yaml");
    let text = std::fs::read_to_string(&path).expect("created");
    std::fs::write(&path, text.replacen("attendees: []", "attendees: [Sanjay Mistry]", 1)).expect("fill in");
    assert_eq!(
        reviews("2026-11-21"),
        vec![
            "reviews/north/2026-11-21.yaml:19:10: warning[review-action-overdue]: review action \"Ask the logistics practice for a telematics specialist\" (Sanjay Mistry) was due 2026-11-13, 8 days ago"
        ]
    );
}

#[test]
fn the_directors_flow_keeps_the_last_session_held_until_the_new_one_is_filled_in() {
    // Issue 14, as a region's director: `review new` before the session, the pack, then
    // the session file filled in after.
    let ws = examples_copy();
    let on = |args: &[&str]| common::acctsum_on(ws.path(), "2026-11-19", args);
    let ran = on(&["review", "new", "--region", "north", "--date", "2026-11-19"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, "created reviews/north/2026-11-19.yaml\n"), "{}", ran.stderr);
    let pack = |ran: common::Ran| {
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        let start = ran.stdout.find("## Since the last review").expect("the section");
        let end = ran.stdout.find("## Asks for help").expect("the asks");
        ran.stdout[start..end].to_owned()
    };
    let report = ["report", "--region", "north", "--format", "markdown", "--audience", "leads"];
    let before = pack(on(&report));
    assert!(before.starts_with("## Since the last review (2026-11-06)\n"), "{before}");
    assert!(before.contains("with Sanjay Mistry, Gareth Illingworth"), "{before}");
    assert!(before.contains("Ask the logistics practice for a telematics specialist"), "{before}");
    assert!(before.contains("done — Share the West Riding dashboard demo"), "{before}");
    // After the session: who came is filled in, and it is the last review.
    let path = ws.path().join("reviews/north/2026-11-19.yaml");
    let text = std::fs::read_to_string(&path).expect("created");
    std::fs::write(&path, text.replacen("attendees: []", "attendees: [Sanjay Mistry, Priya Raman]", 1))
        .expect("fill in");
    let after = pack(on(&report));
    assert!(after.starts_with("## Since the last review (2026-11-19)\n"), "{after}");
    assert!(after.contains("with Sanjay Mistry, Priya Raman"), "{after}");
    // The open actions were carried over; the done one stays in the minutes of 2026-11-06.
    assert!(after.contains("Ask the logistics practice for a telematics specialist"), "{after}");
    assert!(!after.contains("West Riding dashboard demo"), "{after}");
}

#[test]
fn review_new_carries_over_from_the_last_session_held_not_from_a_draft() {
    let ws = examples_copy();
    let draft = "acctsum: 1\nregion: north\ndate: 2026-11-13\nattendees: []\n";
    std::fs::write(ws.path().join("reviews/north/2026-11-13.yaml"), draft).expect("a draft");
    let ran = acctsum(ws.path(), &["review", "new", "--region", "north"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let text = std::fs::read_to_string(ws.path().join("reviews/north/2026-11-20.yaml")).expect("created");
    assert!(text.contains("# Carried over from the session of 2026-11-06: still open."), "{text}");
    assert_eq!(text.matches("  - action: ").count(), 2, "{text}");
}

#[test]
fn review_new_refuses_an_existing_file_and_an_unknown_region() {
    let ws = examples_copy();
    let ran = acctsum(ws.path(), &["review", "new", "--region", "north", "--date", "2026-11-06"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("reviews/north/2026-11-06.yaml already exists"), "{}", ran.stderr);
    let before =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reviews/north/2026-11-06.yaml"));
    let after = std::fs::read_to_string(ws.path().join("reviews/north/2026-11-06.yaml"));
    assert_eq!(before.expect("example"), after.expect("copy"));
    let ran = acctsum(ws.path(), &["review", "new", "--region", "nort"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("did you mean `north`?"), "{}", ran.stderr);
    assert!(!ws.path().join("reviews/nort").exists());
}

#[test]
fn review_new_without_a_previous_session_carries_nothing() {
    let ws = examples_copy();
    let ran = acctsum(ws.path(), &["review", "new", "--region", "south"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let text = std::fs::read_to_string(ws.path().join("reviews/south/2026-11-20.yaml")).expect("created");
    assert!(!text.contains("Carried over"));
    assert!(text.contains("# Agenda: the engagements that need attention"));
    assert_eq!(acctsum(ws.path(), &["check", "--format", "short"]).code, 0);
}

#[test]
fn session_files_named_on_the_command_line_are_checked_as_sessions() {
    let ws = common::workspace(
        "acctsum: 1\nregions: [north]\n",
        &[("reviews/north/2026-11-06.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-06\natendees: [A]\n")],
    );
    let ran = acctsum(ws.path(), &["check", "--format", "short", "reviews/north/2026-11-06.yaml"]);
    assert_eq!(
        ran.stdout,
        "reviews/north/2026-11-06.yaml:4:1: error[unknown-field]: unknown field `atendees` at the top level\n"
    );
    assert_eq!(ran.code, 1);
}

#[test]
fn a_named_session_file_may_name_an_engagement_that_was_not_named() {
    let ws = examples_copy();
    let ran = acctsum(ws.path(), &["check", "--format", "short", "reviews/north/2026-10-23.yaml"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, ""), "{}", ran.stderr);
    let bad = "acctsum: 1\nregion: north\ndate: 2026-11-01\nactions:\n  - {action: A, owner: B, due: 2026-12-01, engagement: Humber Ports}\n";
    std::fs::write(ws.path().join("reviews/north/2026-11-01.yaml"), bad).expect("write");
    let ran = acctsum(ws.path(), &["check", "--format", "short", "reviews/north/2026-11-01.yaml"]);
    assert_eq!(ran.code, 1);
    assert!(
        ran.stdout.contains(":5:56: error[invalid-value]: `engagement` of action 1 names \"Humber Ports\""),
        "{}",
        ran.stdout
    );
}

/// The north pack opens with the latest north session: its decisions, its actions with
/// where each stands (the overdue one as `review-action-overdue` decides), the next date.
#[test]
fn the_region_pack_opens_with_since_the_last_review() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let ran = acctsum(&examples, &["report", "--region", "north", "--format", "markdown", "--audience", "leads"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let start = ran.stdout.find("## Since the last review").expect("the section");
    let end = ran.stdout.find("## Overview").expect("the overview");
    assert!(start < end, "before the overview");
    common::golden(&golden_dir().join("review-since-last-north.md"), &ran.stdout[start..end]);
    // A rule turned off decides nothing: the action is shown open.
    let ws = examples_copy();
    let config = std::fs::read_to_string(ws.path().join("acctsum.yaml")).expect("config");
    std::fs::write(ws.path().join("acctsum.yaml"), format!("{config}\nrules: {{review-action-overdue: off}}\n"))
        .expect("config");
    let off = acctsum(ws.path(), &["report", "--region", "north", "--format", "markdown", "--audience", "leads"]);
    assert!(!off.stdout.contains("**overdue** — Ask the logistics"), "{}", off.stdout);
    assert!(off.stdout.contains("- open — Ask the logistics practice for a telematics specialist (Sanjay Mistry, due"));
    // Only a region's pack has it.
    let all = acctsum(&examples, &["report", "--format", "markdown"]);
    assert!(!all.stdout.contains("Since the last review"));
}

#[test]
fn since_last_review_is_the_date_of_the_regions_latest_session() {
    let repo = GitRepo::new("acctsum: 1\nregions: [north, south]\n");
    let eng =
        std::fs::read_to_string(golden_dir().join("workspace/engagements/north/acme-payments.yaml")).expect("eng");
    repo.write("engagements/north/acme.yaml", &eng);
    repo.commit("2026-10-01", "base");
    repo.write("reviews/north/2026-11-06.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-06\nattendees: [A]\n");
    repo.commit("2026-11-06", "north session");
    repo.write("engagements/north/acme.yaml", &eng.replacen("status: amber", "status: red", 1));
    repo.commit("2026-11-10", "acme goes red");
    // Scaffolded for today, not yet held: the last review is still the session of 2026-11-06.
    repo.write("reviews/north/2026-11-20.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-20\nattendees: []\n");
    let by_date = acctsum(repo.path(), &["report", "--region", "north", "--since", "2026-11-06", "--format", "json"]);
    let last = acctsum(repo.path(), &["report", "--region", "north", "--since", "last-review", "--format", "json"]);
    assert_eq!((last.code, &last.stdout), (0, &by_date.stdout), "{}", last.stderr);
    assert!(last.stdout.contains("\"red\""), "the change since the session is shown");
    let none = acctsum(repo.path(), &["report", "--region", "south", "--since", "last-review"]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("--since last-review: south has no review session"), "{}", none.stderr);
}

#[test]
fn the_region_page_of_the_site_opens_with_since_the_last_review() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("site");
    let ran = acctsum(&examples, &["site", "-o", dir.to_str().expect("utf-8"), "--audience", "leads"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let north = std::fs::read_to_string(dir.join("r/north.html")).expect("north");
    let section = north.find("Since the last review (2026-11-06)").expect("the section");
    assert!(section < north.find("<h2>Overview").expect("overview"));
    assert!(north.contains("<td class=\"status-red\">overdue</td>"), "the overdue action");
    assert!(north.contains("Pennine moves to weekly reporting until cutover"));
    assert!(north.contains("Next review: 2026-12-04."));
    let south = std::fs::read_to_string(dir.join("r/south.html")).expect("south");
    assert!(!south.contains("Since the last review"));
    // The company audience hides `actions`: the session's actions are counted, not shown.
    let company_dir = out.path().join("company");
    let ran = acctsum(&examples, &["site", "-o", company_dir.to_str().expect("utf-8")]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let north = std::fs::read_to_string(company_dir.join("r/north.html")).expect("north");
    assert!(north.contains("Actions: 3 actions withheld for this audience."), "{north}");
    assert!(!north.contains(">overdue</td>"), "{north}");
    assert!(north.contains("Pennine moves to weekly reporting until cutover"), "decisions stay shown");
}

#[test]
fn the_guide_covers_review_session_files() {
    let ws = tempfile::tempdir().expect("tmp");
    let whole = acctsum(ws.path(), &["guide"]);
    assert!(whole.stdout.contains("Review session files — reviews/<region>/<YYYY-MM-DD>.yaml"), "{}", whole.stdout);
    let one = acctsum(ws.path(), &["guide", "review.actions.engagement"]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    assert!(one.stdout.starts_with("review.actions.engagement  (optional) text\n"), "{}", one.stdout);
    let typo = acctsum(ws.path(), &["guide", "review.nxt_review"]);
    assert!(typo.stderr.contains("did you mean `review.next_review`?"), "{}", typo.stderr);
}

#[test]
fn human_check_shows_the_session_files_lines() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let ran = acctsum(&examples, &["check"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("╭─[reviews/north/2026-11-06.yaml:11:10]"), "{}", ran.stdout);
    assert!(ran.stdout.contains(" 11 │     due: 2026-11-13"), "{}", ran.stdout);
}

#[test]
fn report_json_of_a_region_carries_its_last_review() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let ran = acctsum(&examples, &["report", "--region", "north", "--format", "json", "--audience", "leads"]);
    let doc: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
    let last = &doc["last_review"];
    assert!(last.get("withheld_actions").is_none(), "{last}");
    assert_eq!(last["date"], "2026-11-06");
    assert_eq!(last["next_review"], "2026-12-04");
    let states: Vec<&str> =
        last["actions"].as_array().expect("actions").iter().filter_map(|a| a["state"].as_str()).collect();
    assert_eq!(states, ["overdue", "open", "done"]);
    let company = acctsum(&examples, &["report", "--region", "north", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&company.stdout).expect("json");
    assert_eq!(doc["last_review"]["actions"], serde_json::json!([]), "company hides actions");
    assert_eq!(doc["last_review"]["withheld_actions"], 3);
    let all = acctsum(&examples, &["report", "--format", "json"]);
    assert!(!all.stdout.contains("\"last_review\""));
}

#[test]
fn files_checked_counts_the_session_files() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let ran = acctsum(&examples, &["check"]);
    let summary = ran.stdout.lines().last().unwrap_or_default();
    assert_eq!(summary, "18 files checked: 0 errors, 9 warnings, 1 acknowledged (16 engagements, 2 review sessions)");
    let json = acctsum(&examples, &["check", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("json");
    let counts = ["files", "engagements", "review_sessions"].map(|k| doc["summary"][k].as_u64());
    assert_eq!(counts, [Some(18), Some(16), Some(2)]);
    // A session file named alone is the one file checked.
    let one = acctsum(&examples, &["check", "reviews/north/2026-10-23.yaml"]);
    assert_eq!(one.stdout, "1 file checked: 0 errors, 0 warnings (0 engagements, 1 review session)\n");
}

#[test]
fn guide_review_shows_the_whole_session_file_in_the_seed_003_words() {
    let ws = tempfile::tempdir().expect("tmp");
    let ran = acctsum(ws.path(), &["guide", "review"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.starts_with("Review session files — reviews/<region>/<YYYY-MM-DD>.yaml"), "{}", ran.stdout);
    for field in ["review.region", "review.date", "review.attendees", "review.decisions", "review.next_review"] {
        assert!(ran.stdout.contains(&format!("\n{field}  (")), "{field} in {}", ran.stdout);
    }
    assert!(ran.stdout.contains("\n  review.actions.owner  (required) text"), "{}", ran.stdout);
    // No engagement field is listed: the two files' fields stay apart.
    assert!(!ran.stdout.contains("headline"), "{}", ran.stdout);
    let next = acctsum(ws.path(), &["guide", "review.next_review"]);
    assert!(next.stdout.contains("The date of the next review, agreed as the session closes."), "{}", next.stdout);
}

#[test]
fn the_site_guide_page_lists_the_session_fields_in_their_own_section() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("site");
    let ran = acctsum(&examples, &["site", "-o", dir.to_str().expect("utf-8")]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let page = std::fs::read_to_string(dir.join("guide.html")).expect("guide");
    let section = &page[page.find("<h2 id=\"reviews\">Review sessions</h2>").expect("the section")..];
    assert!(section.contains("Every field of a review session file"));
    for field in ["region", "date", "attendees", "decisions", "actions.owner", "actions.engagement", "next_review"] {
        assert!(section.contains(&format!("<code>{field}</code>")), "{field}");
    }
    // The engagement fields come before, in their own table.
    assert!(!section.contains("<code>headline</code>"));
}
