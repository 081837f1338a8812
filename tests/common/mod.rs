//! Helpers shared by the integration tests: run acctsum in-process with a fixed date.
#![allow(dead_code, unreachable_pub)]

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

/// Runs `acctsum -C <ws> --today TODAY <args…>` in-process, from inside `ws`.
pub fn acctsum(ws: &Path, args: &[&str]) -> Ran {
    let ws_arg = ws.to_string_lossy().into_owned();
    let mut argv = vec!["acctsum", "-C", &ws_arg, "--today", TODAY, "--color", "never"];
    argv.extend_from_slice(args);
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
