//! "What changed" misses nothing: a repository built in the test with one file and one
//! commit per kind of change, read through the library API (`history::since_workspace`).

use std::path::Path;
use std::process::Command as Process;

use acctsum::engine::{self, Options};
use acctsum::finding::RuleId;
use acctsum::format::Section;
use acctsum::history::{self, Changes, ItemChange, LeadChange, RegionMove, Role, ScoreChange, Since, Unread};
use acctsum::model::Status;
use acctsum::workspace::Workspace;
use chrono::NaiveDate;

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
const CONFIG: &str = "acctsum: 1\nregions: [north, south, scotland]\n";
/// The base commit's date; changes are committed in November.
const BASE_DATE: &str = "2026-10-01";

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Self { dir: tempfile::tempdir().expect("tmp") };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.email", "lead@example.com"]);
        repo.git(&["config", "user.name", "A Lead"]);
        repo.write("acctsum.yaml", CONFIG);
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) {
        let out = Process::new("git").current_dir(self.path()).args(args).output().expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// Replaces `from` (which must be there) with `to` in the file at `path`.
    fn edit(&self, path: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path().join(path)).expect("read");
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    /// Commits everything as of `date` (noon).
    fn commit(&self, date: &str, message: &str) {
        self.git(&["add", "-A"]);
        let stamp = format!("{date}T12:00:00");
        let out = Process::new("git")
            .current_dir(self.path())
            .args(["commit", "-q", "-m", message])
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .expect("git commit");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }

    /// What changed since the base commit, as of 2026-11-20, with the workspace's guide.
    fn since(&self) -> Since {
        let ws = Workspace::discover(None, self.path()).expect("workspace");
        let sources = ws.sources(&[], self.path()).expect("sources");
        let options =
            Options { today: date("2026-11-20"), keep_excerpts: false, models: engine::Models::Whole, jobs: 2 };
        let outcome = engine::check(&ws.guide, &sources, options, &Default::default()).expect("check");
        history::since_workspace(&ws, &outcome, "2026-10-31", date("2026-11-20"), false).expect("since")
    }
}

