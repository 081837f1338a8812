//! What `check --format human` adds over `--format short`, alone: checks a workspace once
//! (untimed), then times drawing its findings as `human` and as `short` into memory, each
//! once, and prints both and the difference per finding (issue 16: human's own cost
//! ≤ 0.15 s on 2 cores for the 10,000-file corpus's 71,000 findings). Times are wall
//! clock and, on Linux, the time on a CPU (`/proc/thread-self/schedstat`), which a busy
//! machine disturbs less.
//!
//! ```sh
//! cargo run --release --example human_only -- DIR [--color]
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use acctsum::engine::{self, Options, default_jobs};
use acctsum::facts::WorkspaceFacts;
use acctsum::render::{self, Style};
use acctsum::workspace::Workspace;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: human_only DIR [--color]");
        return std::process::ExitCode::from(2);
    };
    let color = args.next().as_deref() == Some("--color");
    let cwd = std::env::current_dir().unwrap_or_default();
    let (ws, sources) = match Workspace::discover(Some(&dir), &cwd).and_then(|ws| Ok((ws.sources(&[], &cwd)?, ws))) {
        Ok((sources, ws)) => (ws, sources),
        Err(e) => {
            eprintln!("human_only: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default();
    let options = Options { today, keep_excerpts: false, models: engine::Models::WorkspaceStage, jobs: default_jobs() };
    let facts = WorkspaceFacts { schema: ws.schema_state(), ..WorkspaceFacts::default() };
    let Ok(outcome) = engine::check(&ws.guide, &sources, options, &facts) else {
        return std::process::ExitCode::FAILURE;
    };
    // Every file's whole text, read again: only the drawing is timed.
    let whole: Vec<(&str, String)> = outcome
        .files
        .iter()
        .filter_map(|f| Some((&*f.source.display, std::fs::read_to_string(&f.source.path).ok()?)))
        .collect();
    let texts: HashMap<&str, &str> = whole.iter().map(|(path, text)| (*path, text.as_str())).collect();
    let style = Style { color, width: 100, fit: false };
    let mut out = Vec::with_capacity(64 << 20);
    let (wall, cpu) = (Instant::now(), on_cpu());
    let drawn = render::human::findings(&mut out, &outcome.findings, &texts, style);
    let human = (wall.elapsed().as_secs_f64(), on_cpu() - cpu);
    let bytes = out.len();
    out.clear();
    let (wall, cpu) = (Instant::now(), on_cpu());
    let listed = render::short::findings(&mut out, &outcome.findings, 1);
    let short = (wall.elapsed().as_secs_f64(), on_cpu() - cpu);
    if let Err(e) = drawn.and(listed) {
        eprintln!("human_only: {e}");
        return std::process::ExitCode::FAILURE;
    }
    #[allow(clippy::cast_precision_loss)]
    let n = outcome.findings.len().max(1) as f64;
    println!(
        "{n} findings, {bytes} bytes: human {:.3} s ({:.3} s on a CPU), short {:.3} s ({:.3} s); \
         human's own {:.2} µs a finding ({:.2} µs on a CPU)",
        human.0,
        human.1,
        short.0,
        short.1,
        (human.0 - short.0) * 1e6 / n,
        (human.1 - short.1) * 1e6 / n,
    );
    std::process::ExitCode::SUCCESS
}

/// Seconds this thread has spent on a CPU (0 where Linux's schedstat is not to be read).
fn on_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    #[allow(clippy::cast_precision_loss)]
    let ns = stat.split_whitespace().next().and_then(|n| n.parse::<u64>().ok()).unwrap_or(0) as f64;
    ns / 1e9
}
