//! One YAML file: its text, a spanned node tree, and what went wrong reading it.
//!
//! The tree is built from the event stream of `granit-parser` rather than through serde,
//! so that every node keeps its exact position and a checker can report every problem
//! of a file in one run. Aliases stay references into the tree (nothing is copied), and
//! the loader enforces the limits below, so hostile input ends in a finding, never in a
//! hang or an exhausted machine.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use granit_parser::{ErrorKind, Event, Marker, Parser, ScalarStyle, ScanError, Span, StructureStyle, Tag};

use crate::finding::{Finding, Loc, RuleId};

mod fast;
mod syntax;

/// Largest engagement file accepted, in bytes (1 MiB).
pub const MAX_FILE_BYTES: usize = 1 << 20;
/// Deepest nesting of lists and mappings accepted (the format itself needs 4).
pub const MAX_DEPTH: usize = 64;
/// Most YAML nodes one file may hold, before aliases are expanded.
pub const MAX_NODES: usize = 200_000;
/// Most nodes one file may stand for once its aliases are expanded (alias amplification).
pub const MAX_EXPANDED_NODES: u64 = 200_000;

/// Index of a node in its document.
pub type NodeId = u32;

/// What a plain scalar means under the YAML 1.2 core schema.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scalar {
    /// `~`, `null`, or nothing.
    Null,
    /// `true` / `false` (and their capitalised forms).
    Bool(bool),
    /// An integer; `None` when it does not fit in 64 bits.
    Int(Option<i64>),
    /// A floating-point number, `.inf` or `.nan`.
    Float,
    /// Text: any other plain scalar, and every quoted or block scalar.
    Str,
}

impl Scalar {
    /// The word a message uses for a value of this kind.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Null => "nothing (null)",
            Self::Bool(_) => "true/false",
            Self::Int(_) => "a number",
            Self::Float => "a decimal number",
            Self::Str => "text",
        }
    }
}

/// Where a scalar's text lives: borrowed from the file, or unescaped into its own string.
#[derive(Debug)]
enum Text {
    Source(u32, u32),
    Owned(Box<str>),
}

/// One node of the tree.
#[derive(Debug)]
pub struct Node {
    /// Where the node is (for a collection, where it starts).
    pub loc: Loc,
    /// What the node holds.
    pub kind: NodeKind,
    /// A tag this format does not accept (`!foo`, `!!binary`), as written.
    pub bad_tag: Option<Box<str>>,
    /// A flow collection (`{…}` or `[…]`).
    pub flow: bool,
    /// For an item of a block list: where its `-` is.
    pub dash: Option<Loc>,
}

/// The content of a node.
#[derive(Debug)]
pub enum NodeKind {
    /// A scalar and its meaning.
    Scalar(Scalar, ScalarText),
    /// A list: its items ([`Document::items_of`]).
    Seq(Children),
    /// A mapping: its entries in source order ([`Document::entries_of`]).
    Map(Children),
    /// An alias (`*name`) to an earlier anchored node.
    Alias(NodeId),
}

/// Where a collection's children are in its document: every list's items are kept in
/// one vector of the document, every mapping's entries in another (rather than a vector
/// per collection). Read them with [`Document::items_of`] and [`Document::entries_of`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Children {
    start: u32,
    len: u32,
}

impl Children {
    /// The children from `start` to `end` (offsets below [`MAX_NODES`], so they fit).
    fn spanning(start: usize, end: usize) -> Self {
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Self { start: at(start), len: at(end - start) }
    }

    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

/// The text of a scalar (opaque; read it with [`Document::text_of`]).
#[derive(Debug)]
pub struct ScalarText(Text);

/// One `key: value` pair of a mapping.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The key node.
    pub key: NodeId,
    /// The value node.
    pub value: NodeId,
    /// The key repeats an earlier key of the same mapping (already reported).
    pub duplicate: bool,
}

/// A loaded YAML file.
#[derive(Debug)]
pub struct Document {
    /// The path shown in findings.
    pub path: Arc<str>,
    /// The file's text, without a byte-order mark.
    pub text: String,
    nodes: Vec<Node>,
    /// The items of every list, each list's together.
    items: Vec<NodeId>,
    /// The entries of every mapping, each mapping's together.
    pairs: Vec<Entry>,
    root: Option<NodeId>,
}

/// The outcome of loading one file: the document when it is text, and the problems found.
#[derive(Debug)]
pub struct Loaded {
    /// The document; `None` when the bytes are not UTF-8 or too many.
    pub doc: Option<Document>,
    /// Whether the YAML was read to the end (no syntax error, no limit hit).
    pub complete: bool,
    /// Findings of the loader (syntax, encoding, limits, duplicate keys).
    pub findings: Vec<Finding>,
}

impl Document {
    /// The root node, when the file holds a document that could be read.
    #[must_use]
    pub fn root(&self) -> Option<NodeId> {
        self.root
    }

    /// The node with this id.
    #[must_use]
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The node an alias points to (or the node itself), and where it was written.
    #[must_use]
    pub fn resolve(&self, id: NodeId) -> (&Node, Loc) {
        let node = self.node(id);
        match node.kind {
            NodeKind::Alias(target) => (self.node(target), node.loc),
            _ => (node, node.loc),
        }
    }

    /// Where a list item starts: its `-` in a block list, else the item itself.
    #[must_use]
    pub fn item_loc(&self, id: NodeId) -> Loc {
        self.node(id).dash.unwrap_or_else(|| self.resolve(id).1)
    }

    /// The text of a scalar.
    #[must_use]
    pub fn text_of<'a>(&'a self, scalar: &'a ScalarText) -> &'a str {
        match &scalar.0 {
            Text::Source(start, end) => &self.text[*start as usize..*end as usize],
            Text::Owned(s) => s,
        }
    }

    /// The scalar text of a node (through an alias), if it is a scalar.
    #[must_use]
    pub fn scalar(&self, id: NodeId) -> Option<(Scalar, &str)> {
        match &self.resolve(id).0.kind {
            NodeKind::Scalar(value, text) => Some((*value, self.text_of(text))),
            _ => None,
        }
    }

    /// The text of a node used as a mapping key, when it is a plain or quoted string.
    #[must_use]
    pub fn key_str(&self, id: NodeId) -> Option<&str> {
        match self.scalar(id) {
            Some((Scalar::Str | Scalar::Null | Scalar::Bool(_) | Scalar::Int(_) | Scalar::Float, s)) => Some(s),
            None => None,
        }
    }

