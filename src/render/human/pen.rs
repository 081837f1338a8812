//! The pen that draws `human`'s findings: directly ([`graphical`](super::graphical)) from
//! the lines of each finding's file, or from its snippet, and with miette's handler when
//! the direct drawing declines.

use std::io;

use miette::GraphicalReportHandler;

use super::excerpt::{Excerpt, Lines};
use super::graphical::{self, Drawing};
use super::{Shown, handler, theme};
use crate::finding::Finding;
use crate::render::Style;
use crate::render::snippet::{Index, Snippet};
use crate::render::text::terminal;

/// The file of the findings being drawn. A file's findings come one after another (in
/// report order), so a file is read for them all: its lines once, and indexed once for
/// the findings that need a snippet (a line cut to the window, or escaped), if any.
pub(super) struct File<'a> {
    /// The file's path, as findings name it.
    pub(super) path: &'a str,
    text: &'a str,
    lines: Lines<'a>,
    index: Option<Index<'a>>,
}

impl<'a> File<'a> {
    pub(super) fn new(path: &'a str, text: &'a str) -> Self {
        Self { path, text, lines: Lines::new(text), index: None }
    }
}

/// Draws findings: directly when it can, otherwise with miette's handler.
pub(super) struct Pen {
    drawing: Drawing,
    handler: GraphicalReportHandler,
    scratch: String,
}

impl Pen {
    pub(super) fn new(style: Style) -> Self {
        let drawing = Drawing::new(&theme(style), style.width);
        Self { drawing, handler: handler(style), scratch: String::new() }
    }

    /// Appends `finding` (with the snippet of `file`, its file) to `out`; whether it was
    /// drawn directly.
    pub(super) fn draw(
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
                if let Some(excerpt) = Excerpt::of(&mut file.lines, &name, finding.loc) {
                    if drawing.draw(out, scratch, finding, Some(&excerpt), pointer) {
                        return Ok(true);
                    }
                    out.truncate(start);
                }
                let index = file.index.get_or_insert_with(|| Index::new(file.text));
                let snippet = Snippet::new(index, &name, finding.loc);
                if Excerpt::read(&snippet, |e| drawing.draw(out, scratch, finding, Some(e), pointer)) {
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

    /// Draws `finding` (with the text of its file, when there is one) as [`findings`](super::findings)
    /// does (`pointer`: as [`config_findings`](super::config_findings) does when false), and as miette draws it.
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
