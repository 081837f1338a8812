//! Structural validation: walks a document against the format table and the guide,
//! reports every structural problem, and keeps the valid parts as a [`Rec`].
//!
//! Nothing stops at the first problem: each field is checked on its own, so one run
//! reports everything, and content rules later run on whatever is valid.

mod date_guess;
mod duplicate_keys;
mod reader;
mod review;

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;

pub use self::duplicate_keys::name_duplicate_keys;
pub use self::reader::parse_date;
pub(crate) use self::reader::{Reader, Words};
pub use self::review::review;
use crate::document::{Document, NodeId, NodeKind, Scalar};
use crate::finding::{FieldPath, Finding, Loc, RuleId};
use crate::format::{self, Field, Section, Shape, key as k};
use crate::guide::Guide;
use crate::suggest;

/// A checked value.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// Non-empty text.
    Text(String),
    /// A real date.
    Date(NaiveDate),
    /// A score within the scale, or the version.
    Int(i64),
    /// One of the allowed words: its index in the field's [`Shape::Choice`] list.
    Choice(usize),
    /// Names or text items, each with its position.
    List(Vec<(String, Loc)>),
    /// A mapping.
    Record(Rec),
    /// A list of mappings: the items that are mappings, in file order.
    Items(Vec<Item>),
    /// Measure entries, in file order.
    Measures(Vec<Measure>),
}

/// One item of a list of mappings.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Its 0-based position in the file's list (items that are not mappings count too).
    pub index: usize,
    /// Where the item starts.
    pub at: Loc,
    /// Its fields.
    pub rec: Rec,
}

/// One entry of `account_status` or `strategy`.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// The measure key.
    pub key: String,
    /// Where the key is.
    pub key_at: Loc,
    /// Its fields (empty when the entry is invalid).
    pub rec: Rec,
}

/// A field that is present: where its key and value are, and the value when it is valid.
#[derive(Clone, Debug, PartialEq)]
pub struct Slot {
    /// Position of the key.
    pub key_at: Loc,
    /// Position of the value.
    pub at: Loc,
    /// The value; `None` when it was reported as invalid.
    pub val: Option<Val>,
}

/// The present fields of a checked mapping.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rec {
    slots: Vec<(&'static str, Slot)>,
}

impl Rec {
    /// The slot of a field, when it is present (an empty optional field counts as absent).
    #[must_use]
    pub fn slot(&self, key: &str) -> Option<&Slot> {
        self.slots.iter().find(|(k, _)| *k == key).map(|(_, s)| s)
    }

    /// Moves a field's slot out of the record.
    pub fn take(&mut self, key: &str) -> Option<Slot> {
        let at = self.slots.iter().position(|(k, _)| *k == key)?;
        Some(self.slots.swap_remove(at).1)
    }
}

/// Checks one engagement document; returns its valid parts and every structural finding.
/// Each finding about a field names it ([`Finding::field`]); those about the whole file
/// (it is empty, or not a mapping) do not.
#[must_use]
pub fn engagement(doc: &Document, guide: &Guide) -> (Option<Rec>, Vec<Finding>) {
    let mut checker = Checker { r: Reader::new(doc), guide, entries: Vec::new() };
    let rec = match doc.root() {
        Some(root) if matches!(doc.resolve(root).0.kind, NodeKind::Map(_)) => {
            // A field missing from the file as a whole is reported at line 1, as SPEC.md
            // says of a mapping that is the whole document (acceptance case missing-client).
            checker.record(root, format::ENGAGEMENT, Loc::START, &Place::Top, At::Top)
        }
        Some(root) => {
            let found = doc.describe(root);
            checker.r.report(
                RuleId::InvalidType,
                Loc::START,
                format!("an engagement file must be a mapping of fields, found {found}"),
                Some("start from `acctsum new`, or see `acctsum guide`".to_owned()),
            );
            None
        }
        None => {
            checker.r.report(
                RuleId::InvalidType,
                Loc::START,
                "the file is empty".to_owned(),
                Some("start from `acctsum new`, or see `acctsum guide`".to_owned()),
            );
            None
        }
    };
    (rec, checker.r.out)
}

