//! Golden files per output format, on the workspace in `tests/golden/workspace`.
//! Regenerate with `ACCTSUM_BLESS=1 cargo test --test golden` and review the diff.

mod common;

use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check_format(format: &str, file: &str) {
    let ran = common::acctsum(&dir().join("workspace"), &["check", "--format", format]);
    assert_eq!(ran.code, 1, "the golden workspace has errors: {}", ran.stderr);
    assert_eq!(ran.stderr, "");
    common::golden(&dir().join(file), &ran.stdout);
}

#[test]
fn check_human() {
    check_format("human", "check.human");
}

#[test]
fn check_short() {
    check_format("short", "check.short");
}

#[test]
fn check_json() {
    check_format("json", "check.json");
}

#[test]
fn check_github() {
    check_format("github", "check.github");
}

#[test]
fn check_sarif() {
    check_format("sarif", "check.sarif");
}
