//! A finding drawn straight into the output, byte for byte as miette's
//! `GraphicalReportHandler` draws it (with the options of `human::handler`), at a fraction
//! of the cost: no string per line, no `format!`, no general label layout.
//!
//! Our diagnostics always have one shape: a code, a message, at most one label on a
//! snippet of a few lines, and a help. That shape is all this draws. What falls outside it,
//! or what it cannot be sure to measure as miette does, it declines (see [`Drawing::draw`]),
//! and the caller has miette draw that finding.

use miette::{GraphicalTheme, SourceCode, SourceSpan};

use super::columns::columns;
use super::fill::{Hang, fill};
use crate::finding::{Finding, Severity};
use crate::render::snippet::Snippet;
use crate::render::text::{push_terminal, terminal};

/// A style's escape codes: what turns it on, and off (both empty without colour).
#[derive(Debug)]
struct Paint {
    on: String,
    off: String,
}

/// The [`Paint`] of a theme's style (a type of `owo-colors`, which this crate does not name).
macro_rules! paint {
    ($style:expr) => {
        Paint { on: $style.prefix_formatter().to_string(), off: $style.suffix_formatter().to_string() }
    };
}

/// What a severity draws with: its colour (for the code), and the indents of the message.
#[derive(Debug)]
struct Voice {
    paint: Paint,
    message: Hang,
}

/// The characters of the theme that our shape uses.
#[derive(Debug)]
struct Strokes {
    /// `╭─[`, after the gutter.
    open: String,
    /// ` │ `, between a line number and its text.
    bar: String,
    /// ` · `, in the gutter of the lines under a source line.
    dots: String,
    /// `╰────`, after the gutter.
    close: String,
    /// `─`: the underline.
    underline: char,
    /// `┬`: where the label hangs from a span.
    underbar: char,
    /// `▲`: an empty span.
    uarrow: char,
    /// `╰── `: before the label.
    hook: String,
}

/// Everything a style draws with, worked out once for all the findings.
#[derive(Debug)]
pub(super) struct Drawing {
    /// Where messages and helps wrap: miette's width less 2.
    width: usize,
    error: Voice,
    warning: Voice,
    help: Hang,
    link: Paint,
    linum: Paint,
    highlight: Paint,
    strokes: Strokes,
}

impl Drawing {
    /// The drawing for a miette `theme` at `width` columns.
    pub(super) fn new(theme: &GraphicalTheme, width: usize) -> Self {
        let (chars, styles) = (&theme.characters, &theme.styles);
        let voice = |paint: Paint, icon: &str| {
            let first = format!("  {}{icon}{} ", paint.on, paint.off);
            let rest = format!("  {}{}{} ", paint.on, chars.vbar, paint.off);
            Voice { message: Hang::new(first, rest), paint }
        };
        let help = paint!(styles.help);
        Self {
            width: width.saturating_sub(2),
            error: voice(paint!(styles.error), &chars.error),
            warning: voice(paint!(styles.warning), &chars.warning),
            help: Hang::new(format!("{}  help: {}", help.on, help.off), " ".repeat(8)),
            link: paint!(styles.link),
            linum: paint!(styles.linum),
            // Our one label takes the first highlight colour.
            highlight: styles.highlights.first().map_or(Paint { on: String::new(), off: String::new() }, |s| paint!(s)),
            strokes: Strokes {
                open: format!("{}{}[", chars.ltop, chars.hbar),
                bar: format!(" {} ", chars.vbar),
                dots: format!(" {} ", chars.vbar_break),
                close: format!("{}{}", chars.lbot, String::from(chars.hbar).repeat(4)),
                underline: chars.underline,
                underbar: chars.underbar,
                uarrow: chars.uarrow,
                hook: format!("{}{}{} ", chars.lbot, chars.hbar, chars.hbar),
            },
        }
    }

