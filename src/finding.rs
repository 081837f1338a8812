//! Findings: what a check found, where, and how bad it is. Plain data, no rendering.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use serde::Serialize;

pub use crate::field_path::FieldPath;

/// A position in a file: 1-based line and column (in characters), and the byte range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Loc {
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counting Unicode scalar values.
    pub col: u32,
    /// Byte offset of the start, in the text without a byte-order mark.
    pub offset: u32,
    /// Length in bytes of what is pointed at (0 for a point).
    pub len: u32,
}

impl Loc {
    /// Line 1, column 1: the whole document.
    pub const START: Loc = Loc { line: 1, col: 1, offset: 0, len: 0 };
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails `check` (exit 1).
    Error,
    /// Reported; fails `check` only under `--strict`.
    Warning,
}

impl Severity {
    /// The lowercase name used in every output format.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rule can be configured, and its default severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// A structural rule: always an error, cannot be turned off.
    Structural,
    /// A content rule with this default severity.
    Content(Severity),
}

macro_rules! rule_ids {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $kind:expr, $summary:literal; )*) => {
        /// Every rule, by its kebab-case id.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $( $(#[$doc])* $variant, )*
        }

        impl RuleId {
            /// Every rule, structural rules first, in the order of the documentation.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),*];

            /// The kebab-case id (`low-score-without-notes`).
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self { $(RuleId::$variant => $id,)* }
            }

            /// Whether the rule is structural, or its default severity.
            #[must_use]
            pub fn kind(self) -> RuleKind {
                match self { $(RuleId::$variant => $kind,)* }
            }

            /// One line saying when the rule fires.
            #[must_use]
            pub fn summary(self) -> &'static str {
                match self { $(RuleId::$variant => $summary,)* }
            }
        }
    };
}

use RuleKind::{Content, Structural};
use Severity::{Error, Warning};

rule_ids! {
    /// The file is not valid YAML, or holds more than one document.
    Syntax = "syntax", Structural, "the file is not valid YAML, or holds more than one document";
    /// The file is not UTF-8.
    NotUtf8 = "not-utf8", Structural, "the file is not UTF-8 text";
    /// The file is over a size limit.
    FileTooLarge = "file-too-large", Structural, "the file is over 1 MiB, or over a limit on values, nesting or aliases";
    /// The file or folder cannot be read, or is refused unread.
    Unreadable = "unreadable", Structural, "the file or folder cannot be read: no permission, not a regular file, or a link that leads outside the workspace";
    /// `acctsum` is not `1`.
    UnsupportedVersion = "unsupported-version", Structural, "`acctsum` is not 1";
    /// A required key is absent or empty.
    MissingField = "missing-field", Structural, "a required field is absent or empty";
    /// A key the format does not define.
    UnknownField = "unknown-field", Structural, "a field the format does not define";
    /// A value of the wrong type.
    InvalidType = "invalid-type", Structural, "a value of the wrong type (a number where text is expected, ...)";
    /// A bad date, a value outside an enum, empty text.
    InvalidValue = "invalid-value", Structural, "a bad date, a value outside the allowed ones, or empty text";
    /// A score or comfort outside the scale.
    ScoreOutOfRange = "score-out-of-range", Structural, "a score or comfort outside the configured scale";
    /// A measure that is not configured.
    UnknownMeasure = "unknown-measure", Structural, "a measure under account_status/strategy that is not configured";
    /// A region that is not configured.
    UnknownRegion = "unknown-region", Structural, "`region` is not one of the configured regions";
    /// A repeated key in a mapping.
    DuplicateKey = "duplicate-key", Structural, "a mapping repeats a key";
    /// Two files with the same engagement name.
    DuplicateEngagement = "duplicate-engagement", Structural, "two files name the same engagement";
    /// `updated` is too old.
    Stale = "stale", Content(Warning), "`updated` is more than `stale_after_days` before today";
    /// A date after today.
    FutureDate = "future-date", Content(Error), "`updated`, `service_review.last`, `support.since` or a win's date is after today";
    /// A configured measure is absent.
    MissingMeasure = "missing-measure", Content(Warning), "a configured measure is absent";
    /// A low score without notes.
    LowScoreWithoutNotes = "low-score-without-notes", Content(Error), "a low score without notes, a low risk without mitigation, or a low-comfort objective without notes";
    /// A low measure score without an action.
    LowScoreWithoutAction = "low-score-without-action", Content(Warning), "a low measure score without an action";
    /// A risk above `low` with no mitigation.
    RiskWithoutMitigation = "risk-without-mitigation", Content(Warning), "a risk has no mitigation";
    /// An open action past its due date.
    ActionOverdue = "action-overdue", Content(Warning), "an action that is not done is past its due date";
    /// An objective in the past.
    PastObjective = "past-objective", Content(Warning), "an objective's date has passed";
    /// No service review recorded.
    ServiceReviewMissing = "service-review-missing", Content(Warning), "no `service_review.last`";
    /// The last service review is too old.
    ServiceReviewOverdue = "service-review-overdue", Content(Warning), "the last service review is more than `service_review_days` ago";
    /// The headline is too long.
    HeadlineTooLong = "headline-too-long", Content(Warning), "`headline` is longer than `headline_max_chars`";
    /// The status does not tally with the scores.
    StatusMismatch = "status-mismatch", Content(Warning), "`status` does not tally with the scores";
    /// One client, several relationship leads.
    RelationshipLeadConflict = "relationship-lead-conflict", Content(Warning), "engagements with one client name different relationship leads";
    /// The file sits in another region's folder.
    RegionPathMismatch = "region-path-mismatch", Content(Warning), "the file lies in a folder named after another region";
    /// The file changed since `--since` but `updated` did not.
    UpdatedNotBumped = "updated-not-bumped", Content(Warning), "the file changed since --since REV but `updated` did not";
    /// The workspace's schema file is out of date.
    SchemaOutdated = "schema-outdated", Content(Warning), "schema/engagement.schema.json no longer matches acctsum.yaml";
    /// An ask for help open too long.
    SupportOpenLong = "support-open-long", Content(Warning), "an ask for help (`support.since`) is more than `support_stale_days` before today";
    /// An open action of a region's latest review session is past its due date.
    ReviewActionOverdue = "review-action-overdue", Content(Warning), "an open action of a region's latest review session is past its due date";
    /// Today is past the region's latest `next_review`.
    ReviewOverdue = "review-overdue", Content(Warning), "today is past the `next_review` of the region's latest review session";
    /// An acknowledgement's `until` has passed.
    AcknowledgementExpired = "acknowledgement-expired", Content(Warning), "an acknowledgement's `until` date has passed, so its findings show again";
    /// An acknowledgement that silences nothing.
    AcknowledgementUnused = "acknowledgement-unused", Content(Warning), "an acknowledgement matches no finding: the problem is fixed, or `rule`/`about` is wrong";
    /// A review session file not named after its `date`.
    ReviewDateMismatch = "review-date-mismatch", Content(Warning), "a review session file is not named after its `date` (`reviews/<region>/<YYYY-MM-DD>.yaml`)";
    /// A comment that cut a plain text short.
    CommentInText = "comment-in-text", Content(Warning), "a plain text is followed on its line by a comment that reads as more of the text (`ticket #42 raised`)";
    /// One client spelt several ways.
    ClientNameDrift = "client-name-drift", Content(Warning), "one client's name is spelt differently across engagements (case, accents, punctuation or a legal suffix such as Ltd)";
}