    /// The entries of a mapping node (through an alias).
    #[must_use]
    pub fn entries(&self, id: NodeId) -> Option<&[Entry]> {
        match self.resolve(id).0.kind {
            NodeKind::Map(entries) => Some(self.entries_of(entries)),
            _ => None,
        }
    }

    /// The items of a list node (through an alias).
    #[must_use]
    pub fn items(&self, id: NodeId) -> Option<&[NodeId]> {
        match self.resolve(id).0.kind {
            NodeKind::Seq(items) => Some(self.items_of(items)),
            _ => None,
        }
    }

    /// The items of a list, from its [`NodeKind::Seq`].
    #[must_use]
    pub fn items_of(&self, items: Children) -> &[NodeId] {
        self.items.get(items.range()).unwrap_or_default()
    }

    /// The entries of a mapping, from its [`NodeKind::Map`].
    #[must_use]
    pub fn entries_of(&self, entries: Children) -> &[Entry] {
        self.pairs.get(entries.range()).unwrap_or_default()
    }

    /// Finds the value of `key` in a mapping node (first occurrence).
    #[must_use]
    pub fn get(&self, map: NodeId, key: &str) -> Option<Entry> {
        self.entries(map)?.iter().find(|e| !e.duplicate && self.is_str_key(e.key, key)).copied()
    }

    fn is_str_key(&self, id: NodeId, key: &str) -> bool {
        matches!(self.scalar(id), Some((Scalar::Str, s)) if s == key)
    }

    /// A short description of the kind of a node, for messages ("a list", "text", ...).
    #[must_use]
    pub fn describe(&self, id: NodeId) -> &'static str {
        match &self.resolve(id).0.kind {
            NodeKind::Scalar(v, _) => v.describe(),
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
            NodeKind::Alias(_) => "an alias",
        }
    }
}

/// Reads the bytes of one file into a [`Loaded`].
#[must_use]
pub fn load(path: Arc<str>, bytes: &[u8]) -> Loaded {
    refused(&path, bytes).unwrap_or_else(|| load_text(path, bytes.to_vec()))
}

/// [`load`], keeping `bytes` as the document's text (no copy) when they are UTF-8.
#[must_use]
pub fn load_owned(path: Arc<str>, bytes: Vec<u8>) -> Loaded {
    refused(&path, &bytes).unwrap_or_else(|| load_text(path, bytes))
}

/// [`load`] of bytes that [`refused`] let through.
fn load_text(path: Arc<str>, mut bytes: Vec<u8>) -> Loaded {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.utf8_error().valid_up_to();
            let line = err.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            return failed(
                Finding::new(
                    RuleId::NotUtf8,
                    path,
                    Loc::START,
                    format!("file is not UTF-8 text (invalid byte at offset {at}, line {line})"),
                )
                .with_help("save the file as UTF-8; a byte-order mark is fine"),
            );
        }
    };
    let mut builder = Builder::new(path.clone(), text.len());
    let complete = match fast::parse(&text, &mut |event, loc| builder.event(event, loc, &text)) {
        fast::Outcome::Done => true,
        fast::Outcome::Stopped => false,
        fast::Outcome::Unsupported => {
            builder = Builder::new(path, text.len());
            builder.build(&text)
        }
    };
    let (mut doc, findings) = builder.finish();
    doc.text = text;
    Loaded { doc: Some(doc), complete, findings }
}

/// A file that cannot be read at all, with its one finding.
fn failed(finding: Finding) -> Loaded {
    Loaded { doc: None, complete: false, findings: vec![finding] }
}

/// The finding for bytes refused before they are read as text: too many, or UTF-16/32.
fn refused(path: &Arc<str>, bytes: &[u8]) -> Option<Loaded> {
    let fail = |finding| Some(failed(finding));
    if bytes.len() > MAX_FILE_BYTES {
        return fail(
            Finding::new(
                RuleId::FileTooLarge,
                path.clone(),
                Loc::START,
                format!("file is larger than the limit of {MAX_FILE_BYTES} bytes (1 MiB)"),
            )
            .with_help("an account summary is a page or two of YAML; split or trim this file"),
        );
    }
    if let Some(encoding) = wide_encoding(bytes) {
        return fail(
            Finding::new(RuleId::NotUtf8, path.clone(), Loc::START, format!("file is {encoding} text, not UTF-8"))
                .with_help("save the file as UTF-8 (most editors offer it under \"encoding\")"),
        );
    }
    None
}

/// How the fast path did on a text, against the full parser ([`fast_path_agrees`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FastPath {
    /// It read the text and gave exactly the full parser's events, at the same places.
    Agrees {
        /// How many events.
        events: usize,
    },
    /// It left the text to the full parser.
    GaveUp,
}

/// Runs the fast path and the full parser over `text` and compares what the tree is
/// built from: every event, and where each scalar and collection starts and ends. For
/// the fast path's tests (`tests/fast_path.rs`) and its fuzz target.
///
/// # Errors
/// The first difference, described, when the fast path read the text and gave anything
/// other than the full parser's events — or read a text the full parser refuses.
pub fn fast_path_agrees(text: &str) -> Result<FastPath, String> {
    let mut fast = Vec::new();
    let outcome = fast::parse(text, &mut |event, loc| {
        fast.push((event, loc));
        true
    });
    if outcome != fast::Outcome::Done {
        return Ok(FastPath::GaveUp);
    }
    let mut full = Vec::new();
    for next in Parser::new_from_str_with_options(text, parser_options(true)) {
        match next {
            Ok((Event::StreamStart | Event::StreamEnd, _)) => {}
            Ok((event, span)) => full.push((event, loc_of(&span))),
            Err(err) => return Err(format!("the full parser refuses the text ({err}); the fast path read it")),
        }
    }
    // Where a collection or document ends is not kept: compare those events alone.
    fn placed<'e>((event, loc): &'e (Event<'_>, Loc)) -> (&'e Event<'e>, Option<Loc>) {
        let kept = matches!(event, Event::Scalar(..) | Event::MappingStart(..) | Event::SequenceStart(..));
        (event, if kept { Some(*loc) } else { None })
    }
    for (i, (a, b)) in fast.iter().map(placed).zip(full.iter().map(placed)).enumerate() {
        if a != b {
            return Err(format!("event {i}: the fast path gave {a:?}, the full parser {b:?}"));
        }
    }
    if fast.len() != full.len() {
        return Err(format!("the fast path gave {} events, the full parser {}", fast.len(), full.len()));
    }
    Ok(FastPath::Agrees { events: fast.len() })
}

