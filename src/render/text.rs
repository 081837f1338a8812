//! Safe text: for terminals, Markdown documents and CSV fields.
//!
//! Text a user wrote (names, titles, notes, keys, source lines) never reaches a terminal
//! raw: [`terminal`] shows every control character visibly, in one notation used by every
//! text format:
//!
//! - `\e` for ESC (U+001B), and `\t`, `\n`, `\r` for tab, line feed and carriage return;
//! - `\u{…}` (lowercase hex, as Rust writes it) for every other C0 control, DEL (U+007F),
//!   the C1 controls (U+0080–U+009F, e.g. `\u{9b}`), and the bidirectional and direction
//!   marks that can make text read other than it is (U+061C, U+200E, U+200F,
//!   U+202A–U+202E, U+2066–U+2069, e.g. `\u{202e}`).
//!
//! A backslash stays as it is, so escaping is idempotent: text escaped once (a file name
//! escaped where it was read) comes through a second time unchanged.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as it is.
#[must_use]
pub fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Appends the visible form of a character that [`is_hidden`].
fn push_visible(out: &mut String, c: char) {
    match c {
        '\u{1b}' => out.push_str("\\e"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        _ => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
    }
}

/// User text for a terminal, on one line: every control character, line breaks and tabs
/// included, shown escaped (see the module documentation for the notation).
#[must_use]
pub fn terminal(text: &str) -> Cow<'_, str> {
    // Printable ASCII, the usual case, is shown as it is: every byte is looked at (no
    // early exit), which lets the compiler check several at a time.
    if text.bytes().fold(true, |ok, b| ok & (b' '..=b'~').contains(&b)) {
        return Cow::Borrowed(text);
    }
    let Some(first) = text.find(is_hidden) else { return Cow::Borrowed(text) };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    push_terminal(&mut out, &text[first..]);
    Cow::Owned(out)
}

/// Appends `text` escaped as [`terminal`] does.
pub fn push_terminal(out: &mut String, text: &str) {
    for c in text.chars() {
        if is_hidden(c) {
            push_visible(out, c);
        } else {
            out.push(c);
        }
    }
}

/// Escapes user text for Markdown (GitHub-flavoured): the result is one line, renders as
/// the same text, and cannot open a table cell, a heading, a list, a link, an emphasis,
/// a code span or any HTML. Control characters render escaped, as [`terminal`] shows them.
#[must_use]
pub fn md(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let flat = words.join(" ");
    let mut out = String::with_capacity(flat.len() + 8);
    for (i, c) in flat.char_indices() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '$' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '&' => out.push_str("&amp;"),
            // A literal URL would become a link (and trip markdownlint's bare-URL rule).
            ':' if flat[i..].starts_with("://") => out.push_str("\\:"),
            '!' if flat[i + 1..].starts_with('[') => out.push_str("\\!"),
            // `www.x` and `name@host` are links in GitHub's Markdown too.
            '.' if flat[..i].ends_with("www")
                && (i == 3 || !flat[..i - 3].ends_with(|c: char| c.is_alphanumeric())) =>
            {
                out.push_str("\\.");
            }
            '@' => out.push_str("\\@"),
            // The backslash of the visible form is itself escaped, so that it renders.
            c if is_hidden(c) => {
                out.push('\\');
                push_visible(&mut out, c);
            }
            _ => out.push(c),
        }
    }
    // What would start a list, a heading underline or a numbered list at a line start.
    if out.starts_with(['-', '+', '=']) {
        out.insert(0, '\\');
    } else {
        let digits = out.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && out[digits..].starts_with(['.', ')']) {
            out.insert(digits, '\\');
        }
    }
    out
}