    /// Appends `finding` as miette draws it, with `snippet` (none: the message starts with
    /// `path:line:col: `) and, with `pointer`, `see: acctsum explain <rule>` ending the
    /// help. `scratch` is room to compose a text in.
    ///
    /// Returns `false`, having appended only part of the drawing, when the finding is not
    /// of the shape drawn here: a snippet that miette could not read, tabs, carriage
    /// returns or escapes in the snippet's text, a label over more than one line, or a
    /// character before the label's end that miette may measure otherwise (see
    /// `columns`). The caller then truncates what was appended and has miette draw it.
    pub(super) fn draw(
        &self,
        out: &mut String,
        scratch: &mut String,
        finding: &Finding,
        snippet: Option<&Snippet>,
        pointer: bool,
    ) -> bool {
        let voice = match finding.severity {
            Severity::Error => &self.error,
            Severity::Warning => &self.warning,
        };
        // The code, then an empty line.
        out.push_str(&voice.paint.on);
        out.push_str(finding.severity.as_str());
        out.push('[');
        out.push_str(finding.rule.as_str());
        out.push(']');
        out.push_str(&voice.paint.off);
        out.push_str("\n\n");
        // The message.
        let message = terminal(&finding.message);
        if snippet.is_none() {
            scratch.clear();
            push_terminal(scratch, &finding.path);
            scratch.push(':');
            push_number(scratch, finding.loc.line as usize);
            scratch.push(':');
            push_number(scratch, finding.loc.col as usize);
            scratch.push_str(": ");
            scratch.push_str(&message);
            fill(out, &[scratch], self.width, &voice.message);
        } else {
            fill(out, &[&message], self.width, &voice.message);
        }
        out.push('\n');
        if let Some(snippet) = snippet
            && !self.snippet(out, snippet, finding)
        {
            return false;
        }
        // The help, ending with the pointer.
        let help = finding.help.as_deref().map(terminal);
        if pointer {
            scratch.clear();
            scratch.push_str("see: acctsum explain ");
            scratch.push_str(finding.rule.as_str());
        }
        let lines: &[&str] = match (&help, pointer) {
            (Some(help), true) => &[help, scratch],
            (Some(help), false) => &[help],
            (None, true) => &[scratch],
            (None, false) => &[],
        };
        if !lines.is_empty() {
            fill(out, lines, self.width, &self.help);
            out.push('\n');
        }
        true
    }

    /// Appends the snippet: its lines, numbered, the label under its line. `false` when
    /// miette would draw it otherwise.
    fn snippet(&self, out: &mut String, snippet: &Snippet, finding: &Finding) -> bool {
        let label = snippet.label;
        // miette reads the lines to draw with a line of context either side, and the
        // header's place with none.
        let (Ok(contents), Ok(place)) = (snippet.read_span(&label, 1, 1), snippet.read_span(&label, 0, 0)) else {
            return false;
        };
        let (Ok(data), Some(name)) = (std::str::from_utf8(contents.data()), place.name()) else { return false };
        if data.bytes().any(|b| matches!(b, b'\t' | b'\r' | 0x1b)) {
            return false;
        }
        // A last line break ends the last line: miette draws no empty line after it.
        let body = data.strip_suffix('\n').unwrap_or(data);
        let count = if data.is_empty() { 0 } else { body.split('\n').count() };
        let first = contents.line();
        let gutter = if count == 0 { 1 } else { digits(first + count) };
        push_spaces(out, gutter + 2);
        out.push_str(&self.strokes.open);
        out.push_str(&self.link.on);
        out.push_str(name);
        out.push(':');
        push_number(out, place.line() + 1);
        out.push(':');
        push_number(out, place.column() + 1);
        out.push_str(&self.link.off);
        out.push_str("]\n");
        if count > 0 {
            let mut offset = contents.span().offset();
            for (i, text) in body.split('\n').enumerate() {
                let number = first + i + 1;
                out.push(' ');
                out.push_str(&self.linum.on);
                push_spaces(out, gutter - digits(number));
                push_number(out, number);
                out.push_str(&self.linum.off);
                out.push_str(&self.strokes.bar);
                out.push_str(text);
                out.push('\n');
                // miette's line length counts the line break that ends it.
                let length = text.len() + usize::from(i + 1 < count || data.ends_with('\n'));
                if !self.label(out, Line { text, offset, length }, label, gutter, finding) {
                    return false;
                }
                offset += length;
            }
        }
        push_spaces(out, gutter + 2);
        out.push_str(&self.strokes.close);
        out.push('\n');
        true
    }

