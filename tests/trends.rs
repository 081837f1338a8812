//! Trends for every engagement from one pass over git (issue 13): they agree with
//! `acctsum history FILE` for each file, cover a window (the version current on its first
//! day, then every version since), show an unreadable version as a gap, and take a fixed
//! number of git processes.

mod common;

use std::path::Path;
use std::process::Command as Process;

use acctsum::git::Repo as Git;
use acctsum::history::{Summary, Tracked, Trend, Trends, trends};
use acctsum::model::Status;
use acctsum::workspace::Workspace;
use chrono::NaiveDate;

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

/// The size limit of engagement files, and one byte more.
const TOO_LARGE: usize = (1 << 20) + 1;

/// Set in the child process of `trends_use_a_fixed_number_of_git_processes`: the workspace.
const CHILD: &str = "ACCTSUM_TRENDS_CHILD";
/// Set in the same child process: the window's first day.
const CHILD_FROM: &str = "ACCTSUM_TRENDS_CHILD_FROM";

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let repo = Self { dir: tempfile::tempdir().expect("tmp") };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.git(&["config", "user.email", "lead@example.com"]);
        repo.git(&["config", "user.name", "A Lead"]);
        repo.write("acctsum.yaml", "regions: [north, south]\n");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn git(&self, args: &[&str]) -> String {
        let out = Process::new("git").current_dir(self.path()).args(args).output().expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn remove(&self, path: &str) {
        std::fs::remove_file(self.path().join(path)).expect("rm");
    }

    /// Commits everything as of `date` (noon), returning the commit id.
    fn commit(&self, date: &str) -> String {
        self.git(&["add", "-A"]);
        let stamp = format!("{date}T12:00:00");
        let out = Process::new("git")
            .current_dir(self.path())
            .args(["commit", "-q", "--allow-empty", "-m", date])
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .expect("git commit");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        self.git(&["rev-parse", "HEAD"])
    }
}

fn engagement(name: &str) -> String {
    BASE.replace("Acme Payments Platform", name)
}

/// A short engagement file, mostly its own words: too unlike any other for git to take it
/// for a copy of one.
fn short(name: &str, status: &str, customer: i64) -> String {
    let words = format!("{name} ").repeat(40);
    format!(
        "acctsum: 1\nengagement: {name}\nclient: {name} Ltd\nregion: north\nleads: {{account: Ann Ode}}\nupdated: 2026-10-14\nstatus: {status}\nheadline: {words}\nnext_steps: [{words}]\naccount_status:\n  customer: {{score: {customer}, notes: {words}}}\n"
    )
}

/// `text` grown past the size limit by a trailing comment: still a valid engagement file.
fn oversized(text: &str) -> String {
    format!("{text}# {}\n", "x".repeat(TOO_LARGE))
}