/// Checks only the top-level fields `fields` of an engagement document (the others are
/// neither read nor checked) and returns their valid parts: what a look-up of names needs.
/// `None` when the document is not a mapping.
#[must_use]
pub fn engagement_fields(doc: &Document, guide: &Guide, fields: &[&'static Field]) -> Option<Rec> {
    let root = doc.root().filter(|&root| matches!(doc.resolve(root).0.kind, NodeKind::Map(_)))?;
    let mut checker = Checker { r: Reader::new(doc), guide, entries: Vec::new() };
    let mut rec = Rec::default();
    for field in fields {
        let Some(entry) = doc.get(root, field.key) else { continue };
        if checker.r.is_null(entry.value) {
            if let Some(empty) = empty_section(field.shape) {
                rec.slots.push((
                    field.key,
                    Slot { key_at: doc.resolve(entry.key).1, at: doc.resolve(entry.value).1, val: Some(empty) },
                ));
            }
            continue;
        }
        let key_at = doc.resolve(entry.key).1;
        let at = doc.resolve(entry.value).1;
        let val = checker.value(entry.value, field, key_at, &Place::Top, At::Top);
        rec.slots.push((field.key, Slot { key_at, at, val }));
    }
    Some(rec)
}

struct Checker<'a> {
    r: Reader<'a>,
    guide: &'a Guide,
    /// The entries of the mappings being checked, innermost last: each mapping reads its
    /// own from where they start and takes them off when done (one vector for the file,
    /// not one per mapping).
    entries: Vec<(&'a str, Loc, NodeId)>,
}

/// Where a value sits, as a chain of steps from the top level: made into a [`FieldPath`]
/// only when a finding needs one, so that checking a valid file builds none.
#[derive(Clone, Copy, Debug)]
enum At<'a> {
    /// The top level of the file.
    Top,
    /// Field `key` of the format, of the mapping at the first.
    Field(&'a At<'a>, &'static str),
    /// A key found in the file (a measure, an unknown field), of the mapping at the first.
    Key(&'a At<'a>, &'a str),
    /// Item `n` (0-based) of the list at the first.
    Index(&'a At<'a>, usize),
}

impl At<'_> {
    /// The path; `None` at the top level (a finding about the whole file).
    fn path(&self) -> Option<FieldPath> {
        let key = |up: &At<'_>, key: Cow<'static, str>| {
            Some(match up.path() {
                Some(p) => p.field(key),
                None => FieldPath::key(key),
            })
        };
        match *self {
            At::Top => None,
            At::Field(up, field) => key(up, Cow::Borrowed(field)),
            At::Key(up, found) => key(up, Cow::Owned(found.to_owned())),
            At::Index(up, n) => up.path().map(|p| p.at(n)),
        }
    }
}

/// Where a mapping sits, to name its fields in messages. Borrowed, not written out: a
/// file holds dozens of mappings, and only a message needs the words.
#[derive(Clone, Copy, Debug)]
enum Place<'a> {
    /// The top level of the file.
    Top,
    /// A nested mapping: field `key` of the mapping `up` (a nested mapping itself, or
    /// `None` at the top level or in a list item), written as a dotted path
    /// (`leads`, `account_status.customer`).
    Field(Option<&'a Place<'a>>, &'a str),
    /// Item `n` (1-based) of a list of things called `noun`.
    Item(&'static str, usize),
}

/// The dotted path of a [`Place::Field`].
struct Dotted<'a>(&'a Place<'a>);

impl fmt::Display for Dotted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Place::Field(Some(up), key) => write!(f, "{}.{key}", Dotted(up)),
            Place::Field(None, key) => f.write_str(key),
            Place::Top | Place::Item(..) => Ok(()),
        }
    }
}

/// "the file", "`leads`", "action 2": the mapping itself, written only when a message
/// needs it.
struct Itself<'a>(&'a Place<'a>);

impl fmt::Display for Itself<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Place::Top => f.write_str("the file"),
            Place::Field(..) => write!(f, "`{}`", Dotted(self.0)),
            Place::Item(noun, n) => write!(f, "{noun} {n}"),
        }
    }
}

