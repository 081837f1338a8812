//! Audiences: who a published view is for, and which fields of the engagement format it
//! hides. Declared in `acctsum.yaml` under `audiences` (read by [`crate::guide`]) and
//! applied once, by the view model, before any renderer.
//!
//! ```yaml
//! audiences:
//!   company:
//!     hide: [risks, actions, account_status.commercial, "account_status.*.notes"]
//!   leads:
//!     hide: []
//! default_audience: company
//! ```
//!
//! An audience filters what acctsum publishes; it is not access control: whoever can read
//! the repository can read everything.

mod config;
mod hide_path;

use miette::Diagnostic;
use thiserror::Error;

pub(crate) use self::config::read;
pub use self::hide_path::{IDENTITY, REVIEW, REVIEW_FIELDS};
use crate::field_path::{FieldPath, Segment};

/// Longest audience name, in characters.
pub const NAME_MAX_CHARS: usize = 40;

/// A declared audience: its name and the fields it may not see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Audience {
    /// The name, as given to `--audience` (`company`); see [`is_name`].
    pub name: String,
    /// The hidden fields, in the order written; none twice.
    pub hide: Vec<Pattern>,
}

/// A hidden field: a dotted path of the engagement format, checked against the format
/// table and the configured measures. `*` stands for any measure
/// (`account_status.*.notes`); there are no list indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    text: String,
    scope: Scope,
}

/// How much of an engagement a [`Pattern`] covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A whole top-level field, which is then absent: `risks`, `headline`, `leads`,
    /// `account_status`.
    Section,
    /// Whole items of a section: measures (`account_status.commercial`,
    /// `account_status.*`), shown as withheld.
    Items,
    /// One field, of a section (`leads.relationship`, `service_review.next`) or of each of
    /// its items (`risks.mitigation`, `account_status.*.notes`); the rest stays visible.
    Field,
}

impl Pattern {
    pub(crate) fn new(text: String, scope: Scope) -> Self {
        Self { text, scope }
    }

    /// The dotted path as written (`account_status.*.notes`).
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// How much it covers: a section, whole items, or one field.
    #[must_use]
    pub fn scope(&self) -> Scope {
        self.scope
    }

    /// Whether it hides `path` itself: it names the path or a field above it
    /// ([`FieldPath::matches`]; list indices are skipped).
    #[must_use]
    pub fn hides(&self, path: &FieldPath) -> bool {
        path.matches(&self.text)
    }

    /// Whether it hides `path` or anything below it: `risks.mitigation` hides nothing
    /// of `risks.2` as a whole but something within it.
    #[must_use]
    pub fn hides_within(&self, path: &FieldPath) -> bool {
        self.hides_within_keys(keys_of(path))
    }

    /// [`Pattern::hides`] for a path given as its keys (no indices): `["risks", "title"]`.
    #[must_use]
    pub fn hides_keys<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> bool {
        let mut keys = keys.into_iter();
        self.text.split('.').all(|want| keys.next().is_some_and(|key| want == "*" || want == key))
    }

    /// [`Pattern::hides_within`] for a path given as its keys (no indices).
    #[must_use]
    pub fn hides_within_keys<'k>(&self, keys: impl IntoIterator<Item = &'k str>) -> bool {
        let mut wanted = self.text.split('.');
        for key in keys {
            match wanted.next() {
                Some(want) if want == "*" || want == key => {}
                // The pattern ended above this key: it covers the whole path.
                None => return true,
                Some(_) => return false,
            }
        }
        true
    }
}

/// The keys of a path, its list indices skipped.
fn keys_of(path: &FieldPath) -> impl Iterator<Item = &str> {
    path.segments().iter().filter_map(|s| match s {
        Segment::Key(key) => Some(key.as_ref()),
        Segment::Index(_) => None,
    })
}

impl std::fmt::Display for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text)
    }
}

impl Audience {
    /// Whether the value at `path` is hidden from this audience, whole: `risks.2.title`
    /// under `risks`, `account_status.team.notes` under `account_status.*.notes`.
    #[must_use]
    pub fn hides(&self, path: &FieldPath) -> bool {
        self.hide.iter().any(|p| p.hides(path))
    }

    /// Whether any part of the value at `path` is hidden: true for `risks.2` under
    /// `risks.mitigation`, though [`Audience::hides`] is false there (the item is shown,
    /// its mitigation withheld). Anything built from the whole value (a finding's
    /// message, a search entry) must then not describe it.
    #[must_use]
    pub fn hides_within(&self, path: &FieldPath) -> bool {
        self.hide.iter().any(|p| p.hides_within(path))
    }

    /// [`Audience::hides`] for a path given as its keys, without list indices
    /// (`["account_status", "team", "notes"]`): what the view model asks, field by field.
    #[must_use]
    pub fn hides_keys(&self, keys: &[&str]) -> bool {
        self.hide.iter().any(|p| p.hides_keys(keys.iter().copied()))
    }

    /// [`Audience::hides_within`] for a path given as its keys, without list indices.
    #[must_use]
    pub fn hides_within_keys(&self, keys: &[&str]) -> bool {
        self.hide.iter().any(|p| p.hides_within_keys(keys.iter().copied()))
    }

    /// Whether the whole top-level field `key` (`risks`, `account_status`) is hidden: its
    /// section is then absent.
    #[must_use]
    pub fn hides_section(&self, key: &str) -> bool {
        self.hide.iter().any(|p| p.scope == Scope::Section && p.text == key)
    }
}

