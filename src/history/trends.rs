//! Trends for every engagement at once: status and each measure's score over a window of
//! time, following renames, from one pass over git.
//!
//! A window starts on a day: a trend holds the version of each file current then (the
//! last commit on or before that day, as `report --since DATE` reads its base) and every
//! version committed after it. A fixed number of git processes whatever the number of
//! files and commits: one `git log` finds the start ([`Repo::on_or_before`]), one
//! `git ls-tree` lists the files there ([`Repo::files_at`]), one `git log --raw -M` lists
//! every change since ([`Repo::changes_after`]), then one `git cat-file --batch-check` and
//! one `git cat-file --batch` read the versions ([`read_each_on`]). Of each version only
//! what a chart needs is read — `status` and the measures' scores, checked as `check`
//! checks them — and only its small [`TrendPoint`] is kept.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Days, NaiveDate};

use super::read::{Unread, read_each_on};
use super::timeline::Summary;
use crate::document::{self, NodeKind};
use crate::engine::{self, Steps};
use crate::error::Result;
use crate::format::{self, Section, key as k};
use crate::git::{Change, Commit, Logged, Object, Paired, Repo};
use crate::guide::Guide;
use crate::model::{Engagement, Status};
use crate::rules::Context;
use crate::validate;

/// How many weeks a trend covers unless asked otherwise: 13, one quarter. Summaries are
/// updated about once a fortnight, so that is six or seven updates per engagement — enough
/// to see a direction — and it spans the quarter on which service reviews and directors look
/// back. A longer window (`--trend-weeks 26`) reads more versions for every engagement (the
/// cost of trends grows with the commits in the window): on 10,000 engagements with 500
/// commits the site takes 2.9× `report --since` with 13 weeks and 3.4× with 26
/// (BENCHMARKS.md).
pub const DEFAULT_TREND_WEEKS: u32 = 13;

/// The top-level fields a trend reads of each version.
const TREND_FIELDS: [&str; 3] = [k::STATUS, k::ACCOUNT_STATUS, k::STRATEGY];

/// The first day of a window of `weeks` weeks that ends on `today` (the earliest date
/// there is when that is further back).
#[must_use]
pub fn window_start(today: NaiveDate, weeks: u32) -> NaiveDate {
    today.checked_sub_days(Days::new(u64::from(weeks) * 7)).unwrap_or(NaiveDate::MIN)
}

/// A current engagement file whose trend is asked for.
#[derive(Clone, Copy, Debug)]
pub struct Tracked<'a> {
    /// Its path relative to the workspace root: the real name, byte for byte.
    pub path: &'a Path,
    /// Its path as shown.
    pub shown: &'a str,
    /// What the working tree's file holds, when it was read already (by the check that
    /// the caller ran): a version with the same blob as `HEAD`'s, when the working tree
    /// holds the file unchanged, is then taken from it and not read again. A file with
    /// uncommitted changes has its versions read from git, as without it: a trend shows
    /// commits only.
    pub current: Option<&'a Summary>,
}

/// One version of a file: what the charts show of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    /// The commit's date (committer date); for the version current at the window's start,
    /// the window's first day ([`Trends::from`]).
    pub date: NaiveDate,
    /// The commit's abbreviated id (shared by the points of one commit); for the version
    /// current at the window's start, the start commit's.
    pub commit: Arc<str>,
    /// `status`, when valid.
    pub status: Option<Status>,
    /// The valid score of each measure of [`Trends::measures`], in that order.
    pub scores: Box<[Option<i64>]>,
    /// Why the version has no model (too large, invalid, deleted…); `None` when it has one.
    pub unread: Option<Unread>,
}

/// The versions of one current file in the window, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trend {
    /// The version current at the window's start, when the file (under this or an
    /// earlier name) was there; then one point per commit that changed it since, oldest
    /// first.
    pub points: Vec<TrendPoint>,
}

/// The trend of every file asked for, over one window.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Trends {
    /// Every configured measure, in guide order: the order of [`TrendPoint::scores`].
    pub measures: Vec<(Section, String)>,
    /// The window's first day.
    pub from: NaiveDate,
    /// The commit current on that day: the last on or before it. `None` when the history
    /// starts after it: the trends then hold every version.
    pub start: Option<Commit>,
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
    /// Status over time: (date, status) per point.
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