/// The trends of every engagement file of the workspace at `root`, over its whole history.
fn workspace_trends(root: &Path) -> Trends {
    window_trends(root, NaiveDate::MIN)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

/// The trends of every engagement file of the workspace at `root`, over the window that
/// starts on `from`.
fn window_trends(root: &Path, from: NaiveDate) -> Trends {
    let ws = Workspace::discover(Some(root), root).expect("workspace");
    let sources = ws.sources(&[], root).expect("sources");
    let files: Vec<Tracked<'_>> = sources
        .iter()
        .map(|s| Tracked { path: s.path.strip_prefix(&ws.root).expect("inside"), shown: &s.display, current: None })
        .collect();
    let repo = Git::open(&ws.root).expect("repo");
    trends(&repo, &files, &ws.guide, 2, from).expect("trends")
}

/// Renames (one whose old path is reused), a deletion and a recreation, a rename with an
/// edit, an invalid version, a version over the size limit, and a file that is gone. The
/// files created at old paths are unlike the others: `git log --follow`, which `history`
/// runs, would otherwise take them for copies of another file and follow that one (see
/// `a_new_engagement_like_another_starts_its_own_trend`).
fn eventful() -> Repo {
    let repo = Repo::new();
    repo.write("engagements/north/alpha.yaml", &engagement("Alpha"));
    repo.write("engagements/north/beta.yaml", &engagement("Beta"));
    repo.write("engagements/north/gamma.yaml", &engagement("Gamma"));
    repo.write("engagements/north/delta.yaml", &engagement("Delta"));
    repo.commit("2026-09-01");
    repo.write("engagements/north/alpha.yaml", &engagement("Alpha").replace("status: amber", "status: green"));
    repo.remove("engagements/north/beta.yaml");
    repo.write("engagements/south/beta.yaml", &engagement("Beta").replace("region: north", "region: south"));
    repo.remove("engagements/north/delta.yaml");
    repo.commit("2026-09-15");
    repo.write("engagements/north/gamma.yaml", &format!("{}oops: [unclosed\n", engagement("Gamma")));
    repo.write("engagements/north/alpha.yaml", &oversized(&engagement("Alpha")));
    repo.commit("2026-10-01");
    repo.write(
        "engagements/north/gamma.yaml",
        &engagement("Gamma").replace("  customer: {score: 4,", "  customer: {score: 1,"),
    );
    repo.remove("engagements/north/alpha.yaml");
    repo.commit("2026-10-01");
    repo.write("engagements/north/alpha.yaml", &short("Alpha Again", "red", 2));
    repo.write(
        "engagements/south/beta.yaml",
        &engagement("Beta")
            .replace("region: north", "region: south")
            .replace("  team: {score: 3,", "  team: {score: 5,"),
    );
    repo.commit("2026-10-15");
    // Gamma moves; a new engagement takes its old path.
    let gamma = std::fs::read_to_string(repo.path().join("engagements/north/gamma.yaml")).expect("read");
    repo.remove("engagements/north/gamma.yaml");
    repo.write("engagements/north/gamma-bank.yaml", &gamma.replace("status: amber", "status: green"));
    repo.commit("2026-11-01");
    repo.write("engagements/north/gamma.yaml", &short("Newcomer", "green", 5));
    repo.commit("2026-11-02");
    repo
}

/// What a history point or a trend point shows: (commit, date, status, scores, unreadable).
type Shown = (String, String, Option<String>, Vec<Option<i64>>, Option<String>);

fn from_history(root: &Path, file: &str, trends: &Trends) -> Vec<Shown> {
    let ran = common::acctsum(root, &["history", file, "--format", "json"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
    json["history"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| {
            let scores = trends.measures.iter().map(|(section, key)| p[section.key()][key.as_str()].as_i64()).collect();
            let commit = p["commit"].as_str().expect("commit");
            (
                commit[..10].to_owned(),
                p["date"].as_str().expect("date").to_owned(),
                p["status"].as_str().map(str::to_owned),
                scores,
                p["unreadable"].as_str().map(str::to_owned),
            )
        })
        .collect()
}

fn from_trends(trends: &Trends, file: &str) -> Vec<Shown> {
    let trend = trends.get(file).unwrap_or_else(|| panic!("no trend for {file}"));
    trend
        .points
        .iter()
        .map(|p| {
            (
                p.commit.to_string(),
                p.date.to_string(),
                p.status.map(|s| s.as_str().to_owned()),
                p.scores.to_vec(),
                p.unread.map(|u| u.as_str().to_owned()),
            )
        })
        .collect()
}

#[test]
fn trends_agree_with_history_for_every_file() {
    let repo = eventful();
    let trends = workspace_trends(repo.path());
    let files = [
        "engagements/north/alpha.yaml",
        "engagements/north/gamma-bank.yaml",
        "engagements/north/gamma.yaml",
        "engagements/south/beta.yaml",
    ];
    assert_eq!(trends.trends.keys().collect::<Vec<_>>(), files);
    for file in files {
        assert_eq!(from_trends(&trends, file), from_history(repo.path(), file, &trends), "{file}");
    }
    // The story is what it should be, not only the same as `history`.
    let unread = |file: &str| -> Vec<Option<String>> { from_trends(&trends, file).into_iter().map(|p| p.4).collect() };
    let too_large = Some("file-too-large".to_owned());
    let deleted = Some("deleted".to_owned());
    assert_eq!(unread("engagements/north/alpha.yaml"), [None, None, too_large, deleted.clone(), None]);
    assert_eq!(
        unread("engagements/north/gamma-bank.yaml"),
        [None, Some("invalid".to_owned()), None, None],
        "followed through its rename"
    );
    assert_eq!(
        unread("engagements/north/gamma.yaml"),
        [None, Some("invalid".to_owned()), None, deleted, None],
        "the old path's history, its deletion by the rename, then the newcomer"
    );
    let beta = from_trends(&trends, "engagements/south/beta.yaml");
    assert_eq!(beta.iter().map(|p| p.1.as_str()).collect::<Vec<_>>(), ["2026-09-01", "2026-09-15", "2026-10-15"]);
    let team = trends.measure(acctsum::format::Section::AccountStatus, "team").expect("team");
    assert_eq!(beta.iter().map(|p| p.3[team]).collect::<Vec<_>>(), [Some(3), Some(3), Some(5)]);
}

#[test]
fn trends_of_a_workspace_below_the_repository_top_agree_with_history() {
    let repo = Repo::new();
    repo.write("accounts/acctsum.yaml", "regions: [north, south]\n");
    repo.write("accounts/engagements/north/alpha.yaml", &engagement("Alpha"));
    repo.write("engagements/north/alpha.yaml", &engagement("Outside"));
    repo.commit("2026-09-01");
    repo.remove("accounts/engagements/north/alpha.yaml");
    repo.write("accounts/engagements/south/alpha.yaml", &engagement("Alpha").replace("status: amber", "status: red"));
    repo.commit("2026-10-01");
    let root = repo.path().join("accounts");
    let trends = workspace_trends(&root);
    let file = "engagements/south/alpha.yaml";
    let points = from_trends(&trends, file);
    assert_eq!(points.iter().map(|p| p.2.as_deref()).collect::<Vec<_>>(), [Some("amber"), Some("red")]);
    assert_eq!(points, from_history(&root, file, &trends));
}

#[test]
fn an_uncommitted_file_has_an_empty_trend_and_a_repository_without_commits_has_no_points() {
    let repo = Repo::new();
    repo.write("engagements/north/alpha.yaml", &engagement("Alpha"));
    let trends = workspace_trends(repo.path());
    assert_eq!(trends.get("engagements/north/alpha.yaml"), Some(&Trend::default()));
    assert_eq!(trends.trends.len(), 1);
    repo.commit("2026-09-01");
    repo.write("engagements/north/beta.yaml", &engagement("Beta"));
    let trends = workspace_trends(repo.path());
    assert_eq!(trends.get("engagements/north/alpha.yaml").map(|t| t.points.len()), Some(1));
    assert_eq!(trends.get("engagements/north/beta.yaml").map(|t| t.points.len()), Some(0));
}

#[test]
fn a_new_engagement_like_another_starts_its_own_trend() {
    // Git's `--follow` takes a new file much like an existing one for a copy of it and
    // follows the other file's history; a trend follows renames only.
    let repo = Repo::new();
    repo.write("engagements/north/alpha.yaml", &engagement("Alpha").replace("status: amber", "status: red"));
    repo.commit("2026-09-01");
    repo.write("engagements/north/beta.yaml", &engagement("Beta"));
    repo.commit("2026-10-01");
    let trends = workspace_trends(repo.path());
    let beta = from_trends(&trends, "engagements/north/beta.yaml");
    assert_eq!(
        beta.iter().map(|p| (p.1.as_str(), p.2.as_deref())).collect::<Vec<_>>(),
        [("2026-10-01", Some("amber"))]
    );
    assert_eq!(from_trends(&trends, "engagements/north/alpha.yaml").len(), 1);
}

/// A `git` first on PATH that logs, to `dir/log`, each call's arguments, and what
/// `cat-file --batch` is asked to read (`dir/batch`), then runs the real git. Returns the
/// PATH to use.
fn logging_git(dir: &Path) -> String {
    let real = String::from_utf8(Process::new("sh").args(["-c", "command -v git"]).output().expect("sh").stdout)
        .expect("utf8");
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let (log, batch) = (dir.join("log").display().to_string(), dir.join("batch").display().to_string());
    let script = format!(
        "#!/bin/sh\necho \"call: $*\" >> '{log}'\ncase \" $* \" in\n  *' --batch '*) tee -a '{batch}' | '{real}' \"$@\" ;;\n  *) exec '{real}' \"$@\" ;;\nesac\n",
        real = real.trim()
    );
    let path = bin.join("git");
    std::fs::write(&path, script).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default())
}

/// The git command of a logged call, without the options acctsum always passes.
fn subcommand(call: &str) -> String {
    let mut words = call.trim_start_matches("call: ").split(' ').peekable();
    while let Some(word) = words.next_if(|w| w.starts_with('-')) {
        if word == "-C" || word == "-c" {
            words.next();
        }
    }
    words.take_while(|w| !w.starts_with("--") || *w == "--batch" || *w == "--batch-check").collect::<Vec<_>>().join(" ")
}

/// Runs in a child process (see [`CHILD`]) whose PATH starts with a logging git, since a
/// test cannot change its own environment safely: prints each file's number of points.
#[test]
#[allow(clippy::print_stdout)] // what the parent reads
fn child_prints_the_trends_of_the_workspace_it_is_given() {
    let Some(root) = std::env::var_os(CHILD) else { return };
    let from = std::env::var(CHILD_FROM).map_or(NaiveDate::MIN, |d| day(&d));
    let trends = window_trends(Path::new(&root), from);
    for (path, trend) in &trends.trends {
        println!("points {path} {}", trend.points.len());
    }
}

/// The git calls and the points of each file, computing the trends of the workspace at
/// `root` in a child process with a logging git.
fn traced(root: &Path, from: &str) -> (Vec<String>, Vec<String>, String) {
    let logs = tempfile::tempdir().expect("tmp");
    let out = Process::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "child_prints_the_trends_of_the_workspace_it_is_given", "--nocapture", "--test-threads=1"])
        .env(CHILD, root)
        .env(CHILD_FROM, from)
        .env("PATH", logging_git(logs.path()))
        .output()
        .expect("child");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    // The first line printed follows the test harness's own words.
    let points = stdout.lines().filter_map(|l| Some(l[l.find("points ")?..].to_owned())).collect();
    let log = std::fs::read_to_string(logs.path().join("log")).expect("log");
    let calls = log.lines().filter(|l| l.starts_with("call: ")).map(subcommand).collect();
    (calls, points, std::fs::read_to_string(logs.path().join("batch")).unwrap_or_default())
}

