//! Talking to git processes: a command's output line by line, and the `cat-file` batch
//! protocol, with git's standard error collected on the side so that it never blocks.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::thread::JoinHandle;

use super::is_object_id;
use crate::error::{Error, Result};

/// Most of git's standard error kept in an error message.
const MAX_DETAIL_CHARS: usize = 2000;
/// Most of git's standard error held (the rest is read and dropped).
const MAX_STDERR_BYTES: u64 = 64 << 10;

/// What git printed on standard error, for a message: trimmed and bounded.
pub(super) fn detail(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let text = text.trim();
    if text.is_empty() {
        return "no message".to_owned();
    }
    let mut kept: String = text.chars().take(MAX_DETAIL_CHARS).collect();
    if kept.len() < text.len() {
        kept.push('…');
    }
    kept
}

/// Runs `git` with `args` and hands each line of its output to `each`, without holding
/// the output.
pub(super) fn each_line(git: Command, args: &[&str], mut each: impl FnMut(&[u8])) -> Result<()> {
    each_record(git, args, b'\n', |line| {
        each(line);
        Ok(())
    })
}

/// Runs `git` with `args` and hands each record of its output, up to (without) each
/// `separator`, to `each`, without holding the output. When `each` fails, git is stopped
/// and that error returned.
pub(super) fn each_record(
    mut git: Command,
    args: &[&str],
    separator: u8,
    mut each: impl FnMut(&[u8]) -> Result<()>,
) -> Result<()> {
    let what = || format!("git {}", args.iter().take(2).copied().collect::<Vec<_>>().join(" "));
    let mut child = git
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|source| Error::Git { what: what(), source })?;
    let errors = drain(child.stderr.take());
    let stdout = child.stdout.take().ok_or_else(|| Error::Git { what: what(), source: no_pipe() })?;
    let mut reader = BufReader::with_capacity(1 << 16, stdout);
    let mut record = Vec::new();
    loop {
        record.clear();
        let done = match reader.read_until(separator, &mut record) {
            Ok(0) => break,
            Ok(_) => each(record.strip_suffix(&[separator]).unwrap_or(&record)),
            Err(source) => Err(Error::Git { what: what(), source }),
        };
        if let Err(error) = done {
            let _ = child.kill();
            let _ = child.wait();
            return Err(error);
        }
    }
    finish(&mut child, errors, &what())
}

fn no_pipe() -> std::io::Error {
    std::io::Error::other("no pipe to git")
}

/// Collects a child's standard error on a thread, so that a chatty git never blocks on it.
fn drain(stderr: Option<std::process::ChildStderr>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut text = Vec::new();
        if let Some(mut stderr) = stderr {
            let _ = (&mut stderr).take(MAX_STDERR_BYTES).read_to_end(&mut text);
            let _ = std::io::copy(&mut stderr, &mut std::io::sink());
        }
        text
    })
}

/// Waits for a child and turns a failure into an error with what it printed.
fn finish(child: &mut Child, errors: JoinHandle<Vec<u8>>, what: &str) -> Result<()> {
    let status = child.wait().map_err(|source| Error::Git { what: what.to_owned(), source })?;
    let stderr = errors.join().unwrap_or_default();
    if status.success() {
        Ok(())
    } else {
        Err(Error::GitFailed { command: what.trim_start_matches("git ").to_owned(), detail: detail(&stderr) })
    }
}

/// One `git cat-file` process answering a list of object ids.
pub(super) struct Batch {
    child: Child,
    reader: BufReader<ChildStdout>,
    writer: Option<JoinHandle<std::io::Result<()>>>,
    errors: Option<JoinHandle<Vec<u8>>>,
    what: String,
}

impl Batch {
    pub(super) fn start(mut git: Command, mode: &str, ids: &[&str]) -> Result<Self> {
        let what = format!("git cat-file {mode}");
        let fail = |source| Error::Git { what: what.clone(), source };
        let mut child = git
            .args(["cat-file", mode])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(fail)?;
        let mut stdin = child.stdin.take().ok_or_else(|| fail(no_pipe()))?;
        // Ids only (git's own, checked): nothing in a file name can reach this protocol.
        let input: String =
            ids.iter().map(|id| if is_object_id(id) { format!("{id}\n") } else { "0\n".into() }).collect();
        // Write on another thread: git answers while it reads, and both pipes are bounded.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let errors = drain(child.stderr.take());
        let stdout = child.stdout.take().ok_or_else(|| fail(no_pipe()))?;
        let reader = BufReader::with_capacity(1 << 16, stdout);
        Ok(Self { child, reader, writer: Some(writer), errors: Some(errors), what })
    }

    fn io_error(&self, source: std::io::Error) -> Error {
        Error::Git { what: self.what.clone(), source }
    }

    /// The next answer: (type, size) of an object, or `None` for one git does not have.
    pub(super) fn header(&mut self) -> Result<Option<(&'static str, u64)>> {
        let mut header = Vec::new();
        let read = (&mut self.reader).take(1024).read_until(b'\n', &mut header).map_err(|e| self.io_error(e))?;
        if read == 0 || !header.ends_with(b"\n") {
            return Err(self.failure());
        }
        let header = String::from_utf8_lossy(&header);
        let mut words = header.split_whitespace().rev();
        let (size, kind) = (words.next(), words.next());
        let kind = match kind {
            Some("blob") => "blob",
            Some("tree" | "commit" | "tag") => "other",
            _ => return Ok(None),
        };
        Ok(size.and_then(|s| s.parse().ok()).map(|size| (kind, size)))
    }

    /// The body of an object of `size` bytes, and the newline after it.
    pub(super) fn body(&mut self, size: u64) -> Result<Vec<u8>> {
        let mut body = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        (&mut self.reader).take(size).read_to_end(&mut body).map_err(|e| self.io_error(e))?;
        let mut newline = [0u8; 1];
        self.reader.read_exact(&mut newline).map_err(|e| self.io_error(e))?;
        if u64::try_from(body.len()).ok() != Some(size) {
            return Err(self.failure());
        }
        Ok(body)
    }

    /// Passes over the body of an object of `size` bytes without keeping it.
    pub(super) fn skip(&mut self, size: u64) -> Result<()> {
        std::io::copy(&mut (&mut self.reader).take(size.saturating_add(1)), &mut std::io::sink())
            .map_err(|e| self.io_error(e))?;
        Ok(())
    }

    /// The error for output that stopped short: git's own words when it failed.
    fn failure(&mut self) -> Error {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let stderr = self.errors.take().and_then(|e| e.join().ok()).unwrap_or_default();
        Error::GitFailed { command: self.what.trim_start_matches("git ").to_owned(), detail: detail(&stderr) }
    }

    pub(super) fn finish(mut self) -> Result<()> {
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
        let errors = self.errors.take().unwrap_or_else(|| drain(None));
        finish(&mut self.child, errors, &self.what)
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        // Stopped early (an error): do not leave git running.
        if self.errors.is_some() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