/// The encoding of a UTF-32 or UTF-16 file, told by its byte-order mark or, without one,
/// by where the NUL bytes of its first character fall (YAML 1.2, section 5.2). UTF-32 is
/// tested first: its little-endian mark `FF FE 00 00` begins with UTF-16's `FF FE`. No
/// UTF-8 YAML file starts so: YAML text holds no NUL character.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0, 0, 0xFE, 0xFF, ..] | [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0, _, ..] | [_, 0, 0, 0, ..] => Some("UTF-32"),
        [0xFE, 0xFF, ..] | [0xFF, 0xFE, ..] | [0, _, ..] | [_, 0, ..] => Some("UTF-16"),
        _ => None,
    }
}

/// A collection being read.
struct Frame {
    id: NodeId,
    pending_key: Option<NodeId>,
    /// Where its children start in the builder's `items` (a list) or `pairs` (a mapping).
    first: usize,
}

#[derive(Default)]
struct Builder {
    doc: Document,
    stack: Vec<Frame>,
    anchors: HashMap<usize, NodeId>,
    /// Expanded size of each finished node (aliases count their target's size).
    size: Vec<u64>,
    expanded: u64,
    documents: u32,
    findings: Vec<Finding>,
    /// The items of the lists being read, innermost last: each list takes its own, at
    /// their exact number, when it closes (rather than growing a vector per list).
    items: Vec<NodeId>,
    /// The entries of the mappings being read, likewise.
    pairs: Vec<Entry>,
}

impl Default for Document {
    fn default() -> Self {
        Self {
            path: Arc::from(""),
            text: String::new(),
            nodes: Vec::new(),
            items: Vec::new(),
            pairs: Vec::new(),
            root: None,
        }
    }
}

/// Converts a parser position to ours.
fn loc_of(span: &Span) -> Loc {
    let start = span.start.byte_offset().unwrap_or(0);
    let end = span.end.byte_offset().unwrap_or(start).max(start);
    Loc {
        line: u32::try_from(span.start.line()).unwrap_or(u32::MAX),
        col: u32::try_from(span.start.col() + 1).unwrap_or(u32::MAX),
        offset: u32::try_from(start).unwrap_or(u32::MAX),
        len: u32::try_from(end - start).unwrap_or(0),
    }
}

impl Builder {
    /// A builder for a text of `len` bytes (engagement files hold a node per 13 bytes or so).
    fn new(path: Arc<str>, len: usize) -> Self {
        let nodes = len / 12 + 8;
        Self {
            doc: Document {
                path,
                text: String::new(),
                nodes: Vec::with_capacity(nodes),
                // About one entry in three nodes, and far fewer list items.
                items: Vec::with_capacity(nodes / 16 + 8),
                pairs: Vec::with_capacity(nodes / 3 + 8),
                root: None,
            },
            size: Vec::with_capacity(nodes),
            // Room for an engagement file's nesting and its longest collections.
            stack: Vec::with_capacity(16),
            items: Vec::with_capacity(64),
            pairs: Vec::with_capacity(64),
            ..Self::default()
        }
    }

    /// The document, every collection holding the children read (those of a collection
    /// left open by an error too).
    fn finish(mut self) -> (Document, Vec<Finding>) {
        while let Some(frame) = self.stack.pop() {
            self.take_children(&frame);
        }
        (self.doc, self.findings)
    }

    /// Moves a collection's children from the builder's stacks to the end of the
    /// document's, and points its node at them.
    fn take_children(&mut self, frame: &Frame) {
        /// Moves the stack's children from `first` on to the end of `to`; where they are now.
        fn moved<T>(stack: &mut Vec<T>, first: usize, to: &mut Vec<T>) -> Children {
            let start = to.len();
            to.extend(stack.drain(first.min(stack.len())..));
            Children::spanning(start, to.len())
        }
        let doc = &mut self.doc;
        match &mut doc.nodes[frame.id as usize].kind {
            NodeKind::Seq(items) => *items = moved(&mut self.items, frame.first, &mut doc.items),
            NodeKind::Map(entries) => *entries = moved(&mut self.pairs, frame.first, &mut doc.pairs),
            _ => {}
        }
    }

    /// Reads the whole stream with the full parser; returns whether it was read to the
    /// end without a problem.
    fn build(&mut self, text: &str) -> bool {
        for next in Parser::new_from_str_with_options(text, parser_options(true)) {
            let (event, span) = match next {
                Ok(pair) => pair,
                Err(err) => {
                    self.syntax_error(&err, text);
                    return false;
                }
            };
            if !self.event(event, loc_of(&span), text) {
                return false;
            }
        }
        true
    }

    /// Reports where the parser stopped. An indentation error is often the symptom of an
    /// earlier mistake: a missing closing quote or bracket swallows the lines after it, which
    /// are then indented too little. When the lenient parser stops too, on that line or
    /// before, its error names the cause ("unclosed quote"), so it is the one reported.
    ///
    /// The commonest mistakes are then said in a lead's words, with the fix ([`syntax`]).
    fn syntax_error(&mut self, err: &ScanError, text: &str) {
        let at = marker_loc(err.marker());
        let mut cause = None;
        if indentation_help(err.kind()).is_some() {
            let lenient = Parser::new_from_str_with_options(text, parser_options(false)).find_map(Result::err);
            cause = lenient.filter(|c| marker_loc(c.marker()).line <= at.line);
        }
        let err = cause.as_ref().unwrap_or(err);
        let at = marker_loc(err.marker());
        let info = err.info();
        let tab = matches!(err.kind(), ErrorKind::TabInIndentation | ErrorKind::TabInBlockIndentation);
        if let Some(explained) = syntax::explain(text, &info, tab, at) {
            let mut finding = Finding::new(RuleId::Syntax, self.doc.path.clone(), explained.loc, explained.message);
            finding.help = explained.help.map(Cow::Owned);
            self.findings.push(finding);
            self.doc.root = None;
            return;
        }
        self.stop(RuleId::Syntax, at, format!("invalid YAML: {info}"), indentation_help(err.kind()));
    }

    fn stop(&mut self, rule: RuleId, loc: Loc, message: String, help: Option<&'static str>) {
        let mut finding = Finding::new(rule, self.doc.path.clone(), loc, message);
        if let Some(help) = help {
            finding = finding.with_help(help);
        }
        self.findings.push(finding);
        self.doc.root = None;
    }

