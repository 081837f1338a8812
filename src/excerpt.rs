//! The lines of a file that the snippets of its findings show, kept past the per-file
//! stage instead of the whole text: on a large workspace `check` would otherwise hold
//! every file's text until it renders (issue 16).
//!
//! A snippet shows the line its finding's span starts on and the line either side. An
//! [`Excerpt`] keeps those lines for the findings it is made for, and gives back a text
//! of the file's length in which every other line is blank ([`Excerpt::text`]): byte
//! offsets, line numbers and the kept lines are as in the file, so a snippet drawn from
//! it is the snippet drawn from the file. A finding it was not made for (a workspace-level
//! finding, found after the per-file stage) needs the file itself ([`Excerpt::covers`]).

/// Some whole lines of a file's text, and where they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Excerpt {
    /// The length of the text, in bytes.
    len: u32,
    /// The bytes of the kept lines, run after run.
    kept: Box<str>,
    /// The runs of consecutive lines kept, in order, apart.
    runs: Box<[Run]>,
    /// The offsets of the findings whose snippets the runs hold, sorted, without repeats.
    offsets: Box<[u32]>,
}

/// Consecutive whole lines kept, each with its line break.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Run {
    /// Where the first line starts in the text.
    start: u32,
    /// Where the line after the last one starts (the end of the text after the last line).
    end: u32,
    /// The 0-based number of the first line.
    first: u32,
    /// The 0-based number of the line after the last one.
    next: u32,
}

impl Excerpt {
    /// The lines of `text` that the snippets of findings at byte `offsets` show: for each,
    /// the line its offset lies on (the last line for an offset past the end) and the line
    /// either side. Lines end at `\n`, `\r\n` or a lone `\r`, as YAML (and so each
    /// finding's line number) has them. No offset: nothing is kept.
    #[must_use]
    pub fn new(text: &str, offsets: impl IntoIterator<Item = u32>) -> Self {
        let mut offsets: Vec<u32> = offsets.into_iter().collect();
        offsets.sort_unstable();
        offsets.dedup();
        let len = u32::try_from(text.len()).unwrap_or(u32::MAX);
        if offsets.is_empty() {
            return Self { len, ..Self::default() };
        }
        let bytes = text.as_bytes();
        let starts = line_starts(bytes);
        // Whether line `n` is there to show: a text ending with a line break has no line after it.
        let shown = |n: usize| starts.get(n).is_some_and(|&s| s < bytes.len() || n == 0);
        let mut lines: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&offset| {
                let at = (offset as usize).min(bytes.len());
                let line = starts.partition_point(|&s| s <= at).saturating_sub(1);
                (line.saturating_sub(1), if shown(line + 1) { line + 1 } else { line })
            })
            .collect();
        lines.sort_unstable();
        let end_of = |next: usize| starts.get(next).copied().unwrap_or(bytes.len());
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
        for (first, mut last) in lines {
            // A line break in a blank stretch must not pair with a kept line's lone `\r`
            // into one `\r\n`: a run goes on past a line that ends so.
            while end_of(last + 1) < bytes.len() && bytes[end_of(last + 1) - 1] == b'\r' {
                last += 1;
            }
            match merged.last_mut() {
                Some(prev) if first <= prev.1 + 1 => prev.1 = prev.1.max(last),
                _ => merged.push((first, last)),
            }
        }
        let mut kept = String::new();
        let runs = merged
            .into_iter()
            .map(|(first, last)| {
                let (start, end) = (starts[first], end_of(last + 1));
                kept.push_str(&text[start..end]);
                let number = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
                Run { start: number(start), end: number(end), first: number(first), next: number(last + 1) }
            })
            .collect();
        Self { len, kept: kept.into_boxed_str(), runs, offsets: offsets.into_boxed_slice() }
    }

    /// Whether the kept lines hold the snippet of a finding at byte `offset`: it is one of
    /// the offsets the excerpt was made for.
    #[must_use]
    pub fn covers(&self, offset: u32) -> bool {
        self.offsets.binary_search(&offset).is_ok()
    }

    /// A text of the file's length holding the kept lines where they are in the file; each
    /// line between them is blank (spaces, then its line break), and the lines after the
    /// last kept one are spaces. Offsets and line numbers are those of the file; a snippet
    /// of a finding the excerpt [covers](Self::covers) reads the kept lines only.
    #[must_use]
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.len as usize);
        let (mut at, mut line, mut kept) = (0, 0, 0);
        for run in &self.runs {
            let breaks = (run.first - line) as usize;
            let blank = (run.start - at) as usize;
            push_repeated(&mut text, SPACES, blank.saturating_sub(breaks));
            push_repeated(&mut text, BREAKS, breaks.min(blank));
            let size = (run.end - run.start) as usize;
            text.push_str(&self.kept[kept..kept + size]);
            (at, line, kept) = (run.end, run.next, kept + size);
        }
        push_repeated(&mut text, SPACES, (self.len - at) as usize);
        text
    }
}

