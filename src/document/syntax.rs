//! The parser's commonest complaints in a lead's words, with the fix.
//!
//! A parser names what it expected ("did not find expected key"), at the token where it
//! gave up, which is not always the line the lead got wrong. For the mistakes leads make
//! most (a tab as indentation, `: ` inside plain text, items under `key: []`, a line
//! indented out of step), this module reads the lines around that point and says what
//! happened, where, and how to fix it. The parser's own words stay at the end of the
//! message, in parentheses, so nothing is lost.

use crate::finding::Loc;

/// How many lines above the error the explanations look at: enough for any section of a
/// summary, and a bound on the work a hostile file can cause.
const LOOK_BACK: usize = 500;

/// A syntax finding's position, message and help.
#[derive(Debug, PartialEq)]
pub(super) struct Explained {
    pub(super) loc: Loc,
    pub(super) message: String,
    pub(super) help: Option<String>,
}

/// One line of the file, as indentation sees it.
#[derive(Clone, Copy, Debug)]
struct Line<'a> {
    /// 1-based line number.
    number: u32,
    /// Byte offset of the line's start.
    start: usize,
    /// The line without its line break.
    text: &'a str,
}

impl<'a> Line<'a> {
    /// The leading spaces and tabs.
    fn indent_text(&self) -> &'a str {
        let body = self.text.trim_start_matches([' ', '\t']);
        &self.text[..self.text.len() - body.len()]
    }

    /// How many characters of indentation.
    fn indent(&self) -> usize {
        self.indent_text().chars().count()
    }

    /// The content after the indentation.
    fn body(&self) -> &'a str {
        &self.text[self.indent_text().len()..]
    }

    /// Blank, or a comment only: not part of the structure.
    fn is_filler(&self) -> bool {
        let body = self.body().trim_end();
        body.is_empty() || body.starts_with('#')
    }

    /// For `- item`: the column (0-based) of the dash.
    fn dash(&self) -> Option<usize> {
        let body = self.body();
        (body == "-" || body.starts_with("- ")).then(|| self.indent())
    }

    /// The key this line starts (after any `- `), and its column (0-based).
    fn key(&self) -> Option<(&'a str, usize)> {
        let mut body = self.body();
        let mut col = self.indent();
        while let Some(rest) = body.strip_prefix("- ") {
            let inner = rest.trim_start_matches(' ');
            col += 2 + (rest.len() - inner.len());
            body = inner;
        }
        let end = key_end(body)?;
        let key = body[..end].trim_end();
        (!key.is_empty() && !key.starts_with(['"', '\'', '[', '{', '#'])).then_some((key, col))
    }

    /// The location of the byte range `from..to` of this line.
    fn loc(&self, from: usize, to: usize) -> Loc {
        Loc {
            line: self.number,
            col: u32::try_from(self.text[..from].chars().count() + 1).unwrap_or(u32::MAX),
            offset: u32::try_from(self.start + from).unwrap_or(u32::MAX),
            len: u32::try_from(to - from).unwrap_or(0),
        }
    }
}

