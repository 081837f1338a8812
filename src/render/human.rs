//! `human`: miette diagnostics with the source snippet, then a summary line.
//! Findings become miette diagnostics only here, at the last moment.

use std::collections::HashMap;
use std::fmt;
use std::io::{self, Write};

use miette::{
    Diagnostic, GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};

use super::Style;
use crate::finding::{Finding, Severity, Tally};

/// A file's text under its name, so that snippets are headed by the path.
#[derive(Debug)]
struct Named<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Named<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            inner.data(),
            *inner.span(),
            inner.line(),
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// A finding dressed as a miette diagnostic.
#[derive(Debug)]
struct Shown<'a> {
    finding: &'a Finding,
    source: Option<Named<'a>>,
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let finding = self.finding;
        if self.source.is_none() {
            // Without a snippet (a file that is not text), the message carries the place.
            write!(f, "{}:{}:{}: ", finding.path, finding.loc.line, finding.loc.col)?;
        }
        f.write_str(&finding.message)
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
        self.finding.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let source = self.source.as_ref()?;
        let loc = self.finding.loc;
        let start = (loc.offset as usize).min(source.text.len());
        let len = (loc.len as usize).min(source.text.len() - start);
        let label = self.finding.rule.as_str().replace('-', " ");
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(Some(label), SourceSpan::new(start.into(), len)))))
    }
}

/// The report handler for a style.
#[must_use]
pub fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_context_lines(1)
        .with_links(false)
        // Paths and ids hold hyphens: never break a word there.
        .with_break_words(false)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// Writes each finding with its snippet. `texts` maps paths to file texts.
///
/// # Errors
/// When writing fails.
pub fn findings(
    out: &mut dyn Write,
    findings: &[Finding],
    texts: &HashMap<&str, &str>,
    style: Style,
) -> io::Result<()> {
    let handler = handler(style);
    let mut buffer = String::new();
    for finding in findings {
        let source = texts.get(&*finding.path).map(|text| Named { name: &finding.path, text });
        buffer.clear();
        handler
            .render_report(&mut buffer, &Shown { finding, source })
            .map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
        out.write_all(buffer.as_bytes())?;
        writeln!(out)?;
    }
    Ok(())
}

/// Writes the summary line: `N files checked: E errors, W warnings`.
///
/// # Errors
/// When writing fails.
pub fn summary(out: &mut dyn Write, tally: Tally) -> io::Result<()> {
    writeln!(out, "{} files checked: {} errors, {} warnings", tally.files, tally.errors, tally.warnings)
}

/// Writes any diagnostic (a fatal error) in the same style.
///
/// # Errors
/// When writing fails.
pub fn diagnostic(out: &mut dyn Write, diagnostic: &dyn Diagnostic, style: Style) -> io::Result<()> {
    let mut buffer = String::new();
    handler(style)
        .render_report(&mut buffer, diagnostic)
        .map_err(|_| io::Error::other("formatting a diagnostic failed"))?;
    out.write_all(buffer.as_bytes())
}
