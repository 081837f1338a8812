//! Fatal errors: the tool could not do its job (exit 2). Findings never travel here.

use std::io;
use std::path::PathBuf;

use miette::Diagnostic;
use thiserror::Error;

use crate::finding::Finding;

/// Why a command could not run.
#[derive(Debug, Error, Diagnostic)]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    #[diagnostic(code(acctsum::read))]
    Read {
        /// The path.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A file that must be read (`acctsum.yaml`) is refused or cannot be read. The message
    /// names the path as shown and the reason, never what a link leads to.
    #[error("{path} {message}")]
    #[diagnostic(code(acctsum::unreadable))]
    Unreadable {
        /// The path, as shown.
        path: String,
        /// Why it is not read ("is a symbolic link that leads outside the workspace; …").
        message: String,
        /// How to fix it.
        #[help]
        help: String,
    },
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    #[diagnostic(code(acctsum::write))]
    Write {
        /// The path.
        path: PathBuf,
        /// Why.
        source: io::Error,
    },
    /// A path named on the command line does not exist.
    #[error("{path}: no such file or folder")]
    #[diagnostic(code(acctsum::not_found), help("paths are resolved against the current folder"))]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// `acctsum.yaml` is not valid; the findings say where.
    #[error("{path} is not a valid configuration ({} problem{})", findings.len(), if findings.len() == 1 { "" } else { "s" })]
    #[diagnostic(code(acctsum::config), help("see `acctsum init` for a commented example of every setting"))]
    Config {
        /// The configuration file, as shown.
        path: String,
        /// Its text, for the snippets.
        text: String,
        /// Every problem in it.
        findings: Vec<Finding>,
    },
    /// No engagement files matched.
    #[error("no engagement files found under {} (looked for {globs})", root.display())]
    #[diagnostic(
        code(acctsum::no_files),
        help("create one with `acctsum new`, run from inside a workspace, or point at one with -C DIR")
    )]
    NoFiles {
        /// The workspace root.
        root: PathBuf,
        /// The globs tried.
        globs: String,
    },
    /// A bad argument or combination of arguments.
    #[error("{message}")]
    #[diagnostic(code(acctsum::usage))]
    Usage {
        /// What is wrong.
        message: String,
        /// How to fix it.
        #[help]
        help: Option<String>,
    },
    /// A file that would be overwritten.
    #[error("{path} already exists; acctsum never overwrites a file")]
    #[diagnostic(code(acctsum::exists), help("choose another name, or move the existing file away first"))]
    Exists {
        /// The path, as shown.
        path: String,
    },
    /// Git could not be started, or talking to it failed.
    #[error("cannot run git ({what}): {source}")]
    #[diagnostic(
        code(acctsum::git),
        help("install git and make sure it is on PATH; --since and `history` read the workspace's git history")
    )]
    Git {
        /// What acctsum was asking git to do.
        what: String,
        /// Why.
        source: io::Error,
    },
    /// Git ran and failed.
    #[error("`git {command}` failed: {detail}")]
    #[diagnostic(
        code(acctsum::git_failed),
        help("run that git command in the workspace to see why; acctsum reads only the workspace's own repository")
    )]
    GitFailed {
        /// The git command, without the options acctsum always passes.
        command: String,
        /// What git printed on standard error.
        detail: String,
    },
    /// Git printed a committer date that is not a date.
    #[error("cannot read the date of commit {commit}: git gave `{text}`, not a date YYYY-MM-DD")]
    #[diagnostic(
        code(acctsum::git_date),
        help("acctsum reads commit dates from year 0 to 9999; see the commit with `git cat-file -p COMMIT`")
    )]
    GitDate {
        /// The commit.
        commit: String,
        /// What git printed for its date.
        text: String,
    },
    /// A question could not be asked or answered at the terminal.
    #[error("could not read an answer from the terminal: {source}")]
    #[diagnostic(
        code(acctsum::prompt),
        help("give every value on the command line instead (see `acctsum new --help`)")
    )]
    Prompt {
        /// Why.
        source: io::Error,
    },
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    #[diagnostic(code(acctsum::output))]
    Output(#[from] io::Error),
}

impl Error {
    /// A usage error with an optional help line.
    #[must_use]
    pub fn usage(message: impl Into<String>, help: Option<&str>) -> Self {
        Self::Usage { message: message.into(), help: help.map(str::to_owned) }
    }
}

/// The result of a command.
pub type Result<T, E = Error> = std::result::Result<T, E>;
