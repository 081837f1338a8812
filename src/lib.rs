//! acctsum: check, summarise and report consulting **Account Summaries** kept as YAML
//! files in a git repository.
//!
//! Data flows one way: command line ([`cli`], made into [`options`]) → workspace
//! ([`workspace`], [`guide`]) → documents ([`document`]) → structural findings and the
//! model ([`validate`], [`model`]) → content rules ([`rules`], run by the [`engine`]: per
//! file, then over the workspace with [`facts`] the caller gathered) → the report
//! ([`report`]) → the view model every output draws ([`view`]) → renderers ([`render`]). Only the renderers write output, and only
//! [`cli`] knows the command-line parser.
#![warn(clippy::print_stdout, clippy::print_stderr)]

/// Everything built on this crate — the binary, the benchmarks' baselines, the tests —
/// allocates with jemalloc (feature `jemalloc`, on by default). A check makes some 260
/// small allocations per file on every thread: on 10,000 files jemalloc takes 10–15 %
/// less time than glibc's allocator, and about a third of the time of musl's, which the
/// static Linux binaries would otherwise ship with (BENCHMARKS.md). Not on Windows
/// (jemalloc does not build with MSVC); a crate with an allocator of its own (the fuzz
/// targets, whose sanitizer watches the system one) turns the feature off.
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

pub mod audience;
pub mod choice;
pub mod cli;
pub mod digest;
pub mod document;
pub mod engine;
pub mod error;
pub mod excerpt;
pub mod exit;
pub mod explain;
pub mod facts;
pub mod field_path;
pub mod finding;
pub mod format;
pub mod fuzzing;
pub mod git;
pub mod good;
pub mod guide;
pub mod history;
pub mod model;
pub mod name_key;
pub mod new;
pub mod options;
pub mod output;
pub mod prompt;
pub mod render;
pub mod report;
pub mod review;
pub mod rules;
pub mod run;
pub mod scaffold;
pub mod schema;
pub mod scope;
pub mod site;
pub mod slug;
pub mod suggest;
pub mod unreadable;
pub mod validate;
pub mod view;
pub mod workspace;
