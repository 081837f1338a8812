//! Renderers: the only code that writes output. Each takes plain data and a writer.

pub mod calendar;
pub mod csv;
pub mod explain;
pub mod github;
pub mod guide;
pub mod history;
pub mod human;
pub mod json;
pub mod json_text;
pub mod leads;
pub mod man;
pub mod markdown;
pub mod notes;
pub mod sarif;
pub mod short;
pub mod site;
mod snippet;
pub mod svg;
pub mod table;
pub mod text;
pub mod words;

/// Writes a document rendered whole (a report, a schema, a completion script) as it is.
///
/// # Errors
/// When writing fails.
pub fn document(out: &mut dyn std::io::Write, bytes: &[u8]) -> std::io::Result<()> {
    out.write_all(bytes)
}

/// Acknowledged findings as findings to show: each message says it is acknowledged, until
/// when, by whom and why.
#[must_use]
pub fn acknowledged_shown(acknowledged: &[crate::finding::Acknowledged]) -> Vec<crate::finding::Finding> {
    acknowledged
        .iter()
        .map(|a| {
            let mut f = a.finding.clone();
            f.message = format!("acknowledged until {} by {} ({}): {}", a.until, a.by, a.reason, f.message);
            f
        })
        .collect()
}

/// How to draw for the reader at hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Use ANSI colours.
    pub color: bool,
    /// Width to wrap or fit to, in columns.
    pub width: usize,
    /// Fit tables to `width` (a terminal); otherwise rows stay on one line.
    pub fit: bool,
}

impl Style {
    /// Plain output at a fixed width: what tests and files get.
    pub const PLAIN: Style = Style { color: false, width: 100, fit: false };
}
