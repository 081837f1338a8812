//! Checking a set of files, in two stages: [`read`] reads, loads, validates and models
//! each file and runs the per-file rules, in parallel; [`finish`] runs the workspace-level
//! rules (cross-file, schema, `--since`) over the result, applies the configured
//! severities once and sorts once. [`check`] is both. Between the two the caller may work
//! out what the workspace rules need from the models (`--since` pairs files by them).

mod names;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use crate::digest::Digest;
use crate::document;
use crate::error::Result;
use crate::excerpt::Excerpt;
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
    /// The lines of its text that the snippets of its own findings show, when asked for
    /// ([`Options::keep_excerpts`]) and the file is UTF-8 text (empty when it has no
    /// finding); see [`Checked::snippet_text`].
    pub excerpt: Option<Excerpt>,
    /// The model of its valid parts; `None` when it could not be read as a mapping. Only
    /// what the workspace stage reads of it with [`Models::WorkspaceStage`].
    pub engagement: Option<Engagement>,
    /// The digest of its bytes; `None` when it could not be read.
    pub digest: Option<Digest>,
}

impl Checked {
    /// The text to draw the snippets of `findings` (about this file) from: the kept lines
    /// ([`Excerpt::text`]) when they hold the snippet of every one; otherwise (a finding of
    /// the workspace stage, about lines no finding of the file's own pointed at) the file
    /// read and loaded again, when its bytes are still those checked. `None` when no lines
    /// were kept (the file is not UTF-8 text, or none were asked for), or when the file
    /// cannot be read again or has changed since it was checked: no snippet is better than
    /// a wrong one.
    #[must_use]
    pub fn snippet_text<'a>(&self, findings: impl IntoIterator<Item = &'a Finding>) -> Option<String> {
        let excerpt = self.excerpt.as_ref()?;
        if findings.into_iter().all(|f| excerpt.covers(f.loc.offset)) {
            return Some(excerpt.text());
        }
        let bytes = read_limited(&self.source.path).ok()?;
        if self.digest != Some(Digest::of(&bytes)) {
            return None;
        }
        // The same bytes, loaded as they were checked: the same text.
        document::load(self.source.display.clone(), &bytes).doc.map(|doc| doc.text)
    }
}

/// The files after the per-file stage: their own findings, at the rules' default
/// severities, in no particular order. [`finish`] makes an [`Outcome`] of them.
#[derive(Debug)]
pub struct Files {
    /// As of this date.
    pub today: NaiveDate,
    /// Threads the stages after this one may use (at least 1).
    pub jobs: usize,
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
    /// Keep, of each file's text, the lines that the snippets of its own findings show
    /// ([`Checked::excerpt`]).
    pub keep_excerpts: bool,
    /// What to keep of each file's model past the per-file stage.
    pub models: Models,
    /// Threads to use (at least 1).
    pub jobs: usize,
}

/// What [`read`] keeps of each file's model for the stages after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Models {
    /// Every field: for the commands that render the model, and for `check --since`,
    /// which compares models with their versions at the base.
    Whole,
    /// What the workspace stage reads ([`Engagement::for_workspace_stage`]): for `check`,
    /// which renders findings only.
    WorkspaceStage,
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
/// [`check_bytes`] on it, on up to `options.jobs` threads, keeping what `options` asks.
#[must_use]
pub fn read(guide: &Guide, sources: &[Source], options: Options) -> Files {
    let ctx = Context { today: options.today, guide };
    let mut files = Vec::with_capacity(sources.len());
    let mut findings = Vec::new();
    let check = |source: &Source| check_one(source, &ctx, options);
    par_each(sources, options.jobs, check, |(checked, mut found): FileResult| {
        files.push(checked);
        findings.append(&mut found);
    });
    Files { today: options.today, jobs: options.jobs, files, findings }
}

/// The workspace stage: the workspace-level rules over every file with a model and
/// `facts`, then the configured severities, then the report order.
#[must_use]
pub fn finish(guide: &Guide, files: Files, facts: &WorkspaceFacts) -> Outcome {
    let Files { today, jobs, files, mut findings } = files;
    let ctx = Context { today, guide };
    let all: Vec<FileFacts<'_>> = files
        .iter()
        .filter_map(|f| Some(FileFacts { engagement: f.engagement.as_ref()?, digest: f.digest? }))
        .collect();
    findings.extend(rules::check_workspace(&all, facts, &ctx, jobs));
    let acknowledged = rules::settle(&mut findings, all.iter().map(|f| f.engagement), &ctx);
    crate::finding::sort(&mut findings);
    Outcome { files, findings, acknowledged }
}

/// Drops `value` on a thread of its own: freeing the models and findings of a large
/// workspace (hundreds of thousands of allocations) then costs the run nothing, as the
/// process may end meanwhile. Drops it here when no thread can be started.
pub fn drop_aside<T: Send + 'static>(value: T) {
    // A failed spawn drops the closure, and `value` with it, here; a started thread is
    // left to finish (or to end with the process).
    let _detached = std::thread::Builder::new().name("drop".into()).spawn(move || drop(value));
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
    let mut results = Vec::with_capacity(items.len());
    par_each(items, jobs, f, |r| results.push(r));
    results
}