    /// Appends the label's underline and text under `line` when miette draws them there;
    /// `false` when miette would draw the label across lines, or measures the line's text
    /// in a way this cannot be sure of.
    fn label(&self, out: &mut String, line: Line<'_>, label: SourceSpan, gutter: usize, finding: &Finding) -> bool {
        let (start, len) = (label.offset(), label.len());
        let (from, to) = (line.offset, line.offset + line.length);
        // miette's `Line::span_applies` and `span_line_only`.
        let spread = start + len.max(1);
        let applies =
            (start >= from && start < to) || (start < from && spread > to) || (spread > from && spread <= to);
        let only = start >= from && start + len <= to;
        if !applies {
            return true;
        }
        if !only {
            return false;
        }
        let Some(left) = line.column(start) else { return false };
        let right = if len == 0 {
            left + 1
        } else {
            let Some(end) = line.column(start + len) else { return false };
            end.max(left + 1)
        };
        let hang = (left + right) / 2;
        // The underline, its colour over the spaces before it too.
        out.push(' ');
        push_spaces(out, gutter);
        out.push_str(&self.strokes.dots);
        out.push_str(&self.highlight.on);
        push_spaces(out, left);
        push_chars(out, self.strokes.underline, hang - left);
        out.push(if len == 0 { self.strokes.uarrow } else { self.strokes.underbar });
        push_chars(out, self.strokes.underline, right - hang - 1);
        out.push_str(&self.highlight.off);
        out.push('\n');
        // The label: the rule's id in words, in the colour twice over as miette paints it.
        out.push(' ');
        push_spaces(out, gutter);
        out.push_str(&self.strokes.dots);
        push_spaces(out, hang);
        out.push_str(&self.highlight.on);
        out.push_str(&self.strokes.hook);
        out.push_str(&self.highlight.on);
        out.extend(finding.rule.as_str().chars().map(|c| if c == '-' { ' ' } else { c }));
        out.push_str(&self.highlight.off);
        out.push_str(&self.highlight.off);
        out.push('\n');
        true
    }
}

/// A line of a snippet as miette splits it: its text, where it starts in the snippet's
/// text and its length with its line break.
#[derive(Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    offset: usize,
    length: usize,
}

impl Line<'_> {
    /// The column of byte `at` of the snippet, as miette's `visual_offset` gives it: past
    /// the text, one column past its end.
    fn column(self, at: usize) -> Option<usize> {
        let index = at.checked_sub(self.offset)?;
        if index > self.text.len() {
            return columns(self.text).map(|c| c + 1);
        }
        if !self.text.is_char_boundary(index) {
            return None;
        }
        columns(&self.text[..index])
    }
}

/// How many decimal digits `n` has.
fn digits(mut n: usize) -> usize {
    let mut count = 1;
    while n >= 10 {
        n /= 10;
        count += 1;
    }
    count
}

/// Appends `n` in decimal.
fn push_number(out: &mut String, n: usize) {
    let mut buffer = [0_u8; 20];
    let mut at = buffer.len();
    let mut n = n;
    loop {
        at -= 1;
        buffer[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(buffer[at..].iter().map(|&b| char::from(b)));
}

/// Appends `n` spaces.
fn push_spaces(out: &mut String, n: usize) {
    push_chars(out, ' ', n);
}

/// Appends `c` `n` times.
fn push_chars(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}
