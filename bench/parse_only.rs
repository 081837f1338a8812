//! The parse-only baseline: read every engagement file of a workspace and parse it with the
//! same YAML loader as `acctsum check`, on the same number of threads — nothing else.
//!
//! ```sh
//! cargo run --release --example parse_only -- DIR
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::sync::Arc;

#[path = "workspace_arg.rs"]
mod workspace_arg;

use acctsum::engine::{default_jobs, par_map};
use acctsum::workspace::read_limited;

fn main() -> std::process::ExitCode {
    let sources = match workspace_arg::sources("parse_only") {
        Ok(sources) => sources,
        Err(code) => return code,
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