    /// Handles one event; `false` stops the file.
    fn event(&mut self, event: Event<'_>, loc: Loc, text: &str) -> bool {
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.stop(
                        RuleId::Syntax,
                        loc,
                        "more than one YAML document in the file".to_owned(),
                        Some("an engagement file holds one document; remove the `---` separator and what follows, or move it to its own file"),
                    );
                    return false;
                }
                true
            }
            Event::Scalar(value, style, anchor, tag) => {
                let (meaning, bad_tag) = resolve_scalar(&value, style, tag.as_deref());
                let stored = match value {
                    Cow::Borrowed(s) => {
                        borrowed_range(text, s).map_or_else(|| Text::Owned(s.into()), |(a, b)| Text::Source(a, b))
                    }
                    Cow::Owned(s) => Text::Owned(s.into_boxed_str()),
                };
                self.add(loc, NodeKind::Scalar(meaning, ScalarText(stored)), bad_tag, anchor, 1, text)
            }
            Event::SequenceStart(style, anchor, tag) => {
                let bad = collection_tag(tag.as_deref(), "seq");
                self.open(loc, NodeKind::Seq(Children::default()), bad, anchor, style == StructureStyle::Flow, text)
            }
            Event::MappingStart(style, anchor, tag) => {
                let bad = collection_tag(tag.as_deref(), "map");
                self.open(loc, NodeKind::Map(Children::default()), bad, anchor, style == StructureStyle::Flow, text)
            }
            Event::SequenceEnd | Event::MappingEnd => {
                self.close(text);
                true
            }
            Event::Alias(anchor) => match self.anchors.get(&anchor).copied() {
                Some(target) if (target as usize) < self.size.len() && self.size[target as usize] > 0 => {
                    let size = self.size[target as usize];
                    self.add(loc, NodeKind::Alias(target), None, 0, size, text)
                }
                _ => {
                    self.stop(
                        RuleId::Syntax,
                        loc,
                        "alias refers to the collection that contains it (a cycle)".to_owned(),
                        None,
                    );
                    false
                }
            },
            Event::UnresolvedAlias(name) => {
                self.stop(RuleId::Syntax, loc, format!("unknown alias `*{name}`"), None);
                false
            }
            _ => true,
        }
    }

    fn push_node(&mut self, loc: Loc, kind: NodeKind, bad_tag: Option<Box<str>>) -> Option<NodeId> {
        if self.doc.nodes.len() >= MAX_NODES {
            self.stop(
                RuleId::FileTooLarge,
                loc,
                format!("file holds more than {MAX_NODES} YAML values"),
                Some("an account summary needs a few hundred values; this file is not one"),
            );
            return None;
        }
        let id = NodeId::try_from(self.doc.nodes.len()).ok()?;
        self.doc.nodes.push(Node { loc, kind, bad_tag, flow: false, dash: None });
        self.size.push(0);
        Some(id)
    }

    /// Adds a finished node (a scalar or an alias) of the given expanded size.
    fn add(
        &mut self,
        loc: Loc,
        kind: NodeKind,
        bad_tag: Option<Box<str>>,
        anchor: usize,
        size: u64,
        text: &str,
    ) -> bool {
        if !self.count(loc, size) {
            return false;
        }
        let Some(id) = self.push_node(loc, kind, bad_tag) else { return false };
        self.size[id as usize] = size;
        if anchor > 0 {
            self.anchors.insert(anchor, id);
        }
        self.attach(id, text);
        true
    }

    fn count(&mut self, loc: Loc, size: u64) -> bool {
        self.expanded = self.expanded.saturating_add(size);
        // Without aliases, the expanded count is the node count: let that limit speak.
        if self.expanded > MAX_EXPANDED_NODES && self.expanded as usize > self.doc.nodes.len() + 1 {
            self.stop(
                RuleId::FileTooLarge,
                loc,
                format!("aliases expand this file to more than {MAX_EXPANDED_NODES} values"),
                Some("this looks like an alias bomb; write the values out instead of repeating aliases"),
            );
            return false;
        }
        true
    }

    fn open(
        &mut self,
        loc: Loc,
        kind: NodeKind,
        bad_tag: Option<Box<str>>,
        anchor: usize,
        flow: bool,
        text: &str,
    ) -> bool {
        if self.stack.len() >= MAX_DEPTH {
            self.stop(
                RuleId::FileTooLarge,
                loc,
                format!("lists and mappings are nested more than {MAX_DEPTH} levels deep"),
                None,
            );
            return false;
        }
        if !self.count(loc, 1) {
            return false;
        }
        let Some(id) = self.push_node(loc, kind, bad_tag) else { return false };
        self.doc.nodes[id as usize].flow = flow;
        if anchor > 0 {
            self.anchors.insert(anchor, id);
        }
        self.attach(id, text);
        let mapping = matches!(self.doc.nodes[id as usize].kind, NodeKind::Map(_));
        let first = if mapping { self.pairs.len() } else { self.items.len() };
        self.stack.push(Frame { id, pending_key: None, first });
        true
    }

    fn close(&mut self, text: &str) {
        let Some(frame) = self.stack.pop() else { return };
        self.take_children(&frame);
        let idx = frame.id as usize;
        let doc = &self.doc;
        let size = match doc.nodes[idx].kind {
            NodeKind::Seq(items) => {
                doc.items_of(items).iter().fold(1u64, |acc, &c| acc.saturating_add(self.size[c as usize]))
            }
            NodeKind::Map(entries) => doc.entries_of(entries).iter().fold(1u64, |acc, e| {
                acc.saturating_add(self.size[e.key as usize]).saturating_add(self.size[e.value as usize])
            }),
            _ => 1,
        };
        self.size[idx] = size.max(1);
        self.mark_duplicates(frame.id, text);
    }

    /// Flags repeated keys of a finished mapping and reports each repeat.
    fn mark_duplicates(&mut self, map: NodeId, text: &str) {
        let NodeKind::Map(children) = self.doc.nodes[map as usize].kind else { return };
        let entries = self.doc.entries_of(children);
        if entries.len() < 2 {
            return;
        }
        // Keys as (kind, text): `1` and `"1"` are different keys.
        let keyed: Vec<Option<(u8, &str)>> = entries
            .iter()
            .map(|e| self.scalar(e.key, text).map(|(kind, key)| (u8::from(kind != Scalar::Str), key)))
            .collect();
        let mut repeats = Vec::new();
        if entries.len() <= 32 {
            // Small mappings, the usual case: comparing pairs beats hashing.
            for (i, key) in keyed.iter().enumerate() {
                let Some(key) = key else { continue };
                if let Some(first) = keyed[..i].iter().position(|k| k.as_ref() == Some(key)) {
                    repeats.push((i, entries[first].key, entries[i].key, key.1.to_owned()));
                }
            }
        } else {
            let mut seen: HashMap<(u8, &str), NodeId> = HashMap::with_capacity(entries.len());
            for (i, key) in keyed.iter().enumerate() {
                let Some(key) = key else { continue };
                if let Some(&first) = seen.get(key) {
                    repeats.push((i, first, entries[i].key, key.1.to_owned()));
                } else {
                    seen.insert(*key, entries[i].key);
                }
            }
        }
        for (i, first, second, key) in repeats {
            let first_line = self.doc.node(first).loc.line;
            let loc = self.doc.node(second).loc;
            self.findings.push(
                Finding::new(
                    RuleId::DuplicateKey,
                    self.doc.path.clone(),
                    loc,
                    format!("key `{key}` appears twice in this mapping (first at line {first_line})"),
                )
                .with_help("YAML 1.2 does not allow a repeated key; keep one and remove or merge the other"),
            );
            self.doc.pairs[children.range()][i].duplicate = true;
        }
    }

    /// A scalar's meaning and text while building (the document does not hold the text yet).
    fn scalar<'t>(&'t self, id: NodeId, text: &'t str) -> Option<(Scalar, &'t str)> {
        let mut node = &self.doc.nodes[id as usize];
        if let NodeKind::Alias(target) = node.kind {
            node = &self.doc.nodes[target as usize];
        }
        match &node.kind {
            NodeKind::Scalar(value, ScalarText(Text::Source(a, b))) => Some((*value, &text[*a as usize..*b as usize])),
            NodeKind::Scalar(value, ScalarText(Text::Owned(s))) => Some((*value, s)),
            _ => None,
        }
    }

    fn attach(&mut self, id: NodeId, text: &str) {
        let Some(frame) = self.stack.last_mut() else {
            self.doc.root = Some(id);
            return;
        };
        let parent = &self.doc.nodes[frame.id as usize];
        let block_list = !parent.flow;
        match &parent.kind {
            NodeKind::Seq(_) => {
                self.items.push(id);
                if block_list {
                    let node = &mut self.doc.nodes[id as usize];
                    node.dash = dash_before(text, node.loc);
                }
            }
            NodeKind::Map(_) => match frame.pending_key.take() {
                None => frame.pending_key = Some(id),
                Some(key) => self.pairs.push(Entry { key, value: id, duplicate: false }),
            },
            _ => {}
        }
    }
}

