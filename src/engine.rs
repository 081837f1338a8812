//! Checking a set of files, in two stages: [`read`] reads, loads, validates and models
//! each file and runs the per-file rules, in parallel; [`finish`] runs the workspace-level
//! rules (cross-file, schema, `--since`) over the result, applies the configured
//! severities once and sorts once. [`check`] is both. Between the two the caller may work
//! out what the workspace rules need from the models (`--since` pairs files by them).

mod names;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use crate::digest::Digest;
use crate::document;
use crate::error::Result;
use crate::facts::WorkspaceFacts;
use crate::finding::{Acknowledged, Finding};
use crate::guide::Guide;
use crate::model::Engagement;
use crate::rules::{self, Context, FileFacts};
use crate::validate;
use crate::workspace::{Source, read_limited};

pub use self::names::{Named, names};

/// One checked file.
#[derive(Debug)]
pub struct Checked {
    /// The file.
    pub source: Source,
    /// Its text, when asked for (for snippets) and the file is UTF-8.
    pub text: Option<String>,
    /// The model of its valid parts; `None` when it could not be read as a mapping.
    pub engagement: Option<Engagement>,
    /// The digest of its bytes; `None` when it could not be read.
    pub digest: Option<Digest>,
}

/// The files after the per-file stage: their own findings, at the rules' default
/// severities, in no particular order. [`finish`] makes an [`Outcome`] of them.
#[derive(Debug)]
pub struct Files {
    /// As of this date.
    pub today: NaiveDate,
    /// Every file, in path order.
    pub files: Vec<Checked>,
    /// Every file's own findings.
    pub findings: Vec<Finding>,
}

/// The result of checking a set of files.
#[derive(Debug)]
pub struct Outcome {
    /// Every file, in path order.
    pub files: Vec<Checked>,
    /// Every finding, severities applied, in report order.
    pub findings: Vec<Finding>,
    /// The findings an acknowledgement in force covers, in report order; in no count.
    pub acknowledged: Vec<Acknowledged>,
}

/// What to keep and how to work.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Today's date.
    pub today: NaiveDate,
    /// Keep each file's text (for snippets).
    pub keep_text: bool,
    /// Threads to use (at least 1).
    pub jobs: usize,
}

/// The default number of threads: one per core.
#[must_use]
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
}

/// Checks `sources` against `guide`: [`read`], then [`finish`] with `facts`. A file that
/// is refused or cannot be read is an `unreadable` finding (and has no model); the other
/// files are still checked.
///
/// # Errors
/// None at present: no file's problem stops the run. The `Result` leaves room for
/// failures of the run as a whole without changing every caller.
pub fn check(guide: &Guide, sources: &[Source], options: Options, facts: &WorkspaceFacts) -> Result<Outcome> {
    Ok(finish(guide, read(guide, sources, options), facts))
}

/// The per-file stage: reads every file (each once, hashing its bytes on the way) and runs
/// [`check_bytes`] on it, on up to `options.jobs` threads.
#[must_use]
pub fn read(guide: &Guide, sources: &[Source], options: Options) -> Files {
    let ctx = Context { today: options.today, guide };
    let steps = Steps { rules: true, keep_text: options.keep_text };
    let results = par_map(sources, options.jobs, |source| check_one(source, &ctx, steps));
    let mut files = Vec::with_capacity(results.len());
    let mut findings = Vec::new();
    for (checked, mut found) in results {
        files.push(checked);
        findings.append(&mut found);
    }
    Files { today: options.today, files, findings }
}

/// The workspace stage: the workspace-level rules over every file with a model and
/// `facts`, then the configured severities, then the report order.
#[must_use]
pub fn finish(guide: &Guide, files: Files, facts: &WorkspaceFacts) -> Outcome {
    let Files { today, files, mut findings } = files;
    let ctx = Context { today, guide };
    let all: Vec<FileFacts<'_>> = files
        .iter()
        .filter_map(|f| Some(FileFacts { engagement: f.engagement.as_ref()?, digest: f.digest? }))
        .collect();
    findings.extend(rules::check_workspace(&all, facts, &ctx));
    let acknowledged = rules::settle(&mut findings, all.iter().map(|f| f.engagement), &ctx);
    findings.sort_by(Finding::order);
    Outcome { files, findings, acknowledged }
}

