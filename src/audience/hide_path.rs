//! A hide path (`account_status.*.notes`), checked against the format table and the
//! configured measures, so that a path the format does not have is an error, not a field
//! silently left visible.

use super::{Pattern, Scope};
use crate::format::{self, Shape, key as k};
use crate::guide::Guide;
use crate::suggest;

/// The fields that identify an engagement; no audience can hide them.
pub const IDENTITY: &[&str] = &[k::ENGAGEMENT, k::CLIENT, k::REGION, k::STATUS, k::UPDATED];

/// The first segment of a hide path about review session files (`review.decisions`):
/// no engagement field is named so.
pub const REVIEW: &str = "review";

/// The fields of a review session that an audience can hide as `review.<field>`. A
/// session's actions follow the engagement's `actions` paths instead; its region, date and
/// next review identify it, and its attendees are the people in the room.
pub const REVIEW_FIELDS: &[&str] = &[k::DECISIONS];

const EXAMPLES: &str = "write a dotted path of the engagement format, for example `risks`, `leads.relationship` or `account_status.*.notes`";

/// Why a hide path was refused: a message naming it, and help.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) message: String,
    pub(crate) help: Option<String>,
}

fn problem(message: String, help: Option<String>) -> Problem {
    Problem { message, help }
}

/// Checks `text` as a hide path of the engagement format for `guide`'s measures.
pub(crate) fn parse(text: &str, guide: &Guide) -> Result<Pattern, Problem> {
    let segments: Vec<&str> = text.split('.').collect();
    if segments.iter().any(|s| s.is_empty() || s.trim() != *s) {
        return Err(problem(format!("`{text}` is not a field path"), Some(EXAMPLES.to_owned())));
    }
    let walk = Walk { text, segments: &segments, guide };
    let top = segments[0];
    if top == REVIEW {
        return review(text, &segments);
    }
    if IDENTITY.contains(&top) {
        return Err(problem(
            format!(
                "`{top}` cannot be hidden: engagement, client, region, status and updated identify the engagement, so every audience sees them"
            ),
            Some("remove it from `hide`".to_owned()),
        ));
    }
    if top == k::ACCTSUM {
        return Err(problem(
            "`acctsum` is the file's format version, not information to hide".to_owned(),
            Some("remove it from `hide`".to_owned()),
        ));
    }
    let mut shape = Shape::Record(format::ENGAGEMENT);
    let mut scope = Scope::Section;
    for (i, &segment) in segments.iter().enumerate() {
        if segment == "*" && !matches!(shape, Shape::Measures(_)) {
            return Err(problem(
                format!("{}`*` can only stand for a measure, as in `account_status.*.notes`", walk.lead()),
                Some("name the field to hide".to_owned()),
            ));
        }
        let next = match shape {
            Shape::Record(fields) | Shape::List(fields) => walk.field(i, fields, matches!(shape, Shape::List(_)))?,
            Shape::Measures(section) => walk.measure(i, section)?,
            leaf => {
                let above = segments[..i].join(".");
                return Err(problem(
                    format!("`{text}`: `{above}` holds {}, not fields", leaf.describe(guide)),
                    Some(format!("hide it whole: `{above}`")),
                ));
            }
        };
        scope = match (i, shape) {
            (0, _) => Scope::Section,
            (_, Shape::Measures(_)) => Scope::Items,
            _ => Scope::Field,
        };
        shape = next;
    }
    Ok(Pattern::new(text.to_owned(), scope))
}

/// A hide path of review session files: `review.decisions`.
fn review(text: &str, segments: &[&str]) -> Result<Pattern, Problem> {
    let listed = || REVIEW_FIELDS.iter().map(|f| format!("`{REVIEW}.{f}`")).collect::<Vec<_>>().join(", ");
    match segments {
        [_, field] if REVIEW_FIELDS.contains(field) => Ok(Pattern::new(text.to_owned(), Scope::Field)),
        [_] => Err(problem(
            format!("`{REVIEW}` alone hides nothing: name the review session field to hide"),
            Some(format!(
                "review session fields that can be hidden: {} (a session's actions follow `actions`)",
                listed()
            )),
        )),
        [_, field] => {
            let help = suggest::closest(field, REVIEW_FIELDS.iter().copied()).map_or_else(
                || {
                    format!(
                        "review session fields that can be hidden: {} (a session's actions follow `actions`)",
                        listed()
                    )
                },
                |close| format!("did you mean `{REVIEW}.{close}`?"),
            );
            Err(problem(format!("`{text}`: review sessions have no field `{field}` that can be hidden"), Some(help)))
        }
        _ => Err(problem(
            format!("`{text}`: `{REVIEW}.{}` holds text, not fields", segments[1]),
            Some(format!("hide it whole: `{REVIEW}.{}`", segments[1])),
        )),
    }
}

