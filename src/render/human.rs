//! `human`: miette diagnostics with the source snippet, then a summary line.
//! Findings become miette diagnostics only here, at the last moment; most are drawn
//! directly, byte for byte as miette would draw them (see [`graphical`]), and miette
//! draws the rest.

mod columns;
mod excerpt;
mod fill;
mod graphical;

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};

use miette::{Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::Style;
use super::snippet::{Index, Snippet};
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
/// A file is indexed once for all its findings when they come grouped by file (as in
/// report order); each snippet then costs a bounded amount, whatever the file.
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

fn write(
    out: &mut dyn Write,
    findings: &[Finding],
    texts: &HashMap<&str, &str>,
    style: Style,
    pointer: bool,
) -> io::Result<()> {
    let mut pen = Pen::new(style);
    let mut buffer = String::new();
    let mut file: Option<File<'_>> = None;
    for finding in findings {
        let mut source = texts.get(&*finding.path).map(|&text| match file.take() {
            Some(file) if file.path == &*finding.path => file,
            _ => File::new(&finding.path, text),
        });
        pen.draw(&mut buffer, finding, source.as_mut(), pointer)?;
        file = source;
        buffer.push('\n');
        if buffer.len() >= CHUNK {
            out.write_all(buffer.as_bytes())?;
            buffer.clear();
        }
    }
    out.write_all(buffer.as_bytes())
}

/// The file of the findings being drawn. A file's findings come one after another (in
/// report order), so a file is read for them all: its lines once, and once indexed for
/// the snippets that miette draws, if any.
struct File<'a> {
    path: &'a str,
    text: &'a str,
    lines: excerpt::Lines<'a>,
    index: Option<Index<'a>>,
}

impl<'a> File<'a> {
    fn new(path: &'a str, text: &'a str) -> Self {
        Self { path, text, lines: excerpt::Lines::new(text), index: None }
    }
}

/// Draws findings: directly when it can, otherwise with miette's handler.
struct Pen {
    drawing: graphical::Drawing,
    handler: GraphicalReportHandler,
    scratch: String,
}

impl Pen {
    fn new(style: Style) -> Self {
        let drawing = graphical::Drawing::new(&theme(style), style.width);
        Self { drawing, handler: handler(style), scratch: String::new() }
    }

    /// Appends `finding` (with the snippet of `file`, its file) to `out`; whether it was
    /// drawn directly.
    fn draw(
        &mut self,
        out: &mut String,
        finding: &Finding,
        file: Option<&mut File<'_>>,
        pointer: bool,
    ) -> io::Result<bool> {
        let start = out.len();
        let Self { drawing, handler, scratch } = self;
        let snippet = match file {
            None => {
                if drawing.draw(out, scratch, finding, None, pointer) {
                    return Ok(true);
                }
                None
            }
            Some(file) => {
                let name = graphical::escaped(&finding.path);
                if let Some(excerpt) = excerpt::Excerpt::of(&mut file.lines, &name, finding.loc) {
                    if drawing.draw(out, scratch, finding, Some(&excerpt), pointer) {
                        return Ok(true);
                    }
                    out.truncate(start);
                }
                let index = file.index.get_or_insert_with(|| Index::new(file.text));
                let snippet = Snippet::new(index, &name, finding.loc);
                if excerpt::Excerpt::read(&snippet, |e| drawing.draw(out, scratch, finding, Some(e), pointer)) {
                    return Ok(true);
                }
                Some(snippet)
            }
        };
        out.truncate(start);
        let shown = Shown { finding, snippet, pointer };
        handler.render_report(out, &shown).map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
        Ok(false)
    }
}

/// Findings drawn both ways, for the tests that hold the direct drawing to miette's.
pub struct BothWays {
    pen: Pen,
}

/// One finding drawn both ways.
#[derive(Debug)]
pub struct Drawn {
    /// As `check` writes it: drawn directly, or by miette when the direct drawing declines.
    pub written: String,
    /// Whether it was drawn directly.
    pub direct: bool,
    /// As miette's handler draws it.
    pub miette: String,
}

impl BothWays {
    /// Drawing in `style`.
    #[must_use]
    pub fn new(style: Style) -> Self {
        Self { pen: Pen::new(style) }
    }

    /// Draws `finding` (with the text of its file, when there is one) as [`findings`]
    /// does (`pointer`: as [`config_findings`] does when false), and as miette draws it.
    ///
    /// # Errors
    /// When miette fails to format the diagnostic.
    pub fn draw(&mut self, finding: &Finding, text: Option<&str>, pointer: bool) -> io::Result<Drawn> {
        let mut written = String::new();
        let mut file = text.map(|text| File::new(&finding.path, text));
        let direct = self.pen.draw(&mut written, finding, file.as_mut(), pointer)?;
        let snippet = text.map(|text| Snippet::new(&Index::new(text), &terminal(&finding.path), finding.loc));
        let mut miette = String::new();
        let shown = Shown { finding, snippet, pointer };
        self.pen
            .handler
            .render_report(&mut miette, &shown)
            .map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
        Ok(Drawn { written, direct, miette })
    }
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