/// The parser's options. Strict indentation refuses what YAML 1.2 refuses and the
/// parser's default (lenient, as PyYAML) accepts: flow entries and quoted-text lines
/// indented no further than their block, and tabs before them.
fn parser_options(strict_indentation: bool) -> granit_parser::Options {
    granit_parser::options! { emit_comments: false, strict_indentation: strict_indentation }
}

/// Converts a parser error position to ours.
fn marker_loc(m: &Marker) -> Loc {
    Loc {
        line: u32::try_from(m.line()).unwrap_or(u32::MAX),
        col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
        offset: u32::try_from(m.byte_offset().unwrap_or(0)).unwrap_or(0),
        len: 0,
    }
}

/// How to fix an indentation error (`None` for other errors).
fn indentation_help(kind: &ErrorKind) -> Option<&'static str> {
    match kind {
        ErrorKind::InvalidIndentation => {
            Some("in a list or mapping written with brackets, indent every line further than the key that holds it")
        }
        ErrorKind::InvalidQuotedScalarIndent => {
            Some("indent every further line of quoted text further than the key that holds it")
        }
        ErrorKind::TabInIndentation | ErrorKind::TabInBlockIndentation => {
            Some("indent with spaces: YAML does not allow tabs as indentation")
        }
        _ => None,
    }
}

/// The `-` that introduces a block list item starting at `at`: on the same line just
/// before it, or alone (perhaps with a comment) on a line above.
fn dash_before(text: &str, at: Loc) -> Option<Loc> {
    let start = (at.offset as usize).min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let before = &text[line_start..start];
    let trimmed = before.trim_end_matches([' ', '\t']);
    if let Some(dash) = trimmed.strip_suffix('-') {
        if !dash.is_empty() && !dash.ends_with([' ', '\t', '-']) {
            return None;
        }
        let col = u32::try_from(dash.chars().count() + 1).ok()?;
        return Some(Loc { line: at.line, col, offset: u32::try_from(line_start + dash.len()).ok()?, len: 1 });
    }
    if !trimmed.trim_start_matches([' ', '\t']).is_empty() {
        return None;
    }
    // The item starts its line: look up past blank and comment lines for a lone `-`.
    let mut end = line_start;
    let mut line = at.line;
    while end > 0 && line > 1 {
        let prev_start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let content = text[prev_start..end - 1].trim_end_matches('\r');
        line -= 1;
        let body = content.trim_start_matches([' ', '\t']);
        let indent = &content[..content.len() - body.len()];
        if body.is_empty() || body.starts_with('#') {
            end = prev_start;
            continue;
        }
        let rest = body.strip_prefix('-')?;
        let rest = rest.trim_start_matches([' ', '\t']);
        if !(rest.is_empty() || rest.starts_with('#')) || !(body.len() == 1 || body[1..].starts_with([' ', '\t'])) {
            return None;
        }
        let col = u32::try_from(indent.chars().count() + 1).ok()?;
        return Some(Loc { line, col, offset: u32::try_from(prev_start + indent.len()).ok()?, len: 1 });
    }
    None
}

/// The byte range of `part` inside `whole`, when `part` borrows from it.
fn borrowed_range(whole: &str, part: &str) -> Option<(u32, u32)> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    let end = start.checked_add(part.len())?;
    if end > whole.len() {
        return None;
    }
    Some((u32::try_from(start).ok()?, u32::try_from(end).ok()?))
}

/// Whether a tag on a collection is acceptable (`!!map` on a mapping, `!!seq` on a list).
/// Core tags are matched by their resolved name, so the verbatim `!<tag:yaml.org,2002:map>`
/// and a `%TAG` handle that spells the same name count as `!!map`.
fn collection_tag(tag: Option<&Tag>, expected: &str) -> Option<Box<str>> {
    let tag = tag?;
    if tag.core_suffix() == Some(expected) || is_non_specific(tag) {
        None
    } else {
        Some(tag.to_string().into_boxed_str())
    }
}

fn is_non_specific(tag: &Tag) -> bool {
    (tag.handle().is_empty() && tag.suffix() == "!") || (tag.handle() == "!" && tag.suffix().is_empty())
}