/// The path being checked, for messages that name it and suggestions that mend it.
struct Walk<'a> {
    text: &'a str,
    segments: &'a [&'a str],
    guide: &'a Guide,
}

impl Walk<'_> {
    /// "`path`: " to start a message about one of its segments; nothing when the path is
    /// that one segment.
    fn lead(&self) -> String {
        if self.segments.len() > 1 { format!("`{}`: ", self.text) } else { String::new() }
    }

    /// The path up to (not including) segment `i`.
    fn above(&self, i: usize) -> String {
        self.segments[..i].join(".")
    }

    /// "did you mean" the path with segment `i` replaced by the closest candidate, else
    /// the candidates.
    fn help(&self, i: usize, candidates: &[&str], listed: &str) -> String {
        match suggest::closest(self.segments[i], candidates.iter().copied()) {
            Some(close) => {
                let mut mended = self.segments.to_vec();
                mended[i] = close;
                format!("did you mean `{}`?", mended.join("."))
            }
            None => format!("{listed}: {}", candidates.join(", ")),
        }
    }

    /// Segment `i`, a field of a mapping (`items`: of each item of a list).
    fn field(&self, i: usize, fields: &'static [format::Field], items: bool) -> Result<Shape, Problem> {
        let (text, segment) = (self.text, self.segments[i]);
        if let Some(field) = format::field(fields, segment) {
            return Ok(field.shape);
        }
        let above = self.above(i);
        if items && segment.bytes().all(|b| b.is_ascii_digit()) {
            let first = fields.first().map_or("title", |f| f.key);
            return Err(problem(
                format!("`{text}`: items of a list cannot be hidden one by one"),
                Some(format!("hide a field of every item (`{above}.{first}`) or the whole list (`{above}`)")),
            ));
        }
        let candidates: Vec<&str> = fields
            .iter()
            .map(|f| f.key)
            .filter(|key| i > 0 || !(IDENTITY.contains(key) || *key == k::ACCTSUM))
            .collect();
        let message = match (i, items) {
            (0, _) => format!("{}the engagement format has no field `{segment}`", self.lead()),
            (_, true) => format!("`{text}`: the items of `{above}` have no field `{segment}`"),
            (_, false) => format!("`{text}`: `{above}` has no field `{segment}`"),
        };
        Err(problem(message, Some(self.help(i, &candidates, "fields that can be hidden here"))))
    }

    /// Segment `i`, a configured measure of `section` or `*`.
    fn measure(&self, i: usize, section: format::Section) -> Result<Shape, Problem> {
        let segment = self.segments[i];
        let measures = self.guide.measures(section);
        if segment == "*" || measures.iter().any(|m| m.key == segment) {
            return Ok(Shape::Record(format::MEASURE));
        }
        let keys: Vec<&str> = measures.iter().map(|m| m.key.as_str()).collect();
        let help =
            self.help(i, &keys, &format!("`*` for every measure, or one of the measures of `{}`", section.key()));
        Err(problem(format!("`{}`: `{segment}` is not a measure of `{}`", self.text, section.key()), Some(help)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scope(text: &str) -> Result<Scope, Problem> {
        parse(text, &Guide::default()).map(|p| p.scope())
    }

    fn refused(text: &str) -> (String, String) {
        let p = parse(text, &Guide::default()).expect_err(text);
        (p.message, p.help.unwrap_or_default())
    }

    #[test]
    fn paths_of_the_format_are_accepted_with_their_scope() {
        let cases = [
            ("risks", Scope::Section),
            ("actions", Scope::Section),
            ("headline", Scope::Section),
            ("leads", Scope::Section),
            ("account_status", Scope::Section),
            ("account_status.commercial", Scope::Items),
            ("account_status.*", Scope::Items),
            ("account_status.*.notes", Scope::Field),
            ("account_status.customer.score", Scope::Field),
            ("strategy.*.action", Scope::Field),
            ("leads.relationship", Scope::Field),
            ("leads.tech", Scope::Field),
            ("service_review.next", Scope::Field),
            ("risks.mitigation", Scope::Field),
            ("actions.owner", Scope::Field),
            ("actions.status", Scope::Field),
            ("stakeholders.name", Scope::Field),
        ];
        for (text, want) in cases {
            assert_eq!(scope(text), Ok(want), "{text}");
            assert_eq!(parse(text, &Guide::default()).map(|p| p.to_string()).as_deref(), Ok(text));
        }
    }

    #[test]
    fn identifying_fields_cannot_be_hidden_and_say_why() {
        for key in ["engagement", "client", "region", "status", "updated"] {
            let (message, _) = refused(key);
            assert!(message.starts_with(&format!("`{key}` cannot be hidden")), "{message}");
            assert!(message.contains("identify the engagement"), "{message}");
        }
        assert!(refused("client.name").0.contains("cannot be hidden"));
        assert!(refused("acctsum").0.contains("format version"));
    }

    #[test]
    fn unknown_paths_suggest_the_mended_path() {
        let cases = [
            ("risk", "the engagement format has no field `risk`", "did you mean `risks`?"),
            (
                "acount_status.*.notes",
                "`acount_status.*.notes`: the engagement format has no field `acount_status`",
                "did you mean `account_status.*.notes`?",
            ),
            (
                "account_status.commercials",
                "`account_status.commercials`: `commercials` is not a measure of `account_status`",
                "did you mean `account_status.commercial`?",
            ),
            (
                "account_status.*.note",
                "`account_status.*.note`: `account_status.*` has no field `note`",
                "did you mean `account_status.*.notes`?",
            ),
            (
                "leads.relationshp",
                "`leads.relationshp`: `leads` has no field `relationshp`",
                "did you mean `leads.relationship`?",
            ),
            (
                "risks.mitigaton",
                "`risks.mitigaton`: the items of `risks` have no field `mitigaton`",
                "did you mean `risks.mitigation`?",
            ),
            ("Risks", "the engagement format has no field `Risks`", "did you mean `risks`?"),
        ];
        for (text, message, help) in cases {
            assert_eq!(refused(text), (message.to_owned(), help.to_owned()), "{text}");
        }
        let (_, help) = refused("sponsor_notes");
        assert!(help.starts_with("fields that can be hidden here: leads, headline"), "{help}");
        assert!(!help.contains("client") && !help.contains("acctsum"), "{help}");
        let (_, help) = refused("strategy.pipeline");
        assert!(help.contains("relationships, alignment, growth, value_add, exit_plan"), "{help}");
    }

    #[test]
    fn measures_are_the_configured_ones() {
        let loaded = crate::document::load(
            std::sync::Arc::from("acctsum.yaml"),
            b"measures:\n  account_status:\n    - key: morale\n",
        );
        let guide = Guide::parse(&loaded.doc.expect("doc")).expect("valid");
        assert_eq!(parse("account_status.morale", &guide).map(|p| p.scope()), Ok(Scope::Items));
        assert!(parse("account_status.commercial", &guide).is_err(), "no longer configured");
        assert!(parse("account_status.commercial", &Guide::default()).is_ok());
    }

    #[test]
    fn review_session_decisions_can_be_hidden_and_other_session_paths_are_refused() {
        assert_eq!(scope("review.decisions"), Ok(Scope::Field));
        assert_eq!(
            refused("review.decision"),
            (
                "`review.decision`: review sessions have no field `decision` that can be hidden".to_owned(),
                "did you mean `review.decisions`?".to_owned()
            )
        );
        let (message, help) = refused("review.actions");
        assert_eq!(message, "`review.actions`: review sessions have no field `actions` that can be hidden");
        assert!(help.contains("`review.decisions`") && help.contains("follow `actions`"), "{help}");
        assert!(refused("review").0.contains("alone hides nothing"));
        assert!(refused("review.decisions.0").0.contains("holds text, not fields"));
    }

    #[test]
    fn malformed_paths_are_refused() {
        for text in ["", ".", "risks.", ".risks", "risks..title", " risks", "risks .title"] {
            assert!(refused(text).0.ends_with("is not a field path"), "{text:?}");
        }
        assert_eq!(
            refused("*"),
            (
                "`*` can only stand for a measure, as in `account_status.*.notes`".to_owned(),
                "name the field to hide".to_owned()
            )
        );
        assert!(refused("risks.*").0.contains("can only stand for a measure"));
        assert!(refused("leads.*").0.contains("can only stand for a measure"));
        assert!(refused("account_status.*.*").0.contains("can only stand for a measure"));
        let (message, help) = refused("risks.0");
        assert_eq!(message, "`risks.0`: items of a list cannot be hidden one by one");
        assert_eq!(help, "hide a field of every item (`risks.title`) or the whole list (`risks`)");
        assert_eq!(
            refused("headline.text"),
            ("`headline.text`: `headline` holds text, not fields".to_owned(), "hide it whole: `headline`".to_owned())
        );
        assert!(refused("account_status.*.notes.more").0.contains("`account_status.*.notes` holds text, not fields"));
        assert!(refused("leads.tech.0").0.contains("`leads.tech` holds a name, or a list of names, not fields"));
    }
}