fn date(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// The golden engagement named `name` in `region`.
fn engagement(name: &str, region: &str) -> String {
    BASE.replace("Acme Payments Platform", name).replace("region: north", &format!("region: {region}"))
}

const PILOT: &str = "  - title: Pilot\n    date: 2027-02-01\n    comfort: 3\n";
const OBJECTIVES: &str = "objectives:\n";

/// Every base file (path, text): one engagement per kind of change, plus one unchanged.
fn base_files() -> Vec<(String, String)> {
    let north = [
        "steady",
        "handover",
        "leads",
        "headline",
        "next-steps",
        "status",
        "scores",
        "risk-added",
        "risk-removed",
        "risk-rescored",
        "action-completed",
        "action-added",
        "action-dropped",
        "action-redated",
        "action-reowned",
        "objective-added",
        "review",
    ];
    let mut files: Vec<(String, String)> =
        north.iter().map(|n| (format!("engagements/north/{n}.yaml"), engagement(n, "north"))).collect();
    let two_objectives = engagement("objective-removed", "north").replace(OBJECTIVES, &format!("{OBJECTIVES}{PILOT}"));
    files.push(("engagements/north/objective-removed.yaml".into(), two_objectives));
    // Not past on the base commit's date, past today.
    let passing = engagement("objective-passed", "north").replace("date: 2027-01-15", "date: 2026-11-10");
    files.push(("engagements/north/objective-passed.yaml".into(), passing));
    files.push(("engagements/scotland/moved.yaml".into(), engagement("Moved", "scotland")));
    files.push(("engagements/south/renamed.yaml".into(), engagement("Old Name", "south")));
    files.push(("engagements/south/broken.yaml".into(), "acctsum: 1\nengagement: [unclosed\n".into()));
    let large = format!("{}# {}\n", engagement("large", "south"), "x".repeat(1 << 20));
    files.push(("engagements/south/large.yaml".into(), large));
    files
}

/// One commit per kind of change: (message, file under `engagements/`, text, replacement).
const EDITS: &[(&str, &str, &str, &str)] = &[
    ("hand over the account lead", "north/handover.yaml", "account: Jane Smith", "account: Omar Khan"),
    (
        "a tech lead added (another spelt otherwise), the relationship lead gone",
        "north/leads.yaml",
        "  tech: [Raj Patel, Li Wei]\n  delivery: Tom Jones\n  relationship: Sam Lee\n",
        "  tech: [Raj Patel, li  wei, Sam Roe]\n  delivery: Tom Jones\n",
    ),
    (
        "rewrite the headline",
        "north/headline.yaml",
        "headline: Payments migration on track;",
        "headline: Go-live slips to March;",
    ),
    (
        "rewrite the next steps",
        "north/next-steps.yaml",
        "  - Raise the rate card at the December service review\n",
        "  - Hire a tester\n",
    ),
    ("status", "north/status.yaml", "status: amber", "status: green"),
    ("a score", "north/scores.yaml", "customer: {score: 4,", "customer: {score: 2,"),
    (
        "risk added",
        "north/risk-added.yaml",
        "risks:\n",
        "risks:\n  - {title: Vendor lock-in, score: 3, mitigation: M}\n",
    ),
    (
        "risk removed",
        "north/risk-removed.yaml",
        "  - title: Key person dependency on lead engineer\n    score: 2\n    mitigation: Pairing rotation and a succession plan\n    owner: Raj Patel\n",
        "",
    ),
    (
        "risk re-scored",
        "north/risk-rescored.yaml",
        "    score: 3\n    mitigation: Agree",
        "    score: 1\n    mitigation: Agree",
    ),
    (
        "action completed",
        "north/action-completed.yaml",
        "    due: 2026-11-30\n    status: open",
        "    due: 2026-11-30\n    status: done",
    ),
    (
        "action added",
        "north/action-added.yaml",
        "actions:\n",
        "actions:\n  - {action: Book a rehearsal, owner: Tom Jones, due: 2026-12-10}\n",
    ),
    (
        "action dropped",
        "north/action-dropped.yaml",
        "  - action: Agree Q1 roadmap\n    owner: Jane Smith\n    due: 2026-11-30\n    status: open\n",
        "",
    ),
    ("action re-dated", "north/action-redated.yaml", "due: 2026-11-30", "due: 2027-01-15"),
    ("action re-owned", "north/action-reowned.yaml", "    owner: Tom Jones\n", "    owner: Ann Lee\n"),
    (
        "objective added",
        "north/objective-added.yaml",
        OBJECTIVES,
        "objectives:\n  - {title: Phase 2, date: 2027-03-01, comfort: 3}\n",
    ),
    ("objective removed", "north/objective-removed.yaml", PILOT, ""),
    ("service review held", "north/review.yaml", "  last: 2026-11-03", "  last: 2026-11-17"),
    ("renamed", "south/renamed.yaml", "engagement: Old Name", "engagement: New Name"),
];

/// The base commit, then one commit per kind of change (an objective passes untouched).
fn story() -> Repo {
    let repo = Repo::new();
    for (path, text) in base_files() {
        repo.write(&path, &text);
    }
    repo.commit(BASE_DATE, "base");
    for (day, (message, file, from, to)) in EDITS.iter().enumerate() {
        repo.edit(&format!("engagements/{file}"), from, to);
        repo.commit(&format!("2026-11-{:02}", day + 1), message);
    }
    repo.git(&["mv", "engagements/scotland/moved.yaml", "engagements/north/moved.yaml"]);
    repo.edit("engagements/north/moved.yaml", "region: scotland", "region: north");
    repo.commit("2026-11-19", "moved from scotland to north");
    repo.write("engagements/south/broken.yaml", &engagement("broken", "south"));
    repo.write("engagements/south/large.yaml", &engagement("large", "south"));
    repo.commit("2026-11-19", "the unreadable versions replaced");
    repo
}

fn changes<'a>(since: &'a Since, path: &str) -> &'a Changes {
    since.changes.get(path).unwrap_or_else(|| panic!("no changes for {path}: {:?}", since.changes.keys()))
}

