//! A finding's source snippet for miette: the line of its span and the lines either side,
//! each cut to a window around the span (with `…` where a line is cut, as rustc does for
//! long lines) and with control characters escaped. miette never sees the file itself, so
//! a snippet costs the same whatever the size of the file or the length of its lines, and
//! the span it draws is always short (miette panics on a column past 65,535).

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::text::push_terminal;
use crate::finding::Loc;

/// The most characters of a line a snippet shows.
const WINDOW: usize = 120;
/// How many characters a cut line keeps before the span.
const LEAD: usize = 40;
/// Characters between two marks of [`Index::marks`], about.
const MARK: usize = 256;
/// Where a line is cut.
const CUT: &str = "…";

/// A file's text, indexed once: where each line starts, and how many characters lie
/// before a mark every [`MARK`] bytes, so that converting between byte offsets and
/// character columns costs at most [`MARK`] bytes of scanning.
#[derive(Debug)]
pub(super) struct Index<'a> {
    text: &'a str,
    /// The byte offset where each line starts. Lines end at `\n`, `\r\n` or a lone `\r`,
    /// as YAML (and so each finding's line number) has them.
    starts: Vec<usize>,
    /// `(byte offset, characters before it)`, in order, the first at 0.
    marks: Vec<(usize, usize)>,
}

