//! History from git: repositories built in the test with known commits and dates.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use assert_cmd::Command;
use predicates::str::contains;

const BASE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tmp");
        let repo = Self { dir };
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

    /// Commits everything as of `date` (noon), returning the commit id.
    fn commit(&self, date: &str, message: &str) -> String {
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
        self.git(&["rev-parse", "HEAD"])
    }

    fn acctsum(&self) -> Command {
        let mut cmd = Command::cargo_bin("acctsum").expect("binary");
        cmd.current_dir(self.path()).env_remove("ACCTSUM_TODAY").env("NO_COLOR", "1").args(["--today", "2026-11-20"]);
        cmd
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.acctsum().args(args).output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("json")
    }
}

fn engagement(name: &str) -> String {
    BASE.replace("Acme Payments Platform", name)
}

/// Three commits: October (the base), early November (changes), mid-November (more).
fn story() -> Repo {
    let repo = Repo::new();
    repo.write("engagements/north/payments.yaml", &engagement("Payments"));
    repo.write("engagements/north/data.yaml", &engagement("Data"));
    repo.write("engagements/north/old.yaml", &engagement("Old Work"));
    repo.commit("2026-10-01", "October");
    let payments = engagement("Payments")
        .replace("status: amber", "status: green")
        .replace("  customer: {score: 4,", "  customer: {score: 3,")
        .replace("  commercial: {score: 2,", "  commercial: {score: 3,")
        .replace("    due: 2026-11-30\n    status: open", "    due: 2026-11-30\n    status: done")
        .replace(
            "  - title: Key person dependency on lead engineer",
            "  - title: Vendor lock-in on the payment gateway",
        );
    repo.write("engagements/north/payments.yaml", &payments);
    repo.commit("2026-11-05", "November");
    // Moved to another folder, a new engagement, one gone.
    std::fs::remove_file(repo.path().join("engagements/north/data.yaml")).expect("rm");
    repo.write("engagements/south/data.yaml", &engagement("Data").replace("region: north", "region: south"));
    repo.write("engagements/north/new.yaml", &engagement("New Work"));
    std::fs::remove_file(repo.path().join("engagements/north/old.yaml")).expect("rm");
    repo.commit("2026-11-15", "Mid-November");
    repo
}

#[test]
fn report_since_a_date_shows_what_moved() {
    let repo = story();
    let json = repo.json(&["report", "--format", "json", "--since", "2026-10-31"]);
    assert_eq!(json["since"]["asked"], "2026-10-31");
    assert_eq!(json["since"]["date"], "2026-10-01");
    assert_eq!(
        json["since"]["removed"],
        serde_json::json!([{"path": "engagements/north/old.yaml", "engagement": "Old Work"}])
    );
    let by_name = |name: &str| {
        json["engagements"].as_array().expect("list").iter().find(|e| e["engagement"] == name).cloned().expect(name)
    };
    let payments = by_name("Payments")["changes"].clone();
    assert_eq!(payments["status"], serde_json::json!({"old": "amber", "new": "green"}));
    assert_eq!(
        payments["scores"],
        serde_json::json!([
            {"section": "account_status", "measure": "customer", "old": 4, "new": 3},
            {"section": "account_status", "measure": "commercial", "old": 2, "new": 3},
        ])
    );
    assert_eq!(payments["risks_added"], serde_json::json!(["Vendor lock-in on the payment gateway"]));
    assert_eq!(payments["risks_removed"], serde_json::json!(["Key person dependency on lead engineer"]));
    assert_eq!(payments["actions_completed"], serde_json::json!(["Agree Q1 roadmap"]));
    assert_eq!(by_name("Data")["changes"]["moved_from"], "engagements/north/data.yaml");
    assert_eq!(by_name("Data")["changes"]["added"], false);
    assert_eq!(by_name("New Work")["changes"]["added"], true);
    // A revision works as well as a date; since the November commit, Payments is unchanged.
    let json = repo.json(&["report", "--format", "json", "--since", "HEAD~1"]);
    let payments = json["engagements"]
        .as_array()
        .expect("list")
        .iter()
        .find(|e| e["engagement"] == "Payments")
        .cloned()
        .expect("p");
    assert_eq!(payments["changes"]["scores"], serde_json::json!([]));
}

#[test]
fn table_and_pack_show_the_changes() {
    let repo = story();
    repo.acctsum()
        .args(["report", "--since", "2026-10-31"])
        .assert()
        .code(0)
        .stdout(contains("amber→green ↑, ↑1 ↓1"))
        .stdout(contains("Gone since 2026-10-31: Old Work (engagements/north/old.yaml)."));
    repo.acctsum()
        .args(["report", "--since", "2026-10-31", "--format", "markdown"])
        .assert()
        .code(0)
        .stdout(contains("## Changes since 2026-10-31"))
        .stdout(contains("  - status 🟠 amber → 🟢 green ↑\n  - scores: customer 4 → 3 ↓, commercial 2 → 3 ↑\n"))
        .stdout(contains("- **New Work**: new since 2026-10-31"))
        .stdout(contains("- **Old Work**: gone since 2026-10-31 (was engagements/north/old.yaml)"));
}

