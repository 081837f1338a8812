//! What needs attention: a red status and every finding, each with where it is.

use super::shown::Shown;
use crate::choice::Status;
use crate::finding::Finding;
use crate::report::Item;

/// Why a note is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause<'a> {
    /// The engagement's status is red; its headline says why.
    RedStatus {
        /// The headline.
        headline: Shown<&'a str>,
    },
    /// A rule's finding, at its configured severity (its message is a sentence without
    /// its capital letter).
    Finding(&'a Finding),
}

/// A line of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place<'a> {
    /// The file, relative to the workspace root.
    pub path: &'a str,
    /// The 1-based line.
    pub line: u32,
}

/// One thing that needs attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note<'a> {
    /// What it is.
    pub cause: Cause<'a>,
    /// Where it is.
    pub place: Option<Place<'a>>,
}

/// A finding as a note.
pub(super) fn finding(f: &Finding) -> Note<'_> {
    Note { cause: Cause::Finding(f), place: Some(Place { path: &f.path, line: f.loc.line }) }
}

/// What needs attention in an engagement: a red status (with its headline), then every
/// finding in report order.
pub(super) fn notes<'a>(item: &Item<'a>) -> Vec<Note<'a>> {
    let e = item.eng;
    let red = (item.status() == Status::Red).then(|| Note {
        cause: Cause::RedStatus { headline: Shown::text(&e.headline) },
        place: e.status.at().map(|at| Place { path: &e.path, line: at.line }),
    });
    red.into_iter().chain(item.findings.iter().map(|f| finding(f))).collect()
}