#[test]
fn trends_use_a_fixed_number_of_git_processes() {
    let repo = Repo::new();
    let path = |i: usize| format!("engagements/{}/e{i:02}.yaml", if i % 2 == 0 { "north" } else { "south" });
    let text = |i: usize, n: usize| {
        engagement(&format!("Engagement {i}"))
            .replace("region: north", if i % 2 == 0 { "region: north" } else { "region: south" })
            .replace("status: amber", &format!("status: {}", ["green", "amber", "red"][n % 3]))
            .replace("Sponsor happy with pace", &format!("Note {n}"))
    };
    for i in 0..60 {
        repo.write(&path(i), &text(i, 0));
    }
    repo.commit("2026-01-01");
    // Twenty commits, each changing a third of the files; one renames a file, one holds a
    // version over the size limit.
    let renamed = "engagements/south/renamed.yaml";
    for n in 1..=20 {
        for i in (0..60).filter(|i| (i + n) % 3 == 0) {
            let at = if i == 5 && n > 7 { renamed.to_owned() } else { path(i) };
            repo.write(&at, &text(i, n));
        }
        if n == 7 {
            let moved = std::fs::read_to_string(repo.path().join(path(5))).expect("read");
            repo.remove(&path(5));
            repo.write(renamed, &moved);
        }
        if n == 9 {
            repo.write(&path(4), &oversized(&text(4, n)));
        }
        repo.commit(&format!("2026-02-{n:02}"));
    }
    let big_blob = repo.git(&["rev-parse", "HEAD~11:engagements/north/e04.yaml"]);
    let (calls, points, batch) = traced(repo.path(), "2000-01-01");
    assert_eq!(
        calls,
        ["rev-parse", "log", "log", "cat-file --batch-check", "cat-file --batch"],
        "the start (none: the window is older than the history), one listing, one size check, one read, \
         whatever the number of files and commits"
    );
    assert_eq!(points.len(), 60, "{points:?}");
    assert!(points.contains(&"points engagements/south/renamed.yaml 8".to_owned()), "{points:?}");
    assert!(!batch.is_empty() && !batch.contains(&big_blob), "the oversized version was read:\n{batch}");
    // A window that starts inside the history adds the files at its start: one `ls-tree`.
    let (calls, points, batch) = traced(repo.path(), "2026-02-05");
    assert_eq!(calls, ["rev-parse", "log", "log", "ls-tree -r -l -z", "cat-file --batch-check", "cat-file --batch"]);
    assert_eq!(points.len(), 60, "{points:?}");
    // The version current on 2026-02-05, then the commits after it that changed the file:
    // the rename (7), then 10, 13, 16 and 19 under its new name.
    assert!(points.contains(&"points engagements/south/renamed.yaml 6".to_owned()), "{points:?}");
    assert!(!batch.contains(&big_blob), "the oversized version was read:\n{batch}");
}

