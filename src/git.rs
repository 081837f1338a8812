//! Reading engagement versions from git: a handful of `git` processes per command, never
//! one per file — blob sizes and contents are read through one `git cat-file` each.
//!
//! Git runs on the workspace's own repository only, whatever the environment says:
//! every `GIT_*` variable that could point it elsewhere or change what it prints is
//! removed, pathspecs are literal, and names are listed NUL-separated and kept as the
//! bytes git printed.

mod process;
mod raw;

use std::collections::{HashMap, HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use chrono::NaiveDate;

use self::process::{Batch, detail};
use self::raw::{Field, Parser, Raw};
use crate::error::{Error, Result};

/// The `GIT_*` variables passed on to git: they only bound where git looks for the
/// workspace's own repository, never point it at another one.
const KEPT_VARIABLES: [&str; 2] = ["GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM"];

/// Options before every command: literal pathspecs (`e*.yaml` names one file), the real
/// objects (no replace refs), names printed as they are, no hook that could run a program.
const GLOBAL_OPTIONS: [&str; 8] = [
    "--literal-pathspecs",
    "--no-replace-objects",
    "-c",
    "core.quotepath=off",
    "-c",
    "log.showSignature=false",
    "-c",
    "core.fsmonitor=false",
];

/// A repository seen from a workspace inside it.
#[derive(Debug)]
pub struct Repo {
    /// The workspace root.
    root: PathBuf,
    /// The workspace root relative to the repository's top, as git prints it: `/`-separated
    /// with a trailing `/` (empty when the workspace is the top).
    prefix: Vec<u8>,
}

/// A commit that a comparison starts from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commit {
    /// Full object id.
    pub id: String,
    /// Its committer date.
    pub date: NaiveDate,
    /// What the user asked for (`v1.2`, `2026-11-01`, `HEAD~3`).
    pub asked: String,
}

impl Commit {
    /// The abbreviated id.
    #[must_use]
    pub fn short(&self) -> &str {
        &self.id[..self.id.len().min(10)]
    }
}

/// What a path holds at a commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Object {
    /// A regular file: its blob id, and its size in bytes once known.
    File {
        /// The blob id.
        id: String,
        /// Its size; `None` until asked (see [`Repo::sizes`]).
        size: Option<u64>,
    },
    /// A symbolic link or a submodule: not a file acctsum reads.
    Other,
    /// No file: the commit deleted it (or git listed the commit without the file).
    Deleted,
}

impl Object {
    /// From a mode and an object id as git lists them.
    fn from_mode(mode: &str, id: &str, size: Option<u64>) -> Self {
        match mode {
            "100644" | "100755" | "100664" if is_object_id(id) => Self::File { id: id.to_owned(), size },
            "000000" => Self::Deleted,
            _ => Self::Other,
        }
    }
}

/// A file under the workspace at some commit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Its path relative to the workspace root, byte for byte as git names it.
    pub path: PathBuf,
    /// What it holds.
    pub object: Object,
}

/// One version of a file in its history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The commit.
    pub commit: String,
    /// Its committer date.
    pub date: NaiveDate,
    /// The file's path at that commit, relative to the repository's top, as shown.
    pub path: String,
    /// What the file was at that commit.
    pub object: Object,
}

/// A commit as the log lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logged {
    /// Full object id.
    pub id: String,
    /// Its committer date.
    pub date: NaiveDate,
}

/// How a changed file relates to another path in the same commit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paired {
    /// Renamed from it (the other path is gone).
    Renamed,
    /// Copied from it (the other path is still there).
    Copied,
}

/// One file a commit changed, as `git log --raw -M` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// Its path after the commit, relative to the workspace root, byte for byte.
    pub path: PathBuf,
    /// The path git paired it with (relative to the workspace root), and how.
    pub from: Option<(PathBuf, Paired)>,
    /// What the path holds after the commit ([`Object::Deleted`] when it was deleted).
    pub object: Object,
}

/// A blob's content as `git cat-file --batch` gave it.
#[derive(Debug, PartialEq, Eq)]
pub enum Content {
    /// The bytes.
    Bytes(Vec<u8>),
    /// Larger than the limit asked for: its size; the bytes were skipped, never kept.
    TooLarge(u64),
    /// Not in the repository (a shallow or partial clone), or not a blob.
    Missing,
}