impl Place<'_> {
    /// How a message names field `key` of this mapping.
    fn name(&self, key: &str) -> String {
        match self {
            Self::Top => format!("`{key}`"),
            Self::Field(..) => format!("`{}.{key}`", Dotted(self)),
            Self::Item(noun, n) => format!("`{key}` of {noun} {n}"),
        }
    }

    /// " in …" for messages about the mapping itself ("" at the top level).
    fn within(&self) -> String {
        match self {
            Self::Top => String::new(),
            Self::Field(..) => format!(" in `{}`", Dotted(self)),
            Self::Item(noun, n) => format!(" in {noun} {n}"),
        }
    }
}

impl<'a> Place<'a> {
    /// The place of field `key` of this mapping (a list item's fields are named alone).
    fn field(&'a self, key: &'a str) -> Place<'a> {
        Place::Field(matches!(self, Place::Field(..)).then_some(self), key)
    }
}

/// The name of field `key` of the mapping at `place`, written only when a message needs it.
struct Named<'a> {
    place: &'a Place<'a>,
    key: &'a str,
}

impl fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.place.name(self.key))
    }
}

/// The value of a section left empty: a mapping or list with nothing in it.
fn empty_section(shape: Shape) -> Option<Val> {
    match shape {
        Shape::Record(_) => Some(Val::Record(Rec::default())),
        Shape::List(_) => Some(Val::Items(Vec::new())),
        Shape::Measures(_) => Some(Val::Measures(Vec::new())),
        _ => None,
    }
}

/// The word for one item of a list field.
fn singular(key: &str) -> &'static str {
    match key {
        k::ACTIONS => "action",
        k::RISKS => "risk",
        k::OBJECTIVES => "objective",
        k::STAKEHOLDERS => "stakeholder",
        k::WINS => "win",
        k::OPPORTUNITIES => "opportunity",
        k::ACKNOWLEDGED => "acknowledgement",
        _ => "item",
    }
}

