//! The workspace: its root (found by walking up to `acctsum.yaml`), its field guide,
//! and the engagement files it holds.
//!
//! acctsum runs in CI on pull requests from anyone, so what it reads is confined to the
//! workspace: a symbolic link is followed only when it leads into the workspace (for
//! `acctsum.yaml` and for paths named on the command line) and never while walking, and
//! anything that is not a regular file is refused without being opened for reading. What
//! is refused or cannot be read becomes an `unreadable` finding that names the path and
//! nothing of what lies behind it.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use glob::{MatchOptions, Pattern};
use walkdir::WalkDir;

use crate::document::{self, MAX_FILE_BYTES};
use crate::error::{Error, Result};
use crate::facts::SchemaState;
use crate::guide::{CONFIG_FILE, Guide};
use crate::unreadable::Unreadable;

/// A workspace root and its validated guide.
#[derive(Debug)]
pub struct Workspace {
    /// The root folder (absolute).
    pub root: PathBuf,
    /// The root with every symbolic link resolved: what "inside the workspace" is checked against.
    pub real_root: PathBuf,
    /// `acctsum.yaml`, when the workspace has one.
    pub config: Option<PathBuf>,
    /// The field guide (the built-in default without a config).
    pub guide: Guide,
}

/// An engagement file to read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    /// The path shown to the user (see [`shown`]): workspace-relative with `/`, or as
    /// given. No two sources of one run show the same.
    pub display: Arc<str>,
    /// The path to open.
    pub path: PathBuf,
    /// Why it is not read, when that is known before opening it: a symbolic link found
    /// while walking, a folder that could not be listed, a link leading outside.
    pub refused: Option<Unreadable>,
}

impl Source {
    /// A file to read.
    #[must_use]
    pub fn new(display: Arc<str>, path: PathBuf) -> Self {
        Self { display, path, refused: None }
    }
}

const MATCH: MatchOptions =
    MatchOptions { case_sensitive: true, require_literal_separator: true, require_literal_leading_dot: true };

