//! The events-only baseline: read every engagement file of a workspace and run
//! granit-parser over it with the options `acctsum check` uses, on the same number of
//! threads, counting its events — no tree, no validation. What `check` adds on top of the
//! YAML parser is its time over this one's (issue 16's target: ≤ 1.25×).
//!
//! ```sh
//! cargo run --release --example events_only -- DIR
//! ```
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

#[path = "workspace_arg.rs"]
mod workspace_arg;

use acctsum::engine::{default_jobs, par_map};
use acctsum::workspace::read_limited;
use granit_parser::Parser;

fn main() -> std::process::ExitCode {
    let sources = match workspace_arg::sources("events_only") {
        Ok(sources) => sources,
        Err(code) => return code,
    };
    let counts = par_map(&sources, default_jobs(), |s| {
        let Ok(bytes) = read_limited(&s.path) else { return 0 };
        let Ok(text) = std::str::from_utf8(&bytes) else { return 0 };
        let options = granit_parser::options! { emit_comments: false, strict_indentation: true };
        Parser::new_from_str_with_options(text, options).map_while(Result::ok).count()
    });
    println!("{} files, {} events", sources.len(), counts.iter().sum::<usize>());
    std::process::ExitCode::SUCCESS
}