/// (date, status, unreadable) of each point of `file`'s trend.
fn steps(trends: &Trends, file: &str) -> Vec<(String, Option<String>, Option<String>)> {
    from_trends(trends, file).into_iter().map(|p| (p.1, p.2, p.4)).collect()
}

fn step(date: &str, status: Option<&str>, unread: Option<&str>) -> (String, Option<String>, Option<String>) {
    (date.to_owned(), status.map(str::to_owned), unread.map(str::to_owned))
}

/// Alpha changes before and after the window's start; beta changes on its first day;
/// gamma is created in it; delta is renamed in it; epsilon is deleted and created again
/// in it; zeta is unreadable at the start and in the window.
fn windowed() -> Repo {
    let repo = Repo::new();
    let with = |name: &str, status: &str| engagement(name).replace("status: amber", &format!("status: {status}"));
    repo.write("engagements/north/alpha.yaml", &with("Alpha", "amber"));
    repo.write("engagements/north/beta.yaml", &with("Beta", "green"));
    repo.write("engagements/north/delta.yaml", &with("Delta", "red"));
    repo.write("engagements/north/epsilon.yaml", &with("Epsilon", "green"));
    repo.write("engagements/north/zeta.yaml", &with("Zeta", "green"));
    repo.commit("2026-01-05");
    repo.write("engagements/north/alpha.yaml", &with("Alpha", "green"));
    repo.write("engagements/north/zeta.yaml", &format!("{}oops: [unclosed\n", with("Zeta", "green")));
    repo.commit("2026-03-01");
    repo.write("engagements/north/beta.yaml", &with("Beta", "red"));
    repo.commit("2026-05-01");
    repo.write("engagements/north/alpha.yaml", &with("Alpha", "red"));
    repo.remove("engagements/north/epsilon.yaml");
    repo.write("engagements/north/zeta.yaml", &with("Zeta", "amber"));
    repo.commit("2026-06-01");
    repo.remove("engagements/north/delta.yaml");
    repo.write("engagements/south/delta.yaml", &with("Delta", "green").replace("region: north", "region: south"));
    repo.commit("2026-06-15");
    repo.write("engagements/north/beta.yaml", &with("Beta", "amber"));
    repo.write("engagements/north/epsilon.yaml", &short("Epsilon Again", "amber", 3));
    repo.commit("2026-07-01");
    repo.write("engagements/north/gamma.yaml", &short("Gamma", "green", 4));
    repo.write("engagements/north/zeta.yaml", &format!("{}oops: [unclosed\n", with("Zeta", "amber")));
    repo.commit("2026-07-15");
    repo.write("engagements/north/alpha.yaml", &with("Alpha", "amber"));
    repo.commit("2026-08-01");
    repo
}

