//! Text filled to a width exactly as miette fills a diagnostic's message and help: the
//! result of `textwrap::fill` with the options `human::handler` gives miette (words split
//! at ASCII spaces only, never broken or hyphenated, placed first-fit), appended to a
//! buffer with no string per line or per word.
//!
//! The tests hold it to `textwrap::fill` itself, on hand-made and generated texts.

use textwrap::core::display_width;

use super::columns::printable_ascii;

/// A hanging indent: the first row's, and every other row's, with their display widths.
#[derive(Debug)]
pub(super) struct Hang {
    first: String,
    first_width: usize,
    rest: String,
    rest_width: usize,
}

impl Hang {
    /// The indents `first` and `rest` (which may hold colour codes: they take no width).
    pub(super) fn new(first: String, rest: String) -> Self {
        Self { first_width: display_width(&first), rest_width: display_width(&rest), first, rest }
    }
}

/// The display width of a word as textwrap measures it.
fn word_width(word: &str) -> usize {
    // Printable ASCII is one column a byte; anything else textwrap measures itself.
    if printable_ascii(word) { word.len() } else { display_width(word) }
}

/// Rows appended so far, and where.
struct Rows<'a> {
    out: &'a mut String,
    hang: &'a Hang,
    count: usize,
}

impl Rows<'_> {
    /// A row of text, indented (textwrap indents no row it leaves empty).
    fn push(&mut self, text: Option<&str>) {
        if self.count > 0 {
            self.out.push('\n');
        }
        if let Some(text) = text {
            self.out.push_str(if self.count == 0 { &self.hang.first } else { &self.hang.rest });
            self.out.push_str(text);
        }
        self.count += 1;
    }

    /// One line of the text (no `\n` in it), wrapped: textwrap's `wrap_single_line`.
    fn line(&mut self, line: &str, width: usize) {
        let indent = if self.count == 0 { &self.hang.first } else { &self.hang.rest };
        if line.len() < width && indent.is_empty() {
            self.push(Some(line.trim_end_matches(' ')));
            return;
        }
        let widths = [width.saturating_sub(self.hang.first_width), width.saturating_sub(self.hang.rest_width)];
        // A line that fits is one row, first fit, less its trailing spaces (an empty line
        // has no word, and so no indent).
        let trimmed = line.trim_end_matches(' ');
        if line.is_empty() || (trimmed.len() <= widths[0] && printable_ascii(trimmed)) {
            self.push((!line.is_empty()).then_some(trimmed));
            return;
        }
        let bytes = line.as_bytes();
        // The row being filled: where its first word starts, where its last word ends (its
        // trailing spaces are dropped), and its width with those spaces.
        let mut row: Option<usize> = None;
        let mut row_end = 0;
        let mut row_width = 0;
        let mut rows = 0;
        let mut at = 0;
        while at < bytes.len() {
            // A word: what is not a space, then the spaces after it (a line that starts
            // with spaces starts with an empty word).
            let start = at;
            while at < bytes.len() && bytes[at] != b' ' {
                at += 1;
            }
            let end = at;
            while at < bytes.len() && bytes[at] == b' ' {
                at += 1;
            }
            let word = word_width(&line[start..end]);
            if let Some(from) = row
                && row_width + word > widths[rows.min(1)]
            {
                self.push(Some(&line[from..row_end]));
                rows += 1;
                row = None;
                row_width = 0;
            }
            row.get_or_insert(start);
            row_end = end;
            row_width += word + (at - end);
        }
        self.push(row.map(|from| &line[from..row_end]));
    }
}

/// Appends `lines` joined by `\n`, filled to `width` columns as `textwrap::fill` fills it
/// with the indents `hang`, words split at ASCII spaces only, never broken, first fit.
pub(super) fn fill(out: &mut String, lines: &[&str], width: usize, hang: &Hang) {
    if let [line] = lines
        && !line.contains('\n')
        && line.len() < width
        && hang.first.is_empty()
    {
        out.push_str(line.trim_end_matches(' '));
        return;
    }
    let mut rows = Rows { out, hang, count: 0 };
    for line in lines.iter().flat_map(|l| l.split('\n')) {
        rows.line(line, width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `textwrap::fill` with miette's options as `human::handler` sets them.
    fn textwrap(text: &str, width: usize, first: &str, rest: &str) -> String {
        let options = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .break_words(false)
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation);
        textwrap::fill(text, options)
    }

    fn ours(text: &str, width: usize, first: &str, rest: &str) -> String {
        let mut out = String::new();
        fill(&mut out, &[text], width, &Hang::new(first.to_owned(), rest.to_owned()));
        out
    }

    const INDENTS: [(&str, &str); 4] =
        [("  × ", "  │ "), ("\u{1b}[36m  help: \u{1b}[0m", "        "), ("", ""), ("", "    ")];

    #[test]
    fn hand_made_texts_fill_as_textwrap_fills_them() {
        let texts = [
            "",
            " ",
            "   ",
            "word",
            "  leading spaces and trailing  ",
            "two  spaces   between words",
            "a line\nand another\n\nafter an empty one\n",
            "\n",
            "averyveryverylongwordthatcannotfitanywhereonthelineatall and then some words",
            "东京 café naïve 👩‍🔬 emoji ＦＵＬＬ width 한국어 text that goes on and on past the width",
            "zero\u{200b}width \u{301}combining and soft\u{ad}hyphen",
            "tabs\tstay\tinside words; \u{1b}[31mcolour\u{1b}[0m takes no width",
            "path/with-hyphens/and_underscores.yaml:12:3: action \"Send the DPIA\" was due 2026-11-14",
        ];
        for text in texts {
            for width in [0, 1, 5, 10, 18, 38, 78, 98, 118, 198] {
                for (first, rest) in INDENTS {
                    assert_eq!(
                        ours(text, width, first, rest),
                        textwrap(text, width, first, rest),
                        "{text:?} at {width} with {first:?}/{rest:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn generated_texts_fill_as_textwrap_fills_them() {
        // Words of every length from a small alphabet of spaces, line breaks, wide and
        // zero-width characters, from a fixed-seed generator (SplitMix64).
        let alphabet = ['a', 'b', ' ', ' ', ' ', '\n', 'é', '東', '\u{301}', '-', '😀', 'x'];
        let mut state = 7_u64;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            usize::try_from((z ^ (z >> 31)) % 1_000_003).unwrap_or(0)
        };
        for _ in 0..3000 {
            let len = next() % 120;
            let text: String = (0..len).map(|_| alphabet[next() % alphabet.len()]).collect();
            let width = next() % 60;
            let (first, rest) = INDENTS[next() % INDENTS.len()];
            assert_eq!(ours(&text, width, first, rest), textwrap(&text, width, first, rest), "{text:?} at {width}");
        }
    }

    #[test]
    fn lines_given_apart_fill_as_one_text() {
        let hang = Hang::new("  help: ".to_owned(), "        ".to_owned());
        for width in [20, 40, 98] {
            let mut out = String::new();
            fill(&mut out, &["fix the thing first", "see: acctsum explain low-score-without-notes"], width, &hang);
            let text = "fix the thing first\nsee: acctsum explain low-score-without-notes";
            assert_eq!(out, textwrap(text, width, "  help: ", "        "));
        }
    }
}
