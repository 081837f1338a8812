//! Issue 11, the git side: git runs on the workspace's own repository whatever the
//! environment says, pathspecs are literal, names are read byte for byte, old versions
//! have the same size limit as files on disk, far-future dates resolve, and every git
//! failure keeps its cause.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use acctsum::engine::{self, Options};
use acctsum::history::{self, Unread};
use acctsum::workspace::Workspace;
use assert_cmd::Command;
use predicates::str::contains;

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

/// The size limit of engagement files, and one byte more.
const TOO_LARGE: usize = (1 << 20) + 1;

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

    fn write(&self, path: impl AsRef<Path>, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// Commits everything with the committer date `stamp` (`2026-10-01T12:00:00`,
    /// `@253402300800 +0000`), returning the commit id.
    fn commit_at(&self, stamp: &str) -> String {
        self.git(&["add", "-A"]);
        let out = Process::new("git")
            .current_dir(self.path())
            .args(["commit", "-q", "-m", stamp])
            .env("GIT_AUTHOR_DATE", stamp)
            .env("GIT_COMMITTER_DATE", stamp)
            .output()
            .expect("git commit");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        self.git(&["rev-parse", "HEAD"])
    }

    /// Commits everything as of `date` (noon).
    fn commit(&self, date: &str) -> String {
        self.commit_at(&format!("{date}T12:00:00"))
    }

    fn acctsum(&self) -> Command {
        let mut cmd = Command::cargo_bin("acctsum").expect("binary");
        cmd.current_dir(self.path()).env_remove("ACCTSUM_TODAY").env("NO_COLOR", "1").args(["--today", "2026-11-20"]);
        cmd
    }

    fn json(&self, cmd: &mut Command) -> serde_json::Value {
        let out = cmd.output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

fn engagement(name: &str) -> String {
    BASE.replace("Acme Payments Platform", name)
}

/// `text` grown past the size limit by a trailing comment: still a valid engagement file.
fn oversized(text: &str) -> String {
    format!("{text}# {}\n", "x".repeat(TOO_LARGE))
}

/// A `git` first on PATH that logs, to `dir/log`, each call's arguments and `GIT_*`
/// environment, and what `cat-file --batch` is asked to read (`dir/batch`), then runs the
/// real git. Returns the PATH to use.
fn logging_git(dir: &Path) -> String {
    let real = String::from_utf8(Process::new("sh").args(["-c", "command -v git"]).output().expect("sh").stdout)
        .expect("utf8");
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let (log, batch) = (dir.join("log").display().to_string(), dir.join("batch").display().to_string());
    let script = format!(
        "#!/bin/sh\necho \"call: $*\" >> '{log}'\nenv | grep '^GIT_' >> '{log}'\ncase \" $* \" in\n  *' --batch '*) tee -a '{batch}' | '{real}' \"$@\" ;;\n  *) exec '{real}' \"$@\" ;;\nesac\n",
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

fn read(path: PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

#[test]
fn git_dir_in_the_environment_is_ignored() {
    // The workspace: Payments went amber → green.
    let ours = Repo::new();
    ours.write("engagements/north/payments.yaml", &engagement("Payments"));
    ours.commit("2026-10-01");
    ours.write("engagements/north/payments.yaml", &engagement("Payments").replace("status: amber", "status: green"));
    ours.commit("2026-11-01");
    // Another repository, where Payments went red → amber.
    let other = Repo::new();
    other.write("engagements/north/payments.yaml", &engagement("Payments").replace("status: amber", "status: red"));
    other.commit("2026-10-01");
    other.write("engagements/north/payments.yaml", &engagement("Payments"));
    other.commit("2026-11-01");
    let other_git = other.path().join(".git");
    let logs = tempfile::tempdir().expect("tmp");
    let json = ours.json(
        ours.acctsum()
            .env("PATH", logging_git(logs.path()))
            .env("GIT_DIR", &other_git)
            .env("GIT_WORK_TREE", other.path())
            .env("GIT_INDEX_FILE", other_git.join("index"))
            .env("GIT_OBJECT_DIRECTORY", other_git.join("objects"))
            .env("GIT_CONFIG_COUNT", "1")
            .env("GIT_CONFIG_KEY_0", "core.quotepath")
            .env("GIT_CONFIG_VALUE_0", "on")
            .env("GIT_CONFIG_PARAMETERS", "'log.follow'='true'")
            .env("GIT_CEILING_DIRECTORIES", ours.path().parent().expect("parent"))
            .args(["report", "--format", "json", "--since", "HEAD~1"]),
    );
    assert_eq!(json["engagements"][0]["changes"]["status"], serde_json::json!({"old": "amber", "new": "green"}));
    // Git saw none of those variables; the search boundary is kept.
    let log = read(logs.path().join("log"));
    let seen: Vec<&str> = log.lines().filter(|l| l.starts_with("GIT_")).filter_map(|l| l.split('=').next()).collect();
    assert!(!seen.is_empty(), "{log}");
    for name in seen {
        assert!(
            ["GIT_TERMINAL_PROMPT", "GIT_OPTIONAL_LOCKS", "GIT_CEILING_DIRECTORIES"].contains(&name),
            "git was given {name}:\n{log}"
        );
    }
}

#[test]
fn history_pathspec_is_literal() {
    let repo = Repo::new();
    repo.write("engagements/north/e*.yaml", &engagement("Star"));
    repo.write("engagements/north/e1.yaml", &engagement("One"));
    repo.commit("2026-10-01");
    repo.write("engagements/north/e1.yaml", &engagement("One").replace("status: amber", "status: red"));
    repo.commit("2026-11-01");
    let json = repo.json(repo.acctsum().args(["history", "engagements/north/e*.yaml", "--format", "json"]));
    let dates: Vec<&str> =
        json["history"].as_array().expect("points").iter().map(|p| p["date"].as_str().expect("date")).collect();
    assert_eq!(dates, ["2026-10-01"], "{json}");
    assert_eq!(json["engagement"], "Star");
}

#[test]
fn newline_in_a_file_name_is_read() {
    let repo = Repo::new();
    let name = "engagements/north/pay\nments.yaml";
    repo.write(name, &engagement("Payments"));
    repo.commit("2026-10-01");
    repo.write(name, &engagement("Payments").replace("  customer: {score: 4,", "  customer: {score: 3,"));
    repo.commit("2026-11-01");
    let json = repo.json(repo.acctsum().args(["history", name, "--format", "json"]));
    let points = json["history"].as_array().expect("points");
    let customer: Vec<&serde_json::Value> = points.iter().map(|p| &p["account_status"]["customer"]).collect();
    assert_eq!(customer, [4, 3], "{json}");
    assert!(points.iter().all(|p| p["readable"] == true), "{json}");
}

#[cfg(unix)]
#[test]
fn non_utf8_file_name_keeps_its_history() {
    use std::os::unix::ffi::OsStrExt;
    let repo = Repo::new();
    let name = PathBuf::from(std::ffi::OsStr::from_bytes(b"engagements/north/caf\xe9.yaml"));
    repo.write(&name, &engagement("Cafe"));
    repo.commit("2026-10-01");
    repo.write(&name, &engagement("Cafe").replace("status: amber", "status: green"));
    repo.commit("2026-11-01");
    // Named by its engagement (the command line takes UTF-8 only).
    let json = repo.json(repo.acctsum().args(["history", "Cafe", "--format", "json"]));
    let status: Vec<&serde_json::Value> =
        json["history"].as_array().expect("points").iter().map(|p| &p["status"]).collect();
    assert_eq!(status, ["amber", "green"], "{json}");
}

#[test]
fn oversized_blob_at_the_base_is_file_too_large_and_not_read() {
    let repo = Repo::new();
    let big = oversized(&engagement("Payments"));
    repo.write("engagements/north/payments.yaml", &big);
    repo.commit("2026-10-01");
    let big_blob = repo.git(&["rev-parse", "HEAD:engagements/north/payments.yaml"]);
    let base = repo.git(&["rev-parse", "HEAD"]);
    repo.write("engagements/north/payments.yaml", &engagement("Payments"));
    repo.commit("2026-11-01");
    // The model says why the base version could not be compared.
    let ws = Workspace::discover(Some(repo.path()), repo.path()).expect("workspace");
    let sources = ws.sources(&[], repo.path()).expect("sources");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let options = Options { today, keep_excerpts: false, models: engine::Models::Whole, jobs: 1 };
    let outcome = engine::check(&ws.guide, &sources, options, &Default::default()).expect("check");
    let since = history::since_workspace(&ws, &outcome, "HEAD~1", today, true).expect("since");
    let size = u64::try_from(big.len()).expect("size");
    assert_eq!(since.changes["engagements/north/payments.yaml"].base_unread, Some(Unread::TooLarge(size)));
    assert_eq!(since.base["engagements/north/payments.yaml"].digest, Err(Unread::TooLarge(size)));
    // And git was never asked for its content.
    let logs = tempfile::tempdir().expect("tmp");
    repo.acctsum()
        .env("PATH", logging_git(logs.path()))
        .args(["report", "--format", "json", "--since", "HEAD~1"])
        .assert()
        .code(0);
    let batch = read(logs.path().join("batch"));
    assert!(!batch.contains(&big_blob) && !batch.contains(&base), "the oversized version was read:\n{batch}");
}

#[test]
fn history_memory_is_bounded() {
    // An oversized version in the middle is reported as such, and never read.
    let repo = Repo::new();
    repo.write("engagements/north/payments.yaml", &engagement("Payments"));
    repo.commit("2026-10-01");
    repo.write("engagements/north/payments.yaml", &oversized(&engagement("Payments")));
    let middle = repo.commit("2026-10-15");
    let big_blob = repo.git(&["rev-parse", "HEAD:engagements/north/payments.yaml"]);
    repo.write("engagements/north/payments.yaml", &engagement("Payments").replace("status: amber", "status: red"));
    repo.commit("2026-11-01");
    let logs = tempfile::tempdir().expect("tmp");
    let json = repo.json(repo.acctsum().env("PATH", logging_git(logs.path())).args([
        "history",
        "engagements/north/payments.yaml",
        "--format",
        "json",
    ]));
    let points = json["history"].as_array().expect("points");
    let shown: Vec<(&serde_json::Value, &serde_json::Value)> =
        points.iter().map(|p| (&p["status"], &p["unreadable"])).collect();
    let null = serde_json::Value::Null;
    assert_eq!(
        shown,
        [
            (&serde_json::json!("amber"), &null),
            (&null, &serde_json::json!("file-too-large")),
            (&serde_json::json!("red"), &null)
        ],
        "{json}"
    );
    let batch = read(logs.path().join("batch"));
    assert!(!batch.is_empty(), "the other versions were read through cat-file --batch");
    assert!(!batch.contains(&big_blob) && !batch.contains(&middle), "the oversized version was read:\n{batch}");
}

#[test]
fn since_a_far_future_date_finds_the_last_commit() {
    let repo = Repo::new();
    repo.write("engagements/north/payments.yaml", &engagement("Payments"));
    repo.commit("2026-10-01");
    repo.write("engagements/north/payments.yaml", &engagement("Payments").replace("status: amber", "status: green"));
    let last = repo.commit("2026-11-01");
    for day in ["2100-01-01", "9999-12-31"] {
        let json = repo.json(repo.acctsum().args(["report", "--format", "json", "--since", day]));
        assert_eq!((&json["since"]["commit"], &json["since"]["date"]), (&last.clone().into(), &"2026-11-01".into()));
    }
    // The day itself counts, in the committer's own date; a day before the first commit does not.
    let json = repo.json(repo.acctsum().args(["report", "--format", "json", "--since", "2026-10-01"]));
    assert_eq!(json["since"]["date"], "2026-10-01");
    repo.acctsum()
        .args(["report", "--since", "2026-09-30"])
        .assert()
        .code(2)
        .stderr(contains("no commit on or before 2026-09-30"));
    // Nor does any day in a repository without commits.
    let empty = Repo::new();
    empty.write("engagements/north/payments.yaml", &engagement("Payments"));
    empty
        .acctsum()
        .args(["report", "--since", "2100-01-01"])
        .assert()
        .code(2)
        .stderr(contains("no commit on or before 2100-01-01"));
}

#[test]
fn git_failure_keeps_its_cause() {
    let repo = Repo::new();
    repo.write("engagements/north/payments.yaml", &engagement("Payments"));
    repo.commit("2026-10-01");
    repo.write("engagements/north/payments.yaml", &engagement("Payments").replace("status: amber", "status: green"));
    repo.commit("2026-11-01");
    // No git at all: said so, with the system's reason — not "not inside a git repository".
    let empty = tempfile::tempdir().expect("tmp");
    repo.acctsum()
        .env("PATH", empty.path())
        .args(["report", "--since", "HEAD~1"])
        .assert()
        .code(2)
        .stderr(contains("cannot run git"))
        .stderr(contains("No such file or directory"))
        .stderr(contains("acctsum::git"));
    // Git fails: its own words, as a git failure rather than a usage error.
    let tree = repo.git(&["rev-parse", "HEAD~1^{tree}"]);
    std::fs::remove_file(repo.path().join(".git/objects").join(&tree[..2]).join(&tree[2..])).expect("rm tree");
    repo.acctsum()
        .args(["report", "--since", "HEAD~1"])
        .assert()
        .code(2)
        .stderr(contains("acctsum::git_failed"))
        .stderr(contains(format!("failed: fatal: unable to read tree ({tree})")));
}

#[test]
fn unparsable_git_date_is_an_error_not_1970() {
    let repo = Repo::new();
    repo.write("engagements/north/payments.yaml", &engagement("Payments"));
    repo.commit("2026-10-01");
    repo.write("engagements/north/payments.yaml", &engagement("Payments").replace("status: amber", "status: green"));
    // Year 10000: git prints `10000-01-01`.
    let far = repo.commit_at("@253402300800 +0000");
    repo.acctsum()
        .args(["history", "engagements/north/payments.yaml"])
        .assert()
        .code(2)
        .stderr(contains("acctsum::git_date"))
        .stderr(contains(format!("cannot read the date of commit {far}")))
        .stderr(contains("`10000-01-01`"));
    repo.acctsum()
        .args(["report", "--since", "HEAD"])
        .assert()
        .code(2)
        .stderr(contains("acctsum::git_date"))
        .stderr(contains("`10000-01-01`"));
    // A date passes over a commit it cannot place in time.
    let json = repo.json(repo.acctsum().args(["report", "--format", "json", "--since", "2026-12-31"]));
    assert_eq!(json["since"]["date"], "2026-10-01");
}
