//! The fast path: the block-style YAML that leads actually write, read line by line into
//! the same events, at the same places, as granit-parser gives for it — several times
//! faster, as it needs no token queue and no look-ahead beyond the next line.
//!
//! What it reads: one document whose root is a block mapping; block mappings with plain
//! keys; block lists (indented under their key); plain, single- and double-quoted (no
//! escapes) scalars on one line; literal and folded block scalars (`|`, `|-`, `>`, `>-`);
//! flow mappings and lists of scalars on one line; comments and blank lines. Anything
//! else — a tab, a carriage return, a character YAML does not print, an anchor, alias or
//! tag, a `---`, a scalar over several lines, a list not indented under its key, a
//! syntax error — makes it give up ([`Outcome::Unsupported`]) and the full parser reads
//! the file from the start: the fast path never decides what a file means when it is
//! unsure. `tests/fast_path.rs` and the `fast_path` fuzz target prove it gives exactly
//! the full parser's events wherever it does not give up.

use std::borrow::Cow;
use std::cell::Cell;

use granit_parser::{Event, ScalarStyle, StructureStyle};

use crate::finding::Loc;

/// How reading a file went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// Every event was given.
    Done,
    /// The receiver asked to stop (a limit was hit); the events so far were given.
    Stopped,
    /// The file holds something the fast path does not read: the events given so far
    /// must be thrown away and the file read by the full parser.
    Unsupported,
}

/// Why reading stopped early.
enum Halt {
    Stopped,
    Unsupported,
}

type Step<T = ()> = Result<T, Halt>;

/// Deepest nesting the fast path follows (deeper files go to the full parser).
const MAX_NESTING: usize = 24;
/// Longest plain key read here (YAML limits implicit keys to 1024 characters).
const MAX_KEY: usize = 512;

/// Reads `text`, giving each event and where it is to `emit` (which returns `false` to
/// stop). The events are those granit-parser gives, without the stream's start and end.
pub(super) fn parse<'a, E: FnMut(Event<'a>, Loc) -> bool>(text: &'a str, emit: &mut E) -> Outcome {
    if !plain_text(text.as_bytes()) {
        return Outcome::Unsupported;
    }
    let bytes = text.as_bytes();
    let mut reader =
        Reader { text, bytes, pos: 0, cur: Line::at(bytes, 0), line: 1, depth: 0, emit, counted: Cell::new((0, 0)) };
    match reader.document() {
        Ok(()) => Outcome::Done,
        Err(Halt::Stopped) => Outcome::Stopped,
        Err(Halt::Unsupported) => Outcome::Unsupported,
    }
}

/// Whether the text holds only characters the fast path takes as they are: no control
/// character but the line feed (tabs and carriage returns go to the full parser), none
/// of the C1 controls, no byte-order mark inside, no non-character, no Unicode line or
/// paragraph separator.
fn plain_text(bytes: &[u8]) -> bool {
    // Most text is printable ASCII and line feeds: a block of it is passed over whole (the
    // compiler checks such a block several bytes at a time); a block with anything else
    // is looked at byte by byte.
    const BLOCK: usize = 64;
    let mut i = 0;
    while i < bytes.len() {
        let end = (i + BLOCK).min(bytes.len());
        if bytes[i..end].iter().fold(true, |ok, &b| ok & ((b' '..=b'~').contains(&b) | (b == b'\n'))) {
            i = end;
            continue;
        }
        while i < end {
            let b = bytes[i];
            if b < 0x80 {
                if (b < 0x20 && b != b'\n') || b == 0x7F {
                    return false;
                }
                i += 1;
                continue;
            }
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            let third = bytes.get(i + 2).copied().unwrap_or(0);
            match (b, next, third) {
                (0xC2, 0x80..=0x9F, _) | (0xEF, 0xBB, 0xBF) | (0xEF, 0xBF, 0xBE | 0xBF) | (0xE2, 0x80, 0xA8 | 0xA9) => {
                    return false;
                }
                _ => i += 1,
            }
        }
    }
    true
}

