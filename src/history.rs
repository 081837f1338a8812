//! Engagement versions from git: what changed since a commit, how scores moved over the
//! commits that touched one file, and the trends of every file from one pass.
//!
//! Old versions get the same limit as files on disk: a blob over
//! [`MAX_FILE_BYTES`](crate::document::MAX_FILE_BYTES) is never read, and versions are read a
//! bounded number of bytes at a time, each kept only as far as the output needs it.

mod acknowledged;
mod acknowledgements;
mod changes;
mod compare;
mod read;
mod timeline;
mod trends;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

pub use self::acknowledged::{Covering, Kept, MAX_KEPT};
pub use self::changes::{AcknowledgementChange, Changes, ItemChange, LeadChange, Role, ScoreChange};
pub use self::compare::{compare, passed, past_objectives};
use self::compare::{key, same_region};
use self::read::read_each;
pub use self::read::{Unread, checked, model, settled};
pub use self::timeline::{Point, Summary, Target, Timeline, target, timeline, updated};
pub use self::trends::{DEFAULT_TREND_WEEKS, Tracked, Trend, TrendPoint, Trends, trends, window_start};
use crate::engine::Outcome;
use crate::error::Result;
use crate::finding::{Loc, RuleId};
use crate::git::{Commit, Object, Repo};
use crate::model::Engagement;
use crate::rules::Context;
use crate::workspace::{self, Workspace};

/// An engagement file at the base that is gone now.
#[derive(Debug)]
pub struct Removed {
    /// Its path at the base.
    pub path: String,
    /// Its model at the base, when it could be read.
    pub engagement: Option<Engagement>,
    /// Why it could not be read, when it could not.
    pub unread: Option<Unread>,
}

impl Removed {
    /// Its name, or its path.
    #[must_use]
    pub fn name(&self) -> &str {
        self.engagement.as_ref().and_then(|e| e.engagement.str()).unwrap_or(&self.path)
    }
}

/// An engagement that moved from one region to another since the base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionMove {
    /// Its current path, as shown (the key of [`Since::changes`]).
    pub path: String,
    /// Its current name, or its path when the name is not valid.
    pub name: String,
    /// Its region at the base.
    pub from: String,
    /// Its region now.
    pub to: String,
}

/// Everything that changed since a commit.
#[derive(Debug)]
pub struct Since {
    /// The base commit.
    pub commit: Commit,
    /// Changes by current path.
    pub changes: BTreeMap<String, Changes>,
    /// Engagements at the base that are gone now.
    pub removed: Vec<Removed>,
    /// Every engagement that moved between regions (each also has
    /// [`Changes::region`]), by current path: a region's pack lists those that left it,
    /// which its region filter no longer selects.
    pub moves: Vec<RegionMove>,
    /// Each paired current path's version at the base (with `keep_base`).
    pub base: BTreeMap<String, Base>,
}

impl Since {
    /// The engagements that were in `region` at the base and are in another now (regions
    /// compared as the report's region filter compares them).
    #[must_use]
    pub fn left(&self, region: &str) -> Vec<&RegionMove> {
        self.moves.iter().filter(|m| same_region(&m.from, region)).collect()
    }

    /// The engagements that are in `region` now and were in another at the base.
    #[must_use]
    pub fn arrived(&self, region: &str) -> Vec<&RegionMove> {
        self.moves.iter().filter(|m| same_region(&m.to, region)).collect()
    }
}

/// The base version of a current file, kept for `check --since`.
#[derive(Debug)]
pub struct Base {
    /// The digest of the file's bytes at the base (the bytes themselves are not kept), or
    /// why they could not be read.
    pub digest: Result<crate::digest::Digest, Unread>,
    /// Its `updated` at the base, when valid.
    pub updated: Option<NaiveDate>,
}

/// A base version as the comparison needs it: its model, and where the rules (as of the
/// base commit's date) found a past objective.
#[derive(Debug)]
struct Old {
    engagement: Engagement,
    past: Vec<Loc>,
}

/// What a base file turned out to be once read.
enum Read {
    /// Paired with the current file at this index, and compared.
    Paired(usize, Box<Changes>, Option<Base>),
    /// Not paired (gone, or git's pairing was a different engagement): its model.
    Alone(String, Result<Box<Old>, Unread>),
}

