//! Checking a set of files: read, load, validate, model and per-file rules in parallel,
//! then the cross-file rules, then severities — the pipeline behind `check` and `report`.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::NaiveDate;

use crate::document;
use crate::error::Result;
use crate::finding::Finding;
use crate::guide::Guide;
use crate::model::Engagement;
use crate::rules::{self, Context};
use crate::validate;
use crate::workspace::{Source, read_limited};

/// One checked file.
#[derive(Debug)]
pub struct Checked {
    /// The file.
    pub source: Source,
    /// Its text, when asked for (for snippets) and the file is UTF-8.
    pub text: Option<String>,
    /// The model of its valid parts; `None` when it could not be read as a mapping.
    pub engagement: Option<Engagement>,
}

/// The result of checking a set of files.
#[derive(Debug)]
pub struct Outcome {
    /// Every file, in path order.
    pub files: Vec<Checked>,
    /// Every finding, severities applied, in report order.
    pub findings: Vec<Finding>,
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

/// Checks `sources` against `guide`. A file that is refused or cannot be read is an
/// `unreadable` finding (and has no model); the other files are still checked.
///
/// # Errors
/// None at present: no file's problem stops the run. The `Result` leaves room for
/// failures of the run as a whole without changing every caller.
pub fn check(guide: &Guide, sources: &[Source], options: Options) -> Result<Outcome> {
    let ctx = Context { today: options.today, guide };
    let results = par_map(sources, options.jobs, |source| check_one(source, &ctx, options.keep_text));
    let mut files = Vec::with_capacity(results.len());
    let mut findings = Vec::new();
    for (checked, mut found) in results {
        files.push(checked);
        findings.append(&mut found);
    }
    let all: Vec<&Engagement> = files.iter().filter_map(|f| f.engagement.as_ref()).collect();
    findings.extend(rules::check_across(&all, &ctx));
    rules::apply_severities(&mut findings, guide);
    findings.sort_by(Finding::order);
    Ok(Outcome { files, findings })
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
fn check_one(source: &Source, ctx: &Context<'_>, keep_text: bool) -> FileResult {
    let bytes = match &source.refused {
        Some(why) => Err(why.clone()),
        None => read_limited(&source.path),
    };
    match bytes {
        Ok(bytes) => {
            let (engagement, findings, text) = check_bytes(source.display.clone(), &bytes, ctx, keep_text);
            (Checked { source: source.clone(), text, engagement }, findings)
        }
        Err(why) => {
            let finding = why.finding(source.display.clone());
            (Checked { source: source.clone(), text: None, engagement: None }, vec![finding])
        }
    }
}

/// Checks one file's bytes: load, validate, model, per-file rules (severities not yet
/// applied). Returns the model of its valid parts, the findings, and (with `keep_text`)
/// the text. This is the whole per-file pipeline, which the fuzz target drives too.
#[must_use]
pub fn check_bytes(
    path: Arc<str>,
    bytes: &[u8],
    ctx: &Context<'_>,
    keep_text: bool,
) -> (Option<Engagement>, Vec<Finding>, Option<String>) {
    let loaded = document::load(path.clone(), bytes);
    let mut findings = loaded.findings;
    let mut engagement = None;
    if let (Some(doc), true) = (&loaded.doc, loaded.complete) {
        let (rec, mut structural) = validate::engagement(doc, ctx.guide);
        findings.append(&mut structural);
        if let Some(rec) = rec {
            let eng = Engagement::from_rec(path, rec);
            findings.extend(rules::check_engagement(&eng, ctx));
            engagement = Some(eng);
        }
    }
    let text = if keep_text { loaded.doc.map(|d| d.text) } else { None };
    (engagement, findings, text)
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
