//! Checking a set of files: read, load, validate, model and per-file rules in parallel,
//! then the cross-file rules, then severities — the pipeline behind `check` and `report`.

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

/// Checks `sources` against `guide`.
///
/// # Errors
/// When a file cannot be read.
pub fn check(guide: &Guide, sources: &[Source], options: Options) -> Result<Outcome> {
    let ctx = Context { today: options.today, guide };
    let jobs = options.jobs.clamp(1, sources.len().max(1));
    let mut results: Vec<(usize, Result<FileResult>)> = if jobs == 1 {
        sources.iter().enumerate().map(|(i, s)| (i, check_one(s, &ctx, options.keep_text))).collect()
    } else {
        let next = AtomicUsize::new(0);
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..jobs)
                .map(|_| {
                    scope.spawn(|| {
                        let mut done = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(source) = sources.get(i) else { break };
                            done.push((i, check_one(source, &ctx, options.keep_text)));
                        }
                        done
                    })
                })
                .collect();
            workers.into_iter().flat_map(|w| w.join().unwrap_or_default()).collect()
        })
    };
    results.sort_by_key(|(i, _)| *i);
    let mut files = Vec::with_capacity(results.len());
    let mut findings = Vec::new();
    for (_, result) in results {
        let (checked, mut found) = result?;
        files.push(checked);
        findings.append(&mut found);
    }
    let all: Vec<&Engagement> = files.iter().filter_map(|f| f.engagement.as_ref()).collect();
    findings.extend(rules::check_across(&all, &ctx));
    rules::apply_severities(&mut findings, guide);
    findings.sort_by(Finding::order);
    Ok(Outcome { files, findings })
}

/// One file's result and its own findings.
type FileResult = (Checked, Vec<Finding>);

/// Reads and checks one file.
fn check_one(source: &Source, ctx: &Context<'_>, keep_text: bool) -> Result<FileResult> {
    let bytes = read_limited(&source.path)?;
    let loaded = document::load(source.display.clone(), &bytes);
    let mut findings = loaded.findings;
    let mut engagement = None;
    if let (Some(doc), true) = (&loaded.doc, loaded.complete) {
        let (rec, mut structural) = validate::engagement(doc, ctx.guide);
        findings.append(&mut structural);
        if let Some(rec) = rec {
            let eng = Engagement::from_rec(source.display.clone(), &rec);
            findings.extend(rules::check_engagement(&eng, ctx));
            engagement = Some(eng);
        }
    }
    let text = if keep_text { loaded.doc.map(|d| d.text) } else { None };
    Ok((Checked { source: source.clone(), text, engagement }, findings))
}