impl Workspace {
    /// Finds the workspace: `dir` itself when given (`-C`), else the nearest folder from
    /// `cwd` upwards that holds `acctsum.yaml`, else `cwd` with the built-in guide.
    ///
    /// # Errors
    /// When `dir` does not exist, or the config is refused (a symbolic link leading
    /// outside the workspace, not a regular file), cannot be read or is invalid.
    pub fn discover(dir: Option<&Path>, cwd: &Path) -> Result<Self> {
        let root = match dir {
            Some(dir) => {
                let dir = cwd.join(dir);
                if !dir.is_dir() {
                    return Err(Error::NotFound { path: shown(&dir) });
                }
                absolute(&dir)
            }
            None => {
                // Anything named acctsum.yaml (a folder, a pipe, a link) marks the root, so
                // that a config that cannot be used is reported, not passed over.
                let start = absolute(cwd);
                start
                    .ancestors()
                    .find(|a| std::fs::symlink_metadata(a.join(CONFIG_FILE)).is_ok())
                    .map_or(start.clone(), Path::to_path_buf)
            }
        };
        let real_root = std::fs::canonicalize(&root).unwrap_or_else(|_| root.clone());
        let config_path = root.join(CONFIG_FILE);
        let link = match std::fs::symlink_metadata(&config_path) {
            Ok(meta) => meta.file_type().is_symlink(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self { root, real_root, config: None, guide: Guide::default() });
            }
            Err(e) => return Err(Unreadable::io(&e, false).error(CONFIG_FILE)),
        };
        if let Some(why) = link.then(|| leads_outside(&config_path, &real_root, true)).flatten() {
            return Err(why.error(CONFIG_FILE));
        }
        let bytes = read_limited(&config_path).map_err(|why| why.error(CONFIG_FILE))?;
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
            Some(guide) if findings.is_empty() => Ok(Self { root, real_root, config: Some(config_path), guide }),
            _ => {
                findings.sort_by(crate::finding::Finding::order);
                Err(Error::Config { path: CONFIG_FILE.to_owned(), text, findings })
            }
        }
    }

    /// The workspace's written JSON Schema (`schema/engagement.schema.json`), read like an
    /// engagement file: a regular file only, bounded, never a pipe or a device, and never
    /// through a symbolic link that leads outside the workspace.
    #[must_use]
    pub fn schema_state(&self) -> SchemaState {
        let path = self.root.join(crate::schema::SCHEMA_PATH);
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return SchemaState::Missing,
            _ if self.escapes(&path).is_some() => return SchemaState::Unreadable,
            _ => {}
        }
        match read_limited(&path).map(String::from_utf8) {
            Ok(Ok(text)) => serde_json::from_str(&text).map_or(SchemaState::NotJson, SchemaState::Written),
            _ => SchemaState::Unreadable,
        }
    }

    /// The path shown for `path`: relative to the root with `/` when inside it, else
    /// `as_given`. Either way as [`shown`] writes it.
    #[must_use]
    pub fn display(&self, path: &Path, as_given: &str) -> Arc<str> {
        self.shown_at(path, Path::new(as_given))
    }

    fn shown_at(&self, path: &Path, as_given: &Path) -> Arc<str> {
        Arc::from(shown(path.strip_prefix(&self.root).unwrap_or(as_given)))
    }

    /// Why `path` (absolute) is refused as a symbolic link leading outside the
    /// workspace. Inside the workspace every link on the way counts; a path named
    /// outside it is taken as named, unless it is itself a link leading out.
    fn escapes(&self, path: &Path) -> Option<Unreadable> {
        let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !link && !path.starts_with(&self.root) {
            return None;
        }
        leads_outside(path, &self.real_root, link)
    }

    /// The engagement files: the explicit paths when any are given (files as named,
    /// folders searched for `*.yaml`/`*.yml`), else those the guide's globs select.
    /// A path that is refused or cannot be listed is kept, with the reason, so that it
    /// becomes a finding rather than silently dropping out.
    ///
    /// # Errors
    /// When a named path does not exist, or nothing is found.
    pub fn sources(&self, paths: &[PathBuf], cwd: &Path) -> Result<Vec<Source>> {
        let mut out = Vec::new();
        if paths.is_empty() {
            self.glob_sources(&mut out);
        } else {
            for given in paths {
                self.named(given, cwd, &mut out)?;
            }
        }
        out.sort();
        // One source per real path, however many ways it was named: the first kept.
        let mut seen = HashSet::with_capacity(out.len());
        let first: Vec<bool> = out.iter().map(|s| seen.insert(s.path.as_path())).collect();
        let mut first = first.into_iter();
        out.retain(|_| first.next().unwrap_or(true));
        self.unique_displays(&mut out);
        if out.is_empty() {
            return Err(Error::NoFiles { root: self.root.clone(), globs: self.globs().join(", ") });
        }
        Ok(out)
    }

    /// Whether this is a workspace set up and waiting for its first engagement file (as
    /// `acctsum init` leaves it): it has `acctsum.yaml`, and the folder each configured
    /// glob starts from exists. Finding no files there is a normal first state; finding
    /// none because a glob names a folder that is not there (or because there is no
    /// config, so this may be the wrong folder) is not, and stays an error.
    #[must_use]
    pub fn awaits_first_file(&self) -> bool {
        self.config.is_some()
            && !self.guide.engagements.is_empty()
            && self.guide.engagements.iter().all(|glob| {
                let start = self.root.join(literal_prefix(glob));
                std::fs::symlink_metadata(&start).is_ok_and(|m| m.is_dir()) && self.escapes(&start).is_none()
            })
    }

    /// Adds the sources a path named on the command line stands for.
    fn named(&self, given: &Path, cwd: &Path, out: &mut Vec<Source>) -> Result<()> {
        let path = absolute(&cwd.join(given));
        let display = self.shown_at(&path, given);
        let meta = match std::fs::metadata(&path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Error::NotFound { path: shown(given) }),
            Err(e) => {
                out.push(Source { display, path, refused: Some(Unreadable::io(&e, false)) });
                return Ok(());
            }
        };
        // A pipe, a device (`/dev/stdin`), a socket: refused before anything else is asked of it.
        let refused = if meta.is_dir() || meta.is_file() {
            self.escapes(&path)
        } else {
            Some(Unreadable::of_type(meta.file_type()))
        };
        if refused.is_some() {
            out.push(Source { display, path, refused });
            return Ok(());
        }
        if !meta.is_dir() {
            out.push(Source::new(display, path));
            return Ok(());
        }
        let mut found = Vec::new();
        self.walk(&path, &mut found, |rel| {
            let rel = Path::new(rel);
            rel.extension().is_some_and(|e| e == "yaml" || e == "yml")
        });
        // Files outside the workspace are shown under the folder as it was given.
        for source in found.iter_mut().filter(|s| !s.path.starts_with(&self.root)) {
            let rest = source.path.strip_prefix(&path).map(shown).unwrap_or_default();
            source.display = match rest.as_str() {
                "." => display.clone(),
                rest => Arc::from(format!("{}/{rest}", display.trim_end_matches('/'))),
            };
        }
        out.append(&mut found);
        Ok(())
    }

    /// Two sources never show the same path, so that findings, snippets and models keyed
    /// by it cannot mix two files up: a file outside the workspace whose path as given
    /// reads like another's is shown by its absolute path instead.
    fn unique_displays(&self, sources: &mut [Source]) {
        // The sources are in display order: those shown alike are next to each other.
        let shared: Vec<bool> = (0..sources.len())
            .map(|i| {
                let alike = |j: usize| sources.get(j).is_some_and(|o: &Source| o.display == sources[i].display);
                (i > 0 && alike(i - 1)) || alike(i + 1)
            })
            .collect();
        let mut changed = false;
        for (source, shared) in sources.iter_mut().zip(shared) {
            if shared && !source.path.starts_with(&self.root) {
                source.display = Arc::from(shown(&source.path));
                changed = true;
            }
        }
        if changed {
            sources.sort();
        }
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

    /// The files `globs` select (with their `.yml` twins), walked as the engagement files
    /// are: what is refused is kept with the reason.
    #[must_use]
    pub fn sources_of(&self, globs: &[String]) -> Vec<Source> {
        let mut globs = globs.to_vec();
        globs.extend(
            globs.iter().filter_map(|g| g.strip_suffix(".yaml")).map(|s| format!("{s}.yml")).collect::<Vec<_>>(),
        );
        let mut out = Vec::new();
        self.walk_globs(&globs, &mut out);
        out.sort();
        out
    }

    fn glob_sources(&self, out: &mut Vec<Source>) {
        self.walk_globs(&self.globs(), out);
    }

    fn walk_globs(&self, globs: &[String], out: &mut Vec<Source>) {
        let patterns: Vec<Pattern> = globs.iter().filter_map(|g| Pattern::new(g).ok()).collect();
        let mut starts: Vec<PathBuf> = globs.iter().map(|g| absolute(&self.root.join(literal_prefix(g)))).collect();
        starts.sort();
        starts.dedup();
        // Walk each distinct literal prefix once (skipping those inside another).
        let walked: Vec<PathBuf> =
            starts.iter().filter(|s| !starts.iter().any(|o| o != *s && s.starts_with(o))).cloned().collect();
        for start in walked {
            let refused = match std::fs::symlink_metadata(&start) {
                // No such folder: nothing to find there.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => Some(Unreadable::io(&e, true)),
                Ok(_) => self.escapes(&start),
            };
            if refused.is_some() {
                out.push(Source { display: self.shown_at(&start, &start), path: start, refused });
            } else if start.is_dir() {
                self.walk(&start, out, |rel| patterns.iter().any(|p| p.matches_with(rel, MATCH)));
            }
        }
    }

    /// Walks `start` (not following symlinks, skipping hidden folders and `target/`),
    /// keeping files whose workspace-relative path passes `keep`. A symbolic link that
    /// `keep` would select (or a link to a folder that could hold such files) and a
    /// folder that cannot be listed are kept with the reason they are not read.
    fn walk(&self, start: &Path, out: &mut Vec<Source>, keep: impl Fn(&str) -> bool) {
        let config = self.root.join(CONFIG_FILE);
        // In file-name order, as `sort_by_file_name` gives, each name taken from the path's
        // bytes rather than by parsing the path: a folder's entries are its path joined
        // with a name read from the folder, which holds no `/`.
        let walker = WalkDir::new(start)
            .follow_links(false)
            .sort_by(|a, b| last_part(a.path()).cmp(last_part(b.path())))
            .into_iter();
        for entry in walker.filter_entry(|e| e.depth() == 0 || !skipped(e)) {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().unwrap_or(start).to_path_buf();
                    let why = walk_problem(&path, err.io_error());
                    out.push(Source { display: self.shown_at(&path, &path), path, refused: Some(why) });
                    continue;
                }
            };
            let kind = entry.file_type();
            let path = entry.path();
            // The start is a folder (or a link to one inside the workspace) checked before.
            if entry.depth() == 0 || kind.is_dir() || path == config {
                continue;
            }
            let rel = path
                .strip_prefix(&self.root)
                .map_or_else(|_| slashed(path.strip_prefix(start).unwrap_or(path)), slashed);
            let refused = if kind.is_symlink() {
                // Only asks what the link leads to (a folder or not); nothing is opened.
                let folder = std::fs::metadata(path).is_ok_and(|m| m.is_dir());
                let probes = ["x.yaml", "x.yml", "x/x.yaml", "x/x.yml"];
                let selected = keep(&rel) || (folder && probes.iter().any(|p| keep(&format!("{rel}/{p}"))));
                if !selected {
                    continue;
                }
                Some(Unreadable::LinkFound { folder })
            } else if keep(&rel) {
                None
            } else {
                continue;
            };
            out.push(Source { display: self.shown_at(path, Path::new(&rel)), path: path.to_path_buf(), refused });
        }
    }
}

