//! Reading file versions from git with the limit files on disk have: a version over
//! [`MAX_FILE_BYTES`](document::MAX_FILE_BYTES) is never read, and versions are read a
//! bounded number of bytes at a time. A version read goes through the per-file pipeline
//! that `check` runs ([`engine::check_bytes`]).

use std::sync::Arc;

use crate::document;
use crate::engine;
use crate::error::Result;
use crate::finding::{Acknowledged, Finding, RuleId, RuleKind};
use crate::git::{Content, Object, Repo};
use crate::model::Engagement;
use crate::rules::{self, Context};

/// Most bytes of file versions in one chunk: one is parsed while the next is read, so
/// twice this is held at once (a file is at most 1 MiB).
const READ_BUDGET: usize = 8 << 20;

/// Why a version of a file has no model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unread {
    /// Larger than the limit for engagement files (its size in bytes): never read, as
    /// `file-too-large` for a file on disk.
    TooLarge(u64),
    /// A symbolic link or a submodule at that commit, not a file.
    NotAFile,
    /// The commit deleted the file.
    Deleted,
    /// Not in the repository (a shallow or partial clone).
    Missing,
    /// Read, but not a valid engagement file: the rule of its first structural finding
    /// (`syntax`, `not-utf8`, `invalid-type`, …; `acctsum check` on that version says more).
    Invalid(RuleId),
}

impl Unread {
    /// A word for outputs: `file-too-large`, `not-a-file`, `deleted`, `missing`, `invalid`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::TooLarge(_) => "file-too-large",
            Self::NotAFile => "not-a-file",
            Self::Deleted => "deleted",
            Self::Missing => "missing",
            Self::Invalid(_) => "invalid",
        }
    }

    /// The rule a check of that version would report: `file-too-large`, or an invalid
    /// version's first structural finding; `None` when there was no file to check.
    #[must_use]
    pub fn rule(self) -> Option<RuleId> {
        match self {
            Self::TooLarge(_) => Some(RuleId::FileTooLarge),
            Self::Invalid(rule) => Some(rule),
            Self::NotAFile | Self::Deleted | Self::Missing => None,
        }
    }

    /// Why, in one word for "could not be read: …": the rule when there is one
    /// ([`Unread::rule`]), else [`Unread::as_str`].
    #[must_use]
    pub fn reason(self) -> &'static str {
        self.rule().map_or_else(|| self.as_str(), RuleId::as_str)
    }

    /// An invalid version, from the findings of its check: the first structural finding
    /// in report order (`syntax` should there be none, which the pipeline does not do).
    #[must_use]
    pub fn invalid(findings: &[Finding]) -> Self {
        let first = findings.iter().filter(|f| f.rule.kind() == RuleKind::Structural).min_by(|a, b| a.order(b));
        Self::Invalid(first.map_or(RuleId::Syntax, |f| f.rule))
    }
}

/// A file version through the per-file pipeline as of `ctx.today`: the model of its valid
/// parts and its per-file findings, the guide's severities applied (a rule that is `off`
/// has none); or why it has no model.
///
/// # Errors
/// The reason the version could not be read, or [`Unread::Invalid`].
pub fn checked(
    path: &str,
    content: Result<&[u8], Unread>,
    ctx: &Context<'_>,
) -> Result<(Engagement, Vec<Finding>), Unread> {
    settled(path, content, ctx).map(|(engagement, findings, _)| (engagement, findings))
}

/// [`checked`], with the findings an acknowledgement in force (as of `ctx.today`) covered,
/// kept apart from the others.
///
/// # Errors
/// The reason the version could not be read, or [`Unread::Invalid`].
pub fn settled(
    path: &str,
    content: Result<&[u8], Unread>,
    ctx: &Context<'_>,
) -> Result<(Engagement, Vec<Finding>, Vec<Acknowledged>), Unread> {
    let engine::PerFile { engagement, mut findings, .. } =
        engine::check_bytes(Arc::from(path), content?, ctx, engine::Steps::ALL);
    let Some(engagement) = engagement else { return Err(Unread::invalid(&findings)) };
    let acknowledged = rules::settle(&mut findings, [&engagement], ctx);
    Ok((engagement, findings, acknowledged))
}

/// The model of a file version (valid parts only), or why it has none: [`checked`]
/// without the findings.
///
/// # Errors
/// The reason the version could not be read, or [`Unread::Invalid`].
pub fn model(path: &str, content: Result<&[u8], Unread>, ctx: &Context<'_>) -> Result<Engagement, Unread> {
    checked(path, content, ctx).map(|(engagement, _)| engagement)
}