/// One line of the text.
#[derive(Clone, Copy)]
struct Line {
    /// Offset of its first byte.
    start: usize,
    /// Offset of its line feed (or the end of the text).
    end: usize,
    /// Offset of its first byte that is not a space.
    content: usize,
}

impl Line {
    /// The line that starts at `start`.
    fn at(bytes: &[u8], start: usize) -> Line {
        let end = memchr_newline(bytes, start);
        let mut content = start;
        while content < end && bytes[content] == b' ' {
            content += 1;
        }
        Line { start, end, content }
    }

    fn indent(self) -> usize {
        self.content - self.start
    }

    fn blank(self) -> bool {
        self.content == self.end
    }
}

struct Reader<'a, 'e, E> {
    text: &'a str,
    bytes: &'a [u8],
    /// Start of the current line.
    pos: usize,
    /// The current line (found once, when the reader comes to it).
    cur: Line,
    /// Its number (from 1).
    line: u32,
    depth: usize,
    emit: &'e mut E,
    /// The last column counted: (offset, column from 0). Columns count characters, and
    /// a line may be long: each count starts from the last one on the same line, so a
    /// line's columns cost its length once, not once per value on it.
    counted: Cell<(usize, usize)>,
}

fn unsupported<T>() -> Step<T> {
    Err(Halt::Unsupported)
}

fn ensure(ok: bool) -> Step {
    if ok { Ok(()) } else { unsupported() }
}

impl<'a, E: FnMut(Event<'a>, Loc) -> bool> Reader<'a, '_, E> {
    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn current(&self) -> Line {
        self.cur
    }

    fn advance(&mut self) {
        self.pos = (self.cur.end + 1).min(self.bytes.len());
        self.cur = Line::at(self.bytes, self.pos);
        self.line += 1;
    }

    fn byte(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(b'\n')
    }

    /// Skips blank and comment lines; a comment indented deeper than `deepest` gives up
    /// (after a scalar it could be read otherwise). Returns the next line that holds
    /// something, if any.
    fn next_significant(&mut self, deepest: usize) -> Step<Option<Line>> {
        while !self.at_end() {
            let line = self.current();
            if line.start == line.content && self.document_marker(line.start) {
                return unsupported();
            }
            if line.blank() {
                self.advance();
            } else if self.bytes[line.content] == b'#' {
                ensure(line.indent() <= deepest)?;
                self.advance();
            } else {
                return Ok(Some(line));
            }
        }
        Ok(None)
    }

    /// Whether a `---` or `...` line (a document's start or end) begins at `at`.
    fn document_marker(&self, at: usize) -> bool {
        let head = &self.bytes[at..];
        (head.starts_with(b"---") || head.starts_with(b"...")) && matches!(self.byte(at + 3), b' ' | b'\n')
    }

    /// Where `offset` on the current line is.
    fn loc(&self, offset: usize, len: usize) -> Loc {
        let (from, col) = match self.counted.get() {
            (at, col) if at >= self.pos && at <= offset => (at, col),
            _ => (self.pos, 0),
        };
        // Characters, counted as the bytes that start one (both ends are character boundaries).
        let between = &self.bytes[from..offset];
        let col = col + between.iter().filter(|&&b| !(0x80..0xC0).contains(&b)).count();
        self.counted.set((offset, col));
        Loc {
            line: self.line,
            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            len: u32::try_from(len).unwrap_or(0),
        }
    }

    fn give(&mut self, event: Event<'a>, loc: Loc) -> Step {
        if (self.emit)(event, loc) { Ok(()) } else { Err(Halt::Stopped) }
    }

    fn scalar(&mut self, value: Cow<'a, str>, style: ScalarStyle, start: usize, end: usize) -> Step {
        let loc = self.loc(start, end - start);
        self.give(Event::Scalar(value, style, 0, None), loc)
    }

