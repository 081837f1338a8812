//! Reading file versions from git with the limit files on disk have: a version over
//! [`MAX_FILE_BYTES`](document::MAX_FILE_BYTES) is never read, and versions are read a
//! bounded number of bytes at a time.

use std::sync::Arc;

use crate::document;
use crate::error::Result;
use crate::git::{Content, Object, Repo};
use crate::guide::Guide;
use crate::model::Engagement;
use crate::validate;

/// Most bytes of file versions held at once while they are parsed (a few files on each
/// thread; one file is at most 1 MiB).
const READ_BUDGET: usize = 32 << 20;

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
    /// Read, but not a valid engagement file (`acctsum check` on that version says why).
    Invalid,
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
            Self::Invalid => "invalid",
        }
    }
}

/// The model of a file version (valid parts only), or why it has none.
///
/// # Errors
/// The reason the version could not be read, or [`Unread::Invalid`].
pub fn model(path: &str, content: Result<&[u8], Unread>, guide: &Guide) -> Result<Engagement, Unread> {
    let loaded = document::load(Arc::from(path), content?);
    let doc = loaded.doc.filter(|_| loaded.complete).ok_or(Unread::Invalid)?;
    let (rec, _) = validate::engagement(&doc, guide);
    Ok(Engagement::from_rec(doc.path.clone(), rec.ok_or(Unread::Invalid)?))
}

/// Reads each object that can be read — a regular file up to
/// [`MAX_FILE_BYTES`](document::MAX_FILE_BYTES), sizes asked first — and hands `map` its
/// bytes or why there are none. Versions are read a bounded number of bytes at a time and
/// mapped on every core; `sink` gets the results in order.
pub(super) fn read_each<R: Send>(
    repo: &Repo,
    objects: &[&Object],
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
    let jobs = crate::engine::default_jobs();
    let flush = |chunk: &mut Vec<(usize, Result<Vec<u8>, Unread>)>, sink: &mut dyn FnMut(usize, R)| {
        let done = crate::engine::par_map(chunk, jobs, |(i, content)| map(*i, content.as_deref().map_err(|w| *w)));
        for ((i, _), r) in chunk.iter().zip(done) {
            sink(*i, r);
        }
        chunk.clear();
    };
    let mut chunk: Vec<(usize, Result<Vec<u8>, Unread>)> = Vec::new();
    let mut held = 0;
    let mut next = 0;
    // Those that are not read take their turn in order, between those that are.
    let queue_unread = |chunk: &mut Vec<(usize, Result<Vec<u8>, Unread>)>, next: &mut usize, upto: usize| {
        while *next < upto {
            if let Err(why) = plan[*next] {
                chunk.push((*next, Err(why)));
            }
            *next += 1;
        }
    };
    repo.read_blobs(&ids, limit, |k, content| {
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
            flush(&mut chunk, &mut sink);
            held = 0;
        }
        Ok(())
    })?;
    queue_unread(&mut chunk, &mut next, plan.len());
    flush(&mut chunk, &mut sink);
    Ok(())
}