/// Resolves a scalar under the YAML 1.2 core schema, honouring the core tags.
fn resolve_scalar(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> (Scalar, Option<Box<str>>) {
    let Some(tag) = tag else {
        return match style {
            ScalarStyle::Plain => (resolve_plain(value), None),
            _ => (Scalar::Str, None),
        };
    };
    if is_non_specific(tag) {
        return (Scalar::Str, None);
    }
    let bad = || Some(tag.to_string().into_boxed_str());
    // By resolved name: `!!int` and `!<tag:yaml.org,2002:int>` are the same tag.
    let Some(core) = tag.core_suffix() else {
        return (Scalar::Str, bad());
    };
    let plain = resolve_plain(value);
    match (core, plain) {
        ("str", _) => (Scalar::Str, None),
        ("int", Scalar::Int(_)) | ("float", Scalar::Float) | ("bool", Scalar::Bool(_)) | ("null", Scalar::Null) => {
            (plain, None)
        }
        ("float", Scalar::Int(_)) => (Scalar::Float, None),
        _ => (Scalar::Str, bad()),
    }
}

/// Resolves a plain scalar under the YAML 1.2 core schema.
#[must_use]
pub fn resolve_plain(s: &str) -> Scalar {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Scalar::Null,
        "true" | "True" | "TRUE" => return Scalar::Bool(true),
        "false" | "False" | "FALSE" => return Scalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" | "-.inf" | "-.Inf" | "-.INF" | ".nan" | ".NaN"
        | ".NAN" => return Scalar::Float,
        _ => {}
    }
    let bytes = s.as_bytes();
    let first = bytes[0];
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.')) {
        return Scalar::Str;
    }
    if let Some(rest) = s.strip_prefix("0o") {
        return radix_int(rest, 8);
    }
    if let Some(rest) = s.strip_prefix("0x") {
        return radix_int(rest, 16);
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return Scalar::Int(s.parse::<i64>().ok());
    }
    if is_float(digits) { Scalar::Float } else { Scalar::Str }
}

