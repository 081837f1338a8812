//! What `check --format human` adds over `--format short`, alone: checks a workspace once
//! (untimed), then times drawing its findings as `human` and as `short` into memory, each
//! once, and prints both and the difference per finding (issue 16: human's own cost
//! ≤ 0.15 s on 2 cores for the 10,000-file corpus's 71,000 findings).
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
    let options = Options { today, keep_text: true, jobs: default_jobs() };
    let facts = WorkspaceFacts { schema: ws.schema_state(), ..WorkspaceFacts::default() };
    let Ok(outcome) = engine::check(&ws.guide, &sources, options, &facts) else {
        return std::process::ExitCode::FAILURE;
    };
    let texts: HashMap<&str, &str> =
        outcome.files.iter().filter_map(|f| Some((&*f.source.display, f.text.as_deref()?))).collect();
    let style = Style { color, width: 100, fit: false };
    let mut out = Vec::with_capacity(64 << 20);
    let start = Instant::now();
    let drawn = render::human::findings(&mut out, &outcome.findings, &texts, style);
    let human = start.elapsed().as_secs_f64();
    let bytes = out.len();
    out.clear();
    let start = Instant::now();
    let listed = render::short::findings(&mut out, &outcome.findings);
    let short = start.elapsed().as_secs_f64();
    if let Err(e) = drawn.and(listed) {
        eprintln!("human_only: {e}");
        return std::process::ExitCode::FAILURE;
    }
    let n = outcome.findings.len().max(1);
    #[allow(clippy::cast_precision_loss)]
    let per = (human - short) * 1e6 / n as f64;
    println!("{n} findings, {bytes} bytes: human {human:.3} s, short {short:.3} s, human's own {per:.2} µs a finding");
    std::process::ExitCode::SUCCESS
}