fn north<'a>(since: &'a Since, name: &str) -> &'a Changes {
    changes(since, &format!("engagements/north/{name}.yaml"))
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn each_kind_of_change_is_in_the_model_and_nothing_else() {
    let repo = story();
    let since = repo.since();
    assert_eq!(since.commit.date, date(BASE_DATE));
    let d = Changes::default;
    let lead = |role, old: Option<&str>, new: Option<&str>| LeadChange {
        role,
        old: old.map(str::to_owned),
        new: new.map(str::to_owned),
    };
    let expected: Vec<(&str, Changes)> = vec![
        ("steady", d()),
        ("handover", Changes { leads: vec![lead(Role::Account, Some("Jane Smith"), Some("Omar Khan"))], ..d() }),
        (
            "leads",
            Changes {
                leads: vec![lead(Role::Tech, None, Some("Sam Roe")), lead(Role::Relationship, Some("Sam Lee"), None)],
                ..d()
            },
        ),
        (
            "headline",
            Changes {
                headline: Some("Go-live slips to March; margin under pressure after the rate review.".into()),
                ..d()
            },
        ),
        (
            "next-steps",
            Changes {
                next_steps: Some(strings(&["Agree the Q1 roadmap with the product owner", "Hire a tester"])),
                ..d()
            },
        ),
        ("status", Changes { status: Some((Status::Amber, Status::Green)), ..d() }),
        (
            "scores",
            Changes {
                scores: vec![ScoreChange {
                    section: Section::AccountStatus,
                    key: "customer".into(),
                    old: Some(4),
                    new: Some(2),
                }],
                ..d()
            },
        ),
        ("risk-added", Changes { risks_added: strings(&["Vendor lock-in"]), ..d() }),
        ("risk-removed", Changes { risks_removed: strings(&["Key person dependency on lead engineer"]), ..d() }),
        (
            "risk-rescored",
            Changes {
                risks_rescored: vec![ItemChange { item: "Bank change freeze may slip go-live".into(), old: 3, new: 1 }],
                ..d()
            },
        ),
        ("action-completed", Changes { actions_completed: strings(&["Agree Q1 roadmap"]), ..d() }),
        ("action-added", Changes { actions_added: strings(&["Book a rehearsal"]), ..d() }),
        ("action-dropped", Changes { actions_removed: strings(&["Agree Q1 roadmap"]), ..d() }),
        (
            "action-redated",
            Changes {
                actions_redated: vec![ItemChange {
                    item: "Agree Q1 roadmap".into(),
                    old: date("2026-11-30"),
                    new: date("2027-01-15"),
                }],
                ..d()
            },
        ),
        (
            "action-reowned",
            Changes {
                actions_reowned: vec![ItemChange {
                    item: "Close data mapping".into(),
                    old: "Tom Jones".into(),
                    new: "Ann Lee".into(),
                }],
                ..d()
            },
        ),
        ("objective-added", Changes { objectives_added: strings(&["Phase 2"]), ..d() }),
        ("objective-removed", Changes { objectives_removed: strings(&["Pilot"]), ..d() }),
        ("objective-passed", Changes { objectives_passed: strings(&["Payments v2 go-live"]), ..d() }),
        ("review", Changes { service_review: Some((Some(date("2026-11-03")), date("2026-11-17"))), ..d() }),
        (
            "moved",
            Changes {
                moved_from: Some("engagements/scotland/moved.yaml".into()),
                region: Some(("scotland".into(), "north".into())),
                ..d()
            },
        ),
    ];
    for (name, want) in &expected {
        assert_eq!(north(&since, name), want, "{name}");
    }
    assert_eq!(north(&since, "action-redated").actions_redated[0].days(), 46);
    assert_eq!(since.changes.len(), expected.len() + 3, "{:?}", since.changes.keys());
    assert!(since.removed.is_empty(), "{:?}", since.removed);
}