impl Checker<'_> {
    /// Names `at` as the field of the findings reported since `mark` that name none yet
    /// (those of a deeper field have named theirs already).
    fn label(&mut self, mark: usize, at: At<'_>) {
        if self.r.out.len() == mark {
            return;
        }
        let Some(path) = at.path() else { return };
        for finding in &mut self.r.out[mark..] {
            if finding.field.is_none() {
                finding.field = Some(path.clone());
            }
        }
    }

    /// Checks a mapping against `fields`; `owner` is where a missing field is reported,
    /// `at` where the mapping is.
    fn record(
        &mut self,
        id: NodeId,
        fields: &'static [Field],
        owner: Loc,
        place: &Place<'_>,
        at: At<'_>,
    ) -> Option<Rec> {
        let mark = self.r.out.len();
        let first = self.entries.len();
        let read = self.r.entries_into(id, &Itself(place), &mut self.entries);
        self.label(mark, at);
        if !read {
            return None;
        }
        let rec = self.fields(id, first, fields, owner, place, at);
        self.entries.truncate(first);
        Some(rec)
    }

    /// The fields of the mapping `id`, whose entries start at `first` in `self.entries`.
    fn fields(
        &mut self,
        id: NodeId,
        first: usize,
        fields: &'static [Field],
        owner: Loc,
        place: &Place<'_>,
        at: At<'_>,
    ) -> Rec {
        let mut rec = Rec { slots: Vec::with_capacity(self.entries.len() - first) };
        // The fields (by position in `fields`) the mapping has: no table holds 64 (a test
        // pins it), so one word records them without an allocation per mapping.
        debug_assert!(fields.len() <= 64);
        let mut seen = 0u64;
        // Unknown keys that are a misspelling of a field: the missing-field finding for
        // that field points to them rather than saying "did you mean" a second time.
        let mut misspelt: Vec<(&str, &str, Loc)> = Vec::new();
        let last = self.entries.len();
        for i in first..last {
            let (key, key_at, value) = self.entries[i];
            let mark = self.r.out.len();
            let Some(index) = fields.iter().position(|f| f.key == key) else {
                let allowed: Vec<&str> = fields.iter().map(|f| f.key).collect();
                let within = match place {
                    Place::Top => " at the top level".to_owned(),
                    _ => place.within(),
                };
                let typo = suggest::closest(key, allowed.iter().copied());
                if let Some(field) = typo {
                    misspelt.push((field, key, key_at));
                }
                let typo = typo.is_some();
                let help = if !typo && self.r.doc.resolve(id).0.flow && self.r.is_null(value) {
                    // `{notes: 1,900 stops}` splits at the comma: the rest becomes a key.
                    "in `{…}` a comma separates entries; put text that contains a comma in quotes".to_owned()
                } else {
                    suggest::help_for(key, &allowed)
                };
                self.r.report(RuleId::UnknownField, key_at, format!("unknown field `{key}`{within}"), Some(help));
                self.label(mark, At::Key(&at, key));
                continue;
            };
            let field = &fields[index];
            seen |= 1 << index;
            if self.r.is_null(value) {
                if field.required {
                    self.r.report(
                        RuleId::MissingField,
                        key_at,
                        format!("{} is empty", place.name(key)),
                        Some(format!("fill it in with {} — {}", field.shape.describe(self.guide), field.doc)),
                    );
                    self.label(mark, At::Field(&at, field.key));
                } else if let Some(empty) = empty_section(field.shape) {
                    // `service_review:` with nothing under it is there, and empty.
                    let value_at = self.r.doc.resolve(value).1;
                    rec.slots.push((field.key, Slot { key_at, at: value_at, val: Some(empty) }));
                }
                continue;
            }
            let value_at = self.r.doc.resolve(value).1;
            let val = self.value(value, field, key_at, place, at);
            rec.slots.push((field.key, Slot { key_at, at: value_at, val }));
        }
        let missing = fields.iter().enumerate().filter(|(i, f)| f.required && seen & (1 << i) == 0);
        for (_, field) in missing {
            let mark = self.r.out.len();
            let (message, help) = match misspelt.iter().find(|m| m.0 == field.key) {
                Some((_, found, at)) => (
                    format!(
                        "missing required field `{}`{}: `{found}` at line {} looks like it misspelt",
                        field.key,
                        place.within(),
                        at.line
                    ),
                    format!("see the unknown field `{found}` at line {}", at.line),
                ),
                None => (
                    format!("missing required field `{}`{}", field.key, place.within()),
                    format!("add `{}:` with {} — {}", field.key, field.shape.describe(self.guide), field.doc),
                ),
            };
            self.r.report(RuleId::MissingField, owner, message, Some(help));
            self.label(mark, At::Field(&at, field.key));
        }
        rec
    }

    /// Checks the value of field `field` of the mapping at `at`.
    fn value(&mut self, id: NodeId, field: &Field, key_at: Loc, place: &Place<'_>, at: At<'_>) -> Option<Val> {
        let what = &Named { place, key: field.key };
        let here = At::Field(&at, field.key);
        let mark = self.r.out.len();
        let val = match field.shape {
            Shape::Version => self.version(id),
            Shape::Text => self.r.text(id, what).inspect(|_| self.r.comment_in_text(id, what)).map(Val::Text),
            Shape::Date => self.r.date(id, what).map(Val::Date),
            Shape::Score => self.score(id, what),
            Shape::Choice(allowed) => self.r.choice(id, what, allowed).map(Val::Choice),
            Shape::Region => self.region(id),
            Shape::Names => self.names(id, what, here),
            Shape::TextList => self.text_list(id, what, here),
            Shape::Record(fields) => self.record(id, fields, key_at, &place.field(field.key), here).map(Val::Record),
            Shape::List(fields) => self.items(id, fields, what, singular(field.key), here),
            Shape::Measures(section) => self.measures(id, section, here),
        };
        self.label(mark, here);
        val
    }

    fn version(&mut self, id: NodeId) -> Option<Val> {
        let at = self.r.doc.resolve(id).1;
        match self.r.int(id, &"`acctsum`", &"the format version 1")? {
            Ok(1) => Some(Val::Int(1)),
            Ok(v) => {
                self.r.report(
                    RuleId::UnsupportedVersion,
                    at,
                    format!("format version {v} is not supported; this acctsum reads version 1"),
                    Some("write `acctsum: 1`, or upgrade acctsum".to_owned()),
                );
                None
            }
            Err(s) => {
                self.r.report(
                    RuleId::UnsupportedVersion,
                    at,
                    format!("format version {s} is not supported; this acctsum reads version 1"),
                    None,
                );
                None
            }
        }
    }

    fn score(&mut self, id: NodeId, what: &dyn fmt::Display) -> Option<Val> {
        let scale = self.guide.scale;
        // Written only when a message needs it (a file holds a score per measure).
        let expected = Range(scale.min, scale.max);
        let at = self.r.doc.resolve(id).1;
        let value = self.r.int(id, what, &expected)?;
        match value {
            Ok(v) if (scale.min..=scale.max).contains(&v) => Some(Val::Int(v)),
            Ok(v) => {
                self.out_of_range(at, what, &v.to_string());
                None
            }
            Err(s) => {
                self.out_of_range(at, what, &s);
                None
            }
        }
    }

    fn out_of_range(&mut self, at: Loc, what: &dyn fmt::Display, value: &str) {
        let scale = self.guide.scale;
        self.r.report(
            RuleId::ScoreOutOfRange,
            at,
            format!("{what} is {value}, outside the scale {} to {}", scale.min, scale.max),
            Some(format!("{} is the worst, {} the best; {} or less counts as low", scale.min, scale.max, scale.low)),
        );
    }

    fn region(&mut self, id: NodeId) -> Option<Val> {
        let region = self.r.text(id, &"`region`")?;
        let regions = &self.guide.regions;
        if regions.is_empty() || regions.contains(&region) {
            return Some(Val::Text(region));
        }
        let at = self.r.doc.resolve(id).1;
        let names: Vec<&str> = regions.iter().map(String::as_str).collect();
        self.r.report(
            RuleId::UnknownRegion,
            at,
            format!("region `{region}` is not one of the configured regions ({})", names.join(", ")),
            Some(suggest::help_for(&region, &names)),
        );
        None
    }

    fn names(&mut self, id: NodeId, what: &dyn fmt::Display, here: At<'_>) -> Option<Val> {
        let doc = self.r.doc;
        let (node, at) = doc.resolve(id);
        match &node.kind {
            NodeKind::Seq(items) => {
                let items = doc.items_of(*items);
                let mut ok = true;
                let mut names = Vec::with_capacity(items.len());
                for (n, &item) in items.iter().enumerate() {
                    let mark = self.r.out.len();
                    let item_at = doc.resolve(item).1;
                    if self.r.is_null(item) {
                        self.r.report(
                            RuleId::InvalidType,
                            doc.item_loc(item),
                            format!("{what} has an empty list item"),
                            None,
                        );
                        ok = false;
                    } else if let Some(name) = self.r.text(item, &Words("a name in", what)) {
                        self.r.comment_in_text(item, &Words("a name in", what));
                        names.push((name, item_at));
                    } else {
                        ok = false;
                    }
                    self.label(mark, At::Index(&here, n));
                }
                ok.then_some(Val::List(names))
            }
            _ => self.r.text(id, what).map(|name| Val::List(vec![(name, at)])),
        }
    }

    fn text_list(&mut self, id: NodeId, what: &dyn fmt::Display, here: At<'_>) -> Option<Val> {
        if !self.r.tag_ok(id, what) {
            return None;
        }
        let doc = self.r.doc;
        let (node, at) = doc.resolve(id);
        let NodeKind::Seq(items) = &node.kind else {
            self.r.report(
                RuleId::InvalidType,
                at,
                format!("{what} must be a list, found {}", doc.describe(id)),
                Some("write each item on its own line, starting with `- `".to_owned()),
            );
            return None;
        };
        let items = doc.items_of(*items);
        if items.is_empty() {
            self.r.report(
                RuleId::InvalidValue,
                at,
                format!("{what} is an empty list"),
                Some("add at least one item".to_owned()),
            );
            return None;
        }
        let mut ok = true;
        let mut out = Vec::with_capacity(items.len());
        for (n, &item) in items.iter().enumerate() {
            let mark = self.r.out.len();
            let item_at = doc.resolve(item).1;
            if self.r.is_null(item) {
                self.r.report(
                    RuleId::InvalidType,
                    doc.item_loc(item),
                    format!("{what} has an empty list item"),
                    Some("write the item, or remove the `-` line".to_owned()),
                );
                ok = false;
            } else if let Some(text) = self.r.text(item, &Words("an item of", what)) {
                self.r.comment_in_text(item, &Words("an item of", what));
                out.push((text, item_at));
            } else {
                ok = false;
            }
            self.label(mark, At::Index(&here, n));
        }
        ok.then_some(Val::List(out))
    }

    fn items(
        &mut self,
        id: NodeId,
        fields: &'static [Field],
        what: &dyn fmt::Display,
        noun: &'static str,
        here: At<'_>,
    ) -> Option<Val> {
        if !self.r.tag_ok(id, what) {
            return None;
        }
        let doc = self.r.doc;
        let (node, at) = doc.resolve(id);
        let NodeKind::Seq(items) = &node.kind else {
            self.r.report(
                RuleId::InvalidType,
                at,
                format!("{what} must be a list, found {}", doc.describe(id)),
                Some("write each item on its own line, starting with `- `".to_owned()),
            );
            return None;
        };
        let items = doc.items_of(*items);
        let mut out = Vec::with_capacity(items.len());
        for (n, &item) in items.iter().enumerate() {
            let item_at = doc.item_loc(item);
            let place = At::Index(&here, n);
            if self.r.is_null(item) {
                let mark = self.r.out.len();
                self.r.report(
                    RuleId::InvalidType,
                    item_at,
                    format!("{what} has an empty list item"),
                    Some("write the item, or remove the `-` line".to_owned()),
                );
                self.label(mark, place);
            } else if let Some(rec) = self.record(item, fields, item_at, &Place::Item(noun, n + 1), place) {
                out.push(Item { index: n, at: item_at, rec });
            }
        }
        Some(Val::Items(out))
    }

    fn measures(&mut self, id: NodeId, section: Section, here: At<'_>) -> Option<Val> {
        let section_place = Place::Field(None, section.key());
        let entries = self.r.entries(id, &Itself(&section_place))?;
        let configured: Vec<&str> = self.guide.measures(section).iter().map(|m| m.key.as_str()).collect();
        let mut out = Vec::with_capacity(entries.len());
        for (key, key_at, value) in entries {
            let mark = self.r.out.len();
            let entry = At::Key(&here, key);
            if !configured.contains(&key) {
                let list = if configured.is_empty() { "none are configured".to_owned() } else { configured.join(", ") };
                self.r.report(
                    RuleId::UnknownMeasure,
                    key_at,
                    format!("`{key}` is not a configured {} measure (configured: {list})", section.key()),
                    Some(suggest::help_for(key, &configured)),
                );
                self.label(mark, entry);
                continue;
            }
            let entry_place = section_place.field(key);
            // A configured measure that is present stays in the list even when invalid, so
            // that `missing-measure` does not also fire for it.
            let rec = if self.r.is_null(value) {
                self.r.report(
                    RuleId::MissingField,
                    key_at,
                    format!("measure `{key}` has no score"),
                    Some(format!(
                        "write `{key}: {{score: N, notes: …}}` with N from {} to {}",
                        self.guide.scale.min, self.guide.scale.max
                    )),
                );
                None
            } else if let Some((Scalar::Int(_), text)) = self.r.doc.scalar(value) {
                let at = self.r.doc.resolve(value).1;
                self.r.report(
                    RuleId::InvalidType,
                    at,
                    format!("measure `{key}` must be a mapping with a `score`, found a bare number"),
                    Some(format!("write `{key}: {{score: {text}, notes: …}}`")),
                );
                None
            } else {
                self.record(value, format::MEASURE, key_at, &entry_place, entry)
            };
            self.label(mark, entry);
            out.push(Measure { key: key.to_owned(), key_at, rec: rec.unwrap_or_default() });
        }
        Some(Val::Measures(out))
    }
}

