//! Reading typed values out of a YAML document, every problem a located finding: shared
//! by the engagement checker and the field guide's reader.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::document::{Document, NodeId, NodeKind, Scalar};
use crate::finding::{Finding, Loc, RuleId};
use crate::format;
use crate::suggest;
use crate::validate::date_guess;

/// Reads typed values out of a document, turning every problem into a finding.
pub(crate) struct Reader<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) out: Vec<Finding>,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(doc: &'a Document) -> Self {
        Self { doc, out: Vec::new() }
    }

    pub(crate) fn path(&self) -> Arc<str> {
        self.doc.path.clone()
    }

    pub(crate) fn report(&mut self, rule: RuleId, at: Loc, message: String, help: Option<String>) {
        let mut finding = Finding::new(rule, self.path(), at, message);
        finding.help = help.map(Cow::Owned);
        self.out.push(finding);
    }

    /// Reports a tag this format does not accept; `true` when the node is fine.
    pub(crate) fn tag_ok(&mut self, id: NodeId, what: &dyn fmt::Display) -> bool {
        let (node, at) = self.doc.resolve(id);
        match &node.bad_tag {
            Some(tag) => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} has the YAML tag `{tag}`, which this format does not use"),
                    Some("remove the tag; write plain values".to_owned()),
                );
                false
            }
            None => true,
        }
    }

    /// Non-empty text.
    pub(crate) fn text(&mut self, id: NodeId, what: &dyn fmt::Display) -> Option<String> {
        if !self.tag_ok(id, what) {
            return None;
        }
        let at = self.doc.resolve(id).1;
        match self.doc.scalar(id) {
            Some((Scalar::Str, s)) if !s.trim().is_empty() => Some(s.to_owned()),
            Some((Scalar::Str, _)) => {
                self.report(
                    RuleId::InvalidValue,
                    at,
                    format!("{what} is empty text"),
                    Some("write something, or remove the field if it is optional".to_owned()),
                );
                None
            }
            Some((kind, s)) => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} must be text, found {} (`{s}`)", kind.describe()),
                    Some(format!("put it in quotes if you mean the text: \"{s}\"")),
                );
                None
            }
            None => {
                let (message, help) = match self.colon_read_as_mapping(id) {
                    Some((key, line)) => {
                        let quoted = format!("\"{}\"", line.replace('\\', "\\\\").replace('"', "\\\""));
                        let fix = if self.doc.node(id).dash.is_some() {
                            format!("put the item in quotes: - {quoted}")
                        } else {
                            format!("put the text in quotes: {quoted}")
                        };
                        let message = format!(
                            "{what} must be text, but YAML read it as `key: value` because of the colon after `{key}`"
                        );
                        (message, Some(fix))
                    }
                    None => (format!("{what} must be text, found {}", self.doc.describe(id)), None),
                };
                self.report(RuleId::InvalidType, at, message, help);
                None
            }
        }
    }

    /// Reports a comment that directly follows the plain text `id` on its line and reads as
    /// more of the text: in `notes: ticket #42 raised` YAML keeps "ticket" and drops the rest
    /// as a comment. A comment is taken for cut text when a word starts right after its `#`
    /// (`#42`, `#tag`); an ordinary comment (`# agreed with the client`) is left alone, and
    /// so are quoted and block texts, where a `#` is text.
    pub(crate) fn comment_in_text(&mut self, id: NodeId, what: &dyn fmt::Display) {
        let doc = self.doc;
        let node = doc.node(id);
        if !matches!(node.kind, NodeKind::Scalar(..)) {
            return;
        }
        let text = doc.text.as_str();
        let start = node.loc.offset as usize;
        let end = start.saturating_add(node.loc.len as usize);
        let (Some(value), Some(after)) = (text.get(start..end), text.get(end..)) else { return };
        if value.starts_with(['"', '\'', '|', '>']) {
            return;
        }
        let rest = after.split('\n').next().unwrap_or_default();
        let comment = rest.trim_start_matches([' ', '\t']);
        if comment.len() == rest.len() || !comment.starts_with('#') {
            return;
        }
        let comment = comment.trim_end_matches('\r').trim_end();
        if !comment[1..].chars().next().is_some_and(char::is_alphanumeric) {
            return;
        }
        let hash = end + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        let line_start = text[..hash].rfind('\n').map_or(0, |i| i + 1);
        let at = Loc {
            line: node.loc.line + u32::try_from(text[start..hash].matches('\n').count()).unwrap_or(0),
            col: u32::try_from(text[line_start..hash].chars().count() + 1).unwrap_or(u32::MAX),
            offset: u32::try_from(hash).unwrap_or(u32::MAX),
            len: u32::try_from(comment.len()).unwrap_or(0),
        };
        let kept = value.split_whitespace().collect::<Vec<_>>().join(" ");
        let whole = format!("{kept} {comment}").replace('\\', "\\\\").replace('"', "\\\"");
        self.report(
            RuleId::CommentInText,
            at,
            format!("{what} stops at \"{kept}\": YAML reads `{comment}` as a comment and drops it"),
            Some(format!("put the whole text in quotes to keep it: \"{whole}\"")),
        );
    }

    /// For text that YAML read as a one-entry mapping because of a `: ` inside it
    /// (`- Supplier: chase firmware fix`): the would-be key, and the line as written.
    fn colon_read_as_mapping(&self, id: NodeId) -> Option<(&'a str, &'a str)> {
        let doc = self.doc;
        let (node, _) = doc.resolve(id);
        let [entry] = doc.entries(id)? else { return None };
        let (Scalar::Str, key) = doc.scalar(entry.key)? else { return None };
        let key_at = doc.node(entry.key).loc;
        let value_at = doc.resolve(entry.value).1;
        if node.flow || value_at.line != key_at.line || !matches!(doc.scalar(entry.value), Some((Scalar::Str, _))) {
            return None;
        }
        let start = key_at.offset as usize;
        let rest = doc.text.get(start..)?;
        let line = rest.split(['\n', '\r']).next().unwrap_or(rest).trim_end();
        // Only a plain key: a quoted one was meant as a key.
        (!line.starts_with(['"', '\''])).then_some((key, line))
    }

    /// An integer (any size that fits in 64 bits is returned; callers check the range).
    pub(crate) fn int(
        &mut self,
        id: NodeId,
        what: &dyn fmt::Display,
        expected: &dyn fmt::Display,
    ) -> Option<Result<i64, String>> {
        if !self.tag_ok(id, what) {
            return None;
        }
        let at = self.doc.resolve(id).1;
        match self.doc.scalar(id) {
            Some((Scalar::Int(Some(v)), _)) => Some(Ok(v)),
            Some((Scalar::Int(None), s)) => Some(Err(s.to_owned())),
            Some((kind, s)) => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} must be {expected}, found {} (`{s}`)", kind.describe()),
                    None,
                );
                None
            }
            None => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} must be {expected}, found {}", self.doc.describe(id)),
                    None,
                );
                None
            }
        }
    }

    /// A real calendar date written `YYYY-MM-DD`.
    pub(crate) fn date(&mut self, id: NodeId, what: &dyn fmt::Display) -> Option<NaiveDate> {
        if !self.tag_ok(id, what) {
            return None;
        }
        let at = self.doc.resolve(id).1;
        let help = Some("write dates as YYYY-MM-DD, for example 2026-11-20".to_owned());
        match self.doc.scalar(id) {
            Some((Scalar::Str, s)) => {
                let parsed = parse_date(s);
                if parsed.is_none() {
                    let why = if is_date_shaped(s) {
                        "not a real calendar date"
                    } else {
                        "not a date in the form YYYY-MM-DD"
                    };
                    let help = match date_guess::guess(s) {
                        Some(guess) => Some(guess.help(s)),
                        None => help,
                    };
                    self.report(RuleId::InvalidValue, at, format!("{what} is `{s}`, {why}"), help);
                }
                parsed
            }
            Some((kind, s)) => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} must be a date (YYYY-MM-DD), found {} (`{s}`)", kind.describe()),
                    help,
                );
                None
            }
            None => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} must be a date (YYYY-MM-DD), found {}", self.doc.describe(id)),
                    help,
                );
                None
            }
        }
    }

    /// One word of `allowed`: its index in `allowed`.
    pub(crate) fn choice(
        &mut self,
        id: NodeId,
        what: &dyn fmt::Display,
        allowed: &'static [&'static str],
    ) -> Option<usize> {
        if !self.tag_ok(id, what) {
            return None;
        }
        let at = self.doc.resolve(id).1;
        let list = || allowed.join(", ");
        match self.doc.scalar(id) {
            Some((Scalar::Str, s)) => {
                let found = allowed.iter().position(|a| *a == s);
                if found.is_none() {
                    self.report(
                        RuleId::InvalidValue,
                        at,
                        format!("{what} must be one of {}; found `{s}`", list()),
                        Some(suggest::help_for(s, allowed)),
                    );
                }
                found
            }
            Some((kind, s)) => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} must be one of {}; found {} (`{s}`)", list(), kind.describe()),
                    None,
                );
                None
            }
            None => {
                self.report(
                    RuleId::InvalidType,
                    at,
                    format!("{what} must be one of {}; found {}", list(), self.doc.describe(id)),
                    None,
                );
                None
            }
        }
    }

    /// The string-keyed entries of a mapping, skipping repeated keys (already reported)
    /// and extension keys (`x-…`). Keys that are not text are reported as unknown fields.
    pub(crate) fn entries(&mut self, id: NodeId, what: &dyn fmt::Display) -> Option<Vec<(&'a str, Loc, NodeId)>> {
        let mut out = Vec::new();
        self.entries_into(id, what, &mut out).then_some(out)
    }

    /// [`Reader::entries`], appended to `out`; `false` when `id` is not a mapping (or has a
    /// tag this format does not use), as reported.
    pub(crate) fn entries_into(
        &mut self,
        id: NodeId,
        what: &dyn fmt::Display,
        out: &mut Vec<(&'a str, Loc, NodeId)>,
    ) -> bool {
        if !self.tag_ok(id, what) {
            return false;
        }
        let doc = self.doc;
        let (node, at) = doc.resolve(id);
        let NodeKind::Map(entries) = &node.kind else {
            self.report(
                RuleId::InvalidType,
                at,
                format!("{what} must be a mapping of `key: value` lines, found {}", doc.describe(id)),
                None,
            );
            return false;
        };
        let entries = doc.entries_of(*entries);
        out.reserve(entries.len());
        for entry in entries.iter().filter(|e| !e.duplicate) {
            let key_at = doc.resolve(entry.key).1;
            match doc.scalar(entry.key) {
                Some((Scalar::Str, key)) if format::is_extension(key) => {}
                Some((Scalar::Str, key)) => out.push((key, key_at, entry.value)),
                Some((_, key)) => self.report(
                    RuleId::UnknownField,
                    key_at,
                    format!("`{key}` is not a field name"),
                    Some("field names are words such as `client` or `notes`".to_owned()),
                ),
                None => self.report(RuleId::UnknownField, key_at, "a list or mapping cannot be a key".to_owned(), None),
            }
        }
        true
    }

    /// Whether a node is empty (null, without a tag).
    pub(crate) fn is_null(&self, id: NodeId) -> bool {
        matches!(self.doc.scalar(id), Some((Scalar::Null, _))) && self.doc.resolve(id).0.bad_tag.is_none()
    }
}

/// "`{prefix} {what}`", written only when a message needs it.
pub(crate) struct Words<'a>(pub(crate) &'a str, pub(crate) &'a dyn fmt::Display);

impl fmt::Display for Words<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
#[must_use]
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    if !is_date_shaped(s) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

fn is_date_shaped(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10 && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}