/// A workspace-relative path as the target of a Markdown link: every byte but ASCII
/// letters, digits, `-`, `.`, `_`, `~` and `/` percent-encoded, so that no file name can
/// end the link, start another or become a `javascript:` URL (a `:` is encoded too).
#[must_use]
pub fn link_target(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// What a spreadsheet may take as the start of a formula, in ASCII and full width.
const FORMULA: [char; 8] = ['=', '+', '-', '@', '\u{ff1d}', '\u{ff0b}', '\u{ff0d}', '\u{ff20}'];

/// Whether a spreadsheet may skip `c` before a formula: white space (a space, a no-break
/// space, an ideographic space…) and the zero-width characters.
fn blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// A CSV field (RFC 4180) on one line: control characters escaped as [`terminal`] shows
/// them, quoted when it holds a comma or a quote. A field that starts a formula (`=`, `+`,
/// `-`, `@` or their full-width forms, perhaps after blanks such as a space or a no-break
/// space) is prefixed with `'`, so that a spreadsheet shows it as text rather than running it.
#[must_use]
pub fn csv(field: &str) -> String {
    let field = terminal(field);
    let guarded =
        if field.trim_start_matches(blank).starts_with(FORMULA) { format!("'{field}") } else { field.into_owned() };
    if guarded.contains([',', '"']) { format!("\"{}\"", guarded.replace('"', "\"\"")) } else { guarded }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escaping() {
        assert_eq!(md("a | b"), "a \\| b");
        assert_eq!(md("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(md("# not a heading"), "\\# not a heading");
        assert_eq!(md("line one\nline two"), "line one line two");
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("1. first"), "1\\. first");
        assert_eq!(md("2026 plan"), "2026 plan");
        assert_eq!(md("see https://x.y/z"), "see https\\://x.y/z");
        assert_eq!(md("www.example.com or a@b.com, not awww.x"), "www\\.example.com or a\\@b.com, not awww.x");
        assert_eq!(md("R&D *big* [x](y) `c`"), "R&amp;D \\*big\\* \\[x\\](y) \\`c\\`");
    }

    #[test]
    fn link_targets_are_percent_encoded() {
        assert_eq!(link_target("engagements/north/a-b_c.yaml"), "engagements/north/a-b_c.yaml");
        assert_eq!(link_target("x (1)/a b.yaml"), "x%20%281%29/a%20b.yaml");
        assert_eq!(link_target("javascript:alert(1)"), "javascript%3Aalert%281%29");
        assert_eq!(link_target("é#]<"), "%C3%A9%23%5D%3C");
    }

    #[test]
    fn csv_fields() {
        assert_eq!(csv("plain"), "plain");
        assert_eq!(csv("a, b"), "\"a, b\"");
        assert_eq!(csv("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv("two\nlines"), "two\\nlines");
        assert_eq!(csv(" =1+1"), "' =1+1");
        assert_eq!(csv("\u{a0}\u{3000}+1"), "'\u{a0}\u{3000}+1");
        assert_eq!(csv("\u{ff1d}1+1"), "'\u{ff1d}1+1");
        assert_eq!(csv("\tx"), "\\tx");
    }

    #[test]
    fn terminal_escaping() {
        assert!(matches!(terminal("plain, café, 東京 \\ \\e"), Cow::Borrowed(_)));
        assert_eq!(terminal("a\u{1b}]52;c;eA==\u{7}b"), "a\\e]52;c;eA==\\u{7}b");
        assert_eq!(terminal("\0\u{8}\t\n\r\u{7f}\u{9b}\u{85}"), "\\u{0}\\u{8}\\t\\n\\r\\u{7f}\\u{9b}\\u{85}");
        assert_eq!(terminal("\u{202e}txt.exe\u{2066}\u{200f}\u{61c}"), "\\u{202e}txt.exe\\u{2066}\\u{200f}\\u{61c}");
        let once = terminal("x\u{1b}[2J\\y").into_owned();
        assert_eq!(terminal(&once), once, "escaping twice changes nothing");
    }

    #[test]
    fn the_ascii_shortcut_borrows_exactly_what_has_nothing_hidden() {
        for b in 0..=0x7Fu8 {
            let text = format!("a{}b", char::from(b));
            let hidden = text.chars().any(is_hidden);
            assert_eq!(matches!(terminal(&text), Cow::Owned(_)), hidden, "byte {b:#x}");
        }
    }

    #[test]
    fn markdown_shows_controls_escaped() {
        assert_eq!(md("a\u{1b}cb\u{7}\u{0}\u{202e}"), "a\\\\ecb\\\\u{7}\\\\u{0}\\\\u{202e}");
    }
}