/// The trend of each of `files` over the window that starts on `from`: the version current
/// then, and every commit in the history of `HEAD` after it that changed the file, oldest
/// first. Renames are followed as `acctsum history FILE` follows them (`git log
/// --follow`): a version deleted is a point ([`Unread::Deleted`]) and the history of its
/// path goes on before it, and a path another file was renamed from is that file's history
/// from then on; the version at the start is the one at the path followed back to it. A
/// file created in the window starts there. With `from` before the first commit, every
/// version is read.
///
/// Versions are read in one `git cat-file --batch`, a bounded number of bytes at a time,
/// and read on up to `jobs` threads; a version over the size limit is never read. Of each,
/// only `status` and the measures are checked, as `check` checks them. A version that is
/// the [current](Tracked::current) file's, unchanged since `HEAD`, is not read (two more
/// git processes say which are: [`Repo::unchanged_at_head`]).
///
/// # Errors
/// When git fails.
pub fn trends(repo: &Repo, files: &[Tracked<'_>], guide: &Guide, jobs: usize, from: NaiveDate) -> Result<Trends> {
    let measures: Vec<(Section, String)> =
        Section::ALL.iter().flat_map(|&s| guide.measures(s).iter().map(move |m| (s, m.key.clone()))).collect();
    let start = repo.on_or_before(from)?;
    let mut following: HashMap<PathBuf, Vec<usize>> = HashMap::new();
    for (i, file) in files.iter().enumerate() {
        following.entry(file.path.to_path_buf()).or_default().push(i);
    }
    let mut commits: Vec<(Arc<str>, NaiveDate)> = Vec::new();
    let mut last: Option<String> = None;
    let mut pending: Vec<Pending> = Vec::new();
    repo.changes_after(start.as_ref(), |commit: &Logged, change: Change| {
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
    // Each file's version at the start: what the path it was followed back to held there.
    if let Some(start) = &start {
        commits.push((Arc::from(start.short()), from));
        let at = commits.len() - 1;
        for entry in repo.files_at(&start.id)? {
            for &file in following.get(&entry.path).into_iter().flatten() {
                pending.push(Pending { file, commit: at, object: entry.object.clone() });
            }
        }
    }
    // The versions the caller has read already: the current file's, as it is at `HEAD`.
    let head = if files.iter().any(|f| f.current.is_some()) && !pending.is_empty() {
        repo.unchanged_at_head()?
    } else {
        HashMap::new()
    };
    let known = |version: &Pending| -> Option<&Summary> {
        let file = &files[version.file];
        let current = file.current?;
        match &version.object {
            Object::File { id, .. } if head.get(file.path) == Some(id) => Some(current),
            _ => None,
        }
    };
    let mut samples: Vec<Option<Sample>> = pending.iter().map(|v| known(v).map(|s| of_summary(s, &measures))).collect();
    let unread: Vec<usize> = (0..pending.len()).filter(|&i| samples[i].is_none()).collect();
    let objects: Vec<&Object> = unread.iter().map(|&i| &pending[i].object).collect();
    let shown: Vec<Arc<str>> = files.iter().map(|f| Arc::from(f.shown)).collect();
    let fields: Vec<&'static format::Field> =
        TREND_FIELDS.iter().filter_map(|key| format::field(format::ENGAGEMENT, key)).collect();
    let read = |k: usize, content: Result<&[u8], Unread>| -> Sample {
        let version = &pending[unread[k]];
        match content.and_then(|bytes| sample(Arc::clone(&shown[version.file]), bytes, guide, &fields)) {
            Ok(summary) => of_summary(&summary, &measures),
            Err(why) => (None, vec![None; measures.len()].into_boxed_slice(), Some(why)),
        }
    };
    read_each_on(repo, &objects, jobs, read, |k, got| samples[unread[k]] = Some(got))?;
    let mut trends: Vec<Trend> = vec![Trend::default(); files.len()];
    for (version, got) in pending.iter().zip(samples) {
        let (status, scores, unread) =
            got.unwrap_or_else(|| (None, vec![None; measures.len()].into(), Some(Unread::Missing)));
        let (commit, date) = &commits[version.commit];
        let point = TrendPoint { date: *date, commit: Arc::clone(commit), status, scores, unread };
        trends[version.file].points.push(point);
    }
    let trends = files
        .iter()
        .zip(trends)
        .map(|(file, mut trend)| {
            trend.points.reverse();
            (file.shown.to_owned(), trend)
        })
        .collect();
    Ok(Trends { measures, from, start, trends })
}

/// A version's sample from what `history` shows of it.
fn of_summary(summary: &Summary, measures: &[(Section, String)]) -> Sample {
    let scores = measures.iter().map(|(section, key)| summary.score(*section, key)).collect();
    (summary.status, scores, None)
}

/// What a trend shows of one version — `status` and the measures, checked as `check`
/// checks them — reading only those fields of a file that has a model (a complete
/// document whose top level is an untagged mapping: what [`engine::check_bytes`] asks);
/// any other goes through the whole pipeline, which says why it has no model.
///
/// # Errors
/// [`Unread::Invalid`], with the rule `check` would report first.
fn sample(path: Arc<str>, bytes: &[u8], guide: &Guide, fields: &[&'static format::Field]) -> Result<Summary, Unread> {
    let loaded = document::load(Arc::clone(&path), bytes);
    if let (Some(doc), true) = (&loaded.doc, loaded.complete) {
        let has_model = doc
            .root()
            .map(|root| doc.resolve(root).0)
            .is_some_and(|node| matches!(node.kind, NodeKind::Map(_)) && node.bad_tag.is_none());
        if let Some(rec) = has_model.then(|| validate::engagement_fields(doc, guide, fields)).flatten() {
            return Ok(Summary::of(&Engagement::from_rec(path, rec)));
        }
    }
    // The date matters to the rules only, which do not run.
    let ctx = Context { today: NaiveDate::MIN, guide };
    let per = engine::check_bytes(path, bytes, &ctx, Steps::MODEL);
    match per.engagement {
        // What `history` shows of a version, so that the two cannot disagree.
        Some(engagement) => Ok(Summary::of(&engagement)),
        None => Err(Unread::invalid(&per.findings)),
    }
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// What the whole per-file pipeline makes of a version: what `history` shows of it.
    fn whole(bytes: &[u8], guide: &Guide) -> Result<Summary, Unread> {
        let ctx = Context { today: NaiveDate::MIN, guide };
        let per = engine::check_bytes(Arc::from("e.yaml"), bytes, &ctx, Steps::ALL);
        per.engagement.as_ref().map(Summary::of).ok_or_else(|| Unread::invalid(&per.findings))
    }

    /// Every file under `dir`, recursively.
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() { files(&path, out) } else { out.push(path) }
        }
    }

    #[test]
    fn a_sample_reads_what_the_whole_pipeline_reads_of_status_and_scores() {
        let guide = Guide::default();
        let fields: Vec<&'static format::Field> =
            TREND_FIELDS.iter().filter_map(|key| format::field(format::ENGAGEMENT, key)).collect();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut paths = Vec::new();
        for dir in ["tests/fixtures", "tests/fuzz-regressions", "examples"] {
            files(&root.join(dir), &mut paths);
        }
        let clean = std::fs::read_to_string(root.join("tests/golden/workspace/engagements/north/acme-payments.yaml"))
            .expect("read");
        let mut texts: Vec<(String, Vec<u8>)> =
            paths.iter().filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?))).collect();
        let crafted = [
            format!("--- !thing\n{clean}"),
            format!("!!map\n{clean}"),
            format!("{clean}status: red\n"),
            clean.replace("status: amber", "status:"),
            clean.replace("status: amber", "status: !!str amber"),
            clean.replace("account_status:", "account_status: !odd"),
            clean.replace("  customer: {score: 4,", "  customer: {score: 9,"),
            format!("- {clean}"),
            format!("{clean}oops: [unclosed\n"),
            String::new(),
            "status: green\n".to_owned(),
        ];
        texts.extend(crafted.into_iter().enumerate().map(|(i, t)| (format!("crafted {i}"), t.into_bytes())));
        assert!(texts.len() > 300, "the fixtures were found: {}", texts.len());
        let mut read = 0;
        for (name, bytes) in &texts {
            let expected = whole(bytes, &guide);
            read += usize::from(expected.is_ok());
            // `updated` is not read: a trend does not show it.
            let shown = |s: Summary| (s.status, s.scores);
            let got = sample(Arc::from("e.yaml"), bytes, &guide, &fields);
            assert_eq!(got.map(shown), expected.map(shown), "{name}");
        }
        assert!(read > 100 && read < texts.len(), "both kinds are compared: {read} of {}", texts.len());
    }
}