/// The ids of the rules whose findings an engagement may acknowledge (its `acknowledged`
/// section): every content rule about an engagement, except the acknowledgement rules
/// themselves (an acknowledgement cannot silence the warning that it has lapsed).
/// `schema-outdated` is about the schema file, which no engagement owns.
pub const ACKNOWLEDGEABLE: &[&str] = &[
    "stale",
    "future-date",
    "missing-measure",
    "low-score-without-notes",
    "low-score-without-action",
    "risk-without-mitigation",
    "action-overdue",
    "past-objective",
    "service-review-missing",
    "service-review-overdue",
    "headline-too-long",
    "status-mismatch",
    "relationship-lead-conflict",
    "region-path-mismatch",
    "updated-not-bumped",
    "support-open-long",
    "comment-in-text",
    "client-name-drift",
];

impl RuleId {
    /// Looks a rule up by its id.
    #[must_use]
    pub fn from_id(id: &str) -> Option<RuleId> {
        Self::ALL.iter().copied().find(|r| r.as_str() == id)
    }

    /// The severity a rule has before configuration.
    #[must_use]
    pub fn default_severity(self) -> Severity {
        match self.kind() {
            RuleKind::Structural => Severity::Error,
            RuleKind::Content(s) => s,
        }
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The rule that fired.
    pub rule: RuleId,
    /// Its severity, after configuration.
    pub severity: Severity,
    /// The file, as shown to the user (workspace-relative, `/`-separated).
    pub path: Arc<str>,
    /// Where in the file.
    pub loc: Loc,
    /// The field of the engagement the finding is about; `None` for findings about the
    /// whole file (`syntax`, `not-utf8`, `file-too-large`, `unreadable`, ...).
    pub field: Option<FieldPath>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when that can be said.
    pub help: Option<Cow<'static, str>>,
    /// The other files a cross-file finding is about (the other file naming the same
    /// engagement, a session action's engagement): `check --since` shows the finding when
    /// any of them changed. Empty for a finding about its own file only.
    pub related: Vec<Arc<str>>,
}

impl Finding {
    /// A finding of `rule` at its default severity.
    #[must_use]
    pub fn new(rule: RuleId, path: Arc<str>, loc: Loc, message: impl Into<String>) -> Self {
        // A message built by `format!` has room to spare, kept as long as the finding.
        let mut message = message.into();
        message.shrink_to_fit();
        Self {
            rule,
            severity: rule.default_severity(),
            path,
            loc,
            field: None,
            message,
            help: None,
            related: Vec::new(),
        }
    }

    /// Names the field the finding is about.
    #[must_use]
    pub fn with_field(mut self, field: FieldPath) -> Self {
        self.field = Some(field);
        self
    }

