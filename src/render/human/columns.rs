//! How many columns miette gives a snippet line's text when it places a label under it.
//!
//! miette measures each character with `unicode-width` 0.1; this crate can reach only the
//! `unicode-width` 0.2 that textwrap measures with (through `textwrap::core::display_width`).
//! The two versions give the same width to every character this module answers for:
//! printable ASCII, the Basic Multilingual Plane less the few ranges where they differ, and
//! the common emoji blocks. For any other character it answers `None`, and the finding is
//! drawn by miette itself. A test compares the answer with miette's drawing for every
//! character below U+20000, so an update of either crate that changes a width fails it.

use textwrap::core::display_width;

/// The ranges of the Basic Multilingual Plane where `unicode-width` 0.1.14 and 0.2.3 give
/// different widths (combining marks, Yijing symbols, halfwidth sound marks and others).
const DIFFERENT: &[(char, char)] = &[
    ('\u{05c8}', '\u{05c9}'),
    ('\u{0897}', '\u{0897}'),
    ('\u{0b53}', '\u{0b54}'),
    ('\u{1715}', '\u{1715}'),
    ('\u{1734}', '\u{1734}'),
    ('\u{1acf}', '\u{1af0}'),
    ('\u{1b44}', '\u{1b44}'),
    ('\u{1baa}', '\u{1baa}'),
    ('\u{1bf2}', '\u{1bf3}'),
    ('\u{2630}', '\u{2637}'),
    ('\u{268a}', '\u{268f}'),
    ('\u{31e4}', '\u{31e5}'),
    ('\u{4dc0}', '\u{4dff}'),
    ('\u{a953}', '\u{a953}'),
    ('\u{a9c0}', '\u{a9c0}'),
    ('\u{ff9e}', '\u{ff9f}'),
];

/// The emoji blocks outside the Basic Multilingual Plane where the versions agree:
/// Miscellaneous Symbols and Pictographs, Emoticons, Transport and Map Symbols (most),
/// Supplemental Symbols and Pictographs.
const EMOJI: &[(char, char)] = &[('\u{1f300}', '\u{1f64f}'), ('\u{1f680}', '\u{1f6d7}'), ('\u{1f900}', '\u{1f9ff}')];

/// The width miette gives `c`, when it is sure to be `textwrap`'s.
fn char_columns(c: char) -> Option<usize> {
    let within = |ranges: &[(char, char)]| ranges.iter().any(|&(from, to)| (from..=to).contains(&c));
    let agreed = if c <= '\u{ffff}' { !within(DIFFERENT) } else { within(EMOJI) };
    // A control character changes how miette counts (a tab, an escape sequence).
    if !agreed || c.is_control() {
        return None;
    }
    let mut buffer = [0; 4];
    Some(display_width(c.encode_utf8(&mut buffer)))
}

/// Whether `text` is printable ASCII only: a column a byte, for miette and textwrap alike,
/// and nothing to escape. Checked without an early exit, which the compiler vectorises.
pub(super) fn printable_ascii(text: &str) -> bool {
    text.bytes().fold(true, |plain, b| plain & (b' '..=b'~').contains(&b))
}

/// The columns miette gives `text`, or `None` when this module cannot be sure of them.
pub(super) fn columns(text: &str) -> Option<usize> {
    if printable_ascii(text) {
        return Some(text.len());
    }
    text.chars().map(char_columns).sum()
}
