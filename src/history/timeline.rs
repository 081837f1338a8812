//! `acctsum history`: the versions of one file, each kept only as far as the output needs.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::acknowledged::Kept;
use super::changes::Changes;
use super::compare::compare;
use super::read::{Unread, read_each, settled};
use crate::error::{Error, Result};
use crate::finding::Acknowledged;
use crate::format::Section;
use crate::git::{Object, Repo, Version};
use crate::guide::Guide;
use crate::model::{Engagement, Status};
use crate::name_key::name_key;
use crate::rules::Context;
use crate::workspace::{self, Workspace};

/// What `history` shows of one version: small, whatever the size of the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// `updated`, when valid.
    pub updated: Option<NaiveDate>,
    /// `status`, when valid.
    pub status: Option<Status>,
    /// The valid score of each configured measure present: (section, key, score).
    pub scores: Vec<(Section, String, i64)>,
    /// Its findings that an acknowledgement in force at that commit covered: counted
    /// apart from warnings and errors (they are neither, nor are they fixed).
    pub acknowledged: Kept,
}

impl Summary {
    /// What `history` shows of `eng`.
    #[must_use]
    pub fn of(eng: &Engagement) -> Self {
        let scores = Section::ALL
            .iter()
            .flat_map(|&section| {
                let entries = match section {
                    Section::AccountStatus => &eng.account_status.entries,
                    Section::Strategy => &eng.strategy.entries,
                };
                entries.iter().filter_map(move |s| Some((section, s.key.clone(), s.score.copied()?)))
            })
            .collect();
        Self { updated: eng.updated.copied(), status: eng.status.copied(), scores, acknowledged: Kept::default() }
    }

    /// The score of a measure, when valid.
    #[must_use]
    pub fn score(&self, section: Section, key: &str) -> Option<i64> {
        self.scores.iter().find(|(s, k, _)| *s == section && k == key).map(|(_, _, score)| *score)
    }
}

/// One point of a file's history.
#[derive(Debug)]
pub struct Point {
    /// The commit.
    pub version: Version,
    /// What the file held at that commit, or why that version could not be read.
    pub summary: Result<Summary, Unread>,
    /// What changed from the last version before it that could be read, when both could
    /// be read.
    pub changes: Option<Changes>,
}

/// The history of one file: every commit that touched it, oldest first.
#[derive(Debug, Default)]
pub struct Timeline {
    /// The file, as shown (workspace-relative).
    pub path: String,
    /// The engagement's name in the newest version that has one.
    pub name: Option<String>,
    /// The points, oldest first.
    pub points: Vec<Point>,
    /// The model of the newest version that could be read, to compare the next with.
    last: Option<Engagement>,
}

impl Timeline {
    /// An empty timeline of the file shown as `path`.
    #[must_use]
    pub fn new(path: &str) -> Self {
        Self { path: path.to_owned(), ..Self::default() }
    }

    /// Adds the next (newer) version, keeping only what `history` shows of its model and
    /// what changed from the version before.
    pub fn push(&mut self, version: Version, model: Result<&Engagement, Unread>) {
        self.push_settled(version, model.map(|eng| (eng, &[][..])));
    }

    /// [`Timeline::push`], with the version's acknowledged findings (as of its commit's
    /// date), of which the summary keeps the count and the acknowledgements.
    pub fn push_settled(&mut self, version: Version, model: Result<(&Engagement, &[Acknowledged]), Unread>) {
        let acknowledged = model.map(|(eng, acknowledged)| Kept::of(eng, acknowledged)).unwrap_or_default();
        let model = model.map(|(eng, _)| eng);
        if let Some(name) = model.ok().and_then(|e| e.engagement.str()) {
            self.name = Some(name.to_owned());
        }
        let changes = match (&self.last, model) {
            (Some(before), Ok(now)) => Some(compare(before, now)),
            _ => None,
        };
        if let Ok(now) = model {
            self.last = Some(now.clone());
        }
        let summary = model.map(|eng| Summary { acknowledged, ..Summary::of(eng) });
        self.points.push(Point { version, summary, changes });
    }

    /// The engagement's name, or the path when no version names it.
    #[must_use]
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.path)
    }
}

/// The history of the file at `path` (workspace-relative; shown as `shown`): every commit
/// that touched it, oldest first. Versions are read as they arrive (each checked as of its
/// commit's date, acknowledgements in force then applied) and only their summary is kept;
/// a version over the size limit is never read.
///
/// # Errors
/// When git fails.
pub fn timeline(repo: &Repo, path: &Path, shown: &str, guide: &Guide) -> Result<Timeline> {
    let versions = repo.log(path)?;
    let objects: Vec<&Object> = versions.iter().map(|v| &v.object).collect();
    let mut timeline = Timeline::new(shown);
    read_each(
        repo,
        &objects,
        |i, content| {
            settled(&versions[i].path, content, &Context { today: versions[i].date, guide })
                .map(|(engagement, _, acknowledged)| (engagement, acknowledged))
        },
        |i, settled| {
            let settled = settled.as_ref().map(|(eng, acknowledged)| (eng, acknowledged.as_slice())).map_err(|w| *w);
            timeline.push_settled(versions[i].clone(), settled);
        },
    )?;
    Ok(timeline)
}

/// The date a history point shows for `updated`, when valid.
#[must_use]
pub fn updated(point: &Point) -> Option<NaiveDate> {
    point.summary.as_ref().ok().and_then(|s| s.updated)
}

/// The engagement file `history` is asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Its path relative to the workspace root: the real name, byte for byte.
    pub path: PathBuf,
    /// Its path as shown.
    pub shown: String,
}

/// The engagement file `target` names: a file, or (part of) an engagement's name.
///
/// # Errors
/// When nothing or more than one engagement matches.
pub fn target(ws: &Workspace, target: &str, cwd: &Path) -> Result<Target> {
    let file = workspace::absolute(&cwd.join(target));
    if file.is_file() {
        let Ok(path) = file.strip_prefix(&ws.root) else {
            return Err(Error::usage(format!("{target} is outside the workspace {}", ws.root.display()), None));
        };
        return Ok(Target { path: path.to_path_buf(), shown: ws.display(&file, target).to_string() });
    }
    let sources = ws.sources(&[], cwd)?;
    let files = crate::engine::names(&ws.guide, &sources, crate::engine::default_jobs());
    let named = |exact: bool| -> Vec<(&crate::engine::Named, &str)> {
        files
            .iter()
            .filter_map(|f| Some((f, f.engagement.as_ref()?.engagement.str()?)))
            .filter(|(_, name)| {
                let (name, want) = (name_key(name), name_key(target));
                if exact { name == want } else { name.contains(&want) }
            })
            .collect()
    };
    let exact = named(true);
    let found = if exact.is_empty() { named(false) } else { exact };
    match found.as_slice() {
        [(file, _)] => match file.source.path.strip_prefix(&ws.root) {
            Ok(path) => Ok(Target { path: path.to_path_buf(), shown: file.source.display.to_string() }),
            Err(_) => Err(Error::usage(format!("{} is outside the workspace", file.source.display), None)),
        },
        [] => Err(Error::usage(
            format!("no engagement file or name matches `{target}`"),
            Some("give the file's path, or part of the engagement's name"),
        )),
        many => {
            let list: Vec<String> = many.iter().map(|(f, n)| format!("{n} ({})", f.source.display)).collect();
            Err(Error::usage(
                format!("`{target}` matches {} engagements: {}", many.len(), list.join("; ")),
                Some("be more specific, or give the file's path"),
            ))
        }
    }
}