/// How many threads to run for `items` items when `jobs` are asked for on a machine that
/// runs `cores` at once: at least 1, and no more than either of the others. More threads
/// than cores buy nothing, and a thread per file can exceed a process limit.
#[must_use]
pub fn workers(jobs: usize, items: usize, cores: usize) -> usize {
    jobs.min(items).min(cores).max(1)
}

/// `f` applied to every item on up to `jobs` threads, never more than the machine's cores
/// (work is handed out one item at a time, so a slow file does not hold up a whole share),
/// results in the items' order.
pub fn par_map<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let jobs = workers(jobs, items.len(), default_jobs());
    if jobs == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        // A worker that panicked would lose its items: pass the panic on instead.
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// One file's result and its own findings.
type FileResult = (Checked, Vec<Finding>);

/// Reads and checks one file; one that is refused or cannot be read gives its finding.
fn check_one(source: &Source, ctx: &Context<'_>, steps: Steps) -> FileResult {
    let bytes = match &source.refused {
        Some(why) => Err(why.clone()),
        None => read_limited(&source.path),
    };
    match bytes {
        Ok(bytes) => {
            let digest = Some(Digest::of(&bytes));
            let PerFile { engagement, findings, text } = check_bytes(source.display.clone(), &bytes, ctx, steps);
            (Checked { source: source.clone(), text, engagement, digest }, findings)
        }
        Err(why) => {
            let finding = why.finding(source.display.clone());
            (Checked { source: source.clone(), text: None, engagement: None, digest: None }, vec![finding])
        }
    }
}

/// Which steps of the per-file pipeline [`check_bytes`] runs, and what it keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Steps {
    /// Run the per-file content rules (else only the structural checks).
    pub rules: bool,
    /// Keep the file's text (for snippets).
    pub keep_text: bool,
}

impl Steps {
    /// Everything `check` does to a file, without keeping its text.
    pub const ALL: Steps = Steps { rules: true, keep_text: false };
    /// The model and the structural findings only: no content rules.
    pub const MODEL: Steps = Steps { rules: false, keep_text: false };
}

/// One file's bytes through the per-file pipeline.
#[derive(Debug, Default)]
pub struct PerFile {
    /// The model of its valid parts; `None` when it could not be read as a mapping.
    pub engagement: Option<Engagement>,
    /// Its findings, at the rules' default severities (see [`rules::apply_severities`]).
    pub findings: Vec<Finding>,
    /// Its text, with [`Steps::keep_text`], when it is UTF-8.
    pub text: Option<String>,
}

/// THE per-file pipeline: load, validate, model and (with [`Steps::rules`]) the per-file
/// rules, as of `ctx.today`. Severities are not applied yet ([`finish`] does that for a
/// workspace; a caller with one file applies [`rules::apply_severities`]). Used by
/// `check` and `report` (through [`read`]), by `history` for old versions, by the rule
/// tests and by the fuzz targets.
#[must_use]
pub fn check_bytes(path: Arc<str>, bytes: &[u8], ctx: &Context<'_>, steps: Steps) -> PerFile {
    let loaded = document::load(path.clone(), bytes);
    let mut findings = loaded.findings;
    let mut engagement = None;
    if let Some(doc) = &loaded.doc {
        validate::name_duplicate_keys(doc, &mut findings);
    }
    if let (Some(doc), true) = (&loaded.doc, loaded.complete) {
        let (rec, mut structural) = validate::engagement(doc, ctx.guide);
        findings.append(&mut structural);
        if let Some(rec) = rec {
            let eng = Engagement::from_rec(path, rec);
            if steps.rules {
                findings.extend(rules::check_engagement(&eng, ctx));
            }
            engagement = Some(eng);
        }
    }
    let text = if steps.keep_text { loaded.doc.map(|d| d.text) } else { None };
    PerFile { engagement, findings, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_are_capped_at_the_cores_and_the_items() {
        assert_eq!(workers(65_535, 10_000, 2), 2);
        assert_eq!(workers(65_535, 1, 8), 1);
        assert_eq!(workers(3, 100, 8), 3);
        assert_eq!(workers(0, 0, 0), 1);
        assert!(workers(usize::MAX, usize::MAX, default_jobs()) <= default_jobs());
    }
}
