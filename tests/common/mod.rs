//! Helpers shared by the integration tests: run acctsum in-process with a fixed date.
#![allow(dead_code, unreachable_pub)]

pub mod canary;
pub mod files;

use std::path::Path;

use acctsum::cli::Cli;
use acctsum::run::{self, Io};
use clap::Parser;

/// The date every test runs as of.
pub const TODAY: &str = "2026-11-20";

/// The result of one in-process run.
pub struct Ran {
    /// The exit code.
    pub code: u8,
    /// What went to standard output.
    pub stdout: String,
    /// What went to standard error.
    pub stderr: String,
}

/// Runs `acctsum -C <ws> --today TODAY <args…>` in-process, from inside `ws`. With
/// `ACCTSUM_TEST_BIN` set, runs that binary instead: how a test is shown to fail on an
/// older acctsum (`ACCTSUM_TEST_BIN=/path/to/old/acctsum cargo test --test pack`).
pub fn acctsum(ws: &Path, args: &[&str]) -> Ran {
    acctsum_on(ws, TODAY, args)
}

/// [`acctsum`] as of another fixed date, `today` (`YYYY-MM-DD`).
pub fn acctsum_on(ws: &Path, today: &str, args: &[&str]) -> Ran {
    let ws_arg = ws.to_string_lossy().into_owned();
    let mut argv = vec!["acctsum", "-C", &ws_arg, "--today", today, "--color", "never"];
    argv.extend_from_slice(args);
    if let Some(bin) = std::env::var_os("ACCTSUM_TEST_BIN") {
        let out = std::process::Command::new(bin).args(&argv[1..]).current_dir(ws).output().expect("run");
        return Ran {
            code: out.status.code().and_then(|c| u8::try_from(c).ok()).unwrap_or(101),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
    }
    let cli = Cli::try_parse_from(&argv).unwrap_or_else(|e| panic!("bad test arguments {argv:?}: {e}"));
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut io = Io { out: &mut out, err: &mut err, out_terminal: false, width: Some(100), interactive: false };
    let code = run::main(&cli.invocation(), ws, &mut io).code();
    Ran { code, stdout: String::from_utf8_lossy(&out).into_owned(), stderr: String::from_utf8_lossy(&err).into_owned() }
}

/// A temporary workspace with `acctsum.yaml` holding `config` and the given files
/// (workspace-relative path, text).
pub fn workspace<P: AsRef<str>, T: AsRef<str>>(config: &str, files: &[(P, T)]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("acctsum.yaml"), config).expect("config");
    for (path, text) in files {
        let path = tmp.path().join(path.as_ref());
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text.as_ref()).expect("file");
    }
    tmp
}

/// Compares `actual` with the golden file at `path`; with `ACCTSUM_BLESS=1`, rewrites it.
pub fn golden(path: &Path, actual: &str) {
    if std::env::var_os("ACCTSUM_BLESS").is_some() {
        std::fs::write(path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(path)
        .unwrap_or_else(|_| panic!("{} is missing; run with ACCTSUM_BLESS=1 to create it", path.display()));
    if expected != actual {
        panic!(
            "{} differs from the output (run with ACCTSUM_BLESS=1 to accept):\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        );
    }
}

/// A git repository built by a test, with every commit's author, committer and dates
/// fixed, so that the same story gives the same history.
pub struct GitRepo {
    dir: tempfile::TempDir,
}

impl GitRepo {
    /// A new repository holding `acctsum.yaml` with `config` (not yet committed).
    pub fn new(config: &str) -> Self {
        let repo = Self { dir: tempfile::tempdir().expect("tmp") };
        repo.git(&["init", "-q", "-b", "main"]);
        repo.write("acctsum.yaml", config);
        repo
    }

    /// The repository's folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git in the repository, with no user or system configuration; its output.
    pub fn git(&self, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .current_dir(self.path())
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "A Lead")
            .env("GIT_AUTHOR_EMAIL", "lead@example.com")
            .env("GIT_COMMITTER_NAME", "A Lead")
            .env("GIT_COMMITTER_EMAIL", "lead@example.com")
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Writes a file (workspace-relative), creating its folders.
    pub fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// Replaces `from` (which must be there) with `to` in the file at `path`.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.path().join(path)).expect("read");
        assert!(text.contains(from), "{path} has no {from:?}");
        self.write(path, &text.replacen(from, to, 1));
    }

    /// Commits everything as of `date` (noon, UTC).
    pub fn commit(&self, date: &str, message: &str) {
        self.git(&["add", "-A"]);
        let stamp = format!("{date}T12:00:00+0000");
        let out = std::process::Command::new("git")
            .current_dir(self.path())
            .args(["commit", "-q", "--no-gpg-sign", "-m", message])
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "A Lead")
            .env("GIT_AUTHOR_EMAIL", "lead@example.com")
            .env("GIT_COMMITTER_NAME", "A Lead")
            .env("GIT_COMMITTER_EMAIL", "lead@example.com")
            .env("GIT_AUTHOR_DATE", &stamp)
            .env("GIT_COMMITTER_DATE", &stamp)
            .output()
            .expect("git commit");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }

    /// `text` with every commit id of the repository (full, and abbreviated to 10 hex
    /// digits as acctsum shows it) replaced by `<commit N>`, N counting from 1, oldest
    /// first: golden files do not depend on how git hashes.
    pub fn mask(&self, text: &str) -> String {
        let ids = self.git(&["rev-list", "--reverse", "--all"]);
        let mut out = text.to_owned();
        for (n, id) in ids.lines().enumerate() {
            out = out.replace(id, &format!("<commit {}>", n + 1)).replace(&id[..10], &format!("<commit {}>", n + 1));
        }
        out
    }
}
