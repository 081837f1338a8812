//! Trends for every engagement file of a workspace, as the site computes them: one pass
//! over git (`acctsum::history::trends`), every version parsed. Prints what it found.
//!
//! ```sh
//! cargo run --release --example trends -- DIR
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use acctsum::engine::default_jobs;
use acctsum::git::Repo;
use acctsum::history::{Tracked, trends};
use acctsum::workspace::Workspace;

fn run(dir: &Path) -> acctsum::error::Result<String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let ws = Workspace::discover(Some(dir), &cwd)?;
    let sources = ws.sources(&[], &cwd)?;
    let files: Vec<Tracked<'_>> = sources
        .iter()
        .filter_map(|s| Some(Tracked { path: s.path.strip_prefix(&ws.root).ok()?, shown: &s.display }))
        .collect();
    let repo = Repo::open(&ws.root)?;
    let found = trends(&repo, &files, &ws.guide, default_jobs())?;
    let points: usize = found.trends.values().map(|t| t.points.len()).sum();
    let unread = found.trends.values().flat_map(|t| &t.points).filter(|p| p.unread.is_some()).count();
    Ok(format!(
        "{} files, {points} points ({unread} unread), {} measures; own peak memory {}",
        files.len(),
        found.measures.len(),
        own_peak()
    ))
}

/// This process's own peak resident memory (Linux), without git's: `/usr/bin/time` reports
/// the largest of the process and its children, and `git cat-file` maps the pack.
fn own_peak() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().find_map(|l| l.strip_prefix("VmHWM:")).map_or_else(|| "unknown".to_owned(), |v| v.trim().to_owned())
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: trends DIR");
        return ExitCode::from(2);
    };
    match run(&dir) {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("trends: {e}");
            ExitCode::from(2)
        }
    }
}
