//! What needs attention: a red status and every finding, each as a sentence with where it
//! is.

use crate::choice::Status;
use crate::finding::{Finding, RuleId, Severity};
use crate::report::Item;

/// Why a note is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The engagement's status is red.
    RedStatus,
    /// A rule's finding, at its configured severity.
    Rule {
        /// The rule.
        rule: RuleId,
        /// Its severity.
        severity: Severity,
    },
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
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note<'a> {
    /// What it is, as a sentence (user text in it is not escaped).
    pub sentence: String,
    /// Why it is there.
    pub cause: Cause,
    /// Where it is.
    pub place: Option<Place<'a>>,
    /// The finding it says, when it is one.
    pub finding: Option<&'a Finding>,
}

/// A message as a sentence: a capital first letter.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A finding as a note.
pub(super) fn finding<'a>(f: &'a Finding) -> Note<'a> {
    Note {
        sentence: sentence(&f.message),
        cause: Cause::Rule { rule: f.rule, severity: f.severity },
        place: Some(Place { path: &f.path, line: f.loc.line }),
        finding: Some(f),
    }
}

/// What needs attention in an engagement: a red status (with its headline), then every
/// finding in report order.
pub(super) fn notes<'a>(item: &Item<'a>) -> Vec<Note<'a>> {
    let e = item.eng;
    let red = (item.status() == Status::Red).then(|| Note {
        sentence: format!("The status is red: {}", e.headline.str().unwrap_or("no headline recorded")),
        cause: Cause::RedStatus,
        place: e.status.at().map(|at| Place { path: &e.path, line: at.line }),
        finding: None,
    });
    red.into_iter().chain(item.findings.iter().map(|f| finding(f))).collect()
}
