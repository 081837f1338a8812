//! Trends for every engagement file of a workspace, as the site computes them: one pass
//! over git (`acctsum::history::trends`). Prints what it found.
//!
//! ```sh
//! cargo run --release --example trends -- DIR [--today YYYY-MM-DD] [--weeks N | --all]
//! ```
//!
//! The window ends on `--today` (default: the wall clock) and covers `--weeks` weeks
//! (default: the site's, `DEFAULT_TREND_WEEKS`); `--all` reads every version.
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use std::process::ExitCode;

use acctsum::engine::default_jobs;
use acctsum::git::Repo;
use acctsum::history::{DEFAULT_TREND_WEEKS, Tracked, trends, window_start};
use acctsum::workspace::Workspace;

fn run(dir: &Path, from: NaiveDate) -> acctsum::error::Result<String> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let ws = Workspace::discover(Some(dir), &cwd)?;
    let sources = ws.sources(&[], &cwd)?;
    let files: Vec<Tracked<'_>> = sources
        .iter()
        .filter_map(|s| Some(Tracked { path: s.path.strip_prefix(&ws.root).ok()?, shown: &s.display, current: None }))
        .collect();
    let repo = Repo::open(&ws.root)?;
    let found = trends(&repo, &files, &ws.guide, default_jobs(), from)?;
    let points: usize = found.trends.values().map(|t| t.points.len()).sum();
    let unread = found.trends.values().flat_map(|t| &t.points).filter(|p| p.unread.is_some()).count();
    Ok(format!(
        "from {from} (start {}): {} files, {points} points ({unread} unread), {} measures; own peak memory {}",
        found.start.as_ref().map_or("none", acctsum::git::Commit::short),
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

/// The directory and the window's first day, from the arguments.
fn args() -> Option<(PathBuf, NaiveDate)> {
    let mut args = std::env::args().skip(1);
    let (mut dir, mut today, mut weeks) = (None, chrono::Local::now().date_naive(), Some(DEFAULT_TREND_WEEKS));
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--today" => today = NaiveDate::parse_from_str(&args.next()?, "%Y-%m-%d").ok()?,
            "--weeks" => weeks = Some(args.next()?.parse().ok()?),
            "--all" => weeks = None,
            _ if dir.is_none() && !arg.starts_with('-') => dir = Some(PathBuf::from(arg)),
            _ => return None,
        }
    }
    Some((dir?, weeks.map_or(NaiveDate::MIN, |w| window_start(today, w))))
}

fn main() -> ExitCode {
    let Some((dir, from)) = args() else {
        eprintln!("usage: trends DIR [--today YYYY-MM-DD] [--weeks N | --all]");
        return ExitCode::from(2);
    };
    match run(&dir, from) {
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
