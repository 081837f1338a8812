//! `human`: findings as miette's graphical handler draws diagnostics (the source snippet,
//! the label, the help), then a summary line. Findings become miette diagnostics only
//! here, at the last moment, and only those the direct drawing declines: it draws nearly
//! all of them itself, byte for byte as miette would, at a fraction of the cost (see
//! `human::graphical`). Fatal errors are miette's to draw.

mod columns;
mod excerpt;
mod fill;
mod graphical;
mod pen;

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

pub use self::pen::{BothWays, Drawn};
use self::pen::{File, Pen};
use super::Style;
use super::snippet::Snippet;
use super::text::terminal;
use crate::finding::{Finding, RuleId, Severity, Tally};
use crate::scope::LeftOut;

/// A finding dressed as a miette diagnostic.
#[derive(Debug)]
struct Shown<'a> {
    finding: &'a Finding,
    snippet: Option<Snippet>,
    /// End the help with `see: acctsum explain <rule>`.
    pointer: bool,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let finding = self.finding;
        if self.snippet.is_none() {
            // Without a snippet (a file that is not text), the message carries the place.
            write!(f, "{}:{}:{}: ", terminal(&finding.path), finding.loc.line, finding.loc.col)?;
        }
        f.write_str(&terminal(&finding.message))
    }
}

impl std::error::Error for Shown<'_> {}

impl Diagnostic for Shown<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!("{}[{}]", self.finding.severity, self.finding.rule)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.finding.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let help = self.finding.help.as_deref().map(terminal);
        let pointer = self.pointer.then(|| pointer(self.finding.rule));
        let text = match (help, pointer) {
            (Some(help), Some(pointer)) => format!("{help}\n{pointer}"),
            (Some(help), None) => help.into_owned(),
            (None, Some(pointer)) => pointer,
            (None, None) => return None,
        };
        Some(Box::new(text))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let snippet = self.snippet.as_ref()?;
        let label = self.finding.rule.as_str().replace('-', " ");
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(label), snippet.label))))
    }
}

/// The theme of a style.
fn theme(style: Style) -> GraphicalTheme {
    if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() }
}

/// The report handler for a style.
#[must_use]
pub fn handler(style: Style) -> GraphicalReportHandler {
    GraphicalReportHandler::new_themed(theme(style))
        .with_width(style.width)
        .with_context_lines(1)
        .with_links(false)
        // Paths and ids hold hyphens: never break a word there.
        .with_break_words(false)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// The last line of a finding's help: where the rule is explained.
#[must_use]
pub fn pointer(rule: RuleId) -> String {
    format!("see: acctsum explain {rule}")
}

/// Writes each finding of `check` with its snippet, its help ending with a pointer to
/// `acctsum explain <rule>`. `texts` maps paths to file texts.
///
/// A file's lines are read once for all its findings when they come grouped by file and
/// in order of line (as in report order); each snippet then costs a bounded amount,
/// whatever the file.
///
/// # Errors
/// When writing fails.
pub fn findings(
    out: &mut dyn Write,
    findings: &[Finding],
    texts: &HashMap<&str, &str>,
    style: Style,
) -> io::Result<()> {
    write(out, findings, texts, style, true)
}

/// Writes the findings about `acctsum.yaml` that stop a command, as [`findings`] does but
/// without the pointer: `explain` describes the rules as they apply to engagement files.
///
/// # Errors
/// When writing fails.
pub fn config_findings(
    out: &mut dyn Write,
    findings: &[Finding],
    texts: &HashMap<&str, &str>,
    style: Style,
) -> io::Result<()> {
    write(out, findings, texts, style, false)
}

/// How much output is gathered before it is written.
const CHUNK: usize = 1 << 16;

/// Draws the findings of one file (`text` its text, when there is one) as [`findings`]
/// writes them, and returns what was drawn: for drawing files side by side, each into
/// its own buffer, sized for the usual finding. `text` is the text of the first
/// finding's file only: a finding about another file is drawn without a snippet.
///
/// # Errors
/// When drawing fails.
pub fn file_findings(findings: &[Finding], text: Option<&str>, style: Style) -> io::Result<Vec<u8>> {
    /// About what one finding takes, drawn with its snippet and help.
    const FINDING: usize = 512;
    let mut buffer = String::with_capacity(findings.len().saturating_mul(FINDING));
    let file = findings.first().map(|f| &*f.path);
    draw(&mut buffer, findings, |path| text.filter(|_| file == Some(path)), style, true, |_| Ok(()))?;
    Ok(buffer.into_bytes())
}

fn write(
    out: &mut dyn Write,
    findings: &[Finding],
    texts: &HashMap<&str, &str>,
    style: Style,
    pointer: bool,
) -> io::Result<()> {
    let mut buffer = String::new();
    let flush = |buffer: &mut String| {
        if buffer.len() >= CHUNK {
            out.write_all(buffer.as_bytes())?;
            buffer.clear();
        }
        Ok(())
    };
    draw(&mut buffer, findings, |path| texts.get(path).copied(), style, pointer, flush)?;
    out.write_all(buffer.as_bytes())
}

/// Draws each finding into `buffer` (its file's text from `text_of`), handing `buffer`
/// to `flush` after each.
fn draw<'t>(
    buffer: &mut String,
    findings: &'t [Finding],
    text_of: impl Fn(&str) -> Option<&'t str>,
    style: Style,
    pointer: bool,
    mut flush: impl FnMut(&mut String) -> io::Result<()>,
) -> io::Result<()> {
    let mut pen = Pen::new(style);
    let mut file: Option<File<'_>> = None;
    for finding in findings {
        let mut source = text_of(&finding.path).map(|text| match file.take() {
            Some(file) if file.path == &*finding.path => file,
            _ => File::new(&finding.path, text),
        });
        pen.draw(buffer, finding, source.as_mut(), pointer)?;
        file = source;
        buffer.push('\n');
        flush(buffer)?;
    }
    Ok(())
}

