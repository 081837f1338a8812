//! What needs attention: a red status and every finding, each with where it is.

use super::mask::Mask;
use super::shown::Shown;
use crate::choice::Status;
use crate::finding::{Finding, RuleId};
use crate::format::key as k;
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
    /// Findings of one rule about fields the audience may not see: counted, not described.
    Withheld(Withheld),
}

/// Findings of one rule about withheld fields: how many, and the rule (its id says what
/// kind of problem it is; the messages, which quote the values, are not shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Withheld {
    /// The rule.
    pub rule: RuleId,
    /// How many findings.
    pub count: usize,
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

/// The findings of `findings` that `mask`'s audience may read, and those it may not,
/// counted per rule in the order of their first.
pub(super) fn sort<'a>(findings: &[&'a Finding], mask: Mask<'_>) -> (Vec<&'a Finding>, Vec<Withheld>) {
    sort_by(findings, |f| mask.hides_finding(f))
}

/// [`sort`], with the findings the audience may not read told by `hidden`.
fn sort_by<'a>(findings: &[&'a Finding], hidden: impl Fn(&Finding) -> bool) -> (Vec<&'a Finding>, Vec<Withheld>) {
    let mut shown = Vec::with_capacity(findings.len());
    let mut withheld: Vec<Withheld> = Vec::new();
    for &f in findings {
        if !hidden(f) {
            shown.push(f);
        } else if let Some(w) = withheld.iter_mut().find(|w| w.rule == f.rule) {
            w.count += 1;
        } else {
            withheld.push(Withheld { rule: f.rule, count: 1 });
        }
    }
    (shown, withheld)
}

/// What needs attention in an engagement: a red status (with its headline), then every
/// finding in report order, those about a withheld field (or about an acknowledgement of
/// one) as one note per rule, where the first of them was. Also the findings the audience may read, and the withheld
/// ones counted.
pub(super) fn notes<'a>(item: &Item<'a>, mask: Mask<'_>) -> (Vec<Note<'a>>, Vec<&'a Finding>, Vec<Withheld>) {
    let e = item.eng;
    let red = (item.status() == Status::Red).then(|| Note {
        cause: Cause::RedStatus { headline: mask.shown(&[k::HEADLINE], Shown::text(&e.headline)) },
        place: e.status.at().map(|at| Place { path: &e.path, line: at.line }),
    });
    // A finding about an acknowledgement quotes its `about`: withheld with it.
    let hidden = |f: &Finding| mask.hides_finding(f) || super::acknowledgement::quotes_hidden(e, f, mask);
    let (shown, withheld) = sort_by(&item.findings, hidden);
    let mut notes: Vec<Note<'a>> = red.into_iter().collect();
    let mut counted: Vec<RuleId> = Vec::new();
    let mut next = shown.iter().peekable();
    for f in &item.findings {
        if next.peek().is_some_and(|s| std::ptr::eq(**s, *f)) {
            next.next();
            notes.push(finding(f));
        } else if !counted.contains(&f.rule) {
            counted.push(f.rule);
            let w = withheld.iter().find(|w| w.rule == f.rule).copied().unwrap_or(Withheld { rule: f.rule, count: 1 });
            notes.push(Note { cause: Cause::Withheld(w), place: None });
        }
    }
    (notes, shown, withheld)
}