impl<'a> Index<'a> {
    /// Indexes `text`, in one pass.
    pub(super) fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut marks = vec![(0, 0)];
        let mut chars = 0;
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
            // A byte that starts a character.
            if b & 0xC0 != 0x80 {
                if i >= marks.last().map_or(0, |m| m.0) + MARK {
                    marks.push((i, chars));
                }
                chars += 1;
            }
        }
        Self { text, starts, marks }
    }

    /// The 0-based line holding byte `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).saturating_sub(1)
    }

    /// Whether line `n` is there to show: a file ending with a line break has no line after it.
    fn shown(&self, n: usize) -> bool {
        self.starts.get(n).is_some_and(|&s| s < self.text.len() || n == 0)
    }

    /// The byte range of line `n`, without its line break.
    fn line(&self, n: usize) -> (usize, usize) {
        let start = self.starts[n];
        let end = self.starts.get(n + 1).map_or(self.text.len(), |&next| {
            let text = &self.text[..next];
            next - if text.ends_with("\r\n") { 2 } else { 1 }
        });
        (start, end.max(start))
    }

    /// How many characters lie before byte `offset` (a character boundary).
    fn chars_before(&self, offset: usize) -> usize {
        let (at, chars) = self.marks[self.marks.partition_point(|m| m.0 <= offset).saturating_sub(1)];
        chars + self.text[at..offset].chars().count()
    }

    /// The byte offset of character `n` of the text (the end, past the last one).
    fn char_offset(&self, n: usize) -> usize {
        let (at, chars) = self.marks[self.marks.partition_point(|m| m.1 <= n).saturating_sub(1)];
        self.text[at..].char_indices().nth(n - chars).map_or(self.text.len(), |(i, _)| at + i)
    }

    /// The byte offset of column `col` (0-based, in characters) of the line `start..end`,
    /// or `end` when the line is shorter.
    fn column_offset(&self, (start, end): (usize, usize), col: usize) -> usize {
        self.char_offset(self.chars_before(start) + col).min(end)
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

/// The synthetic source miette draws a finding from.
#[derive(Debug)]
pub(super) struct Snippet {
    /// The file's name, as shown.
    name: String,
    /// The lines shown, cut and escaped, joined by `\n`.
    data: String,
    /// The 0-based line number of the first line of `data`.
    first_line: usize,
    /// How many lines `data` holds.
    line_count: usize,
    /// The span in `data`.
    pub(super) label: SourceSpan,
    /// Where the span starts in the file: 0-based line and column (in characters).
    at: (usize, usize),
}

impl Snippet {
    /// The snippet for a finding at `loc` in the indexed file `name`.
    pub(super) fn new(index: &Index<'_>, name: &str, loc: Loc) -> Self {
        let text = index.text;
        let start = floor(text, loc.offset as usize);
        let line = index.line_of(start);
        let (line_start, line_end) = index.line(line);
        // A span at a line break points at the end of its line; one that goes on past the
        // line is shown on its first line.
        let start = start.min(line_end);
        let end = floor(text, start.saturating_add(loc.len as usize)).clamp(start, line_end);
        let base = index.chars_before(line_start);
        let col = index.chars_before(start) - base;
        let width = index.chars_before(end) - index.chars_before(start);
        // Cut the lines only where the span (or as much of it as fits) would not show.
        let left = if col + width.min(WINDOW - LEAD) <= WINDOW { 0 } else { col - LEAD };
        let mut data = String::new();
        let mut label = SourceSpan::new(0.into(), 0);
        let first_line = line.saturating_sub(1);
        let last_line = if index.shown(line + 1) { line + 1 } else { line };
        for n in first_line..=last_line {
            if n > first_line {
                data.push('\n');
            }
            let range = index.line(n);
            let from = index.column_offset(range, left);
            let to = index.column_offset(range, left + WINDOW);
            if from > range.0 {
                data.push_str(CUT);
            }
            if n == line {
                push_terminal(&mut data, &text[from..start]);
                let span_start = data.len();
                push_terminal(&mut data, &text[start..end.min(to)]);
                label = SourceSpan::new(span_start.into(), data.len() - span_start);
                push_terminal(&mut data, &text[end.min(to)..to]);
            } else {
                push_terminal(&mut data, &text[from..to]);
            }
            if to < range.1 {
                data.push_str(CUT);
            }
        }
        Self { name: name.to_owned(), data, first_line, line_count: last_line + 1 - first_line, label, at: (line, col) }
    }
}

impl SourceCode for Snippet {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_before: usize,
        context_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let end = span.offset().checked_add(span.len()).filter(|&e| e <= self.data.len());
        let Some(end) = end else { return Err(MietteError::OutOfBounds) };
        let name = self.name.clone();
        Ok(Box::new(if context_before == 0 && context_after == 0 {
            // Read for the header's `path:line:column`: where the span is in the file.
            MietteSpanContents::new_named(
                name,
                &self.data.as_bytes()[span.offset()..end],
                *span,
                self.at.0,
                self.at.1,
                1,
            )
        } else {
            // Read for the lines to draw: all of them, numbered as in the file.
            let all = SourceSpan::new(0.into(), self.data.len());
            MietteSpanContents::new_named(name, self.data.as_bytes(), all, self.first_line, 0, self.line_count)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snippet's lines, and the text its label covers.
    fn show(text: &str, offset: usize, len: usize) -> (Vec<String>, String, (usize, usize), usize) {
        let index = Index::new(text);
        let loc =
            Loc { line: 0, col: 0, offset: u32::try_from(offset).unwrap_or(0), len: u32::try_from(len).unwrap_or(0) };
        let s = Snippet::new(&index, "f.yaml", loc);
        let label = s.data[s.label.offset()..s.label.offset() + s.label.len()].to_owned();
        (s.data.split('\n').map(str::to_owned).collect(), label, s.at, s.first_line)
    }

    #[test]
    fn lines_either_side_and_the_span() {
        let (lines, label, at, first) = show("a: 1\nb: two\nc: 3\n", 8, 3);
        assert_eq!(lines, ["a: 1", "b: two", "c: 3"]);
        assert_eq!((label.as_str(), at, first), ("two", (1, 3), 0));
        let (lines, label, at, _) = show("a: 1\nb: two\n", 0, 1);
        assert_eq!((lines, label.as_str(), at), (vec!["a: 1".to_owned(), "b: two".to_owned()], "a", (0, 0)));
        let (lines, _, at, first) = show("a: 1\nb: two\n", 8, 3);
        assert_eq!((lines, at, first), (vec!["a: 1".to_owned(), "b: two".to_owned()], (1, 3), 0));
    }

    #[test]
    fn crlf_lone_cr_and_multibyte_columns() {
        let (lines, label, at, _) = show("é: 1\r\nzoë: café\r\nx: 2\r\n", "é: 1\r\nzoë: ".len(), "café".len());
        assert_eq!(
            (lines, label.as_str(), at),
            (vec!["é: 1".into(), "zoë: café".into(), "x: 2".into()], "café", (1, 5))
        );
        let (lines, label, at, _) = show("a: 1\rbogus: 1\r\nx: 2\n", 5, 5);
        assert_eq!(
            (lines, label.as_str(), at),
            (vec!["a: 1".into(), "bogus: 1".into(), "x: 2".into()], "bogus", (1, 0))
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_span() {
        let text =
            format!("{{acctsum: 1, x-pad: \"{}\", bogus: 1}}\nnext: {}\n", "a".repeat(70_000), "b".repeat(80_000));
        let at = text.find("bogus").unwrap_or_default();
        let (lines, label, (line, col), _) = show(&text, at, 5);
        assert_eq!((label.as_str(), line, col), ("bogus", 0, at));
        assert!(lines[0].starts_with("…") && lines[0].ends_with("bogus: 1}"), "{}", lines[0]);
        assert_eq!(lines[0].chars().count(), 1 + LEAD + "bogus: 1}".len());
        assert_eq!(lines[1], format!("…{}…", "b".repeat(WINDOW)));
        // A span longer than the window is cut at the window's end.
        let (lines, label, _, _) = show(&text, 21, 70_000);
        assert_eq!(label.chars().count(), WINDOW - 21);
        assert!(lines[0].ends_with("a…"));
    }

    #[test]
    fn controls_are_escaped_and_the_label_follows() {
        let (lines, label, at, _) = show("a: \u{1b}[2J\u{9b}x\u{202e}: 1\n", 3, "\u{1b}[2J\u{9b}x\u{202e}".len());
        assert_eq!(lines, ["a: \\e[2J\\u{9b}x\\u{202e}: 1"]);
        assert_eq!((label.as_str(), at), ("\\e[2J\\u{9b}x\\u{202e}", (0, 3)));
    }

    /// A tab shows as `\t`, the notation of every other control character here, rather
    /// than as spaces (rustc and miette expand tabs to spaces, which hides the very mistake
    /// "tabs can't indent YAML" is about), and the label underlines it.
    #[test]
    fn a_tab_shows_as_backslash_t_under_the_label() {
        let (lines, label, at, _) = show("leads:\n\taccount: Jane\n", 7, 1);
        assert_eq!(lines, ["leads:", "\\taccount: Jane"]);
        assert_eq!((label.as_str(), at), ("\\t", (1, 0)));
    }

    #[test]
    fn spans_past_the_end_or_across_lines_are_clamped() {
        let (lines, label, at, _) = show("a: [1,\n  2]\n", 3, 8);
        assert_eq!((lines, label.as_str(), at), (vec!["a: [1,".into(), "  2]".into()], "[1,", (0, 3)));
        // Past the end of a file that ends with a line break: on the empty line after it.
        let (lines, label, at, _) = show("a: 1\n", 99, 4);
        assert_eq!((lines, label.as_str(), at), (vec!["a: 1".into(), String::new()], "", (1, 0)));
        let (lines, label, _, _) = show("", 0, 0);
        assert_eq!((lines, label.as_str()), (vec![String::new()], ""));
        let (_, label, at, _) = show("é", 1, 1);
        assert_eq!((label.as_str(), at), ("", (0, 0)));
    }

    /// `check` keeps of a file only the lines its findings' snippets show
    /// ([`crate::excerpt::Excerpt`]) and draws them from a text in which every other line
    /// is blank: for every offset the excerpt covers, the snippet is the one drawn from
    /// the file itself, on texts of every kind of line break, long lines, multibyte and
    /// control characters, and spans of every length.
    #[test]
    fn snippets_drawn_from_an_excerpt_are_those_drawn_from_the_file() {
        use crate::excerpt::Excerpt;
        let long = format!("x: {}é{}\n", "a".repeat(300), "b".repeat(200));
        let texts = [
            String::new(),
            "x".to_owned(),
            "a: 1\nb: two\nc: 3\n".to_owned(),
            "é: 1\r\nzoë: café\r\nx: 2\r\n".to_owned(),
            "a: 1\rbogus: 1\r\nx: 2\n".to_owned(),
            "a\nb\r\r\rc\nd\ne\n".to_owned(),
            "\r\r\n\n\r\n\r".to_owned(),
            "a\rb\r\r\r\rd\r".to_owned(),
            "a: 1\n\n\n\nb: 2\n\n\nc: 3".to_owned(),
            "leads:\n\taccount: Jane\n  x: \u{1b}[2J\u{9b}y\n東京: 1\n".to_owned(),
            format!("a: 1\n{long}{long}b: 2\n{long}"),
        ];
        let loc = |offset: usize, len: u32| Loc { line: 0, col: 0, offset: u32::try_from(offset).unwrap_or(0), len };
        for text in &texts {
            let whole = Index::new(text);
            let drawn =
                |index: &Index<'_>, offset, len| format!("{:?}", Snippet::new(index, "f.yaml", loc(offset, len)));
            for offset in 0..text.len() + 3 {
                let blank = Excerpt::new(text, [loc(offset, 0).offset]).text();
                assert_eq!(blank.len(), text.len());
                let index = Index::new(&blank);
                for len in [0, 1, 4, 90, 10_000] {
                    assert_eq!(drawn(&index, offset, len), drawn(&whole, offset, len), "{text:?} at {offset}+{len}");
                }
            }
            // Many offsets at once: runs that meet, and runs apart.
            for step in [3, 11, 40, text.len().max(1)] {
                let offsets: Vec<usize> = (0..text.len() + 3).step_by(step).collect();
                let excerpt = Excerpt::new(text, offsets.iter().map(|&o| loc(o, 0).offset));
                let blank = excerpt.text();
                let index = Index::new(&blank);
                for &offset in &offsets {
                    assert!(excerpt.covers(loc(offset, 0).offset));
                    assert_eq!(drawn(&index, offset, 7), drawn(&whole, offset, 7), "{text:?} at {offset}, step {step}");
                }
            }
        }
    }

    #[test]
    fn columns_are_right_far_into_a_line_of_multibyte_characters() {
        let text = format!("{}x\n", "é".repeat(3 * MARK + 7));
        let index = Index::new(&text);
        let x = text.len() - 2;
        assert_eq!(index.chars_before(x), 3 * MARK + 7);
        assert_eq!(index.char_offset(3 * MARK + 7), x);
        assert_eq!(index.column_offset(index.line(0), 10_000), text.len() - 1);
    }
}
