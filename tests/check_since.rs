//! Issue 15, part 2: `check --since REV` shows a pull request its own findings — those in
//! the files changed since REV and the cross-file findings about them — and one line
//! counting the rest; `--all` shows everything. Repositories built here with known commits.

mod common;

use common::{GitRepo, acctsum};

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
const CONFIG: &str = "regions: [north, south]\n";

/// An engagement named `name` for `client`, last updated 2026-10-01: stale on 2026-11-20
/// (one warning), and nothing else.
fn engagement(name: &str, client: &str) -> String {
    BASE.replace("Acme Payments Platform", name)
        .replace("Acme Bank", client)
        .replace("updated: 2026-11-18", "updated: 2026-10-01")
}

/// `main` with three engagements, each with one warning (`stale`), then a branch `pr`.
fn three_on_main() -> GitRepo {
    let repo = GitRepo::new(CONFIG);
    repo.write("engagements/north/a.yaml", &engagement("A", "Client A"));
    repo.write("engagements/north/b.yaml", &engagement("B", "Client B"));
    repo.write("engagements/north/c.yaml", &engagement("C", "Client C"));
    repo.commit("2026-10-01", "main");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    repo
}

/// The `path:line: severity[rule]` of each line of `short` output.
fn places(stdout: &str) -> Vec<String> {
    stdout.lines().map(|l| l.split(": ").take(2).collect::<Vec<_>>().join(": ")).collect()
}

#[test]
fn a_pull_request_sees_only_the_findings_of_the_file_it_changed() {
    let repo = three_on_main();
    repo.edit("engagements/north/a.yaml", "Sponsor happy with pace", "Sponsor delighted");
    repo.commit("2026-11-19", "edit a");
    let short = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(
        places(&short.stdout),
        [
            "engagements/north/a.yaml:11:10: warning[stale]",
            "engagements/north/a.yaml:11:10: warning[updated-not-bumped]"
        ],
        "{}",
        short.stdout
    );
    assert_eq!(
        short.stderr,
        "note: 2 findings in 2 other files left out (changed since main: 1 file); --all shows them\n"
    );
    assert_eq!(short.code, 0);

    let human = acctsum(repo.path(), &["check", "--since", "main"]);
    let last: Vec<&str> = human.stdout.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            "2 findings in 2 other files left out (changed since main: 1 file); --all shows them",
            "3 files checked: 0 errors, 2 warnings"
        ],
        "{}",
        human.stdout
    );
    assert!(!human.stdout.contains("b.yaml") && !human.stdout.contains("c.yaml"), "{}", human.stdout);

    let github = acctsum(repo.path(), &["check", "--format", "github", "--since", "main"]);
    assert_eq!(github.stdout.lines().filter(|l| l.starts_with("::warning")).count(), 2, "{}", github.stdout);
    assert_eq!(
        github.stdout.lines().last(),
        Some(
            "::notice title=acctsum check --since::2 findings in 2 other files left out (changed since main: 1 file); --all shows them"
        )
    );

    let json: serde_json::Value =
        serde_json::from_str(&acctsum(repo.path(), &["check", "--format", "json", "--since", "main"]).stdout)
            .expect("json");
    assert_eq!((&json["scoped"], &json["left_out"]), (&true.into(), &2.into()));
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(2));
    let plain: serde_json::Value =
        serde_json::from_str(&acctsum(repo.path(), &["check", "--format", "json"]).stdout).expect("json");
    assert_eq!((&plain["scoped"], &plain["left_out"]), (&false.into(), &0.into()));

    let sarif: serde_json::Value =
        serde_json::from_str(&acctsum(repo.path(), &["check", "--format", "sarif", "--since", "main"]).stdout)
            .expect("sarif");
    let run = &sarif["runs"][0];
    assert_eq!(run["results"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        run["properties"],
        serde_json::json!({"scoped": true, "since": "main", "changedFiles": 1, "leftOut": 2, "leftOutFiles": 2})
    );
}

