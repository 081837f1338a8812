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

/// The most characters of a line the snippet shows uncut (`snippet::WINDOW`; were that
/// smaller, the tests of a line this long would fail).
const WINDOW: usize = 120;
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
        let (line, line_start) = lines.seek(start);
        let line_end = lines.end_of(line_start);
        // A span at a line break points at the end of its line; one that goes on past the
        // line is shown on its first line.
        let start = start.min(line_end);
        let end = floor(text, start.saturating_add(loc.len as usize)).clamp(start, line_end);
        let col = text[line_start..start].chars().count();
        let mut excerpt = Self {
            name,
            first: line.saturating_sub(1),
            lines: [""; LINES],
            count: 0,
            line: 0,
            span: (start - line_start, end - line_start),
            at: (line, col),
        };
        let shown = [lines.before(line_start), Some((line_start, line_end)), lines.after(line_end)];
        for (from, to) in shown.into_iter().flatten() {
            let shown = &text[from..to];
            // The snippet cuts no line that fits its window (its span then fits too).
            let fits = shown.len() <= WINDOW || shown.chars().count() <= WINDOW;
            let plain = if shown.is_ascii() {
                !shown.bytes().fold(false, |hidden, b| hidden | (b < b' ') | (b == 0x7f))
            } else {
                !shown.contains(is_hidden)
            };
            if !fits || !plain {
                return None;
            }
            if from == line_start {
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
/// their lines, so the line breaks before each are counted once for them all.
#[derive(Debug)]
pub(super) struct Lines<'a> {
    text: &'a str,
    /// The 0-based number of the line last sought.
    line: usize,
    /// Where it starts.
    start: usize,
}

impl<'a> Lines<'a> {
    /// The lines of `text`, which end at `\n`, `\r\n` or a lone `\r`, as YAML has them.
    pub(super) fn new(text: &'a str) -> Self {
        Self { text, line: 0, start: 0 }
    }

    /// Where the line holding byte `at` starts: after the last line break before `at`. A
    /// line break belongs to the line it ends.
    fn start_of(&self, at: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut end = at;
        loop {
            match bytes[..end].iter().rposition(|&b| b == b'\n' || b == b'\r') {
                None => return 0,
                // The `\r` of a `\r\n` that `at` is the `\n` of ends no line.
                Some(p) if bytes[p] == b'\r' && bytes.get(p + 1) == Some(&b'\n') => end = p,
                Some(p) => return p + 1,
            }
        }
    }

    /// Where the line that starts at `start` ends, without its line break.
    fn end_of(&self, start: usize) -> usize {
        let bytes = self.text.as_bytes();
        bytes[start..].iter().position(|&b| b == b'\n' || b == b'\r').map_or(bytes.len(), |p| start + p)
    }

    /// Where the line after the line that ends at `end` starts, if it has a line break.
    fn next(&self, end: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let crlf = bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n');
        (end < bytes.len()).then_some(end + 1 + usize::from(crlf))
    }

    /// The line holding byte `offset`: its 0-based number, start and end (without its
    /// line break).
    fn seek(&mut self, offset: usize) -> (usize, usize) {
        let start = self.start_of(offset);
        if start < self.start {
            *self = Self::new(self.text);
        }
        self.line += breaks(&self.text.as_bytes()[self.start..start]);
        self.start = start;
        (self.line, start)
    }

    /// The range of the line before the one that starts at `start`, if there is one.
    fn before(&self, start: usize) -> Option<(usize, usize)> {
        let bytes = self.text.as_bytes();
        let crlf = start >= 2 && &bytes[start - 2..start] == b"\r\n";
        let end = start.checked_sub(1 + usize::from(crlf))?;
        Some((self.start_of(end), end))
    }

    /// The range of the line after the line that ends at `end`, when there is one to show:
    /// a file that ends with a line break has no line after it.
    fn after(&self, end: usize) -> Option<(usize, usize)> {
        let next = self.next(end).filter(|&n| n < self.text.len())?;
        Some((next, self.end_of(next)))
    }
}

/// How many lines end in `bytes`, which start a line and end where one starts: every `\n`,
/// and every `\r` but those of `\r\n`.
fn breaks(bytes: &[u8]) -> usize {
    let (lf, cr) = (count(bytes, b'\n'), count(bytes, b'\r'));
    if cr == 0 {
        return lf;
    }
    lf + cr - bytes.windows(2).filter(|w| w == b"\r\n").count()
}

/// How many of `bytes` are `byte`: counted in bytes, 255 at a time, with no branch, which
/// the compiler turns into vector instructions that take 16 bytes or more at once.
fn count(bytes: &[u8], byte: u8) -> usize {
    bytes.chunks(255).map(|chunk| usize::from(chunk.iter().fold(0_u8, |n, &b| n + u8::from(b == byte)))).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The starts of the lines of `text`, as `snippet::Index` finds them.
    fn starts(text: &str) -> Vec<usize> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        starts
    }

    #[test]
    fn lines_are_found_forwards_backwards_and_across_every_kind_of_line_break() {
        let alphabet = ["a", "\n", "\r", "\r\n", "é", ""];
        let mut state = 11_u64;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap_or(0) % n
        };
        for _ in 0..400 {
            let text: String = (0..next(24)).map(|_| alphabet[next(alphabet.len())]).collect();
            let starts = starts(&text);
            let mut lines = Lines::new(&text);
            let offsets: Vec<usize> = (0..=text.len()).filter(|&o| text.is_char_boundary(o)).collect();
            // In order, then in any order (a seek backwards starts again).
            let shuffled: Vec<usize> = offsets.iter().map(|_| offsets[next(offsets.len())]).collect();
            for &offset in offsets.iter().chain(&shuffled) {
                let line = starts.partition_point(|&s| s <= offset) - 1;
                assert_eq!(lines.seek(offset), (line, starts[line]), "{text:?} at {offset}");
                // Line `n`'s range without its line break, as `snippet::Index::line` has it.
                let range = |n: usize| {
                    let end = starts
                        .get(n + 1)
                        .map_or(text.len(), |&next| next - if text[..next].ends_with("\r\n") { 2 } else { 1 });
                    (starts[n], end)
                };
                let end = lines.end_of(starts[line]);
                assert_eq!(end, range(line).1, "{text:?} at {offset}");
                assert_eq!(lines.before(starts[line]), line.checked_sub(1).map(range), "{text:?} at {offset}");
                let shown = starts.get(line + 1).is_some_and(|&s| s < text.len());
                assert_eq!(lines.after(end), shown.then(|| range(line + 1)), "{text:?} at {offset}");
            }
        }
    }
}
