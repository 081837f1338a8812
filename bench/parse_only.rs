//! The parse-only baseline: read every engagement file of a workspace and parse it with the
//! same YAML loader as `acctsum check`, on the same number of threads — nothing else.
//!
//! ```sh
//! cargo run --release --example parse_only -- DIR
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::path::PathBuf;
use std::sync::Arc;

use acctsum::engine::{default_jobs, par_map};
use acctsum::workspace::{Workspace, read_limited};

fn main() -> std::process::ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: parse_only DIR");
        return std::process::ExitCode::from(2);
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    let ws = match Workspace::discover(Some(&dir), &cwd) {
        Ok(ws) => ws,
        Err(e) => {
            eprintln!("parse_only: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let sources = match ws.sources(&[], &cwd) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("parse_only: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let nodes = par_map(&sources, default_jobs(), |s| {
        read_limited(&s.path)
            .map(|bytes| acctsum::document::load(Arc::clone(&s.display), &bytes).complete)
            .unwrap_or(false)
    });
    let complete = nodes.iter().filter(|c| **c).count();
    println!("parsed {} files ({complete} complete)", sources.len());
    std::process::ExitCode::SUCCESS
}