#[test]
fn all_shows_every_finding_as_without_since() {
    let repo = three_on_main();
    repo.edit("engagements/north/a.yaml", "Sponsor happy with pace", "Sponsor delighted");
    let all = acctsum(repo.path(), &["check", "--format", "short", "--since", "main", "--all"]);
    assert_eq!(all.stdout.lines().count(), 4, "{}", all.stdout);
    assert!(all.stdout.contains("b.yaml") && all.stdout.contains("c.yaml"), "{}", all.stdout);
    assert_eq!(all.stderr, "");
    let human = acctsum(repo.path(), &["check", "--since", "main", "--all"]);
    assert!(human.stdout.ends_with("3 files checked: 0 errors, 4 warnings\n"), "{}", human.stdout);
    // Alone, --all changes nothing.
    let alone = acctsum(repo.path(), &["check", "--format", "short", "--all"]);
    let plain = acctsum(repo.path(), &["check", "--format", "short"]);
    assert_eq!((alone.code, &alone.stdout), (plain.code, &plain.stdout));
}

#[test]
fn a_cross_file_finding_shows_both_sides_when_one_changed() {
    let repo = GitRepo::new(CONFIG);
    repo.write(
        "engagements/north/a.yaml",
        &engagement("A", "Shared Client").replace("updated: 2026-10-01", "updated: 2026-11-18"),
    );
    repo.write(
        "engagements/north/b.yaml",
        &engagement("B", "Shared Client").replace("updated: 2026-10-01", "updated: 2026-11-18"),
    );
    repo.write("engagements/north/c.yaml", &engagement("C", "Client C"));
    repo.commit("2026-10-01", "main");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    // The pull request names another Relationship Lead for the client b.yaml also serves.
    repo.edit("engagements/north/a.yaml", "relationship: Sam Lee", "relationship: Pat Doe");
    repo.edit("engagements/north/a.yaml", "updated: 2026-11-18", "updated: 2026-11-19");
    repo.commit("2026-11-19", "new lead");
    let short = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(
        places(&short.stdout),
        [
            "engagements/north/a.yaml:10:17: warning[relationship-lead-conflict]",
            "engagements/north/b.yaml:10:17: warning[relationship-lead-conflict]"
        ],
        "{}",
        short.stdout
    );
    assert_eq!(
        short.stderr,
        "note: 1 finding in 1 other file left out (changed since main: 1 file); --all shows them\n"
    );
}

#[test]
fn a_client_name_drift_shows_when_a_file_spelling_the_client_either_way_changed() {
    let repo = GitRepo::new(CONFIG);
    let fresh =
        |name: &str, client: &str| engagement(name, client).replace("updated: 2026-10-01", "updated: 2026-11-18");
    repo.write("engagements/north/a.yaml", &fresh("A", "Shared Client"));
    repo.write("engagements/north/b.yaml", &fresh("B", "Shared Client"));
    repo.write("engagements/north/c.yaml", &fresh("C", "shared client Ltd"));
    repo.commit("2026-10-01", "main");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    // The pull request touches a file with the usual spelling: the drift it is part of,
    // reported on c.yaml, is about it too.
    repo.edit("engagements/north/a.yaml", "updated: 2026-11-18", "updated: 2026-11-19");
    repo.commit("2026-11-19", "touch a");
    let short = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(places(&short.stdout), ["engagements/north/c.yaml:4:9: warning[client-name-drift]"], "{}", short.stdout);
}

#[test]
fn a_rename_and_an_added_file_count_as_changed_and_a_deleted_one_has_nothing_to_show() {
    let repo = three_on_main();
    repo.git(&["mv", "engagements/north/b.yaml", "engagements/north/b-renamed.yaml"]);
    repo.git(&["rm", "-q", "engagements/north/c.yaml"]);
    repo.write("engagements/north/d.yaml", &engagement("D", "Client D"));
    repo.commit("2026-11-19", "rename b, remove c, add d");
    let short = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(
        places(&short.stdout),
        ["engagements/north/b-renamed.yaml:11:10: warning[stale]", "engagements/north/d.yaml:11:10: warning[stale]"],
        "{}",
        short.stdout
    );
    assert_eq!(
        short.stderr,
        "note: 1 finding in 1 other file left out (changed since main: 2 files); --all shows them\n"
    );
    // A file only renamed or added locally (not committed) counts alike.
    repo.git(&["mv", "engagements/north/a.yaml", "engagements/north/a-renamed.yaml"]);
    let short = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(short.stdout.lines().count(), 3, "{}", short.stdout);
    assert!(short.stderr.contains("no findings in other files (changed since main: 3 files)"), "{}", short.stderr);
}