/// Whether `name` can name an audience: 1 to [`NAME_MAX_CHARS`] lowercase ASCII letters,
/// digits and `-`, starting with a letter and not ending with `-`. Names become
/// command-line values and file names, so nothing else is allowed.
#[must_use]
pub fn is_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_lowercase)
        && bytes.last().is_some_and(|&b| b != b'-')
        && bytes.len() <= NAME_MAX_CHARS
        && bytes.iter().all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An audience asked for (`--audience NAME`) that `acctsum.yaml` does not declare.
#[derive(Clone, Debug, PartialEq, Eq, Error, Diagnostic)]
#[error("unknown audience `{name}`")]
#[diagnostic(code(acctsum::audience))]
pub struct UnknownAudience {
    /// The name asked for.
    pub name: String,
    /// "did you mean", or the declared audiences, or how to declare one.
    #[help]
    pub help: String,
}

impl UnknownAudience {
    pub(crate) fn new(name: &str, declared: &[Audience]) -> Self {
        let help = if declared.is_empty() {
            "acctsum.yaml declares no audiences; add them under `audiences:` (see `acctsum init`)".to_owned()
        } else {
            let names: Vec<&str> = declared.iter().map(|a| a.name.as_str()).collect();
            crate::suggest::help_for(name, &names)
        };
        Self { name: name.to_owned(), help }
    }
}

impl From<UnknownAudience> for crate::error::Error {
    /// A usage error: the command cannot run (exit 2).
    fn from(e: UnknownAudience) -> Self {
        Self::Usage { message: e.to_string(), help: Some(e.help) }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    /// A path from its dotted form, numbers read as indices.
    fn path(dotted: &str) -> FieldPath {
        FieldPath::from_segments(
            dotted
                .split('.')
                .map(|s| s.parse().map_or_else(|_| Segment::Key(Cow::Owned(s.to_owned())), Segment::Index))
                .collect(),
        )
    }

    fn audience(hide: &[(&str, Scope)]) -> Audience {
        Audience {
            name: "company".to_owned(),
            hide: hide.iter().map(|&(t, s)| Pattern::new(t.to_owned(), s)).collect(),
        }
    }

    #[test]
    fn hides_follows_the_patterns_below_the_field_they_name() {
        let company = audience(&[
            ("risks", Scope::Section),
            ("account_status.commercial", Scope::Items),
            ("account_status.*.notes", Scope::Field),
            ("strategy.*.action", Scope::Field),
            ("leads.relationship", Scope::Field),
        ]);
        for hidden in [
            "risks",
            "risks.0",
            "risks.3.mitigation",
            "account_status.commercial",
            "account_status.commercial.score",
            "account_status.team.notes",
            "strategy.growth.action",
            "leads.relationship",
        ] {
            assert!(company.hides(&path(hidden)), "{hidden} should be hidden");
        }
        for shown in [
            "actions.0.owner",
            "account_status",
            "account_status.team",
            "account_status.team.score",
            "strategy.growth.notes",
            "leads.account",
            "leads",
            "updated",
        ] {
            assert!(!company.hides(&path(shown)), "{shown} should be shown");
        }
    }

    #[test]
    fn hides_within_tells_a_whole_item_from_one_field_of_it() {
        let company = audience(&[("risks.mitigation", Scope::Field), ("account_status.*.notes", Scope::Field)]);
        assert!(!company.hides(&path("risks.2")), "the risk itself is shown");
        assert!(company.hides_within(&path("risks.2")), "its mitigation is not");
        assert!(company.hides_within(&path("risks")));
        assert!(company.hides(&path("risks.2.mitigation")));
        assert!(!company.hides_within(&path("risks.2.title")));
        assert!(company.hides_within(&path("account_status")));
        assert!(company.hides_within(&path("account_status.team")));
        assert!(!company.hides_within(&path("account_status.team.score")));
        assert!(!company.hides_within(&path("actions.0")));
        assert!(!company.hides_within(&path("strategy.growth")));
        let whole = audience(&[("risks", Scope::Section)]);
        assert!(whole.hides(&path("risks.2")) && whole.hides_within(&path("risks.2.title")));
    }

    #[test]
    fn hides_section_only_for_a_whole_top_level_field() {
        let company = audience(&[
            ("actions", Scope::Section),
            ("account_status.commercial", Scope::Items),
            ("risks.mitigation", Scope::Field),
        ]);
        assert!(company.hides_section("actions"));
        assert!(!company.hides_section("account_status"));
        assert!(!company.hides_section("risks"));
        assert!(!company.hides_section("account_status.commercial"));
        assert!(!audience(&[]).hides_section("actions"));
    }

    #[test]
    fn names_are_command_line_and_file_safe() {
        for good in ["company", "leads", "client-practice", "board2", "a"] {
            assert!(is_name(good), "{good}");
        }
        let long = "a".repeat(NAME_MAX_CHARS + 1);
        for bad in ["", "Company", "-x", "x-", "2026", "a b", "a_b", "a.b", "../x", "café", long.as_str()] {
            assert!(!is_name(bad), "{bad:?}");
        }
        assert!(is_name(&"a".repeat(NAME_MAX_CHARS)));
    }

    #[test]
    fn an_unknown_audience_suggests_a_declared_one() {
        let declared = [audience(&[]), Audience { name: "leads".to_owned(), hide: Vec::new() }];
        let e = UnknownAudience::new("compnay", &declared);
        assert_eq!(e.to_string(), "unknown audience `compnay`");
        assert_eq!(e.help, "did you mean `company`?");
        assert_eq!(UnknownAudience::new("board", &declared).help, "allowed here: company, leads");
        assert!(UnknownAudience::new("company", &[]).help.contains("declares no audiences"));
    }
}
