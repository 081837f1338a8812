//! Reading engagement versions from git: a handful of `git` processes per command, never
//! one per file — blobs are read through a single `git cat-file --batch`.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use chrono::NaiveDate;

use crate::error::{Error, Result};

/// A repository seen from a workspace inside it.
#[derive(Debug)]
pub struct Repo {
    /// The workspace root.
    root: PathBuf,
    /// The workspace root relative to the repository's top, with `/` and a trailing `/`
    /// (empty when the workspace is the top).
    prefix: String,
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

/// One version of a file in its history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The commit.
    pub commit: String,
    /// Its committer date.
    pub date: NaiveDate,
    /// The file's path at that commit, relative to the repository's top.
    pub path: String,
}

fn git_error(what: &str, stderr: &str) -> Error {
    let detail = stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    Error::usage(format!("{what}: {detail}"), None)
}

impl Repo {
    /// The repository holding `root`.
    ///
    /// # Errors
    /// When git is missing or `root` is not inside a git work tree.
    pub fn open(root: &Path) -> Result<Self> {
        let mut repo = Self { root: root.to_path_buf(), prefix: String::new() };
        let out = repo.run(&["rev-parse", "--show-prefix"]).map_err(|e| match e {
            Error::Usage { .. } => Error::usage(
                format!("{} is not inside a git repository, so there is no history to compare with", root.display()),
                Some("--since and `history` read the workspace's git history; run them in a clone of the repository"),
            ),
            other => other,
        })?;
        repo.prefix = out.trim().to_owned();
        Ok(repo)
    }

