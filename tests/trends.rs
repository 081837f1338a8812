//! Trends for every engagement from one pass over git (issue 13): they agree with
//! `acctsum history FILE` for each file, and take a fixed number of git processes.

mod common;

use std::path::Path;
use std::process::Command as Process;

use acctsum::git::Repo as Git;
use acctsum::history::{Tracked, Trend, Trends, trends};
use acctsum::workspace::Workspace;

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

/// The size limit of engagement files, and one byte more.
const TOO_LARGE: usize = (1 << 20) + 1;

/// Set in the child process of `trends_use_a_fixed_number_of_git_processes`: the workspace.
const CHILD: &str = "ACCTSUM_TRENDS_CHILD";

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

/// The trends of every engagement file of the workspace at `root`.
fn workspace_trends(root: &Path) -> Trends {
    let ws = Workspace::discover(Some(root), root).expect("workspace");
    let sources = ws.sources(&[], root).expect("sources");
    let files: Vec<Tracked<'_>> = sources
        .iter()
        .map(|s| Tracked { path: s.path.strip_prefix(&ws.root).expect("inside"), shown: &s.display })
        .collect();
    let repo = Git::open(&ws.root).expect("repo");
    trends(&repo, &files, &ws.guide, 2, chrono::NaiveDate::MIN).expect("trends")
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
    let trends = workspace_trends(Path::new(&root));
    for (path, trend) in &trends.trends {
        println!("points {path} {}", trend.points.len());
    }
}

/// The git calls and the points of each file, computing the trends of the workspace at
/// `root` in a child process with a logging git.
fn traced(root: &Path) -> (Vec<String>, Vec<String>, String) {
    let logs = tempfile::tempdir().expect("tmp");
    let out = Process::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "child_prints_the_trends_of_the_workspace_it_is_given", "--nocapture", "--test-threads=1"])
        .env(CHILD, root)
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
    let (calls, points, batch) = traced(repo.path());
    assert_eq!(
        calls,
        ["rev-parse", "log", "cat-file --batch-check", "cat-file --batch"],
        "one listing, one size check, one read, whatever the number of files and commits"
    );
    assert_eq!(points.len(), 60, "{points:?}");
    assert!(points.contains(&"points engagements/south/renamed.yaml 8".to_owned()), "{points:?}");
    assert!(!batch.is_empty() && !batch.contains(&big_blob), "the oversized version was read:\n{batch}");
}
