//! The workspace: its root (found by walking up to `acctsum.yaml`), its field guide,
//! and the engagement files it holds.

use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use glob::{MatchOptions, Pattern};
use walkdir::WalkDir;

use crate::document::{self, MAX_FILE_BYTES};
use crate::error::{Error, Result};
use crate::guide::{CONFIG_FILE, Guide};

/// A workspace root and its validated guide.
#[derive(Debug)]
pub struct Workspace {
    /// The root folder (absolute).
    pub root: PathBuf,
    /// `acctsum.yaml`, when the workspace has one.
    pub config: Option<PathBuf>,
    /// The field guide (the built-in default without a config).
    pub guide: Guide,
}

/// An engagement file to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// The path shown to the user: workspace-relative with `/`, or as given.
    pub display: Arc<str>,
    /// The path to open.
    pub path: PathBuf,
}

const MATCH: MatchOptions =
    MatchOptions { case_sensitive: true, require_literal_separator: true, require_literal_leading_dot: true };

impl Workspace {
    /// Finds the workspace: `dir` itself when given (`-C`), else the nearest folder from
    /// `cwd` upwards that holds `acctsum.yaml`, else `cwd` with the built-in guide.
    ///
    /// # Errors
    /// When `dir` does not exist, or the config cannot be read or is invalid.
    pub fn discover(dir: Option<&Path>, cwd: &Path) -> Result<Self> {
        let root = match dir {
            Some(dir) => {
                let dir = cwd.join(dir);
                if !dir.is_dir() {
                    return Err(Error::NotFound { path: dir.display().to_string() });
                }
                absolute(&dir)
            }
            None => {
                let start = absolute(cwd);
                start.ancestors().find(|a| a.join(CONFIG_FILE).is_file()).map_or(start.clone(), Path::to_path_buf)
            }
        };
        let config_path = root.join(CONFIG_FILE);
        if !config_path.is_file() {
            return Ok(Self { root, config: None, guide: Guide::default() });
        }
        let bytes = read_limited(&config_path)?;
        let loaded = document::load(Arc::from(CONFIG_FILE), &bytes);
        let text = loaded.doc.as_ref().map(|d| d.text.clone()).unwrap_or_default();
        let mut findings = loaded.findings;
        let guide = match &loaded.doc {
            Some(doc) if loaded.complete => match Guide::parse(doc) {
                Ok(guide) => Some(guide),
                Err(mut problems) => {
                    findings.append(&mut problems);
                    None
                }
            },
            _ => None,
        };
        match guide {
            Some(guide) if findings.is_empty() => Ok(Self { root, config: Some(config_path), guide }),
            _ => {
                findings.sort_by(crate::finding::Finding::order);
                Err(Error::Config { path: CONFIG_FILE.to_owned(), text, findings })
            }
        }
    }

    /// The path shown for `path`: relative to the root with `/` when inside it.
    #[must_use]
    pub fn display(&self, path: &Path, as_given: &str) -> Arc<str> {
        match path.strip_prefix(&self.root) {
            Ok(rel) => Arc::from(slashed(rel)),
            Err(_) => Arc::from(as_given),
        }
    }

    /// The engagement files: the explicit paths when any are given (files as named,
    /// folders searched for `*.yaml`/`*.yml`), else those the guide's globs select.
    ///
    /// # Errors
    /// When a named path does not exist, or nothing is found.
    pub fn sources(&self, paths: &[PathBuf], cwd: &Path) -> Result<Vec<Source>> {
        let mut out = Vec::new();
        if paths.is_empty() {
            self.glob_sources(&mut out)?;
        } else {
            for given in paths {
                let path = cwd.join(given);
                let meta =
                    std::fs::metadata(&path).map_err(|_| Error::NotFound { path: given.display().to_string() })?;
                let path = absolute(&path);
                if meta.is_dir() {
                    let mut found = Vec::new();
                    self.walk(&path, &mut found, |rel| {
                        let rel = Path::new(rel);
                        rel.extension().is_some_and(|e| e == "yaml" || e == "yml")
                    });
                    // Files outside the workspace are shown under the folder as it was given.
                    let shown_dir = given.display().to_string();
                    for source in found.iter_mut().filter(|s| !s.path.starts_with(&self.root)) {
                        let rest = source.path.strip_prefix(&path).map(slashed).unwrap_or_default();
                        source.display = Arc::from(format!("{}/{rest}", shown_dir.trim_end_matches('/')));
                    }
                    out.append(&mut found);
                } else {
                    out.push(Source { display: self.display(&path, &given.display().to_string()), path });
                }
            }
        }
        out.sort();
        out.dedup_by(|a, b| a.path == b.path);
        if out.is_empty() {
            return Err(Error::NoFiles { root: self.root.clone(), globs: self.globs().join(", ") });
        }
        Ok(out)
    }

    /// The globs in use: each configured glob, and its `.yml` twin for a `.yaml` glob.
    #[must_use]
    pub fn globs(&self) -> Vec<String> {
        let mut globs = Vec::new();
        for glob in &self.guide.engagements {
            globs.push(glob.clone());
            if let Some(stem) = glob.strip_suffix(".yaml") {
                globs.push(format!("{stem}.yml"));
            }
        }
        globs
    }

    fn glob_sources(&self, out: &mut Vec<Source>) -> Result<()> {
        let globs = self.globs();
        let patterns: Vec<Pattern> = globs.iter().filter_map(|g| Pattern::new(g).ok()).collect();
        let mut starts: Vec<PathBuf> = globs.iter().map(|g| self.root.join(literal_prefix(g))).collect();
        starts.sort();
        starts.dedup();
        // Walk each distinct literal prefix once (skipping those inside another).
        let walked: Vec<PathBuf> =
            starts.iter().filter(|s| !starts.iter().any(|o| o != *s && s.starts_with(o))).cloned().collect();
        for start in walked {
            if start.is_dir() {
                self.walk(&start, out, |rel| patterns.iter().any(|p| p.matches_with(rel, MATCH)));
            }
        }
        Ok(())
    }