/// The bytes of a walked path after its last separator: the name of the entry, as
/// [`Path::file_name`] reads it, without parsing the whole path.
fn last_part(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    bytes.rsplit(|&b| std::path::is_separator(char::from(b))).next().unwrap_or(bytes)
}

/// Why a walk could not go on at `path`: it is a folder that cannot be listed (or, rarely,
/// an entry whose type cannot be read).
fn walk_problem(path: &Path, error: Option<&std::io::Error>) -> Unreadable {
    let folder = std::fs::symlink_metadata(path).map_or(true, |m| m.is_dir());
    match error {
        Some(error) => Unreadable::io(error, folder),
        // walkdir reports a loop without an I/O error; links are not followed, so this is rare.
        None => Unreadable::Failed { folder, why: "it leads round in a loop of symbolic links".to_owned() },
    }
}

/// Why the symbolic link `path` (or one on its way) is refused: its target lies outside
/// `real_root`, or it leads nowhere. `direct`: `path` is the link itself.
fn leads_outside(path: &Path, real_root: &Path, direct: bool) -> Option<Unreadable> {
    match std::fs::canonicalize(path) {
        Ok(real) if real.starts_with(real_root) => None,
        Ok(_) => Some(Unreadable::LinkOutside { direct }),
        Err(e) => Some(Unreadable::io(&e, false)),
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

/// A path with `/` separators, for matching against globs (a name that is not UTF-8
/// is read lossily; show paths with [`shown`]).
#[must_use]
pub fn slashed(path: &Path) -> String {
    let mut out = String::with_capacity(path.as_os_str().len());
    for (i, part) in path.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&part.as_os_str().to_string_lossy());
    }
    out
}