    fn document(&mut self) -> Step {
        let Some(first) = self.next_significant(0)? else { return unsupported() };
        ensure(first.indent() == 0)?;
        let head = &self.bytes[first.content..first.end];
        ensure(!head.starts_with(b"---") && !head.starts_with(b"...") && head[0] != b'%')?;
        let loc = self.loc(first.content, 0);
        self.give(Event::DocumentStart(false, None), loc)?;
        self.mapping(0, first.content)?;
        ensure(self.at_end())?;
        let end = self.bytes.len();
        let loc = Loc { line: self.line, col: 1, offset: u32::try_from(end).unwrap_or(u32::MAX), len: 0 };
        self.give(Event::DocumentEnd, loc)
    }

    fn nest(&mut self) -> Step {
        self.depth += 1;
        ensure(self.depth <= MAX_NESTING)
    }

    /// A block mapping whose keys are at column `indent`, the first at `first` on the
    /// current line.
    fn mapping(&mut self, indent: usize, first: usize) -> Step {
        self.nest()?;
        let loc = self.loc(first, 0);
        self.give(Event::MappingStart(StructureStyle::Block, 0, None), loc)?;
        let mut at = first;
        loop {
            let line = self.current();
            let colon = self.key_end(at, line.end).map_or_else(unsupported, Ok)?;
            ensure(colon > at && self.bytes[colon - 1] != b' ' && colon - at <= MAX_KEY)?;
            self.scalar(Cow::Borrowed(&self.text[at..colon]), ScalarStyle::Plain, at, colon)?;
            let empty = self.loc(colon, 0);
            self.value(indent, colon + 1, line.end, empty)?;
            let Some(next) = self.next_significant(usize::MAX)? else { break };
            if next.indent() < indent {
                break;
            }
            ensure(next.indent() == indent && !self.dash_at(next.content))?;
            at = next.content;
        }
        let loc = self.loc(self.pos, 0);
        self.give(Event::MappingEnd, loc)?;
        self.depth -= 1;
        Ok(())
    }

    /// A block list whose `-` are at column `indent`, the first on the current line.
    fn sequence(&mut self, indent: usize) -> Step {
        self.nest()?;
        let line = self.current();
        let loc = self.loc(line.content, 0);
        self.give(Event::SequenceStart(StructureStyle::Block, 0, None), loc)?;
        loop {
            let line = self.current();
            let dash = line.content;
            let mut item = dash + 1;
            while item < line.end && self.bytes[item] == b' ' {
                item += 1;
            }
            // An empty item is null where its line ends (after any comment).
            let empty = self.loc(line.end, 0);
            if item < line.end && self.key_end(item, line.end).is_some() {
                self.mapping(item - line.start, item)?;
            } else {
                self.value(indent, dash + 1, line.end, empty)?;
            }
            let Some(next) = self.next_significant(usize::MAX)? else { break };
            if next.indent() < indent {
                break;
            }
            ensure(next.indent() == indent && self.dash_at(next.content))?;
        }
        let loc = self.loc(self.pos, 0);
        self.give(Event::SequenceEnd, loc)?;
        self.depth -= 1;
        Ok(())
    }

    /// Whether a `-` entry starts at `at`.
    fn dash_at(&self, at: usize) -> bool {
        self.bytes[at] == b'-' && matches!(self.byte(at + 1), b' ' | b'\n')
    }

    /// Whether a plain scalar (a key or a value) may start at `at`: not at an indicator,
    /// nor at a `-` that opens a list item.
    fn starts_key(&self, at: usize) -> bool {
        match self.bytes[at] {
            b'-' => !matches!(self.byte(at + 1), b' ' | b'\n'),
            b => !indicator(b),
        }
    }

    /// The `:` that ends a plain key starting at `at`, if the line has one before any
    /// comment.
    fn key_end(&self, at: usize, end: usize) -> Option<usize> {
        if !self.starts_key(at) {
            return None;
        }
        match self.colon_or_comment(at, end) {
            Some((i, b':')) => Some(i),
            _ => None,
        }
    }

