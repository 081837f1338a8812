//! Engagement versions from git: what changed since a commit, and how scores moved over
//! the commits that touched one file.
//!
//! Old versions get the same limit as files on disk: a blob over
//! [`MAX_FILE_BYTES`](crate::document::MAX_FILE_BYTES) is never read, and versions are read a
//! bounded number of bytes at a time, each kept only as far as the output needs it.

mod read;
mod timeline;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use self::read::read_each;
pub use self::read::{Unread, model};
pub use self::timeline::{Point, Summary, Target, Timeline, target, timeline, updated};
use crate::engine::Outcome;
use crate::error::Result;
use crate::format::Section;
use crate::git::{Commit, Object, Repo};
use crate::guide::Guide;
use crate::model::{Action, Engagement, Scores, Status};
use crate::workspace::{self, Workspace};

/// One measure whose score moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreChange {
    /// `account_status` or `strategy`.
    pub section: Section,
    /// The measure key.
    pub key: String,
    /// The score before (`None`: not scored).
    pub old: Option<i64>,
    /// The score now.
    pub new: Option<i64>,
}

/// What changed in one engagement since the base commit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The engagement is new since the base.
    pub added: bool,
    /// Its path at the base, when it has moved.
    pub moved_from: Option<String>,
    /// Status before and now, when it changed.
    pub status: Option<(Status, Status)>,
    /// Scores that moved.
    pub scores: Vec<ScoreChange>,
    /// Risks new since the base (titles).
    pub risks_added: Vec<String>,
    /// Risks gone since the base.
    pub risks_removed: Vec<String>,
    /// Actions open at the base and done now.
    pub actions_completed: Vec<String>,
    /// Actions new since the base.
    pub actions_added: Vec<String>,
    /// Actions open at the base and gone now.
    pub actions_removed: Vec<String>,
    /// Why the version at the base could not be read, when it could not: then nothing
    /// else could be compared (and the other fields say nothing moved).
    pub base_unread: Option<Unread>,
}

impl Changes {
    /// Whether nothing moved.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        !self.added
            && self.status.is_none()
            && self.scores.is_empty()
            && self.risks_added.is_empty()
            && self.risks_removed.is_empty()
            && self.actions_completed.is_empty()
            && self.actions_added.is_empty()
            && self.actions_removed.is_empty()
    }

    /// Scores that went up and down.
    #[must_use]
    pub fn score_moves(&self) -> (usize, usize) {
        let up = self.scores.iter().filter(|s| matches!((s.old, s.new), (Some(o), Some(n)) if n > o)).count();
        let down = self.scores.iter().filter(|s| matches!((s.old, s.new), (Some(o), Some(n)) if n < o)).count();
        (up, down)
    }

    /// A few characters for a table: `new`, `amber→green ↑`, `↑2 ↓1`, `=`.
    #[must_use]
    pub fn brief(&self) -> String {
        if self.added {
            return "new".to_owned();
        }
        let mut parts = Vec::new();
        if let Some((old, new)) = self.status {
            let arrow = if new > old { "↑" } else { "↓" };
            parts.push(format!("{}→{} {arrow}", old.as_str(), new.as_str()));
        }
        let (up, down) = self.score_moves();
        let mut moves = Vec::new();
        if up > 0 {
            moves.push(format!("↑{up}"));
        }
        if down > 0 {
            moves.push(format!("↓{down}"));
        }
        if !moves.is_empty() {
            parts.push(moves.join(" "));
        }
        if parts.is_empty() {
            if self.is_empty() { "=".to_owned() } else { "edited".to_owned() }
        } else {
            parts.join(", ")
        }
    }
}

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

/// Everything that changed since a commit.
#[derive(Debug)]
pub struct Since {
    /// The base commit.
    pub commit: Commit,
    /// Changes by current path.
    pub changes: BTreeMap<String, Changes>,
    /// Engagements at the base that are gone now.
    pub removed: Vec<Removed>,
    /// Each paired current path's version at the base (with `keep_base`).
    pub base: BTreeMap<String, Base>,
}

fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

fn score_changes(section: Section, old: &Scores, new: &Scores, out: &mut Vec<ScoreChange>) {
    let keys: BTreeSet<&str> = old.entries.iter().chain(&new.entries).map(|s| s.key.as_str()).collect();
    for k in keys {
        let before = old.get(k).and_then(|s| s.score.copied());
        let after = new.get(k).and_then(|s| s.score.copied());
        if before != after {
            out.push(ScoreChange { section, key: k.to_owned(), old: before, new: after });
        }
    }
    // File order is the configured order for most files; keep changes in the guide's order.
    out.sort_by_key(|c| (c.section, new.entries.iter().position(|s| s.key == c.key).unwrap_or(usize::MAX)));
}