/// The summary line: `N files checked: E errors, W warnings` (`1 file checked`),
/// `, A acknowledged` when an acknowledgement covers any finding, and
/// ` (G engagements, S review sessions)` when session files were checked. The breakdown
/// comes last so that the line still starts as the specification pins it.
#[must_use]
pub fn checked(tally: Tally) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let files = if tally.files == 1 { "file" } else { "files" };
    let acknowledged =
        if tally.acknowledged == 0 { String::new() } else { format!(", {} acknowledged", tally.acknowledged) };
    let kinds = if tally.review_sessions == 0 {
        String::new()
    } else {
        format!(
            " ({}, {})",
            plural(tally.engagements, "engagement", "engagements"),
            plural(tally.review_sessions, "review session", "review sessions")
        )
    };
    format!(
        "{} {files} checked: {} errors, {} warnings{acknowledged}{kinds}",
        tally.files, tally.errors, tally.warnings
    )
}

/// Writes the summary line (see [`checked`]).
///
/// # Errors
/// When writing fails.
pub fn summary(out: &mut dyn Write, tally: Tally) -> io::Result<()> {
    writeln!(out, "{}", checked(tally))
}

/// With `check --since`, the line saying how many findings in other files were left out.
///
/// # Errors
/// When writing fails.
pub fn left_out(out: &mut dyn Write, left_out: Option<&LeftOut>) -> io::Result<()> {
    match left_out {
        Some(l) => writeln!(out, "{}", super::words::left_out(l, |s| terminal(s).into_owned())),
        None => Ok(()),
    }
}

/// The summary line of a workspace that awaits its first engagement file: what is
/// looked for, and how to write one.
///
/// # Errors
/// When writing fails.
pub fn none_yet(out: &mut dyn Write, globs: &[String]) -> io::Result<()> {
    writeln!(
        out,
        "no engagement files yet (looking for {}); write the first with `acctsum new`",
        terminal(&globs.join(", "))
    )
}

/// A diagnostic's text with control characters escaped: message, code, help, link and
/// causes. Labels and source code are left out, so that no raw source reaches miette.
#[derive(Debug)]
struct Escaped {
    message: String,
    code: Option<String>,
    help: Option<String>,
    url: Option<String>,
    severity: Option<miette::Severity>,
    cause: Option<Box<Escaped>>,
}

/// The most causes shown under a fatal error.
const MAX_CAUSES: usize = 16;

impl Escaped {
    fn of(diagnostic: &dyn Diagnostic) -> Self {
        let text = |d: Box<dyn fmt::Display + '_>| terminal(&d.to_string()).into_owned();
        Self {
            code: diagnostic.code().map(text),
            help: diagnostic.help().map(text),
            url: diagnostic.url().map(text),
            severity: diagnostic.severity(),
            message: terminal(&diagnostic.to_string()).into_owned(),
            cause: diagnostic.source().map(|c| Box::new(Self::cause(c, MAX_CAUSES))),
        }
    }

    /// An error and its causes, as plain escaped text.
    fn cause(error: &dyn std::error::Error, depth: usize) -> Self {
        Self {
            message: terminal(&error.to_string()).into_owned(),
            code: None,
            help: None,
            url: None,
            severity: None,
            cause: error.source().filter(|_| depth > 0).map(|c| Box::new(Self::cause(c, depth - 1))),
        }
    }
}

impl fmt::Display for Escaped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Escaped {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.cause.as_deref().map(|c| c as &(dyn std::error::Error + 'static))
    }
}

impl Diagnostic for Escaped {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code.as_ref().map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }

    fn severity(&self) -> Option<miette::Severity> {
        self.severity
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.url.as_ref().map(|u| Box::new(u) as Box<dyn fmt::Display>)
    }
}

/// Writes any diagnostic (a fatal error) in the same style, its text escaped.
///
/// # Errors
/// When writing fails.
pub fn diagnostic(out: &mut dyn Write, diagnostic: &dyn Diagnostic, style: Style) -> io::Result<()> {
    let mut buffer = String::new();
    handler(style)
        .render_report(&mut buffer, &Escaped::of(diagnostic))
        .map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
    out.write_all(buffer.as_bytes())
}