    /// The first place from `at` (before `end`, on one line) where a `:` is followed by a
    /// space or the line's end (`(offset, b':')`), or a space by a `#` (`(offset of the
    /// space, b'#')`), whichever comes first. Only the `:` and `#` are looked at (memchr
    /// finds them several bytes at a time): a space before a `#` comes just before it,
    /// and no `:` can be that space.
    fn colon_or_comment(&self, at: usize, end: usize) -> Option<(usize, u8)> {
        let mut from = at;
        while let Some(found) = memchr::memchr2(b':', b'#', &self.bytes[from..end]) {
            let i = from + found;
            match self.bytes[i] {
                b':' if matches!(self.byte(i + 1), b' ' | b'\n') => return Some((i, b':')),
                b'#' if i > at && self.bytes[i - 1] == b' ' => return Some((i - 1, b'#')),
                _ => from = i + 1,
            }
        }
        None
    }

    /// The value after a key's `:` (or a list's `-`), from `from` on the current line of
    /// the collection at column `indent`. Leaves the reader on the line after the value.
    fn value(&mut self, indent: usize, from: usize, end: usize, empty: Loc) -> Step {
        let mut at = from;
        while at < end && self.bytes[at] == b' ' {
            at += 1;
        }
        if at == end || (self.bytes[at] == b'#' && at > from) {
            self.advance();
            return self.block_value(indent, empty);
        }
        ensure(at > from)?;
        let after = match self.bytes[at] {
            b'|' | b'>' => return self.block_scalar(indent, at, end),
            b'"' => self.double_quoted(at, end)?,
            b'\'' => self.single_quoted(at, end)?,
            b'{' => self.flow(at, end, true)?,
            b'[' => self.flow(at, end, false)?,
            _ => self.plain(at, end)?,
        };
        self.rest_of_line(after, end)?;
        self.advance();
        // A deeper line after a scalar would continue it (or be an error).
        if let Some(next) = self.next_significant(indent)? {
            ensure(next.indent() <= indent)?;
        }
        Ok(())
    }

    /// Nothing after the `:` on its line: a collection on the lines below, or null.
    fn block_value(&mut self, indent: usize, empty: Loc) -> Step {
        let next = self.next_significant(usize::MAX)?;
        match next {
            Some(line) if line.indent() > indent => {
                if self.dash_at(line.content) {
                    self.sequence(line.indent())
                } else {
                    self.mapping(line.indent(), line.content)
                }
            }
            Some(line) if line.indent() == indent && self.dash_at(line.content) => unsupported(),
            _ => self.give(Event::Scalar(Cow::Borrowed("~"), ScalarStyle::Plain, 0, None), empty),
        }
    }

    /// Only spaces, then perhaps a comment, may follow a value.
    fn rest_of_line(&self, from: usize, end: usize) -> Step {
        let mut at = from;
        while at < end && self.bytes[at] == b' ' {
            at += 1;
        }
        ensure(at == end || (self.bytes[at] == b'#' && at > from))
    }

    /// A plain scalar in block context, ending at a comment or the line's end.
    fn plain(&mut self, at: usize, end: usize) -> Step<usize> {
        ensure(self.starts_key(at))?;
        let stop = match self.colon_or_comment(at, end) {
            Some((_, b':')) => return unsupported(),
            Some((space, _)) => space,
            None => end,
        };
        let mut last = stop;
        while last > at && self.bytes[last - 1] == b' ' {
            last -= 1;
        }
        self.scalar(Cow::Borrowed(&self.text[at..last]), ScalarStyle::Plain, at, last)?;
        Ok(last)
    }