/// Each item with a text, keyed by that text (compared without case) and the number of
/// items before it with the same text: the second "Ship" of one version pairs with the
/// second "Ship" of the other. Look-ups by key keep a comparison linear-logarithmic in the
/// number of items.
fn keyed<'a, T>(items: &'a [T], text: impl Fn(&'a T) -> Option<&'a str>) -> Vec<((String, usize), &'a T, &'a str)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    items
        .iter()
        .filter_map(|item| {
            let text = text(item)?;
            let k = key(text);
            let n = seen.entry(k.clone()).or_default();
            let out = ((k, *n), item, text);
            *n += 1;
            Some(out)
        })
        .collect()
}

/// What changed from `old` to `new`.
#[must_use]
pub fn compare(old: &Engagement, new: &Engagement) -> Changes {
    let mut c = Changes::default();
    if let (Some(o), Some(n)) = (old.status.copied(), new.status.copied()) {
        if o != n {
            c.status = Some((o, n));
        }
    }
    score_changes(Section::AccountStatus, &old.account_status, &new.account_status, &mut c.scores);
    score_changes(Section::Strategy, &old.strategy, &new.strategy, &mut c.scores);
    let (old_risks, new_risks) = (keyed(&old.risks, |r| r.title.str()), keyed(&new.risks, |r| r.title.str()));
    let old_keys: BTreeSet<&(String, usize)> = old_risks.iter().map(|(k, _, _)| k).collect();
    let new_keys: BTreeSet<&(String, usize)> = new_risks.iter().map(|(k, _, _)| k).collect();
    c.risks_added =
        new_risks.iter().filter(|(k, _, _)| !old_keys.contains(k)).map(|(_, _, t)| (*t).to_owned()).collect();
    c.risks_removed =
        old_risks.iter().filter(|(k, _, _)| !new_keys.contains(k)).map(|(_, _, t)| (*t).to_owned()).collect();
    let (old_actions, new_actions) = (keyed(&old.actions, |a| a.action.str()), keyed(&new.actions, |a| a.action.str()));
    let before: BTreeMap<&(String, usize), &Action> = old_actions.iter().map(|(k, a, _)| (k, *a)).collect();
    let now: BTreeSet<&(String, usize)> = new_actions.iter().map(|(k, _, _)| k).collect();
    for (k, action, text) in &new_actions {
        match before.get(k) {
            None => c.actions_added.push((*text).to_owned()),
            Some(before) if before.is_open() == Some(true) && action.is_open() == Some(false) => {
                c.actions_completed.push((*text).to_owned());
            }
            Some(_) => {}
        }
    }
    for (k, action, text) in &old_actions {
        if !now.contains(k) && action.is_open() == Some(true) {
            c.actions_removed.push((*text).to_owned());
        }
    }
    c
}

/// The base version of a current file, kept for `check --since`.
#[derive(Debug)]
pub struct Base {
    /// The file's bytes at the base, or why they could not be read.
    pub bytes: Result<Vec<u8>, Unread>,
    /// Its `updated` at the base, when valid.
    pub updated: Option<NaiveDate>,
}

/// What a base file turned out to be once read.
enum Read {
    /// Paired with the current file at this index, and compared.
    Paired(usize, Changes, Option<Base>),
    /// Not paired (gone, or git's pairing was a different engagement): its model.
    Alone(String, Result<Box<Engagement>, Unread>),
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
}

/// A workspace-relative path from git, as shown.
fn shown(path: &Path) -> String {
    workspace::shown(path)
}

/// Compares every current engagement with its version at `commit`, following renames;
/// `is_engagement` selects engagement files among the base's (workspace-relative paths).
/// With `keep_base`, each paired file's base bytes are kept (for `check --since`).
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
    guide: &Guide,
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
    let compare_one = |b: usize, content: Result<&[u8], Unread>| {
        let path = shown(&base_files[b].path);
        let old = model(&path, content, guide);
        let Some(&c) = pair.get(&b) else { return Read::Alone(path, old.map(Box::new)) };
        let now = current[c];
        // Git pairs files by content; a pair counts only while it is the same engagement.
        let same =
            match (old.as_ref().ok().and_then(|o| o.engagement.str()), now.engagement.and_then(|n| n.engagement.str()))
            {
                (Some(a), Some(b)) => key(a) == key(b),
                _ => true,
            };
        if !same {
            return Read::Alone(path, old.map(Box::new));
        }
        let mut changes = match (&old, now.engagement) {
            (Ok(old), Some(now)) => compare(old, now),
            (Err(why), _) => Changes { base_unread: Some(*why), ..Changes::default() },
            (Ok(_), None) => Changes::default(),
        };
        if base_files[b].path != now.path {
            changes.moved_from = Some(path);
        }
        let base = keep_base.then(|| Base {
            bytes: content.map(<[u8]>::to_vec),
            updated: old.as_ref().ok().and_then(|o| o.updated.copied()),
        });
        Read::Paired(c, changes, base)
    };
    read_each(repo, &objects, compare_one, |_, r| read.push(r))?;
    let mut changes = BTreeMap::new();
    let mut kept = BTreeMap::new();
    let mut alone: Vec<(String, Result<Box<Engagement>, Unread>)> = Vec::new();
    let mut paired_current = BTreeSet::new();
    for r in read {
        match r {
            Read::Paired(c, ch, base) => {
                paired_current.insert(c);
                changes.insert(current[c].shown.to_owned(), ch);
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
            alone
                .iter()
                .position(|(_, old)| old.as_ref().ok().and_then(|o| o.engagement.str()).map(key).as_ref() == Some(name))
        });
        let ch = match (twin, now.engagement) {
            (Some(i), Some(eng)) => {
                let (old_path, old) = alone.swap_remove(i);
                let ch = old.as_ref().map(|old| compare(old, eng)).unwrap_or_default();
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
            Ok(engagement) => Removed { path, engagement: Some(*engagement), unread: None },
            Err(why) => Removed { path, engagement: None, unread: Some(why) },
        })
        .collect();
    Ok(Since { commit, changes, removed, base: kept })
}

