//! Terminal tables (comfy-table), shared by `leads` and `report`: fitted to the terminal
//! when there is one, one line per row when output goes to a file or a pipe.

use comfy_table::{Attribute, Color, ContentArrangement, Table, presets};

use super::Style;

/// How a cell should stand out when colour is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Plain.
    Plain,
    /// Good news.
    Good,
    /// Worth a look.
    Warn,
    /// Needs attention.
    Bad,
    /// Secondary information.
    Dim,
}

/// One cell: its text and tone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// The text.
    pub text: String,
    /// How it stands out.
    pub tone: Tone,
}

impl Cell {
    /// A plain cell.
    #[must_use]
    pub fn text(text: impl Into<String>) -> Self {
        Self { text: text.into(), tone: Tone::Plain }
    }

    /// A cell with a tone.
    #[must_use]
    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self { text: text.into(), tone }
    }
}

/// A new table with a header row.
#[must_use]
pub fn new(style: Style, header: &[&str]) -> Table {
    let mut table = Table::new();
    table.load_style(presets::UTF8_FULL_CONDENSED);
    if style.fit {
        table
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(style.width).unwrap_or(u16::MAX));
    } else {
        table.set_content_arrangement(ContentArrangement::Disabled);
    }
    let header: Vec<comfy_table::Cell> = header
        .iter()
        .map(|h| {
            let cell = comfy_table::Cell::new(h);
            if style.color { cell.add_attribute(Attribute::Bold) } else { cell }
        })
        .collect();
    table.set_header(header);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table
}

/// Adds a row; tones become colours when colour is on.
pub fn row(table: &mut Table, cells: Vec<Cell>, style: Style) {
    let cells: Vec<comfy_table::Cell> = cells
        .into_iter()
        .map(|c| {
            let cell = comfy_table::Cell::new(c.text);
            if !style.color {
                return cell;
            }
            match c.tone {
                Tone::Plain => cell,
                Tone::Good => cell.fg(Color::Green),
                Tone::Warn => cell.fg(Color::Yellow),
                Tone::Bad => cell.fg(Color::Red).add_attribute(Attribute::Bold),
                Tone::Dim => cell.add_attribute(Attribute::Dim),
            }
        })
        .collect();
    table.add_row(cells);
}
