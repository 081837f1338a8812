//! What the audience of a view may not see, asked field by field while the view is built:
//! the one place where the view model applies an [`Audience`]. Every value the view takes
//! from a file passes through a [`Mask`], so that a renderer never receives a hidden value,
//! only [`Shown::Withheld`] or an absent section, and never a flag to hide one.

use super::shown::Shown;
use crate::audience::Audience;
use crate::field_path::Segment;
use crate::finding::{Finding, RuleId};
use crate::format::{Section, key as k};
use crate::guide::Guide;

/// The fields one audience may not see; with no audience, nothing is hidden.
#[derive(Clone, Copy, Debug)]
pub struct Mask<'a> {
    /// The audience, when it hides anything.
    audience: Option<&'a Audience>,
    /// The field guide: its measures are what a `status-mismatch` finding reads.
    guide: &'a Guide,
}

impl<'a> Mask<'a> {
    /// The mask of `audience` (`None`: no audience declared, nothing hidden).
    #[must_use]
    pub fn new(audience: Option<&'a Audience>, guide: &'a Guide) -> Self {
        Self { audience: audience.filter(|a| !a.hide.is_empty()), guide }
    }

    /// Whether the field at `keys` (a path of the format without list indices:
    /// `["risks", "title"]`) is hidden whole.
    #[must_use]
    pub fn hides(&self, keys: &[&str]) -> bool {
        self.audience.is_some_and(|a| a.hides_keys(keys))
    }

    /// Whether the audience hides anything at all.
    #[must_use]
    pub fn hides_anything(&self) -> bool {
        self.audience.is_some()
    }

    /// Whether any part of the field at `keys` is hidden: what is built from the whole
    /// field (a finding's message) may then not describe it.
    #[must_use]
    pub fn hides_within(&self, keys: &[&str]) -> bool {
        self.audience.is_some_and(|a| a.hides_within_keys(keys))
    }

    /// Whether the top-level field `key` is hidden whole: its section is then absent.
    #[must_use]
    pub fn hides_section(&self, key: &str) -> bool {
        self.audience.is_some_and(|a| a.hides_section(key))
    }

    /// `value`, or [`Shown::Withheld`] when the field at `keys` is hidden — whether or not
    /// the file records it, so that its absence does not show either.
    #[must_use]
    pub fn shown<T>(&self, keys: &[&str], value: Shown<T>) -> Shown<T> {
        if self.hides(keys) { Shown::Withheld } else { value }
    }

    /// The rows of the top-level list `key`, or `None` (the section is absent) when it is
    /// hidden whole.
    #[must_use]
    pub fn section<T>(&self, key: &str, rows: impl FnOnce() -> Vec<T>) -> Option<Vec<T>> {
        (!self.hides_section(key)).then(rows)
    }

    /// Whether the finding `f` is about a hidden value, so that it may be counted but not
    /// described. Its message quotes the item its field lies in (an action's text and
    /// owner for a late due date, a measure's score for missing notes), so the subject is
    /// that whole item: any hidden part of it withholds the finding. `status-mismatch`
    /// speaks of the account status scores and the risks' scores as well.
    #[must_use]
    pub fn hides_finding(&self, f: &Finding) -> bool {
        if self.audience.is_none() {
            return false;
        }
        let Some(field) = &f.field else { return false };
        let segments = field.segments();
        let keys: Vec<&str> = segments
            .iter()
            .filter_map(|s| match s {
                Segment::Key(key) => Some(key.as_ref()),
                Segment::Index(_) => None,
            })
            .collect();
        let measures = [k::ACCOUNT_STATUS, k::STRATEGY];
        let subject = match segments {
            [Segment::Key(_), Segment::Index(_), ..] => &keys[..1],
            [Segment::Key(section), Segment::Key(_), ..] if measures.contains(&section.as_ref()) => &keys[..2],
            _ => &keys[..],
        };
        if self.hides_within(subject) {
            return true;
        }
        f.rule == RuleId::StatusMismatch
            && (self.hides(&[k::RISKS, k::SCORE])
                || self
                    .guide
                    .measures(Section::AccountStatus)
                    .iter()
                    .any(|m| self.hides(&[k::ACCOUNT_STATUS, &m.key, k::SCORE])))
    }
}

/// The fields `audience` may not see, as written in `acctsum.yaml`, for the line that says
/// who an output was built for.
pub(super) fn withheld(audience: Option<&Audience>) -> Vec<&str> {
    audience.map_or_else(Vec::new, |a| a.hide.iter().map(crate::audience::Pattern::as_str).collect())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::audience::{Pattern, Scope};
    use crate::field_path::FieldPath;
    use crate::finding::Loc;

    fn audience(hide: &[(&str, Scope)]) -> Audience {
        Audience {
            name: "company".to_owned(),
            hide: hide.iter().map(|&(t, s)| Pattern::new(t.to_owned(), s)).collect(),
        }
    }

    fn finding(rule: RuleId, field: FieldPath) -> Finding {
        Finding::new(rule, Arc::from("a.yaml"), Loc::START, "message").with_field(field)
    }

    #[test]
    fn a_finding_is_withheld_when_any_part_of_the_item_it_quotes_is_hidden() {
        let guide = Guide::default();
        let owners = audience(&[("actions.owner", Scope::Field), ("account_status.*.score", Scope::Field)]);
        let mask = Mask::new(Some(&owners), &guide);
        let overdue = finding(RuleId::ActionOverdue, FieldPath::item("actions", 1).field("due"));
        assert!(mask.hides_finding(&overdue), "its message names the owner");
        let notes = finding(
            RuleId::LowScoreWithoutNotes,
            FieldPath::key("account_status").field(String::from("team")).field("notes"),
        );
        assert!(mask.hides_finding(&notes), "its message gives the score");
        let growth = finding(
            RuleId::LowScoreWithoutNotes,
            FieldPath::key("strategy").field(String::from("growth")).field("notes"),
        );
        assert!(!mask.hides_finding(&growth), "strategy scores are shown");
        let mismatch = finding(RuleId::StatusMismatch, FieldPath::key("status"));
        assert!(mask.hides_finding(&mismatch), "it speaks of the account status scores");
        let stale = finding(RuleId::Stale, FieldPath::key("updated"));
        assert!(!mask.hides_finding(&stale));
        assert!(!Mask::new(None, &guide).hides_finding(&overdue));
        let everyone = audience(&[]);
        assert!(!Mask::new(Some(&everyone), &guide).hides_finding(&overdue));
    }

    #[test]
    fn a_hidden_value_is_withheld_recorded_or_not_and_a_hidden_section_absent() {
        let guide = Guide::default();
        let company = audience(&[("risks", Scope::Section), ("leads.relationship", Scope::Field)]);
        let mask = Mask::new(Some(&company), &guide);
        assert_eq!(mask.shown(&["leads", "relationship"], Shown::Value("Ann")), Shown::Withheld);
        assert_eq!(mask.shown::<&str>(&["leads", "relationship"], Shown::NotRecorded), Shown::Withheld);
        assert_eq!(mask.shown(&["leads", "account"], Shown::Value("Bo")), Shown::Value("Bo"));
        assert_eq!(mask.section("risks", || vec![1]), None);
        assert_eq!(mask.section("actions", || vec![1]), Some(vec![1]));
    }
}