#[test]
fn the_exit_code_is_that_of_the_findings_shown_unless_all() {
    let repo = three_on_main();
    // An error (a low score without notes) in a file the pull request does not touch.
    repo.edit(
        "engagements/north/c.yaml",
        "commercial: {score: 2, notes: Margin 18% vs 25% target, action: Rate review in December}",
        "commercial: {score: 2}",
    );
    repo.commit("2026-10-02", "main: an error in c");
    repo.git(&["branch", "-q", "-f", "main"]);
    repo.edit("engagements/north/a.yaml", "Sponsor happy with pace", "Sponsor delighted");
    repo.commit("2026-11-19", "edit a");
    assert_eq!(acctsum(repo.path(), &["check", "--since", "main"]).code, 0);
    assert_eq!(acctsum(repo.path(), &["check", "--since", "main", "--all"]).code, 1);
    assert_eq!(acctsum(repo.path(), &["check"]).code, 1);
    // Warnings of the changed file fail under --strict; those of others do not count.
    assert_eq!(acctsum(repo.path(), &["check", "--since", "main", "--strict"]).code, 1);
    // The pull request's own error fails it.
    repo.edit(
        "engagements/north/a.yaml",
        "commercial: {score: 2, notes: Margin 18% vs 25% target, action: Rate review in December}",
        "commercial: {score: 2}",
    );
    assert_eq!(acctsum(repo.path(), &["check", "--since", "main"]).code, 1);
    // A revision that is no commit is a clear error.
    let bad = acctsum(repo.path(), &["check", "--since", "no-such-branch"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("unknown revision `no-such-branch`"), "{}", bad.stderr);
}

#[test]
fn a_review_session_finding_about_a_changed_engagement_is_shown() {
    let repo = GitRepo::new(CONFIG);
    let fresh =
        |name: &str, client: &str| engagement(name, client).replace("updated: 2026-10-01", "updated: 2026-11-18");
    repo.write("engagements/north/a.yaml", &fresh("A", "Client A"));
    repo.write("engagements/north/b.yaml", &fresh("B", "Client B"));
    repo.write(
        "reviews/north/2026-11-06.yaml",
        "acctsum: 1\nregion: north\ndate: 2026-11-06\nactions:\n  - action: Chase the reviewer\n    owner: Jane Smith\n    due: 2026-11-13\n    engagement: A\nnext_review: 2026-12-04\nattendees: [Jane Smith]\n",
    );
    repo.commit("2026-11-06", "main");
    repo.git(&["checkout", "-q", "-b", "pr"]);
    let overdue = "reviews/north/2026-11-06.yaml:7:10: warning[review-action-overdue]";
    repo.edit("engagements/north/b.yaml", "updated: 2026-11-18", "updated: 2026-11-19");
    let b = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(b.stdout, "", "an action about A is not B's");
    assert!(b.stderr.starts_with("note: 1 finding in 1 other file left out"), "{}", b.stderr);
    repo.edit("engagements/north/a.yaml", "updated: 2026-11-18", "updated: 2026-11-19");
    let a = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(places(&a.stdout), [overdue], "{}", a.stdout);
    // The session file changed itself: its findings are shown whatever they are about.
    repo.git(&["checkout", "-q", "--", "engagements"]);
    repo.edit("reviews/north/2026-11-06.yaml", "Chase the reviewer", "Chase the reviewer again");
    let session = acctsum(repo.path(), &["check", "--format", "short", "--since", "main"]);
    assert_eq!(places(&session.stdout), [overdue], "{}", session.stdout);
    assert!(session.stderr.contains("no findings in other files (changed since main: 1 file)"), "{}", session.stderr);
}