#[test]
fn a_window_starts_with_the_version_current_on_its_first_day_then_every_version_since() {
    let repo = windowed();
    let start = repo.git(&["rev-parse", "HEAD~5"]);
    let trends = window_trends(repo.path(), day("2026-05-20"));
    assert_eq!(trends.from, day("2026-05-20"));
    assert_eq!(trends.start.as_ref().map(|c| c.id.as_str()), Some(start.as_str()), "the last commit on or before");
    assert_eq!(
        steps(&trends, "engagements/north/alpha.yaml"),
        [
            step("2026-05-20", Some("green"), None),
            step("2026-06-01", Some("red"), None),
            step("2026-08-01", Some("amber"), None)
        ],
        "the version of 2026-03-01 is the starting point, dated the window's first day; the one before it is not read"
    );
    let alpha = trends.get("engagements/north/alpha.yaml").expect("alpha");
    assert_eq!(&*alpha.points[0].commit, &start[..10], "the starting point is the start commit's version");
    assert_eq!(
        steps(&trends, "engagements/north/gamma.yaml"),
        [step("2026-07-15", Some("green"), None)],
        "created in the window: it starts there"
    );
    assert_eq!(
        steps(&trends, "engagements/south/delta.yaml"),
        [step("2026-05-20", Some("red"), None), step("2026-06-15", Some("green"), None)],
        "renamed in the window: it starts from its old name"
    );
    assert_eq!(
        steps(&trends, "engagements/north/epsilon.yaml"),
        [
            step("2026-05-20", Some("green"), None),
            step("2026-06-01", None, Some("deleted")),
            step("2026-07-01", Some("amber"), None)
        ],
        "deleted and created again in the window: the deletion is a gap"
    );
}