/// A path as acctsum shows it to the user, built from its bytes: `/` between its parts,
/// text kept as it is, and everything else escaped, so that two different paths never
/// show the same and no file name can drive a terminal. A byte that is not part of
/// valid UTF-8 is shown as `\xFF`; a control character (C0, DEL, C1) as `\n`, `\t`, `\r`,
/// `\e` (escape) or `\u{9b}`; a character that reorders or breaks lines of text (bidi
/// controls, U+2028, U+2029) as `\u{202e}`; a backslash as `\\`. The empty path is `.`.
#[must_use]
pub fn shown(path: &Path) -> String {
    let mut out = String::new();
    for part in path.components() {
        if part == Component::RootDir {
            out.push('/');
            continue;
        }
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        escape_into(&mut out, part.as_os_str().as_encoded_bytes());
    }
    if out.is_empty() {
        out.push('.');
    }
    out
}

fn escape_into(out: &mut String, bytes: &[u8]) {
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            match c {
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                '\r' => out.push_str("\\r"),
                '\u{1b}' => out.push_str("\\e"),
                c if c.is_control() || reorders(c) => {
                    let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                }
                c => out.push(c),
            }
        }
        for byte in chunk.invalid() {
            let _ = write!(out, "\\x{byte:02X}");
        }
    }
}

