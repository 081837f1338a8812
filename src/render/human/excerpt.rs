//! The lines a finding's drawing shows: the line of its span and the lines either side,
//! numbered, with the span on its line, and the place the header names.
//!
//! [`Excerpt::of`] takes them straight from the file's text when the snippet would show
//! them as they are: no line cut to the snippet's window, no character to escape. That is
//! nearly every finding, and it costs no allocation. [`Excerpt::read`] takes them from a
//! [`Snippet`] (what miette draws from), for the rest.

use miette::SourceCode;

use crate::finding::Loc;
use crate::render::snippet::Snippet;
use crate::render::text::is_hidden;

/// The most characters of a line the snippet shows uncut (`snippet::WINDOW`).
const WINDOW: usize = 120;
/// How many characters a cut line keeps before the span (`snippet::LEAD`).
const LEAD: usize = 40;
/// The most lines an excerpt holds: the span's, and one either side.
const LINES: usize = 3;

/// The lines to draw, as miette would get them from the finding's snippet.
#[derive(Debug)]
pub(super) struct Excerpt<'a> {
    /// The file's name, as shown.
    pub(super) name: &'a str,
    /// The 0-based number of the first line.
    pub(super) first: usize,
    /// The lines, without their line breaks, as miette shows them.
    pub(super) lines: [&'a str; LINES],
    /// How many of `lines` there are.
    pub(super) count: usize,
    /// Which of `lines` holds the span.
    pub(super) line: usize,
    /// The span: a byte range of that line.
    pub(super) span: (usize, usize),
    /// Where the header says the span is: its 0-based line and column (in characters).
    pub(super) at: (usize, usize),
}

impl<'a> Excerpt<'a> {
    /// The excerpt for a finding at `loc` in the file `lines` reads, named `name`
    /// (escaped), as `Snippet::new` would make it; `None` when the snippet would cut or
    /// escape any of its lines.
    pub(super) fn of<'t: 'a>(lines: &mut Lines<'t>, name: &'a str, loc: Loc) -> Option<Self> {
        let text = lines.text;
        let start = floor(text, loc.offset as usize);
        let (line, line_start, line_end) = lines.seek(start);
        // A span at a line break points at the end of its line; one that goes on past the
        // line is shown on its first line.
        let start = start.min(line_end);
        let end = floor(text, start.saturating_add(loc.len as usize)).clamp(start, line_end);
        let col = text[line_start..start].chars().count();
        let width = text[start..end].chars().count();
        // The snippet cuts the lines when the span would not show whole in the window.
        if col + width.min(WINDOW - LEAD) > WINDOW {
            return None;
        }
        let mut excerpt = Self {
            name,
            first: line.saturating_sub(1),
            lines: [""; LINES],
            count: 0,
            line: 0,
            span: (start - line_start, end - line_start),
            at: (line, col),
        };
        let shown = [lines.before.filter(|_| line > 0), Some((line_start, line_end)), lines.after(line_end)];
        for (start, end) in shown.into_iter().flatten() {
            let shown = &text[start..end];
            let fits = shown.len() <= WINDOW || shown.chars().count() <= WINDOW;
            let plain = if shown.is_ascii() {
                !shown.bytes().any(|b| b < b' ' || b == 0x7f)
            } else {
                !shown.contains(is_hidden)
            };
            if !fits || !plain {
                return None;
            }
            if start == line_start {
                excerpt.line = excerpt.count;
            }
            excerpt.lines[excerpt.count] = shown;
            excerpt.count += 1;
        }
        Some(excerpt)
    }

    /// Hands `draw` the excerpt of a [`Snippet`], as miette reads it; `false` when there is
    /// none (miette could not read the snippet, it holds more lines than an excerpt, or
    /// its span is not within one line) or `draw` gives `false`.
    pub(super) fn read(snippet: &Snippet, draw: impl FnOnce(&Excerpt<'_>) -> bool) -> bool {
        let label = snippet.label;
        // miette reads the lines to draw with a line of context either side, and the
        // header's place with none.
        let (Ok(contents), Ok(place)) = (snippet.read_span(&label, 1, 1), snippet.read_span(&label, 0, 0)) else {
            return false;
        };
        let (Ok(data), Some(name)) = (std::str::from_utf8(contents.data()), place.name()) else { return false };
        // miette expands tabs, joins `\r\n` and skips escape sequences in measuring.
        if data.bytes().any(|b| matches!(b, b'\t' | b'\r' | 0x1b)) {
            return false;
        }
        let Some(start) = label.offset().checked_sub(contents.span().offset()) else { return false };
        let end = start + label.len();
        let mut excerpt = Excerpt {
            name,
            first: contents.line(),
            lines: [""; LINES],
            count: 0,
            line: LINES,
            span: (0, 0),
            at: (place.line(), place.column()),
        };
        let mut offset = 0;
        for shown in data.split('\n') {
            if excerpt.count == LINES {
                return false;
            }
            if (offset..=offset + shown.len()).contains(&start) && end <= offset + shown.len() {
                excerpt.line = excerpt.count;
                excerpt.span = (start - offset, end - offset);
            }
            excerpt.lines[excerpt.count] = shown;
            excerpt.count += 1;
            offset += shown.len() + 1;
        }
        excerpt.line < LINES && draw(&excerpt)
    }
}

/// `offset`, moved into `text` and back to a character boundary.
fn floor(text: &str, offset: usize) -> usize {
    let mut at = offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// A file's text, and the line last sought in it. A file's findings come in the order of
/// their lines, so each line of a file is scanned about once for all of them.
#[derive(Debug)]
pub(super) struct Lines<'a> {
    text: &'a str,
    /// The 0-based number of the line last sought.
    line: usize,
    /// Where it starts.
    start: usize,
    /// The range of the line before it, without its line break, if any.
    before: Option<(usize, usize)>,
}

impl<'a> Lines<'a> {
    /// The lines of `text`, which end at `\n`, `\r\n` or a lone `\r`, as YAML has them.
    pub(super) fn new(text: &'a str) -> Self {
        Self { text, line: 0, start: 0, before: None }
    }

    /// The end of the line that starts at `start`, without its line break, and where the
    /// next line starts (none after the last line).
    fn end(&self, start: usize) -> (usize, Option<usize>) {
        let bytes = self.text.as_bytes();
        match bytes[start..].iter().position(|&b| b == b'\n' || b == b'\r') {
            None => (bytes.len(), None),
            Some(at) => {
                let at = start + at;
                let crlf = bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n');
                (at, Some(at + 1 + usize::from(crlf)))
            }
        }
    }

    /// The line holding byte `offset`: its 0-based number, start and end (without its
    /// line break). A line break belongs to the line it ends.
    fn seek(&mut self, offset: usize) -> (usize, usize, usize) {
        if offset < self.start {
            *self = Self::new(self.text);
        }
        loop {
            let (end, next) = self.end(self.start);
            match next {
                Some(next) if next <= offset => {
                    self.before = Some((self.start, end));
                    self.start = next;
                    self.line += 1;
                }
                _ => return (self.line, self.start, end),
            }
        }
    }

    /// The range of the line after the line that ends at `end`, when there is one to show:
    /// a file that ends with a line break has no line after it.
    fn after(&self, end: usize) -> Option<(usize, usize)> {
        let (_, next) = self.end(end);
        let next = next.filter(|&n| n < self.text.len())?;
        Some((next, self.end(next).0))
    }
}