    /// Walks `start` (not following symlinks, skipping hidden folders and `target/`),
    /// keeping files whose workspace-relative path passes `keep`.
    fn walk(&self, start: &Path, out: &mut Vec<Source>, keep: impl Fn(&str) -> bool) {
        let config = self.root.join(CONFIG_FILE);
        let walker = WalkDir::new(start).follow_links(false).sort_by_file_name().into_iter();
        for entry in walker.filter_entry(|e| e.depth() == 0 || !skipped(e)).flatten() {
            if !entry.file_type().is_file() || entry.path() == config {
                continue;
            }
            let path = entry.path();
            let rel = path
                .strip_prefix(&self.root)
                .map_or_else(|_| slashed(path.strip_prefix(start).unwrap_or(path)), slashed);
            if keep(&rel) {
                out.push(Source { display: self.display(path, &rel), path: path.to_path_buf() });
            }
        }
    }
}

fn skipped(entry: &walkdir::DirEntry) -> bool {
    let name = entry.file_name().to_string_lossy();
    name.starts_with('.') || (entry.file_type().is_dir() && name == "target")
}

/// The folder part of a glob before its first wildcard.
#[must_use]
pub fn literal_prefix(glob: &str) -> PathBuf {
    let mut prefix = PathBuf::new();
    let parts: Vec<&str> = glob.split('/').collect();
    for part in &parts[..parts.len().saturating_sub(1)] {
        if part.contains(['*', '?', '[', ']', '{', '}']) {
            break;
        }
        prefix.push(part);
    }
    prefix
}

/// Whether a workspace-relative path (with `/`) is selected by one of `globs`.
#[must_use]
pub fn glob_matches(globs: &[String], rel: &str) -> bool {
    globs.iter().filter_map(|g| Pattern::new(g).ok()).any(|p| p.matches_with(rel, MATCH))
}

/// Whether a workspace-relative path (with `/`) is selected by one of the compiled `patterns`.
#[must_use]
pub fn patterns_match(patterns: &[Pattern], rel: &str) -> bool {
    patterns.iter().any(|p| p.matches_with(rel, MATCH))
}

/// The path from folder `from` to `to` (both absolute), with `/` separators.
#[must_use]
pub fn relative(from: &Path, to: &Path) -> String {
    let from: Vec<Component<'_>> = from.components().collect();
    let to: Vec<Component<'_>> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from.len() - common];
    parts.extend(to[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    parts.join("/")
}

/// A path with `/` separators.
#[must_use]
pub fn slashed(path: &Path) -> String {
    let parts: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    parts.join("/")
}

/// An absolute, lexically normalised path (symlinks are left alone).
#[must_use]
pub fn absolute(path: &Path) -> PathBuf {
    let joined =
        if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir().unwrap_or_default().join(path) };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Reads at most one byte more than [`MAX_FILE_BYTES`], so that a huge file is refused
/// without being read whole.
///
/// # Errors
/// When the file cannot be opened or read.
pub fn read_limited(path: &Path) -> Result<Vec<u8>> {
    let read = || -> std::io::Result<Vec<u8>> {
        let file = std::fs::File::open(path)?;
        let mut bytes = Vec::with_capacity(8192);
        file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes)?;
        Ok(bytes)
    };
    read().map_err(|source| Error::Read { path: path.to_path_buf(), source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(relative(Path::new("/w/engagements/north"), Path::new("/w/schema/s.json")), "../../schema/s.json");
        assert_eq!(relative(Path::new("/w"), Path::new("/w/schema/s.json")), "schema/s.json");
        assert_eq!(relative(Path::new("/elsewhere/x"), Path::new("/w/s.json")), "../../w/s.json");
    }

    #[test]
    fn prefixes() {
        assert_eq!(literal_prefix("engagements/**/*.yaml"), PathBuf::from("engagements"));
        assert_eq!(literal_prefix("a/b/*.yaml"), PathBuf::from("a/b"));
        assert_eq!(literal_prefix("*.yaml"), PathBuf::new());
    }

    #[test]
    fn discovery_walks_up_and_skips_hidden_folders() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path();
        std::fs::create_dir_all(root.join("engagements/north/.hidden")).expect("mkdir");
        std::fs::create_dir_all(root.join("engagements/target")).expect("mkdir");
        std::fs::write(root.join(CONFIG_FILE), "regions: [north]\n").expect("write");
        for f in [
            "engagements/north/a.yaml",
            "engagements/north/b.yml",
            "engagements/north/.hidden/c.yaml",
            "engagements/target/d.yaml",
            "engagements/north/e.txt",
        ] {
            std::fs::write(root.join(f), "x").expect("write");
        }
        let ws = Workspace::discover(None, &root.join("engagements/north")).expect("ws");
        assert_eq!(ws.root, absolute(root));
        assert_eq!(ws.guide.regions, ["north"]);
        let shown: Vec<String> = ws.sources(&[], root).expect("files").iter().map(|s| s.display.to_string()).collect();
        assert_eq!(shown, ["engagements/north/a.yaml", "engagements/north/b.yml"]);
        let named = ws.sources(&[PathBuf::from("engagements/north/.hidden/c.yaml")], root).expect("files");
        assert_eq!(&*named[0].display, "engagements/north/.hidden/c.yaml");
        assert!(matches!(ws.sources(&[PathBuf::from("nope.yaml")], root), Err(Error::NotFound { .. })));
    }
}
