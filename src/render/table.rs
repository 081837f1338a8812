//! Terminal tables (comfy-table), shared by `leads` and `report`: fitted to the terminal
//! when there is one, one line per row when output goes to a file or a pipe.

use comfy_table::{Attribute, Color, ContentArrangement, Table, presets};

use super::Style;
use super::text::terminal;

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
    /// The text, as shown.
    pub text: String,
    /// How it stands out.
    pub tone: Tone,
}

impl Cell {
    /// A plain cell showing `text` on one line, control characters escaped.
    #[must_use]
    pub fn text(text: impl AsRef<str>) -> Self {
        Self::toned(text, Tone::Plain)
    }

    /// A cell with a tone, showing `text` on one line, control characters escaped.
    #[must_use]
    pub fn toned(text: impl AsRef<str>, tone: Tone) -> Self {
        Self { text: terminal(text.as_ref()).into_owned(), tone }
    }

    /// A cell of several lines (on a terminal, to keep a column narrow), each escaped.
    #[must_use]
    pub fn lines(lines: &[&str], separator: &str, tone: Tone) -> Self {
        let lines: Vec<_> = lines.iter().map(|l| terminal(l)).collect();
        Self { text: lines.join(separator), tone }
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
            // A header's line breaks are ours; what it quotes from the command line is escaped.
            let lines: Vec<_> = h.split('\n').map(terminal).collect();
            let cell = comfy_table::Cell::new(lines.join("\n"));
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

/// The report as a terminal table, in the report's order, then the unreadable files.
/// The region column is left out when the report covers one region.
///
/// # Errors
/// When writing fails.
pub fn report(out: &mut dyn std::io::Write, report: &crate::report::Report<'_>, style: Style) -> std::io::Result<()> {
    use comfy_table::ColumnConstraint::{ContentWidth, LowerBoundary};
    use comfy_table::Width::Fixed;

    use crate::model::Status;

    if report.items.is_empty() {
        writeln!(out, "No engagement matches ({}).", terminal(&report.scope()))?;
    } else {
        let show_region = report.filters.regions.len() != 1;
        // Fitted to a terminal, two-line cells keep columns narrow; in a file, one line a row.
        let nl = if style.fit { "\n" } else { " " };
        let (lead, risks, overdue) =
            (format!("account{nl}lead"), format!("low{nl}risks"), format!("overdue{nl}actions"));
        let mut header = vec!["engagement", "client"];
        let mut constraints = vec![LowerBoundary(Fixed(18)), LowerBoundary(Fixed(12))];
        if show_region {
            header.push("region");
            constraints.push(ContentWidth);
        }
        // On a narrow terminal the other findings go under the table instead of a column.
        let also_column = !style.fit || style.width >= 130;
        header.extend([lead.as_str(), "updated", "status", "low scores", risks.as_str(), overdue.as_str()]);
        constraints.extend([
            LowerBoundary(Fixed(10)),
            ContentWidth,
            ContentWidth,
            LowerBoundary(Fixed(16)),
            ContentWidth,
            ContentWidth,
        ]);
        if also_column {
            header.push("also");
            constraints.push(LowerBoundary(Fixed(12)));
        }
        let mut also_lines = Vec::new();
        let since_header = report.since.map(|s| format!("since{nl}{}", s.commit.asked));
        if let Some(h) = &since_header {
            header.push(h.as_str());
            constraints.push(LowerBoundary(Fixed(6)));
        }
        let mut t = new(style, &header);
        for item in &report.items {
            let e = item.eng;
            let status = item.status();
            let tone = match status {
                Status::Red => Tone::Bad,
                Status::Amber => Tone::Warn,
                Status::Green => Tone::Good,
            };
            let updated = e.updated.get().map_or_else(String::new, ToString::to_string);
            let updated = if item.stale {
                Cell::lines(&[&updated, &format!("({}d, stale)", item.age_days)], nl, Tone::Bad)
            } else {
                Cell::lines(&[&updated, &format!("({}d)", item.age_days)], nl, Tone::Plain)
            };
            let low: Vec<String> = item.low_scores.iter().map(|(_, key, s)| format!("{key} {s}")).collect();
            let count =
                |n: usize| if n == 0 { Cell::toned("—", Tone::Dim) } else { Cell::toned(n.to_string(), Tone::Warn) };
            // Other findings, by rule, that the columns do not already show: each rule once,
            // in the order of its first finding.
            let mut also: Vec<String> = Vec::new();
            for f in item.others() {
                let rule = f.rule.as_str().replace('-', " ");
                if !also.contains(&rule) {
                    also.push(rule);
                }
            }
            let mut cells = vec![Cell::text(item.name()), Cell::text(e.client.str().unwrap_or("—"))];
            if show_region {
                cells.push(Cell::text(e.region.str().unwrap_or("—")));
            }
            cells.extend([
                Cell::text(e.leads.account.str().unwrap_or("—")),
                updated,
                Cell::toned(status.as_str(), tone),
                if low.is_empty() { Cell::toned("—", Tone::Dim) } else { Cell::toned(low.join(", "), Tone::Warn) },
                count(item.low_risks.len()),
                count(item.overdue.len()),
            ]);
            if also_column {
                cells.push(if also.is_empty() { Cell::toned("—", Tone::Dim) } else { Cell::text(also.join(", ")) });
            } else if !also.is_empty() {
                also_lines.push(format!("  {}: {}", terminal(item.name()), also.join(", ")));
            }
            if report.since.is_some() {
                cells.push(report.changes(item).map_or_else(
                    || Cell::toned("—", Tone::Dim),
                    |c| {
                        let (up, down) = c.score_moves();
                        let worse = c.status.is_some_and(|(o, n)| n < o) || down > up;
                        let better = c.status.is_some_and(|(o, n)| n > o) || up > down;
                        let tone = if worse {
                            Tone::Bad
                        } else if better {
                            Tone::Good
                        } else {
                            Tone::Plain
                        };
                        Cell::toned(c.brief(), tone)
                    },
                ));
            }
            row(&mut t, cells, style);
        }
        if style.fit {
            t.set_constraints(constraints);
        }
        writeln!(out, "{t}")?;
        if !also_lines.is_empty() {
            writeln!(out, "Also:\n{}", also_lines.join("\n"))?;
        }
        let o = report.overview();
        writeln!(
            out,
            "{} engagements ({}): {} red, {} amber, {} green; {} stale; {} low scores; {} overdue actions.",
            o.engagements,
            terminal(&report.scope()),
            o.red,
            o.amber,
            o.green,
            o.stale,
            o.low_scores,
            o.overdue_actions
        )?;
    }
    if !report.invalid.is_empty() {
        let list: Vec<String> = report
            .invalid
            .iter()
            .map(|i| format!("{} ({} error{})", terminal(i.path), i.errors, if i.errors == 1 { "" } else { "s" }))
            .collect();
        writeln!(out, "Could not be read, so not summarised: {} (`acctsum check` says why).", list.join(", "))?;
    }
    let removed = report.removed();
    if let (Some(since), false) = (report.since, removed.is_empty()) {
        let gone: Vec<String> =
            removed.iter().map(|r| format!("{} ({})", terminal(r.name()), terminal(&r.path))).collect();
        writeln!(out, "Gone since {}: {}.", terminal(&since.commit.asked), gone.join(", "))?;
    }
    Ok(())
}