/// Whether `s` looks like an object id (hexadecimal, SHA-1 or SHA-256 length).
fn is_object_id(s: &str) -> bool {
    matches!(s.len(), 40 | 64) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A name as git printed it (bytes), as a path.
#[cfg(unix)]
fn path_of(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(OsStr::from_bytes(bytes))
}

/// A name as git printed it (bytes), as a path. Git stores names as UTF-8 off Unix.
#[cfg(not(unix))]
fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// A name as git printed it, as shown to the user.
fn shown(bytes: &[u8]) -> String {
    crate::workspace::shown(&path_of(bytes))
}

/// A commit date as git printed it (`%cs`).
fn date_of(commit: &str, text: &str) -> Result<NaiveDate> {
    crate::validate::parse_date(text)
        .ok_or_else(|| Error::GitDate { commit: commit.to_owned(), text: text.chars().take(80).collect() })
}

/// The command as named in messages: its first words, without the options always passed.
fn named(args: &[&OsStr]) -> String {
    args.iter().take(2).map(|a| a.to_string_lossy()).collect::<Vec<_>>().join(" ")
}

impl Repo {
    /// The repository holding `root`.
    ///
    /// # Errors
    /// When git cannot run, or `root` is not inside a git work tree.
    pub fn open(root: &Path) -> Result<Self> {
        let mut repo = Self { root: root.to_path_buf(), prefix: Vec::new() };
        let out = repo.output(&["rev-parse", "--show-prefix"])?;
        if !out.status.success() {
            if String::from_utf8_lossy(&out.stderr).contains("not a git repository") {
                return Err(Error::usage(
                    format!(
                        "{} is not inside a git repository, so there is no history to compare with",
                        root.display()
                    ),
                    Some(
                        "--since and `history` read the workspace's git history; run them in a clone of the repository",
                    ),
                ));
            }
            return Err(Error::GitFailed { command: "rev-parse --show-prefix".into(), detail: detail(&out.stderr) });
        }
        // The prefix is printed as it is, then one newline (a folder name may hold others).
        let mut prefix = out.stdout;
        if prefix.last() == Some(&b'\n') {
            prefix.pop();
        }
        repo.prefix = prefix;
        Ok(repo)
    }

    /// Git, run on the workspace's repository and nothing else.
    fn command(&self) -> Command {
        let mut cmd = Command::new("git");
        for (name, _) in std::env::vars_os() {
            let inherited = name.to_str().is_some_and(|n| KEPT_VARIABLES.contains(&n));
            if name.as_encoded_bytes().starts_with(b"GIT_") && !inherited {
                cmd.env_remove(name);
            }
        }
        cmd.arg("-C")
            .arg(&self.root)
            .args(GLOBAL_OPTIONS)
            .env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            // Reading never needs the index written back.
            .env("GIT_OPTIONAL_LOCKS", "0")
            .stdin(Stdio::null());
        cmd
    }

    /// Runs git and returns what it printed, whatever its exit status.
    fn output<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<Output> {
        let args: Vec<&OsStr> = args.iter().map(AsRef::as_ref).collect();
        self.command()
            .args(&args)
            .output()
            .map_err(|source| Error::Git { what: format!("git {}", named(&args)), source })
    }

    /// Runs git and returns its standard output.
    fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<Vec<u8>> {
        let out = self.output(args)?;
        if !out.status.success() {
            let args: Vec<&OsStr> = args.iter().map(AsRef::as_ref).collect();
            return Err(Error::GitFailed { command: named(&args), detail: detail(&out.stderr) });
        }
        Ok(out.stdout)
    }

    /// Whether `HEAD` names a commit (not so in a repository without commits).
    fn has_commits(&self) -> bool {
        self.output(&["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).is_ok_and(|out| out.status.success())
    }

    fn is_shallow(&self) -> bool {
        self.run(&["rev-parse", "--is-shallow-repository"]).is_ok_and(|s| s.trim_ascii() == b"true")
    }

    /// Resolves `since`: a date (`YYYY-MM-DD`: the last commit on or before that day) or
    /// any revision git understands.
    ///
    /// # Errors
    /// When nothing matches (with a word on shallow clones), or git fails.
    pub fn resolve(&self, since: &str) -> Result<Commit> {
        let since = since.trim();
        let shallow = || {
            if self.is_shallow() { " This is a shallow clone: fetch more history (git fetch --unshallow)." } else { "" }
        };
        if let Some(day) = crate::validate::parse_date(since) {
            let Some(commit) = self.on_or_before(day)? else {
                return Err(Error::usage(format!("no commit on or before {day}.{}", shallow()), None));
            };
            return Ok(Commit { asked: since.to_owned(), ..commit });
        }
        let spec = format!("{since}^{{commit}}");
        let out = self.output(&["rev-parse", "--verify", "--quiet", "--end-of-options", &spec])?;
        let id = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        // `--verify --quiet` exits 1, saying nothing, when the revision does not exist.
        if out.status.code() == Some(1) || (out.status.success() && !is_object_id(&id)) {
            return Err(Error::usage(
                format!("unknown revision `{since}`.{}", shallow()),
                Some("give a commit, branch or tag, or a date as YYYY-MM-DD"),
            ));
        }
        if !out.status.success() {
            return Err(Error::GitFailed { command: "rev-parse --verify".into(), detail: detail(&out.stderr) });
        }
        let date = self.run(&["show", "-s", "--format=%cs", &id, "--"])?;
        let date = date_of(&id, String::from_utf8_lossy(&date).trim())?;
        Ok(Commit { id, date, asked: since.to_owned() })
    }

    /// The newest commit reachable from `HEAD` whose committer date is on or before `day`
    /// (as [`Repo::resolve`] reads a date), asked for as `day`; `None` when there is none
    /// (no commit that old, or no commit at all).
    ///
    /// # Errors
    /// When git fails.
    pub fn on_or_before(&self, day: NaiveDate) -> Result<Option<Commit>> {
        let found = match self.last_commit_on_or_before(day) {
            Err(_) if !self.has_commits() => None,
            other => other?,
        };
        Ok(found.map(|(id, date)| Commit { id, date, asked: day.to_string() }))
    }

    /// The newest commit reachable from `HEAD` whose committer date (in the committer's
    /// time zone, as shown everywhere) is on or before `day`. Decided here rather than by
    /// `git rev-list --before`, whose date parser gives up on far-future dates. A commit
    /// whose date git cannot print cannot be placed in time and is passed over.
    fn last_commit_on_or_before(&self, day: NaiveDate) -> Result<Option<(String, NaiveDate)>> {
        let mut best: Option<(i64, String, NaiveDate)> = None;
        process::each_line(self.command(), &["log", "--format=%H %ct %cs", "HEAD", "--"], |line| {
            let line = String::from_utf8_lossy(line);
            let mut words = line.split(' ');
            let (Some(id), Some(time), Some(date)) = (words.next(), words.next(), words.next()) else { return };
            let (Ok(time), Some(date)) = (time.parse::<i64>(), crate::validate::parse_date(date)) else { return };
            if date <= day && best.as_ref().is_none_or(|(t, _, _)| time > *t) {
                best = Some((time, id.to_owned(), date));
            }
        })?;
        Ok(best.map(|(_, id, date)| (id, date)))
    }

    /// The files under the workspace at `commit`, with their sizes.
    ///
    /// # Errors
    /// When git fails.
    pub fn files_at(&self, commit: &str) -> Result<Vec<Entry>> {
        let out = self.run(&["ls-tree", "-r", "-l", "-z", "--full-name", commit, "--", "."])?;
        Ok(out
            .split(|&b| b == 0)
            .filter_map(|entry| {
                // `<mode> <type> <id> <size>\t<path>`, the size padded with spaces.
                let tab = entry.iter().position(|&b| b == b'\t')?;
                let meta = String::from_utf8_lossy(&entry[..tab]);
                let mut meta = meta.split_whitespace();
                let (mode, _, id, size) = (meta.next()?, meta.next()?, meta.next()?, meta.next()?);
                let path = entry[tab + 1..].strip_prefix(self.prefix.as_slice())?;
                let object = Object::from_mode(mode, id, size.parse().ok());
                Some(Entry { path: path_of(path), object })
            })
            .collect())
    }

    /// The blob id at `HEAD` of each regular file under the workspace that the working
    /// tree holds as it is there (neither edited, staged, deleted nor replaced), by path
    /// relative to the workspace root: one `git ls-tree` and one `git diff HEAD`.
    ///
    /// # Errors
    /// When git fails, as it does in a repository without commits.
    pub fn unchanged_at_head(&self) -> Result<HashMap<PathBuf, String>> {
        let args = [
            "diff",
            "--name-only",
            "-z",
            "--no-renames",
            "--no-relative",
            "--no-ext-diff",
            "--no-textconv",
            "HEAD",
            "--",
            ".",
        ];
        let out = self.run(&args)?;
        let changed: HashSet<PathBuf> =
            out.split(|&b| b == 0).filter_map(|path| path.strip_prefix(self.prefix.as_slice()).map(path_of)).collect();
        Ok(self
            .files_at("HEAD")?
            .into_iter()
            .filter(|entry| !changed.contains(&entry.path))
            .filter_map(|entry| match entry.object {
                Object::File { id, .. } => Some((entry.path, id)),
                Object::Other | Object::Deleted => None,
            })
            .collect())
    }

    /// Renames between `commit` and the working tree: (old path, new path), relative to
    /// the workspace root.
    ///
    /// # Errors
    /// When git fails.
    pub fn renames(&self, commit: &str) -> Result<Vec<(PathBuf, PathBuf)>> {
        let args = ["diff", "-z", "--name-status", "-M", "--diff-filter=R", "--no-ext-diff", "--no-textconv", commit];
        let out = self.run(&[&args[..], &["--", "."]].concat())?;
        let mut fields = out.split(|&b| b == 0);
        let mut renames = Vec::new();
        while let Some(status) = fields.next() {
            let (Some(old), Some(new)) = (fields.next(), fields.next()) else { break };
            if status.starts_with(b"R") {
                if let (Some(old), Some(new)) =
                    (old.strip_prefix(self.prefix.as_slice()), new.strip_prefix(self.prefix.as_slice()))
                {
                    renames.push((path_of(old), path_of(new)));
                }
            }
        }
        Ok(renames)
    }

    /// The commits that touched `path` (relative to the workspace root), oldest first,
    /// following renames, each with the file's blob there.
    ///
    /// # Errors
    /// When git fails or prints a date that is not one.
    pub fn log(&self, path: &Path) -> Result<Vec<Version>> {
        let args: [&OsStr; 9] = [
            "log".as_ref(),
            "--follow".as_ref(),
            "--no-abbrev".as_ref(),
            "--raw".as_ref(),
            "-z".as_ref(),
            "--no-ext-diff".as_ref(),
            "--format=%H %cs".as_ref(),
            "--".as_ref(),
            path.as_os_str(),
        ];
        let out = self.run(&args)?;
        let mut versions = parse_log(&out)?;
        versions.reverse();
        Ok(versions)
    }

    /// Every change to a file under the workspace in the history of `HEAD`, newest commit
    /// first, renames detected (`-M`) among the workspace's files: one `git log`, whose
    /// output is read as it comes, never held. Merge commits list no changes. A repository
    /// without commits has none.
    ///
    /// # Errors
    /// When git fails or prints a date that is not one, or when `each` fails.
    pub fn changes(&self, each: impl FnMut(&Logged, Change) -> Result<()>) -> Result<()> {
        self.changes_after(None, each)
    }

    /// [`Repo::changes`] in the commits after `base` only (`base..HEAD`: those reachable
    /// from `HEAD` and not from `base`); with `None`, in the whole history.
    ///
    /// # Errors
    /// When git fails or prints a date that is not one, or when `each` fails.
    pub fn changes_after(
        &self,
        base: Option<&Commit>,
        mut each: impl FnMut(&Logged, Change) -> Result<()>,
    ) -> Result<()> {
        // A full object id, never an option: `resolve` verified it.
        let range = base.map(|b| format!("{}..HEAD", b.id));
        // `--no-follow`: a `log.follow` setting would follow the pathspec `.` as one file.
        let mut args = vec![
            "log",
            "--no-follow",
            "--no-abbrev",
            "--raw",
            "-z",
            "-M",
            "--no-ext-diff",
            "--no-textconv",
            "--format=%H %cs",
        ];
        args.extend(range.as_deref());
        args.extend(["--", "."]);
        let mut parser = Parser::default();
        let mut commit: Option<Logged> = None;
        let listed = process::each_record(self.command(), &args, 0, |field| match parser.field(field)? {
            Some(Field::Commit { id, date }) => {
                commit = Some(Logged { id, date });
                Ok(())
            }
            Some(Field::Change(raw)) => match (&commit, self.change(raw)) {
                (Some(commit), Some(change)) => each(commit, change),
                _ => Ok(()),
            },
            None => Ok(()),
        });
        match listed {
            Err(Error::GitFailed { .. }) if !self.has_commits() => Ok(()),
            other => other,
        }
    }

    /// A raw entry under the workspace, its paths made workspace-relative (a path it was
    /// paired with outside the workspace is left out).
    fn change(&self, raw: Raw) -> Option<Change> {
        let Raw { mode, id, paired, from, path } = raw;
        let relative = |p: &[u8]| p.strip_prefix(self.prefix.as_slice()).map(path_of);
        let how = if paired == Some(b'R') { Paired::Renamed } else { Paired::Copied };
        let from = from.as_deref().and_then(relative).map(|from| (from, how));
        Some(Change { path: relative(&path)?, from, object: Object::from_mode(&mode, &id, None) })
    }

    /// The size of each blob, in one `git cat-file --batch-check`; `None` for an object
    /// the repository does not hold.
    ///
    /// # Errors
    /// When git fails.
    pub fn sizes(&self, ids: &[&str]) -> Result<Vec<Option<u64>>> {
        let mut sizes = Vec::with_capacity(ids.len());
        if ids.is_empty() {
            return Ok(sizes);
        }
        let mut batch = Batch::start(self.command(), "--batch-check", ids)?;
        for _ in ids {
            let header = batch.header()?;
            sizes.push(header.and_then(|(kind, size)| (kind == "blob").then_some(size)));
        }
        batch.finish()?;
        Ok(sizes)
    }

    /// Reads blobs, in order, in one `git cat-file --batch`, handing each to `each` (its
    /// index in `ids`) as it arrives, so that only one is held at a time. A blob over
    /// `limit` bytes is skipped, never held.
    ///
    /// # Errors
    /// When git fails, or when `each` does.
    pub fn read_blobs(
        &self,
        ids: &[&str],
        limit: u64,
        mut each: impl FnMut(usize, Content) -> Result<()>,
    ) -> Result<()> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut batch = Batch::start(self.command(), "--batch", ids)?;
        for i in 0..ids.len() {
            let content = match batch.header()? {
                Some(("blob", size)) if size <= limit => Content::Bytes(batch.body(size)?),
                Some((kind, size)) => {
                    batch.skip(size)?;
                    if kind == "blob" { Content::TooLarge(size) } else { Content::Missing }
                }
                None => Content::Missing,
            };
            each(i, content)?;
        }
        batch.finish()
    }
}

/// Parses `git log --raw -z --format='%H %cs'` of one file: each commit that lists it is
/// a version, with the first path it lists there.
fn parse_log(out: &[u8]) -> Result<Vec<Version>> {
    let mut versions: Vec<Version> = Vec::new();
    // A commit counts once git lists the file in it.
    let mut commit: Option<(String, NaiveDate)> = None;
    let mut parser = Parser::default();
    for field in out.split(|&b| b == 0) {
        match parser.field(field)? {
            Some(Field::Commit { id, date }) => commit = Some((id, date)),
            Some(Field::Change(raw)) => {
                if let Some((id, date)) = commit.take() {
                    let object = Object::from_mode(&raw.mode, &raw.id, None);
                    versions.push(Version { commit: id, date, path: shown(&raw.path), object });
                }
            }
            None => {}
        }
    }
    Ok(versions)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_paths_are_taken_by_count_whatever_they_hold() {
        // Names are kept whole and shown losslessly escaped.
        let a = "a".repeat(40);
        let b = "b".repeat(40);
        let c = "c".repeat(40);
        // A commit git lists without the file (`d`) is not a version of it.
        let out = format!(
            "{a} 2026-11-05\0\n:100644 100644 {b} {c} M\0odd\n:name\0{b} 2026-10-01\0\n:100644 100644 {c} {b} R090\0old\0e\u{1}new\0{} 2026-09-15\0{c} 2026-09-01\0\n:100644 000000 {c} {} D\0gone\0{b} 2026-08-01\0\n:000000 120000 {} {a} A\0link\0",
            "d".repeat(40),
            "0".repeat(40),
            "0".repeat(40)
        );
        let versions = parse_log(out.as_bytes()).expect("parses");
        let seen: Vec<(&str, &str, &Object)> =
            versions.iter().map(|v| (&v.commit[..1], v.path.as_str(), &v.object)).collect();
        assert_eq!(
            seen,
            [
                ("a", "odd\\n:name", &Object::File { id: c.clone(), size: None }),
                ("b", "e\\u{1}new", &Object::File { id: b.clone(), size: None }),
                ("c", "gone", &Object::Deleted),
                ("b", "link", &Object::Other),
            ]
        );
    }

    #[test]
    fn an_unreadable_git_date_is_an_error_with_its_text() {
        let out = format!("{} %cs\0", "a".repeat(40));
        let error = parse_log(out.as_bytes()).expect_err("no date");
        assert!(matches!(&error, Error::GitDate { text, .. } if text == "%cs"), "{error:?}");
    }
}