/// Characters that change the order or the lines in which text is displayed.
fn reorders(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
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

/// Reads a regular file, at most one byte more than [`MAX_FILE_BYTES`] of it, so that a
/// huge file is refused without being read whole. Anything else (a named pipe, a socket,
/// a device, a folder) is refused without being opened for reading, so that nothing can
/// block: the type is checked before opening, and again on the opened file, which is
/// opened non-blocking, in case the path was swapped in between.
///
/// # Errors
/// When the path is not a regular file, or cannot be opened or read.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let failed = |e: std::io::Error| Unreadable::io(&e, false);
    let kind = std::fs::metadata(path).map_err(failed)?.file_type();
    if !kind.is_file() {
        return Err(Unreadable::of_type(kind));
    }
    let file = open_without_blocking(path).map_err(failed)?;
    let meta = file.metadata().map_err(failed)?;
    if !meta.is_file() {
        return Err(Unreadable::of_type(meta.file_type()));
    }
    // Room for the whole file as it is now (a file that grows meanwhile still reads).
    let size = usize::try_from(meta.len()).unwrap_or(usize::MAX).min(MAX_FILE_BYTES + 1);
    let mut bytes = Vec::with_capacity(size);
    file.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes).map_err(failed)?;
    Ok(bytes)
}

/// `O_NONBLOCK` where its value is known: opening a named pipe with it returns at once
/// instead of waiting for a writer (the libc crate is not worth adding for one constant).
/// Elsewhere (0) the type checks before and after opening stand alone.
#[cfg(unix)]
const O_NONBLOCK: i32 = if cfg!(any(
    target_os = "macos",
    target_os = "ios",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "openbsd",
    target_os = "dragonfly"
)) {
    0x0004
} else if cfg!(all(
    any(target_os = "linux", target_os = "android"),
    any(
        target_arch = "x86",
        target_arch = "x86_64",
        target_arch = "arm",
        target_arch = "aarch64",
        target_arch = "riscv64",
        target_arch = "powerpc",
        target_arch = "powerpc64",
        target_arch = "s390x",
        target_arch = "loongarch64"
    )
)) {
    0o4000
} else {
    0
};

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new().read(true).custom_flags(O_NONBLOCK).open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walked_entry_is_named_and_slashed_as_the_path_reads_it() {
        for path in ["a/b.yaml", "/abs/x/y.yml", "one", "a/b c/é.yaml", "./a/b", "a//b"] {
            let path = Path::new(path);
            assert_eq!(last_part(path), path.file_name().expect("name").as_encoded_bytes(), "{path:?}");
            let parts: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            assert_eq!(slashed(path), parts.join("/"), "{path:?}");
        }
    }

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

    #[test]
    fn shown_paths_escape_what_is_not_printable_text_and_never_collide() {
        let show = |s: &str| shown(Path::new(s));
        assert_eq!(show("engagements/north/zoë.yaml"), "engagements/north/zoë.yaml");
        assert_eq!(show("/abs/a.yaml"), "/abs/a.yaml");
        assert_eq!(show("./a/"), "./a");
        assert_eq!(show(""), ".");
        assert_eq!(show("a\\nb/\n\t\r\u{1b}[31m\u{7f}\u{9b}x"), "a\\\\nb/\\n\\t\\r\\e[31m\\u{7f}\\u{9b}x");
        assert_eq!(show("evil\u{202e}lmy.yaml"), "evil\\u{202e}lmy.yaml");
        // A backslash is escaped too, so a name cannot spell another name's escape.
        assert_ne!(show("a\\n"), show("a\n"));
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let raw = |b: &[u8]| shown(Path::new(std::ffi::OsStr::from_bytes(b)));
            assert_eq!(raw(b"a\xff.yaml"), "a\\xFF.yaml");
            assert_ne!(raw(b"a\xff.yaml"), raw(b"a\xfe.yaml"));
            assert_ne!(raw(b"a\xff.yaml"), show("a\\xFF.yaml"));
            assert_eq!(raw(b"caf\xc3\xa9\xc3"), "café\\xC3");
        }
    }

    #[test]
    fn sources_are_one_per_real_path_and_never_shown_alike() {
        let tmp = tempfile::tempdir().expect("tmp");
        let (ws_dir, other) = (tmp.path().join("ws"), tmp.path().join("other"));
        for dir in [&ws_dir, &other] {
            std::fs::create_dir_all(dir.join("engagements")).expect("mkdir");
            std::fs::write(dir.join("engagements/a.yaml"), "x").expect("write");
        }
        let ws = Workspace::discover(Some(&ws_dir), tmp.path()).expect("ws");
        // One file outside, named once as a file and once through its folder, with another
        // file shown between the two.
        std::fs::write(other.join("z.yaml"), "x").expect("write");
        let twice = [other.join("engagements/a.yaml"), PathBuf::from("./other/engagements"), "./other/z.yaml".into()];
        assert_eq!(ws.sources(&twice, tmp.path()).expect("files").len(), 2);
        // Two files both given as `engagements/a.yaml`: the one outside shows its absolute path.
        let alike = [PathBuf::from("engagements/a.yaml"), ws_dir.join("engagements/a.yaml")];
        let shown: Vec<String> =
            ws.sources(&alike, &other).expect("files").iter().map(|s| s.display.to_string()).collect();
        assert_eq!(
            shown,
            [super::shown(&absolute(&other.join("engagements/a.yaml"))), "engagements/a.yaml".to_owned()]
        );
    }

    #[test]
    fn walk_problems_name_the_folder_and_the_reason() {
        let tmp = tempfile::tempdir().expect("tmp");
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let why = walk_problem(tmp.path(), Some(&denied));
        assert_eq!(why.message(), "is a folder that cannot be read: permission denied");
        let looped = walk_problem(tmp.path(), None);
        assert!(looped.message().contains("loop of symbolic links"), "{}", looped.message());
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let tmp = tempfile::tempdir().expect("tmp");
        assert_eq!(read_limited(tmp.path()), Err(Unreadable::NotRegular("a folder")));
        assert_eq!(read_limited(Path::new("/dev/null")), Err(Unreadable::NotRegular("a character device")));
        let file = tmp.path().join("a.yaml");
        std::fs::write(&file, vec![b'x'; MAX_FILE_BYTES + 10]).expect("write");
        assert_eq!(read_limited(&file).map(|b| b.len()), Ok(MAX_FILE_BYTES + 1));
    }
}