    /// A double-quoted scalar on one line, without escapes.
    fn double_quoted(&mut self, at: usize, end: usize) -> Step<usize> {
        let body = &self.bytes[at + 1..end];
        let close = body.iter().position(|&b| b == b'"' || b == b'\\').map_or_else(unsupported, Ok)?;
        ensure(body[close] == b'"')?;
        let close = at + 1 + close;
        self.scalar(Cow::Borrowed(&self.text[at + 1..close]), ScalarStyle::DoubleQuoted, at, close + 1)?;
        Ok(close + 1)
    }

    /// A single-quoted scalar on one line (`''` is a quote).
    fn single_quoted(&mut self, at: usize, end: usize) -> Step<usize> {
        let mut i = at + 1;
        let mut doubled = false;
        loop {
            ensure(i < end)?;
            if self.bytes[i] == b'\'' {
                if self.byte(i + 1) == b'\'' && i + 1 < end {
                    doubled = true;
                    i += 2;
                    continue;
                }
                break;
            }
            i += 1;
        }
        let inner = &self.text[at + 1..i];
        let value = if doubled { Cow::Owned(inner.replace("''", "'")) } else { Cow::Borrowed(inner) };
        self.scalar(value, ScalarStyle::SingleQuoted, at, i + 1)?;
        Ok(i + 1)
    }

    /// A flow mapping (`{k: v, …}`) or list (`[a, …]`) of scalars on one line.
    fn flow(&mut self, at: usize, end: usize, mapping: bool) -> Step<usize> {
        let (start, close, finish) = if mapping {
            (Event::MappingStart(StructureStyle::Flow, 0, None), b'}', Event::MappingEnd)
        } else {
            (Event::SequenceStart(StructureStyle::Flow, 0, None), b']', Event::SequenceEnd)
        };
        let loc = self.loc(at, 1);
        self.give(start, loc)?;
        let mut i = self.spaces(at + 1, end);
        ensure(i < end)?;
        if self.bytes[i] != close {
            loop {
                if mapping {
                    let (colon, stop) = self.flow_plain(i, end)?;
                    ensure(stop == b':' && self.byte(colon + 1) == b' ' && colon - i <= MAX_KEY)?;
                    i = self.spaces(colon + 1, end);
                }
                i = self.flow_scalar(i, end)?;
                i = self.spaces(i, end);
                ensure(i < end)?;
                match self.bytes[i] {
                    b',' => {
                        i = self.spaces(i + 1, end);
                        ensure(i < end && self.bytes[i] != close)?;
                    }
                    b if b == close => break,
                    _ => return unsupported(),
                }
            }
        }
        let loc = self.loc(i, 1);
        self.give(finish, loc)?;
        Ok(i + 1)
    }

    fn spaces(&self, mut at: usize, end: usize) -> usize {
        while at < end && self.bytes[at] == b' ' {
            at += 1;
        }
        at
    }

    /// A value in a flow collection: quoted, or plain up to `,` or the closing bracket.
    fn flow_scalar(&mut self, at: usize, end: usize) -> Step<usize> {
        ensure(at < end)?;
        match self.bytes[at] {
            b'"' => self.double_quoted(at, end),
            b'\'' => self.single_quoted(at, end),
            _ => {
                let (next, stop) = self.flow_plain(at, end)?;
                ensure(matches!(stop, b',' | b'}' | b']'))?;
                Ok(next)
            }
        }
    }

    /// A plain scalar in a flow collection: gives it and returns the offset and value of
    /// the byte that ended it (`:`, `,`, `}` or `]`).
    fn flow_plain(&mut self, at: usize, end: usize) -> Step<(usize, u8)> {
        ensure(at < end)?;
        ensure(self.bytes[at] != b'-' && !indicator(self.bytes[at]))?;
        let mut i = at;
        while i < end && !matches!(self.bytes[i], b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#') {
            i += 1;
        }
        ensure(i < end && !matches!(self.bytes[i], b'[' | b'{' | b'#'))?;
        let stop = self.bytes[i];
        let mut last = i;
        while last > at && self.bytes[last - 1] == b' ' {
            last -= 1;
        }
        ensure(last > at)?;
        self.scalar(Cow::Borrowed(&self.text[at..last]), ScalarStyle::Plain, at, last)?;
        Ok((i, stop))
    }