/// Reads each object that can be read — a regular file up to
/// [`MAX_FILE_BYTES`](document::MAX_FILE_BYTES), sizes asked first — and hands `map` its
/// bytes or why there are none. Versions are read a bounded number of bytes at a time and
/// mapped on every core; `sink` gets the results in order.
pub(super) fn read_each<R: Send>(
    repo: &Repo,
    objects: &[&Object],
    map: impl Fn(usize, Result<&[u8], Unread>) -> R + Sync,
    sink: impl FnMut(usize, R),
) -> Result<()> {
    read_each_on(repo, objects, crate::engine::default_jobs(), map, sink)
}

/// Versions read so far, each at its index: its bytes, or why there are none.
type Chunk = Vec<(usize, Result<Vec<u8>, Unread>)>;

/// [`read_each`] on up to `jobs` threads. Each chunk is mapped on other threads while the
/// next is read from git, so that neither waits for the other; two chunks of
/// [`READ_BUDGET`] bytes at most are held at once. Versions are read, and freed, on the
/// calling thread.
pub(super) fn read_each_on<R: Send>(
    repo: &Repo,
    objects: &[&Object],
    jobs: usize,
    map: impl Fn(usize, Result<&[u8], Unread>) -> R + Sync,
    mut sink: impl FnMut(usize, R),
) -> Result<()> {
    let unknown: Vec<&str> = objects
        .iter()
        .filter_map(|o| match o {
            Object::File { id, size: None } => Some(id.as_str()),
            _ => None,
        })
        .collect();
    let mut asked = repo.sizes(&unknown)?.into_iter();
    let limit = document::MAX_FILE_BYTES as u64;
    let plan: Vec<Result<&str, Unread>> = objects
        .iter()
        .map(|o| match o {
            Object::File { id, size } => match size.or_else(|| asked.next().flatten()) {
                None => Err(Unread::Missing),
                Some(size) if size > limit => Err(Unread::TooLarge(size)),
                Some(_) => Ok(id.as_str()),
            },
            Object::Other => Err(Unread::NotAFile),
            Object::Deleted => Err(Unread::Deleted),
        })
        .collect();
    let wanted: Vec<(usize, &str)> =
        plan.iter().enumerate().filter_map(|(i, p)| Some((i, *p.as_ref().ok()?))).collect();
    let ids: Vec<&str> = wanted.iter().map(|(_, id)| *id).collect();
    let (plan, wanted, ids) = (&plan, &wanted, &ids);
    // Those that are not read take their turn in order, between those that are.
    let queue_unread = |chunk: &mut Chunk, next: &mut usize, upto: usize| {
        while *next < upto {
            if let Err(why) = plan[*next] {
                chunk.push((*next, Err(why)));
            }
            *next += 1;
        }
    };
    let map = &map;
    std::thread::scope(|scope| {
        // The chunk being mapped while the next is read, and what mapping it gives.
        let mut mapping: Option<std::thread::ScopedJoinHandle<'_, (Chunk, Vec<R>)>> = None;
        let mut hand_over = |chunk: Chunk, sink: &mut dyn FnMut(usize, R)| {
            if let Some((done, results)) = mapping.take().map(join) {
                for ((i, _), r) in done.iter().zip(results) {
                    sink(*i, r);
                }
            }
            mapping = (!chunk.is_empty()).then(|| {
                scope.spawn(move || {
                    let results = crate::engine::par_map(&chunk, jobs, |(i, content)| {
                        map(*i, content.as_deref().map_err(|w| *w))
                    });
                    (chunk, results)
                })
            });
        };
        let (mut chunk, mut held, mut next) = (Chunk::new(), 0, 0);
        repo.read_blobs(ids, limit, |k, content| {
            let i = wanted[k].0;
            queue_unread(&mut chunk, &mut next, i);
            let content = match content {
                Content::Bytes(bytes) => Ok(bytes),
                Content::TooLarge(size) => Err(Unread::TooLarge(size)),
                Content::Missing => Err(Unread::Missing),
            };
            held += content.as_ref().map_or(0, Vec::len);
            chunk.push((i, content));
            next = i + 1;
            if held >= READ_BUDGET {
                hand_over(std::mem::take(&mut chunk), &mut sink);
                held = 0;
            }
            Ok(())
        })?;
        queue_unread(&mut chunk, &mut next, plan.len());
        hand_over(chunk, &mut sink);
        hand_over(Chunk::new(), &mut sink);
        Ok(())
    })
}

/// The result of a thread, its panic passed on.
fn join<T>(thread: std::thread::ScopedJoinHandle<'_, T>) -> T {
    thread.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}