/// A current engagement file, as [`since`] pairs it with its version at the base.
#[derive(Clone, Copy, Debug)]
pub struct Current<'a> {
    /// Its path relative to the workspace root: the real name, byte for byte.
    pub path: &'a Path,
    /// Its path as shown; [`Since::changes`] is keyed by it.
    pub shown: &'a str,
    /// Its model, when it is valid.
    pub engagement: Option<&'a Engagement>,
    /// Where its `past-objective` findings are (as of today, severities applied).
    pub past_objectives: &'a [Loc],
}

/// What changed from a base version (as of `then`, the base commit's date) to a current
/// engagement (as of `today`): the models compared, the objectives passed, and the
/// acknowledgements added, lapsed or removed.
fn between(old: &Old, then: &Context<'_>, now: &Engagement, now_past: &[Loc], today: &Context<'_>) -> Changes {
    let objectives_passed = passed(&old.engagement, &old.past, now, now_past);
    let acks = acknowledgements::moves(&old.engagement, then, now, today);
    Changes {
        objectives_passed,
        acknowledgements_added: acks.added,
        acknowledgements_lapsed: acks.lapsed,
        acknowledgements_removed: acks.removed,
        ..compare(&old.engagement, now)
    }
}

/// A workspace-relative path from git, as shown.
fn shown(path: &Path) -> String {
    workspace::shown(path)
}