    /// A literal (`|`) or folded (`>`) block scalar whose header is at `at`, under a
    /// collection at column `indent`. Leaves the reader on the line that ends it.
    fn block_scalar(&mut self, indent: usize, at: usize, end: usize) -> Step {
        let literal = self.bytes[at] == b'|';
        let mut i = at + 1;
        let strip = self.byte(i) == b'-';
        if strip {
            i += 1;
        }
        ensure(!matches!(self.byte(i), b'+' | b'0'..=b'9' | b'-'))?;
        self.rest_of_line(i, end)?;
        self.advance();
        let first = self.current();
        ensure(!self.at_end() && !first.blank() && first.indent() > indent)?;
        let width = first.indent();
        let start = first.content;
        let start_loc = self.loc(start, 0);
        let mut value = String::new();
        let mut blanks = 0usize;
        let mut any = false;
        let mut stop = self.bytes.len();
        while !self.at_end() {
            let line = self.current();
            if line.blank() {
                ensure(line.indent() <= width)?;
                blanks += 1;
                self.advance();
                continue;
            }
            if line.indent() < width {
                ensure(line.indent() <= indent)?;
                stop = line.content;
                break;
            }
            ensure(literal || line.indent() == width)?;
            if any {
                if literal {
                    value.push('\n');
                    value.extend(std::iter::repeat_n('\n', blanks));
                } else if blanks == 0 {
                    value.push(' ');
                } else {
                    value.extend(std::iter::repeat_n('\n', blanks));
                }
            }
            value.push_str(&self.text[line.start + width..line.end]);
            any = true;
            blanks = 0;
            self.advance();
        }
        if !strip {
            value.push('\n');
        }
        let style = if literal { ScalarStyle::Literal } else { ScalarStyle::Folded };
        let loc = Loc { len: u32::try_from(stop - start).unwrap_or(0), ..start_loc };
        self.give(Event::Scalar(Cow::Owned(value), style, 0, None), loc)
    }
}

/// YAML's indicators: bytes that may not begin a plain scalar (`-` aside: it may, when
/// it does not open a list item).
fn indicator(b: u8) -> bool {
    matches!(
        b,
        b'?' | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    )
}

/// The offset of the next line feed at or after `from`, or the text's end.
fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    let from = from.min(bytes.len());
    memchr::memchr(b'\n', &bytes[from..]).map_or(bytes.len(), |i| from + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`plain_text`] decides, a character at a time.
    fn plain_by_chars(text: &str) -> bool {
        let refused = |c: char| {
            (c.is_control() && c != '\n') || matches!(c, '\u{feff}' | '\u{fffe}' | '\u{ffff}' | '\u{2028}' | '\u{2029}')
        };
        !text.chars().any(refused)
    }

    #[test]
    fn plain_text_finds_what_it_refuses_at_any_offset_of_a_block() {
        let odd = ['\t', '\r', '\0', '\u{7f}', '\u{85}', '\u{9f}', '\u{feff}', '\u{ffff}', '\u{2028}', '\u{2029}'];
        let fine = ['\n', ' ', '~', '\u{a0}', 'é', '東', '😀', '\u{2027}', '\u{fffd}'];
        for len in [0, 1, 63, 64, 65, 127, 128, 129, 200] {
            for at in 0..=len {
                for c in odd.iter().chain(&fine) {
                    // After a block that had to be looked at byte by byte too.
                    for head in ["", "é", "\u{2028}"] {
                        let text = format!("{head}{}{c}{}", "a".repeat(at), "b".repeat(len - at));
                        assert_eq!(plain_text(text.as_bytes()), plain_by_chars(&text), "{c:?} at {at} of {len}");
                    }
                }
            }
        }
    }
}