#[test]
fn a_commit_on_the_first_day_of_the_window_is_its_start() {
    let repo = windowed();
    let on = window_trends(repo.path(), day("2026-05-01"));
    assert_eq!(
        steps(&on, "engagements/north/beta.yaml"),
        [step("2026-05-01", Some("red"), None), step("2026-07-01", Some("amber"), None)]
    );
    let before = window_trends(repo.path(), day("2026-04-30"));
    assert_eq!(
        steps(&before, "engagements/north/beta.yaml"),
        [
            step("2026-04-30", Some("green"), None),
            step("2026-05-01", Some("red"), None),
            step("2026-07-01", Some("amber"), None)
        ]
    );
}

#[test]
fn a_window_older_than_the_history_holds_every_version() {
    let repo = windowed();
    let old = window_trends(repo.path(), day("2025-01-01"));
    assert_eq!(old.start, None);
    assert_eq!(old.trends, workspace_trends(repo.path()).trends);
    assert_eq!(old.get("engagements/north/alpha.yaml").map(|t| t.points.len()), Some(4));
    for file in old.trends.keys() {
        assert_eq!(from_trends(&old, file), from_history(repo.path(), file, &old), "{file}");
    }
}

#[test]
fn an_unreadable_version_is_a_gap_at_the_start_and_in_the_window() {
    let repo = windowed();
    let trends = window_trends(repo.path(), day("2026-05-20"));
    assert_eq!(
        steps(&trends, "engagements/north/zeta.yaml"),
        [
            step("2026-05-20", None, Some("invalid")),
            step("2026-06-01", Some("amber"), None),
            step("2026-07-15", None, Some("invalid"))
        ]
    );
    let zeta = trends.get("engagements/north/zeta.yaml").expect("zeta");
    assert!(zeta.points[0].scores.iter().all(Option::is_none), "a gap has no scores either");
    assert!(zeta.points[1].scores.iter().any(Option::is_some));
    // The view and the chart show the gaps.
    let ws = Workspace::discover(Some(repo.path()), repo.path()).expect("workspace");
    let view = acctsum::view::trend(&trends, "engagements/north/zeta.yaml", &ws.guide, None, day("2026-11-20"));
    assert_eq!(view.status.iter().map(|s| s.1).collect::<Vec<_>>(), [None, Some(Status::Amber), None]);
    assert_eq!(view.gaps.len(), 2);
    let chart = acctsum::render::svg::status_chart(&view.status, "zeta", "Status of Zeta");
    assert_eq!(chart.matches("class=\"acctsum-none\"").count(), 2, "{chart}");
    let series = acctsum::render::svg::series(&view);
    assert_eq!(series.len(), view.scores.len());
    let table = acctsum::render::svg::score_table(&series);
    assert_eq!(table.rows.len(), 3);
    assert!(table.rows[0][1..].iter().all(|cell| cell == "no score"), "{table:?}");
}

