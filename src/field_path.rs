//! Where in an engagement file a finding is: a path of keys and 0-based list indices,
//! written dotted (`actions.2.due`, `account_status.commercial.notes`, `risks.0`).
//!
//! Outputs and filters refer to a field by its path rather than by line, so that a fact
//! ("action 2 is overdue") can be looked up from the findings, and so that a filter
//! written against the format ("`account_status.*.notes`") can match a finding.

use std::borrow::Cow;
use std::fmt;

/// One step of a [`FieldPath`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    /// A key of a mapping (`actions`, `due`, a measure key such as `commercial`).
    Key(Cow<'static, str>),
    /// A 0-based position in a list.
    Index(usize),
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Key(key) => f.write_str(key),
            Self::Index(i) => write!(f, "{i}"),
        }
    }
}

/// A dotted path into an engagement file, from its top level. Held at its exact size:
/// every finding about a field carries one.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldPath(Box<[Segment]>);

impl FieldPath {
    /// The path of a top-level field (`updated`, `actions`).
    #[must_use]
    pub fn key(key: impl Into<Cow<'static, str>>) -> Self {
        Self(Box::new([Segment::Key(key.into())]))
    }

    /// Item `index` of the top-level list `list` (`risks.0`).
    #[must_use]
    pub fn item(list: &'static str, index: usize) -> Self {
        Self::key(list).at(index)
    }

    /// This path extended by a key (`actions.2` → `actions.2.due`).
    #[must_use]
    pub fn field(self, key: impl Into<Cow<'static, str>>) -> Self {
        self.then(Segment::Key(key.into()))
    }

    /// This path extended by a list index (`actions` → `actions.2`).
    #[must_use]
    pub fn at(self, index: usize) -> Self {
        self.then(Segment::Index(index))
    }

    fn then(self, segment: Segment) -> Self {
        // The path's own allocation, grown by one (often in place), rather than a new one.
        let mut segments = self.0.into_vec();
        segments.reserve_exact(1);
        segments.push(segment);
        Self(segments.into_boxed_slice())
    }

    /// The path of these segments, from the top level down.
    #[must_use]
    pub fn from_segments(segments: Vec<Segment>) -> Self {
        Self(segments.into_boxed_slice())
    }

    /// The segments, from the top level down.
    #[must_use]
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// The index of the item of list `list` (a dotted path of keys, such as `actions`
    /// or `leads.tech`) that this path lies in: `actions.2.due` is in item 2 of `actions`.
    #[must_use]
    pub fn index_in(&self, list: &str) -> Option<usize> {
        let mut segments = self.0.iter();
        for want in list.split('.') {
            match segments.next() {
                Some(Segment::Key(key)) if key == want => {}
                _ => return None,
            }
        }
        match segments.next() {
            Some(Segment::Index(i)) => Some(*i),
            _ => None,
        }
    }

    /// Whether `pattern` — a field path of the format, without indices, in which `*`
    /// stands for any one key — selects this path. List indices of the path are skipped,
    /// and a pattern selects everything below the field it names: `risks` matches
    /// `risks.0.title`, `actions.owner` matches `actions.3.owner`, and
    /// `account_status.*.notes` matches `account_status.team.notes`.
    #[must_use]
    pub fn matches(&self, pattern: &str) -> bool {
        let mut keys = self.0.iter().filter_map(|s| match s {
            Segment::Key(key) => Some(key.as_ref()),
            Segment::Index(_) => None,
        });
        pattern.split('.').all(|want| keys.next().is_some_and(|key| want == "*" || want == key))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{segment}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for FieldPath {
    /// As its dotted form, written straight out (no string is built).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A path from its dotted form, numbers read as indices (tests only: a real key may
    /// hold a dot).
    fn path(dotted: &str) -> FieldPath {
        FieldPath::from_segments(
            dotted
                .split('.')
                .map(|s| s.parse().map_or_else(|_| Segment::Key(Cow::Owned(s.to_owned())), Segment::Index))
                .collect(),
        )
    }

    #[test]
    fn built_paths_show_dotted() {
        assert_eq!(FieldPath::key("updated").to_string(), "updated");
        assert_eq!(FieldPath::item("actions", 2).field("due").to_string(), "actions.2.due");
        assert_eq!(FieldPath::item("risks", 0).to_string(), "risks.0");
        let measure = FieldPath::key("account_status").field(String::from("commercial")).field("notes");
        assert_eq!(measure.to_string(), "account_status.commercial.notes");
        assert_eq!(FieldPath::key("leads").field("tech").at(1).to_string(), "leads.tech.1");
        assert_eq!(path("objectives.1.date"), FieldPath::item("objectives", 1).field("date"));
        assert_eq!(
            path("actions.2.due").segments(),
            [Segment::Key("actions".into()), Segment::Index(2), Segment::Key("due".into())]
        );
    }

    #[test]
    fn index_in_names_the_item_of_a_list() {
        assert_eq!(path("actions.2.due").index_in("actions"), Some(2));
        assert_eq!(path("actions.2").index_in("actions"), Some(2));
        assert_eq!(path("actions").index_in("actions"), None);
        assert_eq!(path("risks.0.mitigation").index_in("actions"), None);
        assert_eq!(path("objectives.1.date").index_in("objectives"), Some(1));
        assert_eq!(path("leads.tech.3").index_in("leads.tech"), Some(3));
        assert_eq!(path("leads.tech.3").index_in("leads"), None);
        assert_eq!(path("updated").index_in("updated"), None);
        assert_eq!(path("account_status.actions.1").index_in("actions"), None, "only from the top");
    }

    #[test]
    fn patterns_match_by_whole_segments_skipping_indices() {
        let yes = [
            ("risks", "risks.0.title"),
            ("risks", "risks.0"),
            ("risks", "risks"),
            ("risks.title", "risks.4.title"),
            ("account_status.*.notes", "account_status.team.notes"),
            ("account_status.*", "account_status.team"),
            ("account_status.*", "account_status.team.notes"),
            ("actions.owner", "actions.3.owner"),
            ("actions", "actions.3.owner"),
            ("account_status.commercial", "account_status.commercial.score"),
            ("account_status.commercial", "account_status.commercial"),
            ("*", "updated"),
            ("*.*", "leads.relationship"),
            ("leads.tech", "leads.tech.0"),
            ("updated", "updated"),
        ];
        for (pattern, p) in yes {
            assert!(path(p).matches(pattern), "{pattern} should match {p}");
        }
        let no = [
            ("risks", "actions.0"),
            ("risk", "risks.0.title"),
            ("risks.title", "risks.0.mitigation"),
            ("account_status.*.notes", "account_status.team.action"),
            ("account_status.*.notes", "account_status.team"),
            ("account_status.*.notes", "strategy.growth.notes"),
            ("actions.owner", "actions.3"),
            ("account_status.commercial", "account_status.commercials"),
            ("account_status.commercial", "account_status"),
            ("commercial", "account_status.commercial"),
            ("*.*", "updated"),
            ("", "updated"),
            ("actions.0", "actions.0"),
            ("updated.", "updated"),
        ];
        for (pattern, p) in no {
            assert!(!path(p).matches(pattern), "{pattern} should not match {p}");
        }
    }
}