    /// Adds a help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Names the other files the finding is about (see [`Finding::related`]).
    #[must_use]
    pub fn with_related(mut self, related: Vec<Arc<str>>) -> Self {
        self.related = related;
        self
    }

    /// The deterministic report order: path, line, column, rule, then message.
    #[must_use]
    pub fn order(&self, other: &Self) -> std::cmp::Ordering {
        // One file's findings share their path: its text need not be compared.
        let path =
            if Arc::ptr_eq(&self.path, &other.path) { std::cmp::Ordering::Equal } else { self.path.cmp(&other.path) };
        path.then_with(|| {
            (self.loc.line, self.loc.col, self.rule.as_str(), &self.message).cmp(&(
                other.loc.line,
                other.loc.col,
                other.rule.as_str(),
                &other.message,
            ))
        })
    }
}

/// Sorts `findings` into report order ([`Finding::order`]), stably, as `sort_by` does, but
/// sorts their positions and then moves each finding into its place: sorting the findings
/// themselves takes a scratch copy of up to 8 MB of them (on a large workspace, the
/// largest block `check` holds at once).
pub fn sort(findings: &mut [Finding]) {
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| findings[a].order(&findings[b]));
    // `order[i]` is the position of the finding that belongs at `i`: follow each cycle of
    // the permutation, swapping each finding into its place; a place done is marked.
    const DONE: usize = usize::MAX;
    for start in 0..findings.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = std::mem::replace(&mut order[at], DONE);
            if from == start {
                break;
            }
            findings.swap(at, from);
            at = from;
        }
    }
}

/// A finding that an acknowledgement in force covers: kept and shown on request, but not
/// counted as an error or warning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Acknowledged {
    /// The finding, severity applied.
    pub finding: Finding,
    /// The 0-based position of the acknowledgement in the file's `acknowledged`.
    pub index: usize,
    /// Why the leads let it stand.
    pub reason: String,
    /// The last day the acknowledgement covers it.
    pub until: chrono::NaiveDate,
    /// Who acknowledged it.
    pub by: String,
}

/// Counts of the files checked, of findings by severity, and of acknowledged findings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Files checked: engagement files and review session files.
    pub files: usize,
    /// Error-severity findings.
    pub errors: usize,
    /// Warning-severity findings.
    pub warnings: usize,
    /// Acknowledged findings (counted in neither of the others).
    pub acknowledged: usize,
    /// Engagement files among the files checked.
    pub engagements: usize,
    /// Review session files among the files checked.
    pub review_sessions: usize,
}

impl Tally {
    /// Counts `findings` over `engagements` engagement files and `review_sessions` review
    /// session files, with `acknowledged` acknowledged findings.
    #[must_use]
    pub fn of(engagements: usize, review_sessions: usize, findings: &[Finding], acknowledged: usize) -> Self {
        let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
        Self {
            files: engagements + review_sessions,
            errors,
            warnings: findings.len() - errors,
            acknowledged,
            engagements,
            review_sessions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_kebab_case_and_listed() {
        let ids: Vec<&str> = RuleId::ALL.iter().map(|r| r.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), ids.len(), "duplicate rule id");
        for id in &ids {
            assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()), "{id}");
            assert_eq!(RuleId::from_id(id).map(RuleId::as_str), Some(*id));
        }
        insta::assert_snapshot!(ids.join("\n"));
    }

    #[test]
    fn sort_is_the_stable_sort_by_report_order() {
        // Ties in report order (same place, rule and message) keep their order: the help
        // tells them apart here.
        let at = |path: &str, line: u32, rule: RuleId, message: &str, n: usize| {
            Finding::new(rule, Arc::from(path), Loc { line, col: 1, offset: 0, len: 0 }, message)
                .with_help(n.to_string())
        };
        let mut findings = Vec::new();
        for n in 0..40_usize {
            let path = ["b.yaml", "a.yaml", "c.yaml"][n % 3];
            let rule = [RuleId::Stale, RuleId::ActionOverdue][n % 2];
            let line = u32::try_from((n * 7) % 5).unwrap_or_default();
            findings.push(at(path, line, rule, ["x", "y"][n % 4 / 2], n));
        }
        let mut expected = findings.clone();
        expected.sort_by(Finding::order);
        sort(&mut findings);
        assert_eq!(findings, expected);
        let mut none: Vec<Finding> = Vec::new();
        sort(&mut none);
        assert!(none.is_empty());
    }

    #[test]
    fn acknowledgeable_rules_are_the_content_rules_about_engagements() {
        let expected: Vec<&str> = RuleId::ALL
            .iter()
            .filter(|r| matches!(r.kind(), RuleKind::Content(_)))
            .filter(|r| {
                !matches!(
                    r,
                    RuleId::SchemaOutdated
                        | RuleId::AcknowledgementExpired
                        | RuleId::AcknowledgementUnused
                        // About review session files, not engagements.
                        | RuleId::ReviewActionOverdue
                        | RuleId::ReviewOverdue
                        | RuleId::ReviewDateMismatch
                )
            })
            .map(|r| r.as_str())
            .collect();
        assert_eq!(ACKNOWLEDGEABLE, expected.as_slice());
    }
}