#[test]
fn history_follows_a_file_through_renames() {
    let repo = story();
    let json = repo.json(&["history", "engagements/south/data.yaml", "--format", "json"]);
    let points = json["history"].as_array().expect("points");
    let dates: Vec<&str> = points.iter().map(|p| p["date"].as_str().expect("date")).collect();
    assert_eq!(dates, ["2026-10-01", "2026-11-15"]);
    assert_eq!(points[0]["path"], "engagements/north/data.yaml");
    // By name, too; and the score timeline of a measure.
    let json = repo.json(&["history", "payments", "--format", "json"]);
    let customer: Vec<i64> = json["history"]
        .as_array()
        .expect("points")
        .iter()
        .map(|p| p["account_status"]["customer"].as_i64().expect("score"))
        .collect();
    assert_eq!(customer, [4, 3]);
    let out = repo.acctsum().args(["history", "Payments", "--format", "markdown"]).output().expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(
            "```mermaid\nxychart-beta\n    title \"Account status\"\n    x-axis [\"2026-10-01\", \"2026-11-05\"]"
        ),
        "{text}"
    );
    assert!(text.contains("    bar [3.5, 3.5]\n    line [2, 3]"), "{text}");
}

#[test]
fn check_since_wants_updated_bumped_on_changed_files() {
    let repo = story();
    // Edited without moving `updated`: warned. Edited and bumped: fine. Untouched: fine.
    let payments = std::fs::read_to_string(repo.path().join("engagements/north/payments.yaml")).expect("read");
    repo.write("engagements/north/payments.yaml", &payments.replace("Sponsor happy with pace", "Sponsor delighted"));
    let new = std::fs::read_to_string(repo.path().join("engagements/north/new.yaml")).expect("read");
    repo.write(
        "engagements/north/new.yaml",
        &new.replace("Sponsor happy with pace", "Keen").replace("updated: 2026-11-18", "updated: 2026-11-19"),
    );
    repo.acctsum()
        .args(["check", "--format", "short", "--since", "HEAD"])
        .assert()
        .code(0)
        .stdout("engagements/north/payments.yaml:11:10: warning[updated-not-bumped]: the file changed since the base commit, but `updated` is still 2026-11-18\n");
    repo.acctsum().args(["check", "--format", "short"]).assert().code(0).stdout("");
}

#[test]
fn clear_errors_outside_git_and_for_unknown_revisions() {
    let plain = tempfile::tempdir().expect("tmp");
    std::fs::create_dir_all(plain.path().join("engagements")).expect("mkdir");
    std::fs::write(plain.path().join("engagements/a.yaml"), engagement("A")).expect("write");
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(plain.path()).env("GIT_CEILING_DIRECTORIES", plain.path().parent().expect("parent")).args([
        "--today",
        "2026-11-20",
        "report",
        "--since",
        "HEAD",
    ]);
    cmd.assert().code(2).stderr(contains("is not inside a git repository"));
    let repo = story();
    repo.acctsum()
        .args(["report", "--since", "no-such-tag"])
        .assert()
        .code(2)
        .stderr(contains("unknown revision `no-such-tag`"));
    repo.acctsum()
        .args(["check", "--since", "2020-01-01"])
        .assert()
        .code(2)
        .stderr(contains("no commit on or before 2020-01-01"));
    repo.acctsum()
        .args(["history", "nothing-like-this"])
        .assert()
        .code(2)
        .stderr(contains("no engagement file or name matches"));
}

#[test]
fn a_shallow_clone_says_so() {
    let repo = story();
    let clone = tempfile::tempdir().expect("tmp");
    let target = clone.path().join("c");
    let url = format!("file://{}", repo.path().display());
    let out = Process::new("git").args(["clone", "-q", "--depth", "1", &url]).arg(&target).output().expect("clone");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = repo.git(&["rev-list", "--max-parents=0", "HEAD"]);
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(&target).args(["--today", "2026-11-20", "report", "--since", &first]);
    cmd.assert().code(2).stderr(contains("shallow clone"));
}

/// A `git` on PATH that logs each call, then runs the real one.
fn logging_git(dir: &Path) -> PathBuf {
    let real = String::from_utf8(Process::new("sh").args(["-c", "command -v git"]).output().expect("sh").stdout)
        .expect("utf8");
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let script =
        format!("#!/bin/sh\necho \"$*\" >> '{}'\nexec '{}' \"$@\"\n", dir.join("calls.log").display(), real.trim());
    let path = bin.join("git");
    std::fs::write(&path, script).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    bin
}

#[test]
fn history_is_read_in_a_handful_of_git_calls_whatever_the_number_of_files() {
    let repo = Repo::new();
    for i in 0..60 {
        repo.write(&format!("engagements/north/e{i}.yaml"), &engagement(&format!("E{i}")));
    }
    repo.commit("2026-10-01", "base");
    for i in (0..60).step_by(2) {
        repo.write(
            &format!("engagements/north/e{i}.yaml"),
            &engagement(&format!("E{i}")).replace("status: amber", "status: red"),
        );
    }
    repo.commit("2026-11-01", "half red");
    let logs = tempfile::tempdir().expect("tmp");
    let bin = logging_git(logs.path());
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = repo
        .acctsum()
        .env("PATH", path)
        .args(["report", "--format", "json", "--since", "2026-10-15"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let changed =
        json["engagements"].as_array().expect("list").iter().filter(|e| !e["changes"]["status"].is_null()).count();
    assert_eq!(changed, 30);
    let calls = std::fs::read_to_string(logs.path().join("calls.log")).expect("log");
    assert!(calls.lines().count() <= 8, "git ran {} times:\n{calls}", calls.lines().count());
    assert_eq!(
        calls.lines().filter(|l| l.contains("cat-file --batch")).count(),
        1,
        "one batch for every blob: {calls}"
    );
}