#[test]
fn a_handed_over_lead_a_rewritten_headline_and_a_moved_due_date_are_changes() {
    // Issue 12: each of these was "Nothing changed".
    let since = story().since();
    for name in ["handover", "headline", "next-steps", "action-redated"] {
        assert!(!north(&since, name).is_empty(), "{name}: {:?}", north(&since, name));
    }
}

#[test]
fn an_engagement_that_moved_from_scotland_to_north_is_listed_as_leaving_scotland() {
    // Issue 12: it vanished from the scotland pack without a word.
    let since = story().since();
    let moved = RegionMove {
        path: "engagements/north/moved.yaml".into(),
        name: "Moved".into(),
        from: "scotland".into(),
        to: "north".into(),
    };
    assert_eq!(since.left("scotland"), vec![&moved]);
    assert_eq!(since.left(" Scotland "), vec![&moved], "regions compared as the region filter compares them");
    assert_eq!(since.arrived("north"), vec![&moved]);
    assert!(since.left("north").is_empty() && since.arrived("scotland").is_empty());
    assert_eq!(since.moves, vec![moved]);
}

#[test]
fn an_earlier_version_that_could_not_be_read_is_a_change() {
    // Issue 12: it looked unchanged.
    let since = story().since();
    for name in ["broken", "large"] {
        let c = changes(&since, &format!("engagements/south/{name}.yaml"));
        assert!(!c.is_empty() && c.base_unread.is_some(), "{name}: {c:?}");
    }
}

#[test]
fn an_unreadable_base_keeps_its_reason() {
    let since = story().since();
    let broken = changes(&since, "engagements/south/broken.yaml");
    assert_eq!(broken, &Changes { base_unread: Some(Unread::Invalid(RuleId::Syntax)), ..Changes::default() });
    assert_eq!(broken.base_unread.map(Unread::reason), Some("syntax"));
    let large = changes(&since, "engagements/south/large.yaml").base_unread.expect("unread");
    assert!(matches!(large, Unread::TooLarge(size) if size > 1 << 20), "{large:?}");
    assert_eq!(large.reason(), "file-too-large");
}

#[test]
fn a_new_name_at_the_same_path_is_a_rename() {
    let since = story().since();
    let renamed = changes(&since, "engagements/south/renamed.yaml");
    assert_eq!(renamed, &Changes { renamed: Some(("Old Name".into(), "New Name".into())), ..Changes::default() });
    assert!(since.removed.is_empty(), "not gone: {:?}", since.removed);
}

#[test]
fn another_engagement_under_a_moved_file_is_not_a_rename() {
    // Git pairs a moved file by content; under another name it is another engagement.
    let repo = Repo::new();
    repo.write("engagements/north/a.yaml", &engagement("Alpha", "north"));
    repo.commit(BASE_DATE, "base");
    repo.git(&["mv", "engagements/north/a.yaml", "engagements/north/b.yaml"]);
    repo.edit("engagements/north/b.yaml", "engagement: Alpha", "engagement: Beta");
    repo.commit("2026-11-01", "another engagement");
    let since = repo.since();
    assert_eq!(changes(&since, "engagements/north/b.yaml"), &Changes { added: true, ..Changes::default() });
    assert_eq!(since.removed.iter().map(history::Removed::name).collect::<Vec<_>>(), ["Alpha"]);
}

#[test]
fn an_objective_has_passed_only_as_the_rules_say() {
    let repo = story();
    repo.write("acctsum.yaml", &format!("{CONFIG}rules:\n  past-objective: off\n"));
    let since = repo.since();
    assert_eq!(north(&since, "objective-passed"), &Changes::default(), "the rule is off: nothing passed");
}