/// Where the first `: ` (or a `:` ending the text) of a plain `key: value` line is.
fn key_end(body: &str) -> Option<usize> {
    let bytes = body.as_bytes();
    (0..bytes.len()).find(|&i| bytes[i] == b':' && matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r')))
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (n, raw) in text.split('\n').enumerate() {
        out.push(Line {
            number: u32::try_from(n + 1).unwrap_or(u32::MAX),
            start,
            text: raw.strip_suffix('\r').unwrap_or(raw),
        });
        start += raw.len() + 1;
    }
    out
}

/// The parser's words, to end a message with.
fn parser_said(info: &str) -> String {
    format!("(YAML parser: {info})")
}

/// Explains a parser error at `at` (`info` is its text, `tab` whether it is about a tab),
/// when it is one of the common mistakes; `None` leaves the parser's words as they are.
pub(super) fn explain(text: &str, info: &str, tab: bool, at: Loc) -> Option<Explained> {
    let lines = lines(text);
    let here = (at.line as usize).checked_sub(1).filter(|&i| i < lines.len())?;
    if tab || info.contains("found a tab") {
        return tab_indent(&lines, here, info);
    }
    if let Some(explained) = items_under_empty_flow(&lines, here, info) {
        return Some(explained);
    }
    if info.contains("mapping values are not allowed") {
        let line = lines[here];
        let colon = (at.offset as usize).checked_sub(line.start)?;
        let (key, key_col) = line.key()?;
        let first_colon = line.text.char_indices().nth(key_col).map_or(0, |(i, _)| i) + key.len();
        if colon > first_colon {
            return Some(colon_in_text(line, key, first_colon, colon, info));
        }
        return indentation(&lines, here, info, true);
    }
    if info.contains("did not find expected key") || info.contains("did not find expected '-'") {
        return indentation(&lines, here, info, false);
    }
    None
}

/// A tab among the leading whitespace of the error's line or the next: the parser stops
/// at the token before a tab that starts a line.
fn tab_indent(lines: &[Line<'_>], here: usize, info: &str) -> Option<Explained> {
    let line =
        lines[here..lines.len().min(here + 2)].iter().find(|l| l.indent_text().contains('\t') && !l.is_filler())?;
    let tab = line.indent_text().find('\t')?;
    Some(Explained {
        loc: line.loc(tab, tab + 1),
        message: format!("tabs can't indent YAML; use spaces {}", parser_said(info)),
        help: Some(
            "replace the tab at the start of this line with spaces, lining it up with the lines it belongs with \
             (most editors can insert spaces when Tab is pressed)"
                .to_owned(),
        ),
    })
}

/// `key: []` (or `{}`) followed by items: the scaffold writes `actions: []`, and a lead
/// adds `- action: …` under it.
fn items_under_empty_flow(lines: &[Line<'_>], here: usize, info: &str) -> Option<Explained> {
    let line = lines[here];
    let above = lines[..here].iter().rev().find(|l| !l.is_filler())?;
    let (key, _) = above.key()?;
    let value = above.text[key_end(above.body())? + above.indent_text().len() + 1..].trim();
    let value = value.split(" #").next().unwrap_or(value).trim_end();
    if !matches!(value, "[]" | "{}") || line.indent() < above.indent() || line.is_filler() {
        return None;
    }
    let from = above.text.rfind(value)?;
    Some(Explained {
        loc: above.loc(from, from + 2),
        message: format!(
            "`{key}: {value}` says `{key}` is empty, so the lines below it can't be added to it {}",
            parser_said(info)
        ),
        help: Some(format!("remove the `{value}`: write `{key}:` and keep the items below it")),
    })
}

/// `headline: Status: slipped`: the second `: ` would start a mapping inside the text.
fn colon_in_text(line: Line<'_>, key: &str, first_colon: usize, colon: usize, info: &str) -> Explained {
    let value = line.text[first_colon + 1..].trim();
    let head = &line.text[..first_colon + 1];
    let quoted = format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""));
    Explained {
        loc: line.loc(colon, colon + 1),
        message: format!(
            "the text of `{key}` has a colon followed by a space, which YAML reads as the start of another \
             `key: value` {}",
            parser_said(info)
        ),
        help: Some(format!("put the text in quotes: {} {quoted}", head.trim_start())),
    }
}

/// A key that an indentation column can belong with.
#[derive(Clone, Copy, Debug)]
struct Level<'a> {
    col: usize,
    key: Option<&'a str>,
    line: u32,
    /// The key of the section it is in; `None` at the top level.
    section: Option<&'a str>,
}

/// The columns keys and items start at in the lines above `here`, up to the top-level
/// key they are under: what a line out of step probably meant to line up with.
fn levels<'a>(lines: &[Line<'a>], here: usize) -> Vec<Level<'a>> {
    let mut out: Vec<Level<'a>> = Vec::new();
    let from = here.saturating_sub(LOOK_BACK);
    for (i, line) in lines[..here].iter().enumerate().skip(from).rev() {
        if line.is_filler() {
            continue;
        }
        let mut add = |col: usize, key: Option<&'a str>| {
            if !out.iter().any(|l| l.col == col) {
                out.push(Level { col, key, line: line.number, section: section(lines, i, col) });
            }
        };
        if let Some(dash) = line.dash() {
            add(dash, None);
        }
        if let Some((key, col)) = line.key() {
            add(col, Some(key));
        }
        if line.indent() == 0 {
            break;
        }
    }
    out
}

