//! A finding drawn straight into the output, byte for byte as miette's
//! `GraphicalReportHandler` draws it (with the options of `human::handler`), at a fraction
//! of the cost: no string per line, no `format!`, no general label layout.
//!
//! Our diagnostics always have one shape: a code, a message, at most one label on an
//! excerpt of a few lines, and a help. That shape is all this draws. What it cannot be
//! sure to measure as miette does, it declines (see [`Drawing::draw`]), and the caller has
//! miette draw that finding.

use std::borrow::Cow;

use miette::GraphicalTheme;

use super::columns::{columns, printable_ascii};
use super::excerpt::Excerpt;
use super::fill::{Hang, fill};
use crate::finding::{Finding, Severity};
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
    /// `─`: the underline, many times over (see [`push_repeated`]).
    underlines: String,
    /// `┬`: where the label hangs from a span.
    underbar: char,
    /// `▲`: an empty span.
    uarrow: char,
    /// `╰── `: before the label.
    hook: String,
}

/// How many characters a run of [`push_repeated`] holds.
const RUN: usize = 64;

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
                underlines: String::from(chars.underline).repeat(RUN),
                underbar: chars.underbar,
                uarrow: chars.uarrow,
                hook: format!("{}{}{} ", chars.lbot, chars.hbar, chars.hbar),
            },
        }
    }

    /// Appends `finding` as miette draws it, with `excerpt` from its snippet (none: the
    /// message starts with `path:line:col: `) and, with `pointer`, `see: acctsum explain
    /// <rule>` ending the help. `scratch` is room to compose a text in.
    ///
    /// Returns `false`, having appended only part of the drawing, when a character before
    /// the end of the label on its line may be measured otherwise by miette (see
    /// `columns`). The caller then truncates what was appended and has miette draw it.
    pub(super) fn draw(
        &self,
        out: &mut String,
        scratch: &mut String,
        finding: &Finding,
        excerpt: Option<&Excerpt<'_>>,
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
        let message = escaped(&finding.message);
        if excerpt.is_none() {
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
        if let Some(excerpt) = excerpt
            && !self.excerpt(out, excerpt, finding)
        {
            return false;
        }
        // The help, ending with the pointer.
        let help = finding.help.as_deref().map(escaped);
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

    /// Appends the excerpt: its lines, numbered, the label under its line. `false` when
    /// this cannot be sure to measure the line as miette does.
    fn excerpt(&self, out: &mut String, excerpt: &Excerpt<'_>, finding: &Finding) -> bool {
        // miette splits the lines at `\n`: after a last line break (a last line that is
        // empty) there is no line to draw.
        let last = excerpt.lines[..excerpt.count].last().copied().unwrap_or_default();
        let drawn = excerpt.count - usize::from(last.is_empty());
        let gutter = if drawn == 0 { 1 } else { digits(excerpt.first + drawn) };
        push_spaces(out, gutter + 2);
        out.push_str(&self.strokes.open);
        out.push_str(&self.link.on);
        out.push_str(excerpt.name);
        out.push(':');
        push_number(out, excerpt.at.0 + 1);
        out.push(':');
        push_number(out, excerpt.at.1 + 1);
        out.push_str(&self.link.off);
        out.push_str("]\n");
        for (i, text) in excerpt.lines[..drawn].iter().enumerate() {
            let number = excerpt.first + i + 1;
            out.push(' ');
            out.push_str(&self.linum.on);
            push_spaces(out, gutter - digits(number));
            push_number(out, number);
            out.push_str(&self.linum.off);
            out.push_str(&self.strokes.bar);
            out.push_str(text);
            out.push('\n');
            // miette leaves out an empty span at the very end of the text.
            let (start, end) = excerpt.span;
            let at_end = i + 1 == excerpt.count && start == end && start == text.len();
            if i == excerpt.line && !at_end && !self.label(out, text, excerpt.span, gutter, finding) {
                return false;
            }
        }
        push_spaces(out, gutter + 2);
        out.push_str(&self.strokes.close);
        out.push('\n');
        true
    }

    /// Appends the label's underline and text under the line `text`, the span `start..end`
    /// of it; `false` when this cannot be sure to measure the line as miette does.
    fn label(
        &self,
        out: &mut String,
        text: &str,
        (start, end): (usize, usize),
        gutter: usize,
        finding: &Finding,
    ) -> bool {
        // miette's `visual_offset`: the columns before the span's start, and its end.
        let column = |at: usize| text.get(..at).and_then(columns);
        let Some(left) = column(start) else { return false };
        let right = if start == end {
            left + 1
        } else {
            let Some(right) = column(end) else { return false };
            right.max(left + 1)
        };
        let hang = (left + right) / 2;
        // The underline, its colour over the spaces before it too.
        out.push(' ');
        push_spaces(out, gutter);
        out.push_str(&self.strokes.dots);
        out.push_str(&self.highlight.on);
        push_spaces(out, left);
        push_repeated(out, &self.strokes.underlines, hang - left);
        out.push(if start == end { self.strokes.uarrow } else { self.strokes.underbar });
        push_repeated(out, &self.strokes.underlines, right - hang - 1);
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
        for (i, word) in finding.rule.as_str().split('-').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(word);
        }
        out.push_str(&self.highlight.off);
        out.push_str(&self.highlight.off);
        out.push('\n');
        true
    }
}

/// `text` as [`terminal`] shows it, sooner when it is printable ASCII.
pub(super) fn escaped(text: &str) -> Cow<'_, str> {
    if printable_ascii(text) { Cow::Borrowed(text) } else { terminal(text) }
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

/// Spaces, many (see [`push_repeated`]).
const SPACES: &str = "                                                                ";

/// Appends `n` spaces.
fn push_spaces(out: &mut String, n: usize) {
    push_repeated(out, SPACES, n);
}

/// Appends `n` times the character `run` is made of ([`RUN`] of them, all alike).
fn push_repeated(out: &mut String, run: &str, mut n: usize) {
    let width = run.len() / RUN;
    while n > 0 {
        let take = n.min(RUN);
        out.push_str(&run[..take * width]);
        n -= take;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_hold_as_many_characters_as_they_say() {
        assert!(SPACES.len() == RUN && SPACES.bytes().all(|b| b == b' '));
        let mut out = String::new();
        for n in [0, 1, RUN - 1, RUN, RUN + 1, 3 * RUN + 5] {
            out.clear();
            push_spaces(&mut out, n);
            push_repeated(&mut out, &"─".repeat(RUN), n);
            assert_eq!(out, format!("{}{}", " ".repeat(n), "─".repeat(n)));
        }
        assert_eq!((digits(0), digits(9), digits(10), digits(99), digits(100)), (1, 1, 2, 2, 3));
        out.clear();
        push_number(&mut out, 1_234_567_890);
        assert_eq!(out, "1234567890");
    }
}
