//! Trends for every engagement at once: status and each measure's score at every commit
//! that changed its file, following renames, from one pass over git.
//!
//! Three git processes whatever the number of files and commits: one `git log --raw -M`
//! lists every change under the workspace ([`Repo::changes`]), then one
//! `git cat-file --batch-check` and one `git cat-file --batch` read the versions
//! ([`read_each`](super::read)). Each version goes through the per-file pipeline
//! ([`engine::check_bytes`], model only) as of its commit's date, and only its small
//! [`TrendPoint`] is kept.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use super::read::{Unread, read_each_on};
use super::timeline::Summary;
use crate::engine::{self, Steps};
use crate::error::Result;
use crate::format::Section;
use crate::git::{Change, Logged, Object, Paired, Repo};
use crate::guide::Guide;
use crate::model::Status;
use crate::rules::Context;

/// A current engagement file whose trend is asked for.
#[derive(Clone, Copy, Debug)]
pub struct Tracked<'a> {
    /// Its path relative to the workspace root: the real name, byte for byte.
    pub path: &'a Path,
    /// Its path as shown.
    pub shown: &'a str,
}

/// One version of a file: what the charts show of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    /// The commit's date (committer date).
    pub date: NaiveDate,
    /// The commit's abbreviated id (shared by the points of one commit).
    pub commit: Arc<str>,
    /// `status`, when valid.
    pub status: Option<Status>,
    /// The valid score of each measure of [`Trends::measures`], in that order.
    pub scores: Box<[Option<i64>]>,
    /// Why the version has no model (too large, invalid, deleted…); `None` when it has one.
    pub unread: Option<Unread>,
}

/// The versions of one current file, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trend {
    /// One point per commit that changed it (under this or an earlier name), oldest first.
    pub points: Vec<TrendPoint>,
}

/// The trend of every file asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trends {
    /// Every configured measure, in guide order: the order of [`TrendPoint::scores`].
    pub measures: Vec<(Section, String)>,
    /// The trend of each file asked for, by its path as shown.
    pub trends: BTreeMap<String, Trend>,
}

impl Trends {
    /// The trend of the file shown as `path`.
    #[must_use]
    pub fn get(&self, path: &str) -> Option<&Trend> {
        self.trends.get(path)
    }

    /// The position of a measure in [`TrendPoint::scores`].
    #[must_use]
    pub fn measure(&self, section: Section, key: &str) -> Option<usize> {
        self.measures.iter().position(|(s, k)| *s == section && k == key)
    }
}

impl Trend {
    /// Status over time: (commit date, status) per point.
    #[must_use]
    pub fn statuses(&self) -> Vec<(NaiveDate, Option<Status>)> {
        self.points.iter().map(|p| (p.date, p.status)).collect()
    }

    /// The score of the measure at `index` of [`Trends::measures`] over time.
    #[must_use]
    pub fn scores(&self, index: usize) -> Vec<(NaiveDate, Option<i64>)> {
        self.points.iter().map(|p| (p.date, p.scores.get(index).copied().flatten())).collect()
    }
}

/// A version to read: whose, at which commit, and what git holds there.
struct Pending {
    file: usize,
    commit: usize,
    object: Object,
}

/// What a version turned out to hold.
type Sample = (Option<Status>, Box<[Option<i64>]>, Option<Unread>);

/// The trend of each of `files`: every commit in the history of `HEAD` that changed it,
/// oldest first, following renames as `acctsum history FILE` does (`git log --follow`):
/// a version deleted is a point ([`Unread::Deleted`]) and the history of its path goes on
/// before it, and a path another file was renamed from is that file's history from then
/// on. Versions are read in one `git cat-file --batch`, a bounded number of bytes at a
/// time, and parsed on up to `jobs` threads; a version over the size limit is never read.
///
/// # Errors
/// When git fails.
pub fn trends(repo: &Repo, files: &[Tracked<'_>], guide: &Guide, jobs: usize) -> Result<Trends> {
    let measures: Vec<(Section, String)> =
        Section::ALL.iter().flat_map(|&s| guide.measures(s).iter().map(move |m| (s, m.key.clone()))).collect();
    let mut following: HashMap<PathBuf, Vec<usize>> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        following.entry(file.path.to_path_buf()).or_default().push(i);
    }
    let mut commits: Vec<(Arc<str>, NaiveDate)> = Vec::new();
    let mut last: Option<String> = None;
    let mut pending: Vec<Pending> = Vec::new();
    repo.changes(|commit: &Logged, change: Change| {
        let touched = following.contains_key(&change.path)
            || change.from.as_ref().is_some_and(|(from, _)| following.contains_key(from));
        if !touched {
            return Ok(());
        }
        if last.as_deref() != Some(commit.id.as_str()) {
            commits.push((Arc::from(&commit.id[..commit.id.len().min(10)]), commit.date));
            last = Some(commit.id.clone());
        }
        let at = commits.len() - 1;
        follow(&mut following, change, |file, object| pending.push(Pending { file, commit: at, object }));
        Ok(())
    })?;
    let objects: Vec<&Object> = pending.iter().map(|p| &p.object).collect();
    let shown: Vec<Arc<str>> = files.iter().map(|f| Arc::from(f.shown)).collect();
    let mut trends: Vec<Trend> = vec![Trend::default(); files.len()];
    let sample = |i: usize, content: Result<&[u8], Unread>| -> Sample {
        let version = &pending[i];
        let none = || vec![None; measures.len()].into_boxed_slice();
        let bytes = match content {
            Ok(bytes) => bytes,
            Err(why) => return (None, none(), Some(why)),
        };
        let ctx = Context { today: commits[version.commit].1, guide };
        let per = engine::check_bytes(Arc::clone(&shown[version.file]), bytes, &ctx, Steps::MODEL);
        let Some(engagement) = per.engagement else { return (None, none(), Some(Unread::invalid(&per.findings))) };
        // What `history` shows of a version, so that the two cannot disagree.
        let summary = Summary::of(&engagement);
        let scores = measures.iter().map(|(section, key)| summary.score(*section, key)).collect();
        (summary.status, scores, None)
    };
    read_each_on(repo, &objects, jobs, sample, |i, (status, scores, unread)| {
        let version = &pending[i];
        let (commit, date) = &commits[version.commit];
        let point = TrendPoint { date: *date, commit: Arc::clone(commit), status, scores, unread };
        trends[version.file].points.push(point);
    })?;
    let trends = files
        .iter()
        .zip(trends)
        .map(|(file, mut trend)| {
            trend.points.reverse();
            (file.shown.to_owned(), trend)
        })
        .collect();
    Ok(Trends { measures, trends })
}

/// One change, newest commit first, against the paths being followed: a version for each
/// file that follows its path; then, for a rename or a copy, those files follow the path
/// it came from, and the files that followed that path see it deleted (by a rename).
fn follow(following: &mut HashMap<PathBuf, Vec<usize>>, change: Change, mut version: impl FnMut(usize, Object)) {
    let Change { path, from, object } = change;
    let Some((from, paired)) = from else {
        for &file in following.get(&path).into_iter().flatten() {
            version(file, object.clone());
        }
        return;
    };
    let moved = following.remove(&path).unwrap_or_default();
    for &file in &moved {
        version(file, object.clone());
    }
    if paired == Paired::Renamed {
        for &file in following.get(&from).into_iter().flatten() {
            version(file, Object::Deleted);
        }
    }
    if !moved.is_empty() {
        following.entry(from).or_default().extend(moved);
    }
}