fn radix_int(digits: &str, radix: u32) -> Scalar {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return Scalar::Str;
    }
    Scalar::Int(i64::from_str_radix(digits, radix).ok())
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, sign already removed.
fn is_float(s: &str) -> bool {
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            int.bytes().all(|b| b.is_ascii_digit())
                && frac.bytes().all(|b| b.is_ascii_digit())
                && !(int.is_empty() && frac.is_empty())
        }
        None => !mantissa.is_empty() && mantissa.bytes().all(|b| b.is_ascii_digit()),
    };
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['-', '+']).unwrap_or(e);
        !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit())
    });
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Loaded {
        load(Arc::from("t.yaml"), text.as_bytes())
    }

    #[test]
    fn core_schema_scalars() {
        assert_eq!(resolve_plain("4"), Scalar::Int(Some(4)));
        assert_eq!(resolve_plain("-12"), Scalar::Int(Some(-12)));
        assert_eq!(resolve_plain("0x1F"), Scalar::Int(Some(31)));
        assert_eq!(resolve_plain("0o17"), Scalar::Int(Some(15)));
        assert_eq!(resolve_plain("4.0"), Scalar::Float);
        assert_eq!(resolve_plain(".5e3"), Scalar::Float);
        assert_eq!(resolve_plain("1e"), Scalar::Str);
        assert_eq!(resolve_plain("."), Scalar::Str);
        assert_eq!(resolve_plain("yes"), Scalar::Str);
        assert_eq!(resolve_plain("on"), Scalar::Str);
        assert_eq!(resolve_plain("True"), Scalar::Bool(true));
        assert_eq!(resolve_plain("~"), Scalar::Null);
        assert_eq!(resolve_plain("2026-11-18"), Scalar::Str);
        assert_eq!(resolve_plain("99999999999999999999"), Scalar::Int(None));
    }

    #[test]
    fn positions_are_one_based_characters() {
        let loaded = doc("é: [a, bé]\nk: v\n");
        let d = loaded.doc.expect("doc");
        let root = d.root().expect("root");
        let e = d.get(root, "k").expect("k");
        let loc = d.node(e.value).loc;
        assert_eq!((loc.line, loc.col, loc.len), (2, 4, 1));
        let first = d.entries(root).expect("map")[0];
        let NodeKind::Seq(items) = &d.node(first.value).kind else { panic!("seq") };
        let loc = d.node(d.items_of(*items)[1]).loc;
        assert_eq!((loc.line, loc.col), (1, 8));
        assert_eq!(&d.text[loc.offset as usize..(loc.offset + loc.len) as usize], "bé");
    }

    #[test]
    fn bom_and_crlf_are_fine() {
        let loaded = doc("\u{feff}a: 1\r\nb: two\r\n");
        assert!(loaded.complete && loaded.findings.is_empty());
        let d = loaded.doc.expect("doc");
        let b = d.get(d.root().expect("root"), "b").expect("b");
        assert_eq!(d.scalar(b.value).map(|s| s.1), Some("two"));
        assert_eq!(d.node(b.value).loc.line, 2);
    }

    #[test]
    fn second_document_is_a_syntax_finding_at_its_separator() {
        let loaded = doc("a: 1\n---\nb: 2\n");
        assert!(!loaded.complete);
        assert_eq!(loaded.findings[0].rule, RuleId::Syntax);
        assert_eq!(loaded.findings[0].loc.line, 2);
    }

    #[test]
    fn duplicate_keys_are_reported_at_the_second() {
        let loaded = doc("a: 1\nb: 2\na: 3\n");
        assert_eq!(loaded.findings.len(), 1);
        assert_eq!(loaded.findings[0].rule, RuleId::DuplicateKey);
        assert_eq!((loaded.findings[0].loc.line, loaded.findings[0].loc.col), (3, 1));
    }

    #[test]
    fn alias_bomb_stops_early() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for name in 'b'..='j' {
            text.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
            prev = name;
        }
        let loaded = doc(&text);
        assert!(!loaded.complete);
        assert_eq!(loaded.findings[0].rule, RuleId::FileTooLarge);
    }

    #[test]
    fn recursive_alias_is_refused() {
        let loaded = doc("a: &a [1, *a]\n");
        assert!(!loaded.complete);
        assert_eq!(loaded.findings[0].rule, RuleId::Syntax);
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("{}{}", "[".repeat(100), "]".repeat(100));
        let loaded = doc(&text);
        assert!(!loaded.complete);
        assert_eq!(loaded.findings[0].rule, RuleId::FileTooLarge);
    }

    #[test]
    fn items_start_at_their_dash() {
        let loaded = doc("a:\n  - # note\n    x: 1\n  -\n    y: 2\n  - z\nb:\n- q\nc: [r]\n");
        let d = loaded.doc.expect("doc");
        let root = d.root().expect("root");
        let items = |key| match &d.node(d.get(root, key).expect("key").value).kind {
            NodeKind::Seq(items) => {
                d.items_of(*items).iter().map(|&i| (d.item_loc(i).line, d.item_loc(i).col)).collect::<Vec<_>>()
            }
            _ => panic!("seq"),
        };
        assert_eq!(items("a"), vec![(2, 3), (4, 3), (6, 3)]);
        assert_eq!(items("b"), vec![(8, 1)]);
        assert_eq!(items("c"), vec![(9, 5)]);
    }

    #[test]
    fn tags() {
        let loaded = doc("a: !!str 5\nb: !foo x\nc: ! 7\nd: !!int x\n");
        let d = loaded.doc.expect("doc");
        let root = d.root().expect("root");
        let a = d.get(root, "a").expect("a");
        assert_eq!(d.scalar(a.value).map(|s| s.0), Some(Scalar::Str));
        assert!(d.node(a.value).bad_tag.is_none());
        let b = d.get(root, "b").expect("b");
        assert_eq!(d.node(b.value).bad_tag.as_deref(), Some("!foo"));
        let c = d.get(root, "c").expect("c");
        assert_eq!(d.scalar(c.value).map(|s| s.0), Some(Scalar::Str));
        let x = d.get(root, "d").expect("d");
        assert!(d.node(x.value).bad_tag.is_some());
    }

    /// The one syntax finding of `text`, as (line, column, width, message).
    fn syntax_at(text: &str) -> (u32, u32, u32, String) {
        let loaded = doc(text);
        assert!(!loaded.complete, "{text:?} was accepted");
        assert_eq!(loaded.findings.len(), 1, "{:?}", loaded.findings);
        let f = &loaded.findings[0];
        assert_eq!(f.rule, RuleId::Syntax);
        (f.loc.line, f.loc.col, f.loc.len, f.message.clone())
    }

    #[test]
    fn under_indented_flow_list_is_a_syntax_error() {
        // PyYAML, and the parser's lenient mode, take `Li Wei` as the list's second item.
        let text = "leads:\n  tech: [Raj Patel,\n  Li Wei]\n";
        assert_eq!(syntax_at(text), (3, 3, 0, "invalid YAML: invalid indentation".to_owned()));
        assert_eq!(syntax_at("a: 1\nb: [\n]\n"), (3, 1, 0, "invalid YAML: invalid indentation".to_owned()));
        assert!(doc("leads:\n  tech: [Raj Patel,\n   Li Wei]\n").complete, "one more space is valid");
    }

    #[test]
    fn tabs_as_indentation_are_a_syntax_error_at_the_tab() {
        let tab = |parser: &str| format!("tabs can't indent YAML; use spaces (YAML parser: {parser})");
        let quoted = tab("tab cannot be used as indentation");
        assert_eq!(syntax_at("headline: \"on track;\n\tmargin under pressure\"\n"), (2, 1, 1, quoted));
        let flow = tab("tabs disallowed within this context (block indentation)");
        assert_eq!(syntax_at("tech: [Raj Patel,\n\tLi Wei]\n"), (2, 1, 1, flow));
        // The parser stops on the line before; the finding is at the tab itself.
        let plain = tab("while scanning a plain scalar, found a tab");
        assert_eq!(syntax_at("leads:\n  account: Jane\n  \t tech: Raj\n"), (3, 3, 1, plain));
        let help = doc("tech: [Raj Patel,\n\tLi Wei]\n").findings[0].help.clone();
        assert!(help.is_some_and(|h| h.starts_with("replace the tab at the start of this line with spaces")));
        assert!(doc("headline: \"on track;\n \tmargin\"\ntech: [Raj,\n \tLi]\n").complete, "a space first is valid");
    }

    /// The one syntax finding of `text`, as (line, column, width, message, help).
    fn explained(text: &str) -> (u32, u32, u32, String, String) {
        let (line, col, len, message) = syntax_at(text);
        (line, col, len, message, doc(text).findings[0].help.clone().unwrap_or_default().into_owned())
    }

    #[test]
    fn a_colon_in_plain_text_says_to_quote_it_showing_the_fixed_line() {
        let (line, col, len, message, help) = explained("client: Acme\nheadline: Status: POS rollout slipped\n");
        assert_eq!((line, col, len), (2, 17, 1), "at the second colon");
        assert!(message.starts_with("the text of `headline` has a colon followed by a space"), "{message}");
        assert!(message.ends_with("(YAML parser: mapping values are not allowed in this context)"), "{message}");
        assert_eq!(help, "put the text in quotes: headline: \"Status: POS rollout slipped\"");
        let (.., help) = explained("notes: Say \"hi\": then go\n");
        assert_eq!(help, "put the text in quotes: notes: \"Say \\\"hi\\\": then go\"");
    }

    #[test]
    fn items_under_an_empty_flow_list_are_reported_at_the_brackets() {
        let (line, col, len, message, help) = explained("acctsum: 1\nactions: []\n  - action: Call\n    owner: Me\n");
        assert_eq!((line, col, len), (2, 10, 2));
        assert!(message.starts_with("`actions: []` says `actions` is empty"), "{message}");
        assert_eq!(help, "remove the `[]`: write `actions:` and keep the items below it");
        let (line, col, ..) = explained("next_steps: [] # none yet\n- one\n");
        assert_eq!((line, col), (1, 13));
    }

    #[test]
    fn a_line_out_of_step_names_the_section_and_the_indentation() {
        let text = "leads:\n  account: Jane\n tech: Raj\nupdated: 2026-11-18\n";
        let (line, col, len, message, help) = explained(text);
        assert_eq!((line, col, len), (3, 2, 4));
        assert!(
            message.starts_with("`tech` is indented 1 space, which lines up with no section above it"),
            "{message}"
        );
        assert_eq!(help, "it probably belongs with `account` (line 2) in `leads`: indent it 2 spaces");
        let text = "next_steps:\n  - one\n - two\n";
        assert_eq!(
            explained(text).4,
            "it probably belongs with the other items of `next_steps` (line 2): indent it 2 spaces"
        );
        let text = "updated: 2026-11-18\n status: red\n";
        let (line, col, _, message, help) = explained(text);
        assert_eq!((line, col), (2, 2));
        assert!(message.contains("so YAML reads it as more of the text of `updated`"), "{message}");
        assert_eq!(help, "start it at the beginning of the line like `updated` (line 1)");
    }

    #[test]
    fn under_indented_quoted_text_is_a_syntax_error() {
        let message = "invalid YAML: invalid indentation in multiline quoted scalar".to_owned();
        assert_eq!(syntax_at("leads:\n  account: \"Jane\n  Smith\"\n"), (3, 3, 0, message.clone()));
        assert_eq!(syntax_at("headline: 'on track\nmargin'\n"), (2, 1, 0, message));
        assert!(doc("leads:\n  account: \"Jane\n   Smith\"\n").complete, "one more space is valid");
    }

    #[test]
    fn a_missing_closing_quote_or_bracket_is_named_not_the_indentation_it_upsets() {
        // Strict indentation alone would stop at the next line, "invalid indentation".
        assert_eq!(syntax_at("a: \"open\nb: 1\n"), (1, 4, 0, "invalid YAML: unclosed quote".to_owned()));
        let flow = "invalid YAML: while parsing a flow mapping, did not find expected ',' or '}'".to_owned();
        assert_eq!(syntax_at("m:\n  a: {b: 1\n  c: 2\n"), (3, 4, 0, flow));
    }

    #[test]
    fn utf32_and_utf16_are_named_with_or_without_a_byte_order_mark() {
        let encode = |text: &str, wide: fn(char) -> Vec<u8>| text.chars().flat_map(wide).collect::<Vec<u8>>();
        let utf32le = |c: char| u32::from(c).to_le_bytes().to_vec();
        let utf32be = |c: char| u32::from(c).to_be_bytes().to_vec();
        let utf16le = |c: char| u16::try_from(u32::from(c)).unwrap_or(0).to_le_bytes().to_vec();
        let utf16be = |c: char| u16::try_from(u32::from(c)).unwrap_or(0).to_be_bytes().to_vec();
        for (name, wide, expected) in [
            ("UTF-32 LE", utf32le as fn(char) -> Vec<u8>, "UTF-32"),
            ("UTF-32 BE", utf32be, "UTF-32"),
            ("UTF-16 LE", utf16le, "UTF-16"),
            ("UTF-16 BE", utf16be, "UTF-16"),
        ] {
            for text in ["\u{feff}acctsum: 1\n", "acctsum: 1\n"] {
                let loaded = load(Arc::from("t"), &encode(text, wide));
                assert_eq!(loaded.findings.len(), 1, "{name} {text:?}");
                let f = &loaded.findings[0];
                assert_eq!((f.rule, f.loc.line, f.loc.col), (RuleId::NotUtf8, 1, 1), "{name} {text:?}");
                assert_eq!(f.message, format!("file is {expected} text, not UTF-8"), "{name} {text:?}");
            }
        }
        // UTF-8, with or without its mark, is not mistaken for either.
        assert!(doc("\u{feff}a: 1\n").findings.is_empty());
        assert!(doc("a").findings.is_empty());
    }

    #[test]
    fn verbatim_core_tags_resolve_like_their_shorthand() {
        let text = "a: !<tag:yaml.org,2002:int> 5\nb: !<tag:yaml.org,2002:str> 5\nc: !<tag:yaml.org,2002:bool> true\n\
                    d: !<tag:yaml.org,2002:map> {k: v}\ne: !<tag:yaml.org,2002:seq> [x]\nf: !<tag:yaml.org,2002:int> x\n\
                    g: !<tag:example.com,2000:int> 5\n";
        let loaded = doc(text);
        assert!(loaded.complete && loaded.findings.is_empty(), "{:?}", loaded.findings);
        let d = loaded.doc.expect("doc");
        let root = d.root().expect("root");
        let node = |key| d.get(root, key).expect(key).value;
        assert_eq!(d.scalar(node("a")).map(|s| s.0), Some(Scalar::Int(Some(5))));
        assert_eq!(d.scalar(node("b")).map(|s| s.0), Some(Scalar::Str));
        assert_eq!(d.scalar(node("c")).map(|s| s.0), Some(Scalar::Bool(true)));
        for key in ["a", "b", "c", "d", "e"] {
            assert!(d.node(node(key)).bad_tag.is_none(), "{key}: {:?}", d.node(node(key)).bad_tag);
        }
        assert!(d.node(node("f")).bad_tag.is_some(), "`x` is not an int");
        assert!(d.node(node("g")).bad_tag.is_some(), "not a core tag");
        // A `%TAG` handle naming the core prefix is the core prefix.
        let loaded = doc("%TAG !c! tag:yaml.org,2002:\n---\na: !c!int 5\nb: !c!seq [x]\n");
        let d = loaded.doc.expect("doc");
        let root = d.root().expect("root");
        let a = d.get(root, "a").expect("a").value;
        assert_eq!(d.scalar(a).map(|s| s.0), Some(Scalar::Int(Some(5))));
        assert!(d.node(d.get(root, "b").expect("b").value).bad_tag.is_none());
    }

    #[test]
    fn value_limit_is_exact() {
        let list = |n: usize| format!("[{}]", vec!["1"; n].join(","));
        // The list itself is a value too.
        assert!(doc(&list(MAX_NODES - 1)).complete);
        let over = doc(&list(MAX_NODES));
        assert!(!over.complete);
        assert_eq!(over.findings[0].rule, RuleId::FileTooLarge);
        assert!(over.findings[0].message.contains("200000 YAML values"));
    }

    #[test]
    fn alias_expansion_limit() {
        let anchored = format!("a: &a [{}]\n", vec!["x"; 999].join(", "));
        let with = |n: usize| format!("{anchored}b: [{}]\n", vec!["*a"; n].join(", "));
        assert!(doc(&with(150)).complete, "150 aliases of 1,000 values: 150,000 values");
        let over = doc(&with(250));
        assert!(!over.complete);
        assert!(over.findings[0].message.contains("aliases expand"));
    }

    #[test]
    fn depth_limit_is_exact() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(doc(&nested(MAX_DEPTH)).complete);
        let over = doc(&nested(MAX_DEPTH + 1));
        assert!(!over.complete);
        assert!(over.findings[0].message.contains("nested more than 64 levels"));
    }

    #[test]
    fn not_utf8_and_too_large() {
        let loaded = load(Arc::from("t"), b"a: \xff\n");
        assert_eq!(loaded.findings[0].rule, RuleId::NotUtf8);
        let mut big = vec![b'#'; MAX_FILE_BYTES];
        assert!(load(Arc::from("t"), &big).findings.is_empty(), "exactly 1 MiB is fine");
        big.push(b'#');
        let loaded = load(Arc::from("t"), &big);
        assert_eq!(loaded.findings[0].rule, RuleId::FileTooLarge);
    }
}
