//! `check --since REV` shows a pull request its own findings: those in the files changed
//! since REV (added, modified or renamed; a deleted file has nothing to show) and the
//! cross-file findings about them. Everything is still checked — the cross-file rules need
//! the whole workspace — and only the reporting is scoped, after acknowledgements settle.
//!
//! A cross-file finding is reported, as always, on each file it is about, and is shown when
//! its own file or any file it names ([`Finding::related`]) changed: a changed file that
//! conflicts with an unchanged one shows both sides, so the author sees what to agree with.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crate::digest::Digest;
use crate::engine::Checked;
use crate::error::Result;
use crate::finding::{Acknowledged, Finding};
use crate::git::{Content, Object, Repo};
use crate::history::Since;
use crate::workspace::{Source, Workspace, read_limited};

/// The files changed since the base, as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changed {
    /// The revision (or date) asked for, as given.
    pub since: String,
    /// The changed files among those checked, as shown.
    pub files: BTreeSet<Arc<str>>,
}

/// What scoping left out, for the line that says so.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// The revision (or date) asked for, as given.
    pub since: String,
    /// How many checked files changed since then.
    pub changed: usize,
    /// How many findings were left out.
    pub findings: usize,
    /// How many files those findings are in.
    pub files: usize,
}

impl Changed {
    /// The engagement files that changed since the base `since` compared them with (a file
    /// new to the base, renamed, or whose bytes differ; one that cannot be compared counts
    /// as changed, so that it is never hidden), and the review session files that did (their
    /// bytes compared with the base's at the same path, in one `git cat-file --batch`).
    ///
    /// # Errors
    /// When git fails.
    pub fn of(ws: &Workspace, since: &Since, files: &[Checked], sessions: &[Source]) -> Result<Self> {
        let mut changed: BTreeSet<Arc<str>> = files
            .iter()
            .filter(|f| {
                let shown = &*f.source.display;
                match (since.changes.get(shown), since.base.get(shown)) {
                    (Some(changes), _) if changes.added || changes.moved_from.is_some() => true,
                    (Some(_), Some(base)) => f.digest.is_none() || base.digest.as_ref().ok() != f.digest.as_ref(),
                    _ => true,
                }
            })
            .map(|f| f.source.display.clone())
            .collect();
        changed.extend(sessions_changed(ws, &since.commit.id, sessions)?);
        Ok(Self { since: since.commit.asked.clone(), files: changed })
    }

    /// Keeps the findings about a changed file (its own, or a related one), and the
    /// acknowledged findings alike; says what was left out.
    pub fn apply(&self, findings: &mut Vec<Finding>, acknowledged: &mut Vec<Acknowledged>) -> LeftOut {
        let shown = |f: &Finding| self.files.contains(&f.path) || f.related.iter().any(|r| self.files.contains(r));
        let mut others: BTreeSet<Arc<str>> = BTreeSet::new();
        let before = findings.len();
        findings.retain(|f| {
            let keep = shown(f);
            if !keep {
                others.insert(f.path.clone());
            }
            keep
        });
        acknowledged.retain(|a| shown(&a.finding));
        LeftOut {
            since: self.since.clone(),
            changed: self.files.len(),
            findings: before - findings.len(),
            files: others.len(),
        }
    }
}

/// The session files whose bytes differ from their version at `commit` at the same path, or
/// that had none there (added, or renamed: either way changed).
fn sessions_changed(ws: &Workspace, commit: &str, sessions: &[Source]) -> Result<Vec<Arc<str>>> {
    if sessions.is_empty() {
        return Ok(Vec::new());
    }
    let repo = Repo::open(&ws.root)?;
    let at_base: HashMap<PathBuf, String> = repo
        .files_at(commit)?
        .into_iter()
        .filter_map(|e| match e.object {
            Object::File { id, .. } => Some((e.path, id)),
            Object::Other | Object::Deleted => None,
        })
        .collect();
    let mut changed = Vec::new();
    let mut compared: Vec<(&Source, &str)> = Vec::new();
    for source in sessions {
        let base = source.path.strip_prefix(&ws.root).ok().and_then(|p| at_base.get(p));
        match base {
            Some(id) => compared.push((source, id)),
            None => changed.push(source.display.clone()),
        }
    }
    let ids: Vec<&str> = compared.iter().map(|(_, id)| *id).collect();
    let limit = crate::document::MAX_FILE_BYTES as u64;
    repo.read_blobs(&ids, limit, |i, content| {
        let source = compared[i].0;
        let then = match content {
            Content::Bytes(bytes) => Some(Digest::of(&bytes)),
            Content::TooLarge(_) | Content::Missing => None,
        };
        let now = read_limited(&source.path).ok().map(|bytes| Digest::of(&bytes));
        if then.is_none() || now != then {
            changed.push(source.display.clone());
        }
        Ok(())
    })?;
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Loc, RuleId};

    fn finding(path: &str, related: &[&str]) -> Finding {
        Finding::new(RuleId::Stale, Arc::from(path), Loc::START, "m")
            .with_related(related.iter().map(|r| Arc::from(*r)).collect())
    }

    #[test]
    fn keeps_the_findings_about_a_changed_file_and_counts_the_rest() {
        let changed = Changed { since: "main".to_owned(), files: BTreeSet::from([Arc::from("a.yaml")]) };
        let mut findings = vec![
            finding("a.yaml", &[]),
            finding("b.yaml", &["a.yaml"]),
            finding("b.yaml", &[]),
            finding("c.yaml", &["d.yaml"]),
            finding("c.yaml", &[]),
        ];
        let left = changed.apply(&mut findings, &mut Vec::new());
        let kept: Vec<&str> = findings.iter().map(|f| &*f.path).collect();
        assert_eq!(kept, ["a.yaml", "b.yaml"]);
        assert_eq!(left, LeftOut { since: "main".to_owned(), changed: 1, findings: 3, files: 2 });
    }
}