/// What changed in the workspace's engagement files since `rev` (a revision or a date).
///
/// # Errors
/// Outside git, for an unknown revision, or when git fails.
pub fn since_workspace(ws: &Workspace, outcome: &Outcome, rev: &str, keep_base: bool) -> Result<Since> {
    let repo = Repo::open(&ws.root)?;
    let commit = repo.resolve(rev)?;
    let current: Vec<Current<'_>> = outcome
        .files
        .iter()
        .filter_map(|f| {
            let path = f.source.path.strip_prefix(&ws.root).ok()?;
            Some(Current { path, shown: &f.source.display, engagement: f.engagement.as_ref() })
        })
        .collect();
    let globs: Vec<glob::Pattern> = ws.globs().iter().filter_map(|g| glob::Pattern::new(g).ok()).collect();
    let named: BTreeSet<&Path> = current.iter().map(|c| c.path).collect();
    let is_engagement = |p: &Path| named.contains(p) || workspace::patterns_match(&globs, &shown(p));
    since(&repo, commit, &current, &ws.guide, &is_engagement, keep_base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::{BASE, engagement_at};

    #[test]
    fn compares_status_scores_risks_and_actions() {
        let guide = Guide::default();
        let before = format!(
            "{BASE}actions:\n  - {{action: Ship, owner: A, due: 2026-12-01}}\n  - {{action: Plan, owner: A, due: 2026-12-01}}\n  - {{action: Drop, owner: A, due: 2026-12-01}}\nrisks:\n  - {{title: Old risk, score: 3, mitigation: M}}\naccount_status:\n  customer: {{score: 2, notes: n, action: a}}\n  team: {{score: 4}}\n"
        );
        let after = format!(
            "{}actions:\n  - {{action: ship, owner: A, due: 2026-12-01, status: done}}\n  - {{action: Plan, owner: A, due: 2026-12-01}}\n  - {{action: New, owner: A, due: 2026-12-01}}\nrisks:\n  - {{title: New risk, score: 3, mitigation: M}}\naccount_status:\n  customer: {{score: 3, notes: n}}\n  team: {{score: 4}}\n  delivery: {{score: 5}}\n",
            BASE.replace("status: amber", "status: green")
        );
        let c = compare(&engagement_at("a", &before, &guide), &engagement_at("a", &after, &guide));
        assert_eq!(c.status, Some((Status::Amber, Status::Green)));
        assert_eq!(
            c.scores,
            vec![
                ScoreChange { section: Section::AccountStatus, key: "customer".into(), old: Some(2), new: Some(3) },
                ScoreChange { section: Section::AccountStatus, key: "delivery".into(), old: None, new: Some(5) },
            ]
        );
        assert_eq!((c.risks_added, c.risks_removed), (vec!["New risk".to_owned()], vec!["Old risk".to_owned()]));
        assert_eq!(c.actions_completed, vec!["ship"]);
        assert_eq!(c.actions_added, vec!["New"]);
        assert_eq!(c.actions_removed, vec!["Drop"]);
        assert_eq!(
            Changes { status: Some((Status::Amber, Status::Green)), ..Changes::default() }.brief(),
            "amber→green ↑"
        );
    }

    #[test]
    fn items_with_the_same_text_pair_in_order() {
        let guide = Guide::default();
        let twice = format!(
            "{BASE}actions:\n  - {{action: Close, owner: A, due: 2026-12-01}}\n  - {{action: close, owner: A, due: 2026-12-01, status: done}}\nrisks:\n  - {{title: R, score: 3, mitigation: M}}\n  - {{title: R, score: 3, mitigation: M}}\n"
        );
        let same = engagement_at("a", &twice, &guide);
        assert_eq!(compare(&same, &same), Changes::default(), "a version compared with itself");
        let once = format!(
            "{BASE}actions:\n  - {{action: Close, owner: A, due: 2026-12-01}}\nrisks:\n  - {{title: R, score: 3, mitigation: M}}\n"
        );
        let c = compare(&engagement_at("a", &once, &guide), &same);
        assert_eq!(
            (c.actions_added, c.actions_completed, c.risks_added),
            (vec!["close".to_owned()], vec![], vec!["R".to_owned()])
        );
    }
}