const SPACES: &str = "                                                                ";
const BREAKS: &str = "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n";

/// Appends `n` copies of the one ASCII character `run` repeats, a run at a time.
fn push_repeated(text: &mut String, run: &str, mut n: usize) {
    while n > 0 {
        let k = n.min(run.len());
        text.push_str(&run[..k]);
        n -= k;
    }
}

/// The byte offset where each line of `bytes` starts: 0, and after each `\n`, `\r\n` or
/// lone `\r`.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    if memchr::memchr(b'\r', bytes).is_none() {
        // Line feeds only, the usual case: found several bytes at a time.
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        return starts;
    }
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            starts.push(i + 1);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_starts_with_line_feeds_only_are_those_found_byte_by_byte() {
        let by_bytes = |bytes: &[u8]| -> Vec<usize> {
            let mut starts = vec![0];
            for (i, &b) in bytes.iter().enumerate() {
                if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                    starts.push(i + 1);
                }
            }
            starts
        };
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\n\nx\n", "a\r\nb\rc\n", "\r", "é\n東\n"] {
            assert_eq!(line_starts(text.as_bytes()), by_bytes(text.as_bytes()), "{text:?}");
        }
        let mut text = String::new();
        for n in [0, 1, 63, 64, 65, 130] {
            push_repeated(&mut text, SPACES, n);
            push_repeated(&mut text, BREAKS, n / 2);
        }
        let expected: String = [0, 1, 63, 64, 65, 130].iter().map(|&n| " ".repeat(n) + &"\n".repeat(n / 2)).collect();
        assert_eq!(text, expected);
    }

    /// The offset of `needle` in `text`.
    fn at(text: &str, needle: &str) -> u32 {
        u32::try_from(text.find(needle).unwrap_or(usize::MAX)).unwrap_or(u32::MAX)
    }

    #[test]
    fn keeps_the_line_of_each_offset_and_the_line_either_side_and_blanks_the_rest() {
        let text = "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\ng: 7\n";
        let excerpt = Excerpt::new(text, [at(text, "c: 3")]);
        assert_eq!(excerpt.text(), format!("    \nb: 2\nc: 3\nd: 4\n{}", " ".repeat(15)));
        assert_eq!(excerpt.text().len(), text.len());
        assert!(excerpt.covers(at(text, "c: 3")) && !excerpt.covers(at(text, "b: 2")));
        // Two runs, and lines either side that meet are one run.
        let two = Excerpt::new(text, [at(text, "a: 1"), at(text, "g: 7")]);
        assert_eq!(two.text(), format!("a: 1\nb: 2\n{}\n\n\nf: 6\ng: 7\n", " ".repeat(12)));
        assert_eq!(two.runs.len(), 2);
        let one = Excerpt::new(text, [at(text, "b: 2"), at(text, "e: 5")]);
        assert_eq!(one.runs.len(), 1);
        assert_eq!(one.text(), "a: 1\nb: 2\nc: 3\nd: 4\ne: 5\nf: 6\n     ");
    }

    #[test]
    fn no_offset_keeps_nothing() {
        let excerpt = Excerpt::new("a: 1\nb: 2\n", []);
        assert!(excerpt.kept.is_empty() && excerpt.runs.is_empty());
        assert_eq!(excerpt.text(), " ".repeat(10));
    }

    #[test]
    fn line_breaks_of_every_kind_keep_the_line_numbers() {
        // Lines 0-1 blank (one `\r\n`, one lone `\r`), line 3 kept with lines 2 and 4.
        let text = "a: 1\r\nb: 2\rc: 3\nd: 4\r\ne: 5\nf: 6";
        let excerpt = Excerpt::new(text, [at(text, "d: 4")]);
        let blank = excerpt.text();
        assert_eq!(blank.len(), text.len());
        assert_eq!(blank, format!("{}\n\nc: 3\nd: 4\r\ne: 5\n    ", " ".repeat(9)));
        assert_eq!(line_starts(blank.as_bytes()).len(), line_starts(text.as_bytes()).len());
        // Past the end: the last line, and the one before.
        let end = Excerpt::new(text, [u32::MAX]);
        assert_eq!(end.text(), format!("{}\n\n\n\ne: 5\nf: 6", " ".repeat(18)));
    }

    #[test]
    fn a_kept_line_ending_in_a_lone_carriage_return_keeps_the_next_one() {
        // Line 1 and the empty lines 2 and 3 end in a lone `\r`; were line 2 blank, the
        // `\n` standing for its line break would pair with line 1's `\r`.
        let text = "a\nb\r\r\rc\nd\ne\n";
        let excerpt = Excerpt::new(text, [at(text, "a")]);
        let blank = excerpt.text();
        assert_eq!(blank, "a\nb\r\r\rc\n    ");
    }
}
