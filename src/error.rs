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