/// Compares every current engagement with its version at `commit`, following renames;
/// `is_engagement` selects engagement files among the base's (workspace-relative paths).
/// With `keep_base`, each paired file's base digest is kept (for `updated-not-bumped`).
/// `today` is the date of the current files (whether an acknowledgement is in force now).
///
/// A file pairs with its version at the same path, or at the path git says it was renamed
/// from (while it names the same engagement: git pairs by content), or with a base file
/// gone from its path that names the same engagement. A file at the same path that names
/// another engagement now is that engagement renamed. Each base version goes through the
/// per-file pipeline as of the base commit's date, so that the rules say which objectives
/// had passed then.
///
/// Git is run a handful of times whatever the number of files; the base versions are read
/// in one `git cat-file --batch`, a bounded number of bytes at a time, and parsed on every
/// core. A version over the size limit is never read: its [`Unread`] says so.
///
/// # Errors
/// When git fails.
pub fn since(
    repo: &Repo,
    commit: Commit,
    current: &[Current<'_>],
    today: &Context<'_>,
    is_engagement: &dyn Fn(&Path) -> bool,
    keep_base: bool,
) -> Result<Since> {
    let base_files: Vec<crate::git::Entry> =
        repo.files_at(&commit.id)?.into_iter().filter(|e| is_engagement(&e.path)).collect();
    let renamed: BTreeMap<PathBuf, PathBuf> =
        repo.renames(&commit.id)?.into_iter().map(|(old, new)| (new, old)).collect();
    let at_base: BTreeMap<&Path, usize> = base_files.iter().enumerate().map(|(i, e)| (e.path.as_path(), i)).collect();
    // Pair by real path, following git's renames: base index → current index.
    let mut pair: BTreeMap<usize, usize> = BTreeMap::new();
    for (c, now) in current.iter().enumerate() {
        let from = renamed.get(now.path).and_then(|old| at_base.get(old.as_path())).or_else(|| at_base.get(now.path));
        if let Some(&b) = from {
            pair.entry(b).or_insert(c);
        }
    }
    let objects: Vec<&Object> = base_files.iter().map(|e| &e.object).collect();
    let mut read = Vec::with_capacity(base_files.len());
    let ctx = Context { today: commit.date, guide: today.guide };
    let compare_one = |b: usize, content: Result<&[u8], Unread>| {
        let path = shown(&base_files[b].path);
        let old = checked(&path, content, &ctx)
            .map(|(engagement, findings)| Box::new(Old { past: past_objectives(&findings), engagement }));
        let Some(&c) = pair.get(&b) else { return Read::Alone(path, old) };
        let now = current[c];
        let moved = base_files[b].path != now.path;
        // Git pairs files by content; a pair across paths counts only while it is the same
        // engagement. At one path, another name is the engagement renamed.
        let names = (
            old.as_ref().ok().and_then(|o| o.engagement.engagement.str()),
            now.engagement.and_then(|n| n.engagement.str()),
        );
        if let (true, (Some(a), Some(b))) = (moved, names)
            && key(a) != key(b)
        {
            return Read::Alone(path, old);
        }
        let mut changes = match (&old, now.engagement) {
            (Ok(old), Some(eng)) => between(old, &ctx, eng, now.past_objectives, today),
            (Err(why), _) => Changes { base_unread: Some(*why), ..Changes::default() },
            (Ok(_), None) => Changes::default(),
        };
        if moved {
            changes.moved_from = Some(path);
        }
        let base = keep_base.then(|| Base {
            digest: content.map(crate::digest::Digest::of),
            updated: old.as_ref().ok().and_then(|o| o.engagement.updated.copied()),
        });
        Read::Paired(c, Box::new(changes), base)
    };
    read_each(repo, &objects, compare_one, |_, r| read.push(r))?;
    let mut changes = BTreeMap::new();
    let mut kept = BTreeMap::new();
    let mut alone: Vec<(String, Result<Box<Old>, Unread>)> = Vec::new();
    let mut paired_current = BTreeSet::new();
    for r in read {
        match r {
            Read::Paired(c, ch, base) => {
                paired_current.insert(c);
                changes.insert(current[c].shown.to_owned(), *ch);
                if let Some(base) = base {
                    kept.insert(current[c].shown.to_owned(), base);
                }
            }
            Read::Alone(path, old) => alone.push((path, old)),
        }
    }
    // A current file git could not pair may still be a base engagement under a new path.
    for (c, now) in current.iter().enumerate() {
        if paired_current.contains(&c) {
            continue;
        }
        let name = now.engagement.and_then(|e| e.engagement.str()).map(key);
        let twin = name.as_ref().and_then(|name| {
            alone.iter().position(|(_, old)| {
                old.as_ref().ok().and_then(|o| o.engagement.engagement.str()).map(key).as_ref() == Some(name)
            })
        });
        let ch = match (twin, now.engagement) {
            (Some(i), Some(eng)) => {
                let (old_path, old) = alone.swap_remove(i);
                let ch =
                    old.as_ref().map(|old| between(old, &ctx, eng, now.past_objectives, today)).unwrap_or_default();
                Changes { moved_from: Some(old_path), ..ch }
            }
            _ => Changes { added: true, ..Changes::default() },
        };
        changes.insert(now.shown.to_owned(), ch);
    }
    alone.sort_by(|a, b| a.0.cmp(&b.0));
    let removed = alone
        .into_iter()
        .map(|(path, old)| match old {
            Ok(old) => Removed { path, engagement: Some(old.engagement), unread: None },
            Err(why) => Removed { path, engagement: None, unread: Some(why) },
        })
        .collect();
    let moves = current
        .iter()
        .filter_map(|now| {
            let (from, to) = changes.get(now.shown)?.region.clone()?;
            let name = now.engagement.map_or(now.shown, Engagement::name).to_owned();
            Some(RegionMove { path: now.shown.to_owned(), name, from, to })
        })
        .collect();
    Ok(Since { commit, changes, removed, moves, base: kept })
}

/// What changed in the workspace's engagement files since `rev` (a revision or a date), the
/// current files being as of `today`.
///
/// # Errors
/// Outside git, for an unknown revision, or when git fails.
pub fn since_workspace(
    ws: &Workspace,
    outcome: &Outcome,
    rev: &str,
    today: NaiveDate,
    keep_base: bool,
) -> Result<Since> {
    let repo = Repo::open(&ws.root)?;
    let commit = repo.resolve(rev)?;
    let mut past: BTreeMap<&str, Vec<Loc>> = BTreeMap::new();
    for f in outcome.findings.iter().filter(|f| f.rule == RuleId::PastObjective) {
        past.entry(&f.path).or_default().push(f.loc);
    }
    let current: Vec<Current<'_>> = outcome
        .files
        .iter()
        .filter_map(|f| {
            let path = f.source.path.strip_prefix(&ws.root).ok()?;
            let past_objectives = past.get(&*f.source.display).map_or(&[][..], Vec::as_slice);
            Some(Current { path, shown: &f.source.display, engagement: f.engagement.as_ref(), past_objectives })
        })
        .collect();
    let globs: Vec<glob::Pattern> = ws.globs().iter().filter_map(|g| glob::Pattern::new(g).ok()).collect();
    let named: BTreeSet<&Path> = current.iter().map(|c| c.path).collect();
    let is_engagement = |p: &Path| named.contains(p) || workspace::patterns_match(&globs, &shown(p));
    since(&repo, commit, &current, &Context { today, guide: &ws.guide }, &is_engagement, keep_base)
}