    /// Runs git in the workspace and returns its standard output.
    fn run(&self, args: &[&str]) -> Result<String> {
        let out = self.command(args).output().map_err(|e| {
            Error::usage(format!("cannot run git: {e}"), Some("install git; --since and `history` read its history"))
        })?;
        if !out.status.success() {
            return Err(git_error(
                &format!("git {}", args.first().unwrap_or(&"")),
                &String::from_utf8_lossy(&out.stderr),
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new("git");
        cmd.current_dir(&self.root)
            .args(["-c", "core.quotepath=off", "-c", "log.showSignature=false"])
            .args(args)
            .env("LC_ALL", "C")
            .env("GIT_TERMINAL_PROMPT", "0")
            .stdin(Stdio::null());
        cmd
    }

    fn is_shallow(&self) -> bool {
        self.run(&["rev-parse", "--is-shallow-repository"]).is_ok_and(|s| s.trim() == "true")
    }

    /// Resolves `since`: a date (`YYYY-MM-DD`: the last commit on or before that day) or
    /// any revision git understands.
    ///
    /// # Errors
    /// When nothing matches, with a word on shallow clones.
    pub fn resolve(&self, since: &str) -> Result<Commit> {
        let since = since.trim();
        let shallow = || {
            if self.is_shallow() { " This is a shallow clone: fetch more history (git fetch --unshallow)." } else { "" }
        };
        let id = if let Some(day) = crate::validate::parse_date(since) {
            let before = format!("--before={day} 23:59:59");
            let id = self.run(&["rev-list", "-1", &before, "HEAD"])?;
            if id.trim().is_empty() {
                return Err(Error::usage(format!("no commit on or before {day}.{}", shallow()), None));
            }
            id.trim().to_owned()
        } else {
            let spec = format!("{since}^{{commit}}");
            match self.run(&["rev-parse", "--verify", "--quiet", "--end-of-options", &spec]) {
                Ok(id) if !id.trim().is_empty() => id.trim().to_owned(),
                _ => {
                    return Err(Error::usage(
                        format!("unknown revision `{since}`.{}", shallow()),
                        Some("give a commit, branch or tag, or a date as YYYY-MM-DD"),
                    ));
                }
            }
        };
        let date = self.run(&["show", "-s", "--format=%cs", &id])?;
        let date = crate::validate::parse_date(date.trim()).unwrap_or_default();
        Ok(Commit { id, date, asked: since.to_owned() })
    }

    /// The files under the workspace at `commit`: (workspace-relative path with `/`, blob id).
    ///
    /// # Errors
    /// When git fails.
    pub fn files_at(&self, commit: &str) -> Result<Vec<(String, String)>> {
        let out = self.run(&["ls-tree", "-r", "-z", "--full-name", commit, "--", "."])?;
        Ok(out
            .split('\0')
            .filter_map(|entry| {
                // `<mode> blob <id>\t<path>`
                let (meta, path) = entry.split_once('\t')?;
                let mut meta = meta.split(' ');
                let (_, kind, id) = (meta.next()?, meta.next()?, meta.next()?);
                (kind == "blob").then_some(())?;
                Some((path.strip_prefix(&self.prefix)?.to_owned(), id.to_owned()))
            })
            .collect())
    }

    /// The contents of blobs, by id, in one batch (reading by id spares git a tree walk
    /// per file, which dominates for thousands of files).
    ///
    /// # Errors
    /// When git fails.
    pub fn read_blobs(&self, ids: &[&str]) -> Result<Vec<Option<Vec<u8>>>> {
        let lines: Vec<String> = ids.iter().map(|id| format!("{id}\n")).collect();
        self.cat_file(&lines)
    }

    /// A workspace-relative path as a path from the repository's top.
    fn top_relative(&self, path: &str) -> String {
        format!("{}{path}", self.prefix)
    }

    /// Renames between `commit` and the working tree: (old path, new path), workspace-relative.
    ///
    /// # Errors
    /// When git fails.
    pub fn renames(&self, commit: &str) -> Result<Vec<(String, String)>> {
        let out = self.run(&["diff", "-z", "--name-status", "-M", "--diff-filter=R", commit, "--", "."])?;
        let mut fields = out.split('\0');
        let mut renames = Vec::new();
        while let Some(status) = fields.next() {
            let (Some(old), Some(new)) = (fields.next(), fields.next()) else { break };
            if status.starts_with('R') {
                if let (Some(old), Some(new)) = (old.strip_prefix(&self.prefix), new.strip_prefix(&self.prefix)) {
                    renames.push((old.to_owned(), new.to_owned()));
                }
            }
        }
        Ok(renames)
    }

    /// The contents of the given `commit:top-relative-path` specs, in one batch.
    fn cat_file(&self, lines: &[String]) -> Result<Vec<Option<Vec<u8>>>> {
        if lines.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = self
            .command(&["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| Error::usage(format!("cannot run git: {e}"), None))?;
        let mut stdin = child.stdin.take().ok_or_else(|| Error::usage("git cat-file has no input", None))?;
        let input: String = lines.concat();
        // Write on another thread: git answers while it reads, and both pipes are bounded.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let stdout = child.stdout.take().ok_or_else(|| Error::usage("git cat-file has no output", None))?;
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let mut out = Vec::with_capacity(lines.len());
        let mut header = String::new();
        for _ in lines {
            header.clear();
            if reader.read_line(&mut header)? == 0 {
                break;
            }
            let mut parts = header.split_whitespace();
            let (_, kind, size) = (parts.next(), parts.next(), parts.next());
            match (kind, size.and_then(|s| s.parse::<u64>().ok())) {
                (Some("blob"), Some(size)) => {
                    let mut body = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
                    (&mut reader).take(size).read_to_end(&mut body)?;
                    let mut newline = [0u8; 1];
                    reader.read_exact(&mut newline)?;
                    out.push(Some(body));
                }
                (Some(_), Some(size)) => {
                    // Not a blob (a folder where a file was): skip its contents.
                    std::io::copy(&mut (&mut reader).take(size + 1), &mut std::io::sink())?;
                    out.push(None);
                }
                _ => out.push(None),
            }
        }
        let _ = writer.join();
        let status = child.wait()?;
        if !status.success() || out.len() != lines.len() {
            let mut err = String::new();
            if let Some(mut stderr) = child.stderr.take() {
                let _ = stderr.read_to_string(&mut err);
            }
            return Err(git_error("git cat-file", &err));
        }
        Ok(out)
    }

    /// The commits that touched `path` (workspace-relative), oldest first, following renames.
    ///
    /// # Errors
    /// When git fails.
    pub fn log(&self, path: &str) -> Result<Vec<Version>> {
        let target = self.top_relative(path);
        let out = self.run(&["log", "--follow", "--format=%x01%H %cs", "--name-only", "-z", "--", path])?;
        let mut versions = Vec::new();
        for record in out.split('\u{1}').filter(|r| !r.trim().is_empty()) {
            let (head, rest) = record.split_once('\n').unwrap_or((record, ""));
            let mut head = head.trim_end_matches('\0').split_whitespace();
            let (Some(commit), Some(date)) = (head.next(), head.next()) else { continue };
            let path = rest.trim_matches(['\0', '\n']).split('\0').find(|p| !p.is_empty()).unwrap_or(&target);
            versions.push(Version {
                commit: commit.to_owned(),
                date: crate::validate::parse_date(date).unwrap_or_default(),
                path: path.to_owned(),
            });
        }
        versions.reverse();
        Ok(versions)
    }

    /// The contents of each version (paths from the repository's top), in one batch.
    ///
    /// # Errors
    /// When git fails.
    pub fn read_versions(&self, versions: &[Version]) -> Result<Vec<Option<Vec<u8>>>> {
        let lines: Vec<String> = versions.iter().map(|v| format!("{}:{}\n", v.commit, v.path)).collect();
        self.cat_file(&lines)
    }
}