/// The trends of the workspace at `root` over the window from `from`, told that each
/// file named in `current` holds what its summary says.
fn trends_knowing(root: &Path, from: NaiveDate, current: &[(&str, Summary)]) -> Trends {
    let ws = Workspace::discover(Some(root), root).expect("workspace");
    let sources = ws.sources(&[], root).expect("sources");
    let files: Vec<Tracked<'_>> = sources
        .iter()
        .map(|s| Tracked {
            path: s.path.strip_prefix(&ws.root).expect("inside"),
            shown: &s.display,
            current: current.iter().find(|(path, _)| *path == s.display.as_ref()).map(|(_, summary)| summary),
        })
        .collect();
    let repo = Git::open(&ws.root).expect("repo");
    trends(&repo, &files, &ws.guide, 2, from).expect("trends")
}

#[test]
fn the_current_file_unchanged_since_head_is_not_read_again_and_an_edited_one_is_read_from_git() {
    let repo = windowed();
    let from = day("2026-05-15");
    let read = window_trends(repo.path(), from);
    // Told something git does not hold, the trends show it where they took it from what
    // was told: only for the version the unchanged working tree holds.
    let told = Summary { status: Some(Status::Green), ..Summary::default() };
    repo.write("engagements/north/beta.yaml", &engagement("Beta").replace("status: amber", "status: red"));
    let current = [("engagements/north/alpha.yaml", told.clone()), ("engagements/north/beta.yaml", told)];
    let knowing = trends_knowing(repo.path(), from, &current);
    let mut alpha = steps(&read, "engagements/north/alpha.yaml");
    assert_eq!(alpha.last(), Some(&step("2026-08-01", Some("amber"), None)), "read from git");
    alpha.last_mut().expect("a point").1 = Some("green".to_owned());
    assert_eq!(steps(&knowing, "engagements/north/alpha.yaml"), alpha, "alpha's newest version is the one told");
    assert_eq!(
        steps(&knowing, "engagements/north/beta.yaml"),
        steps(&read, "engagements/north/beta.yaml"),
        "beta has an uncommitted edit: every version is read from git"
    );
    for file in ["north/gamma", "south/delta", "north/epsilon", "north/zeta"] {
        let file = format!("engagements/{file}.yaml");
        assert_eq!(steps(&knowing, &file), steps(&read, &file), "{file}");
    }
}
