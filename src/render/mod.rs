//! Renderers: the only code that writes output. Each takes plain data and a writer.

pub mod csv;
pub mod github;
pub mod guide;
pub mod history;
pub mod human;
pub mod json;
pub mod json_text;
pub mod leads;
pub mod markdown;
pub mod sarif;
pub mod short;
mod snippet;
pub mod table;
pub mod text;

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