/// "a whole number from MIN to MAX", written only when a message needs it.
struct Range(i64, i64);

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a whole number from {} to {}", self.0, self.1)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    #[test]
    fn every_field_table_fits_the_word_that_records_which_fields_a_mapping_has() {
        fn walk(fields: &'static [Field], seen: &mut usize) {
            assert!(fields.len() <= 64, "{} fields", fields.len());
            *seen += 1;
            for field in fields {
                match field.shape {
                    Shape::Record(inner) | Shape::List(inner) => walk(inner, seen),
                    Shape::Measures(_) => walk(format::MEASURE, seen),
                    _ => {}
                }
            }
        }
        let mut tables = 0;
        walk(format::ENGAGEMENT, &mut tables);
        walk(format::REVIEW, &mut tables);
        assert!(tables > 10, "{tables} tables walked");
    }
    use crate::document::load;

    fn check(text: &str) -> Vec<(RuleId, u32, u32)> {
        let loaded = load(Arc::from("t.yaml"), text.as_bytes());
        let doc = loaded.doc.expect("doc");
        let (_, findings) = engagement(&doc, &Guide::default());
        let mut all: Vec<_> =
            loaded.findings.iter().chain(&findings).map(|f| (f.rule, f.loc.line, f.loc.col)).collect();
        all.sort();
        all
    }

    const GOOD: &str = "acctsum: 1\nengagement: E\nclient: C\nregion: north\nleads:\n  account: A\nupdated: 2026-11-18\nstatus: green\nheadline: H\nnext_steps: [one]\n";

    #[test]
    fn minimal_file_is_valid() {
        assert_eq!(check(GOOD), vec![]);
    }

    #[test]
    fn every_problem_is_reported_with_its_position() {
        let text = GOOD
            .replace("status: green", "status: Green")
            .replace("updated: 2026-11-18", "updated: 2026-02-30")
            .replace("  account: A", "  acount: A")
            .replace("headline: H", "headline: 42");
        assert_eq!(
            check(&text),
            vec![
                (RuleId::MissingField, 5, 1),
                (RuleId::UnknownField, 6, 3),
                (RuleId::InvalidType, 9, 11),
                (RuleId::InvalidValue, 7, 10),
                (RuleId::InvalidValue, 8, 9),
            ]
        );
    }

    #[test]
    fn empty_values() {
        let text = GOOD
            .replace("client: C", "client:")
            .replace("next_steps: [one]", "next_steps: []")
            .replace("headline: H", "headline: '  '");
        assert_eq!(
            check(&text),
            vec![(RuleId::MissingField, 3, 1), (RuleId::InvalidValue, 9, 11), (RuleId::InvalidValue, 10, 13)]
        );
    }

    #[test]
    fn version_and_types() {
        assert_eq!(check(&GOOD.replace("acctsum: 1", "acctsum: 2")), vec![(RuleId::UnsupportedVersion, 1, 10)]);
        assert_eq!(check(&GOOD.replace("acctsum: 1", "acctsum: \"1\"")), vec![(RuleId::InvalidType, 1, 10)]);
        let scored = format!(
            "{GOOD}account_status:\n  customer: {{score: 4.0}}\n  team: {{score: 0}}\n  delivery: 3\n  custmer: {{score: 3}}\n"
        );
        assert_eq!(
            check(&scored),
            vec![
                (RuleId::InvalidType, 12, 21),
                (RuleId::InvalidType, 14, 13),
                (RuleId::ScoreOutOfRange, 13, 17),
                (RuleId::UnknownMeasure, 15, 3)
            ]
        );
    }

    #[test]
    fn list_items_report_at_the_item() {
        let text = format!("{GOOD}actions:\n  - action: Do it\n    owner: Me\n  -\n  - x-note: ignored\n");
        assert_eq!(
            check(&text),
            vec![
                (RuleId::MissingField, 12, 3),
                (RuleId::MissingField, 15, 3),
                (RuleId::MissingField, 15, 3),
                (RuleId::MissingField, 15, 3),
                (RuleId::InvalidType, 14, 3)
            ]
        );
    }

    #[test]
    fn a_comma_in_flow_text_gets_a_hint() {
        let text = format!("{GOOD}account_status:\n  customer: {{score: 3, notes: Serving 1,900 stops}}\n");
        let loaded = load(Arc::from("t.yaml"), text.as_bytes());
        let (_, findings) = engagement(&loaded.doc.expect("doc"), &Guide::default());
        let finding = findings.iter().find(|f| f.rule == RuleId::UnknownField).expect("unknown field");
        assert_eq!((finding.loc.line, finding.loc.col), (12, 41));
        assert!(finding.help.as_deref().is_some_and(|h| h.contains("comma")), "{finding:?}");
    }

    /// (rule, field) of every finding of `text`, loader's included, in report order.
    fn fields(text: &str) -> Vec<(RuleId, String)> {
        let loaded = load(Arc::from("t.yaml"), text.as_bytes());
        let doc = loaded.doc.expect("doc");
        let mut all = loaded.findings;
        name_duplicate_keys(&doc, &mut all);
        all.extend(engagement(&doc, &Guide::default()).1);
        all.sort_by(Finding::order);
        all.iter().map(|f| (f.rule, f.field.as_ref().map_or_else(|| "-".to_owned(), ToString::to_string))).collect()
    }

    #[test]
    fn structural_findings_name_their_field() {
        let text = format!(
            "{}actions:\n  -\n  - {{action: A, owner: O, due: soon, status: later, x: 1}}\n  - 3\nleads2: x\naccount_status:\n  custmer: {{score: 3}}\n  team:\n  delivery: {{score: 9}}\n  governance: 2\nrisks:\n  - {{title: R, score: 2, type: risk, type: issue}}\n",
            GOOD.replace("next_steps: [one]", "next_steps: [one, '']")
                .replace("  account: A", "  account: A\n  tech: [B, ~]")
                .replace("acctsum: 1", "acctsum: 2")
        );
        let got = fields(&text);
        let want = [
            (RuleId::UnsupportedVersion, "acctsum"),
            (RuleId::InvalidType, "leads.tech.1"),
            (RuleId::InvalidValue, "next_steps.1"),
            (RuleId::InvalidType, "actions.0"),
            (RuleId::InvalidValue, "actions.1.due"),
            (RuleId::InvalidValue, "actions.1.status"),
            (RuleId::UnknownField, "actions.1.x"),
            (RuleId::InvalidType, "actions.2"),
            (RuleId::UnknownField, "leads2"),
            (RuleId::UnknownMeasure, "account_status.custmer"),
            (RuleId::MissingField, "account_status.team"),
            (RuleId::ScoreOutOfRange, "account_status.delivery.score"),
            (RuleId::InvalidType, "account_status.governance"),
            (RuleId::DuplicateKey, "risks.0.type"),
        ];
        let want: Vec<(RuleId, String)> = want.iter().map(|(r, f)| (*r, (*f).to_owned())).collect();
        assert_eq!(got, want);
        let missing = fields(&GOOD.replace("client: C\n", "").replace("  account: A", "  tech: B"));
        assert_eq!(
            missing,
            [(RuleId::MissingField, "client".to_owned()), (RuleId::MissingField, "leads.account".to_owned())]
        );
        assert_eq!(fields("- a\n"), [(RuleId::InvalidType, "-".to_owned())], "the file as a whole");
    }

    #[test]
    fn root_not_a_mapping() {
        assert_eq!(check("- a\n- b\n"), vec![(RuleId::InvalidType, 1, 1)]);
        assert_eq!(check("# nothing\n"), vec![(RuleId::InvalidType, 1, 1)]);
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-11-18"), NaiveDate::from_ymd_opt(2026, 11, 18));
        assert_eq!(parse_date("2026-2-1"), None);
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2028-02-29"), NaiveDate::from_ymd_opt(2028, 2, 29));
    }
}