/// The key of the section that holds a key or item at column `col` of line `i`.
fn section<'a>(lines: &[Line<'a>], i: usize, col: usize) -> Option<&'a str> {
    let mut col = col;
    for line in lines[i.saturating_sub(LOOK_BACK)..=i].iter().rev() {
        if line.is_filler() || line.indent() >= col {
            continue;
        }
        match (line.dash(), line.key()) {
            // The item whose key this is: the section is the list's.
            (Some(dash), Some((_, key_col))) if key_col >= col => col = dash,
            (_, Some((key, _))) => return Some(key),
            _ => return None,
        }
    }
    None
}

/// How to name a line's content in a message.
fn what(line: Line<'_>) -> String {
    match (line.dash(), line.key()) {
        (Some(_), _) => "this list item".to_owned(),
        (None, Some((key, _))) => format!("`{key}`"),
        _ => "this line".to_owned(),
    }
}

/// "indent it 4 spaces", or what to do when the line should not be indented at all.
fn indent_it(n: usize) -> String {
    if n == 0 { "start it at the beginning of the line".to_owned() } else { format!("indent it {}", spaces(n)) }
}

fn spaces(n: usize) -> String {
    if n == 1 { "1 space".to_owned() } else { format!("{n} spaces") }
}

/// Where `level` is, in words: "with `owner` (line 28) in `actions`".
fn with(level: &Level<'_>) -> String {
    let Some(key) = level.key else {
        let list = level.section.map_or_else(|| "the list".to_owned(), |s| format!("`{s}`"));
        return format!("with the other items of {list} (line {})", level.line);
    };
    let key = format!("`{key}`");
    match level.section {
        Some(section) => format!("with {key} (line {}) in `{section}`", level.line),
        None => format!("with {key} (line {}) at the top level", level.line),
    }
}

/// A line indented out of step with the lines around it. `continued`: the parser read it
/// as more of the text on the line above (it is indented further than that line's key).
fn indentation(lines: &[Line<'_>], here: usize, info: &str, continued: bool) -> Option<Explained> {
    let line = lines[here];
    if line.is_filler() {
        return None;
    }
    let n = line.indent();
    let levels = levels(lines, here);
    let above = lines[..here].iter().rev().find(|l| !l.is_filler())?;
    let to = line.indent_text().len();
    let loc = line.loc(to, line.text.len().min(to + line.key().map_or(1, |(k, _)| k.len())));
    if continued {
        let (above_key, above_col) = above.key()?;
        let message = format!(
            "{} is indented {}, further than `{above_key}` on the line above, so YAML reads it as more of \
             the text of `{above_key}` {}",
            what(line),
            spaces(n),
            parser_said(info)
        );
        let fix = format!("{} like `{above_key}` (line {})", indent_it(above_col), above.number);
        let help = match levels.iter().find(|l| l.col == n && l.line != above.number) {
            Some(level) => format!(
                "if `{above_key}` belongs {}, indent `{above_key}` {} too; otherwise {fix}",
                with(level),
                spaces(n)
            ),
            None => fix,
        };
        return Some(Explained { loc, message, help: Some(help) });
    }
    // The nearest column; a tie goes to the deeper one, the section the lead was writing in.
    let best = levels.iter().filter(|l| l.col != n).min_by_key(|l| (l.col.abs_diff(n), usize::MAX - l.col))?;
    if levels.iter().any(|l| l.col == n) && line.dash().is_none() {
        return None;
    }
    let message = format!(
        "{} is indented {}, which lines up with no section above it {}",
        what(line),
        spaces(n),
        parser_said(info)
    );
    let help = format!("it probably belongs {}: {}", with(best), indent_it(best.col));
    Some(Explained { loc, message, help: Some(help) })
}