/// `f` applied to every item as [`par_map`] does, each result handed to `each` on the
/// calling thread, in the items' order, as soon as those before it are: results are moved
/// once, and none is collected only to be copied again. The calling thread is one of the
/// workers, and takes in the others' results between its own items, so that no result
/// has to wake it.
pub fn par_each<T: Sync, R: Send>(items: &[T], jobs: usize, f: impl Fn(&T) -> R + Sync, mut each: impl FnMut(R)) {
    let jobs = workers(jobs, items.len(), default_jobs());
    if jobs == 1 {
        items.iter().map(f).for_each(each);
        return;
    }
    let (next, f) = (&AtomicUsize::new(0), &f);
    let (sender, results) = std::sync::mpsc::channel();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (1..jobs)
            .map(|_| {
                let sender = sender.clone();
                scope.spawn(move || {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        if sender.send((i, f(item))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        drop(sender);
        // A result that comes before those of earlier items waits for them (a few at most:
        // items are handed out in order).
        let mut early = BTreeMap::new();
        let mut due = 0;
        let mut hand_on = |early: &mut BTreeMap<usize, R>| {
            while let Some(result) = early.remove(&due) {
                each(result);
                due += 1;
            }
        };
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            early.insert(i, f(item));
            early.extend(results.try_iter());
            hand_on(&mut early);
        }
        for (i, result) in results {
            early.insert(i, result);
            hand_on(&mut early);
        }
        // A worker that panicked would lose its items: pass the panic on instead.
        for worker in workers {
            worker.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        }
    });
}

/// Writes to `out`, in the items' order, what `draw` makes of each item, the items drawn
/// on up to `jobs` threads ([`par_each`]): output made side by side, written as each part
/// is ready. After a failed draw or write, nothing more is written, and that error is
/// returned.
///
/// # Errors
/// The first error of `draw` or of writing.
pub fn write_in_order<T: Sync>(
    out: &mut dyn std::io::Write,
    items: &[T],
    jobs: usize,
    draw: impl Fn(&T) -> std::io::Result<Vec<u8>> + Sync,
) -> std::io::Result<()> {
    let mut written = Ok(());
    par_each(items, jobs, draw, |drawn| {
        if written.is_ok() {
            written = drawn.and_then(|drawn| out.write_all(&drawn));
        }
    });
    written
}

/// One file's result and its own findings.
type FileResult = (Checked, Vec<Finding>);

/// Reads and checks one file, keeping what `options` asks; one that is refused or cannot
/// be read gives its finding.
fn check_one(source: &Source, ctx: &Context<'_>, options: Options) -> FileResult {
    let bytes = match &source.refused {
        Some(why) => Err(why.clone()),
        None => read_limited(&source.path),
    };
    match bytes {
        Ok(bytes) => {
            let digest = Some(Digest::of(&bytes));
            let steps = Steps { rules: true, keep_text: options.keep_excerpts };
            let PerFile { engagement, mut findings, text } = check_owned(source.display.clone(), bytes, ctx, steps);
            // In report order already, so that ordering the whole run (files come in path
            // order) is mostly a pass over runs in order, and this part is done in parallel.
            findings.sort_by(Finding::order);
            let excerpt = text.map(|text| Excerpt::new(&text, findings.iter().map(|f| f.loc.offset)));
            let engagement = match options.models {
                Models::Whole => engagement,
                Models::WorkspaceStage => engagement.map(Engagement::for_workspace_stage),
            };
            (Checked { source: source.clone(), excerpt, engagement, digest }, findings)
        }
        Err(why) => {
            let finding = why.finding(source.display.clone());
            (Checked { source: source.clone(), excerpt: None, engagement: None, digest: None }, vec![finding])
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
    check_loaded(path.clone(), document::load(path, bytes), ctx, steps)
}

/// [`check_bytes`] on bytes it may keep as the document's text (no copy).
#[must_use]
pub fn check_owned(path: Arc<str>, bytes: Vec<u8>, ctx: &Context<'_>, steps: Steps) -> PerFile {
    check_loaded(path.clone(), document::load_owned(path, bytes), ctx, steps)
}

fn check_loaded(path: Arc<str>, loaded: document::Loaded, ctx: &Context<'_>, steps: Steps) -> PerFile {
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
    fn par_each_hands_on_every_result_once_in_the_items_order() {
        // Items of uneven cost, so that results come out of order.
        let items: Vec<u64> = (0..3_000).collect();
        let slow = |n: &u64| {
            std::hint::black_box((0..(n % 7) * 200).sum::<u64>());
            n * 2
        };
        for jobs in [1, 2, 3, 8] {
            let mut seen = Vec::new();
            par_each(&items, jobs, slow, |r| seen.push(r));
            assert_eq!(seen, items.iter().map(|n| n * 2).collect::<Vec<_>>(), "-j {jobs}");
        }
    }

    #[test]
    fn a_panic_in_any_worker_reaches_the_caller() {
        let items: Vec<u32> = (0..500).collect();
        for jobs in [2, 3] {
            let run = std::panic::catch_unwind(|| {
                par_each(&items, jobs, |&n| assert!(n != 321, "item {n}"), |()| {});
            });
            assert!(run.is_err(), "-j {jobs}");
        }
    }

    #[test]
    fn workers_are_capped_at_the_cores_and_the_items() {
        assert_eq!(workers(65_535, 10_000, 2), 2);
        assert_eq!(workers(65_535, 1, 8), 1);
        assert_eq!(workers(3, 100, 8), 3);
        assert_eq!(workers(0, 0, 0), 1);
        assert!(workers(usize::MAX, usize::MAX, default_jobs()) <= default_jobs());
    }
}
