//! Terminal tables (comfy-table), shared by `leads` and `report`: fitted to the terminal
//! when there is one, one line per row when output goes to a file or a pipe.

use comfy_table::{Attribute, Color, ContentArrangement, Table, presets};

use super::Style;
use super::text::terminal;
use crate::view::{Cause, Pack, Shown, Status, Trend};

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

/// The tone of a status.
#[must_use]
pub fn status_tone(status: Status) -> Tone {
    match status {
        Status::Red => Tone::Bad,
        Status::Amber => Tone::Warn,
        Status::Green => Tone::Good,
    }
}

/// The open asks for help, the longest waiting first, before the table; nothing when
/// there are none.
fn asks(out: &mut dyn std::io::Write, pack: &Pack<'_>) -> std::io::Result<()> {
    let asks = crate::view::asks(&pack.entries);
    if asks.is_empty() {
        return Ok(());
    }
    writeln!(out, "Asks for help:")?;
    for (e, a) in asks {
        let value = |v: Shown<&str>| match v {
            Shown::Value(v) => terminal(v).into_owned(),
            Shown::NotRecorded => "—".to_owned(),
            Shown::Withheld => "withheld".to_owned(),
        };
        let age = match a.age_days {
            Shown::Value(1) => "1 day".to_owned(),
            Shown::Value(n) => format!("{n} days"),
            Shown::NotRecorded => "—".to_owned(),
            Shown::Withheld => "age withheld".to_owned(),
        };
        let long = if a.open_long { ", open long" } else { "" };
        let since = a.since.value().map_or_else(String::new, |d| format!(", since {d}"));
        let from = match a.from {
            Shown::NotRecorded => String::new(),
            f => format!(" — from {}", value(f)),
        };
        let region = if pack.one_region { String::new() } else { format!(" ({})", value(e.region)) };
        writeln!(out, "  {}{region}, {age}{long}{since}: {}{from}", terminal(e.name), value(a.ask))?;
    }
    writeln!(out)
}

/// The report as a terminal table, in the report's order, then the unreadable files,
/// the workspace's own findings and the engagements gone or moved away. The region
/// column is left out when the report covers one region.
///
/// # Errors
/// When writing fails.
pub fn report(out: &mut dyn std::io::Write, pack: &Pack<'_>, style: Style) -> std::io::Result<()> {
    use comfy_table::ColumnConstraint::{ContentWidth, LowerBoundary};
    use comfy_table::Width::Fixed;

    asks(out, pack)?;
    if pack.entries.is_empty() {
        writeln!(out, "No engagement matches ({}).", terminal(&pack.scope))?;
    } else {
        let show_region = !pack.one_region;
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
        let since_header = pack.since.as_ref().map(|s| format!("since{nl}{}", s.asked));
        if let Some(h) = &since_header {
            header.push(h.as_str());
            constraints.push(LowerBoundary(Fixed(6)));
        }
        let mut t = new(style, &header);
        for e in &pack.entries {
            let updated = e.updated.value().map_or_else(String::new, |d| d.to_string());
            let updated = if e.stale {
                Cell::lines(&[&updated, &format!("({}d, stale)", e.age_days)], nl, Tone::Bad)
            } else {
                Cell::lines(&[&updated, &format!("({}d)", e.age_days)], nl, Tone::Plain)
            };
            let low: Vec<String> = e.low_scores.iter().map(|l| format!("{} {}", l.key, l.mark.score)).collect();
            let count =
                |n: usize| if n == 0 { Cell::toned("—", Tone::Dim) } else { Cell::toned(n.to_string(), Tone::Warn) };
            let mut also: Vec<String> = e.others.iter().map(|r| r.as_str().replace('-', " ")).collect();
            if e.acknowledged_findings > 0 {
                also.push(format!("{} acknowledged", e.acknowledged_findings));
            }
            let mut cells = vec![Cell::text(e.name), Cell::text(e.client.value().unwrap_or("—"))];
            if show_region {
                cells.push(Cell::text(e.region.value().unwrap_or("—")));
            }
            cells.extend([
                Cell::text(match e.leads.account {
                    Shown::Value(name) => name,
                    Shown::NotRecorded => "—",
                    Shown::Withheld => "withheld",
                }),
                updated,
                Cell::toned(e.status.as_str(), status_tone(e.status)),
                if low.is_empty() { Cell::toned("—", Tone::Dim) } else { Cell::toned(low.join(", "), Tone::Warn) },
                count(e.low_risks),
                count(e.overdue_actions),
            ]);
            if also_column {
                cells.push(if also.is_empty() { Cell::toned("—", Tone::Dim) } else { Cell::text(also.join(", ")) });
            } else if !also.is_empty() {
                also_lines.push(format!("  {}: {}", terminal(e.name), also.join(", ")));
            }
            if pack.since.is_some() {
                cells.push(e.change.as_ref().map_or_else(
                    || Cell::toned("—", Tone::Dim),
                    |c| {
                        let tone = match c.trend {
                            Trend::Worse => Tone::Bad,
                            Trend::Better => Tone::Good,
                            Trend::Level => Tone::Plain,
                        };
                        Cell::toned(&c.brief, tone)
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
        let o = pack.overview;
        writeln!(
            out,
            "{} engagements ({}): {} red, {} amber, {} green; {} stale; {} low scores; {} overdue actions; {} acknowledged.",
            o.engagements,
            terminal(&pack.scope),
            o.red,
            o.amber,
            o.green,
            o.stale,
            o.low_scores,
            o.overdue_actions,
            o.acknowledged
        )?;
    }
    if pack.attention_only && pack.left_out > 0 {
        writeln!(out, "Left out by --attention (green, current, no findings, unchanged): {}.", pack.left_out)?;
    }
    if !pack.unreadable.is_empty() {
        let list: Vec<String> = pack
            .unreadable
            .iter()
            .map(|i| format!("{} ({} error{})", terminal(i.path), i.errors, if i.errors == 1 { "" } else { "s" }))
            .collect();
        writeln!(out, "Could not be read, so not summarised: {} (`acctsum check` says why).", list.join(", "))?;
    }
    for n in &pack.workspace {
        match n.cause {
            Cause::Finding(f) => {
                writeln!(out, "Workspace: {} ({}:{})", terminal(&f.message), terminal(&f.path), f.loc.line)?;
            }
            Cause::Withheld(w) => writeln!(out, "Workspace: {}", super::words::withheld_findings(w))?,
            Cause::RedStatus { .. } => {}
        }
    }
    if let Some(since) = &pack.since {
        if !since.left.is_empty() {
            let left: Vec<String> =
                since.left.iter().map(|l| format!("{} (to {})", terminal(l.name), terminal(l.to))).collect();
            writeln!(out, "Moved to another region since {}: {}.", terminal(since.asked), left.join(", "))?;
        }
        if !since.gone.is_empty() {
            let gone: Vec<String> =
                since.gone.iter().map(|r| format!("{} ({})", terminal(r.name), terminal(r.path))).collect();
            writeln!(out, "Gone since {}: {}.", terminal(since.asked), gone.join(", "))?;
        }
    }
    if let Some(audience) = pack.audience {
        let escape = |s: &str| terminal(s).into_owned();
        writeln!(out, "{}", super::words::built_for(audience, &pack.withheld, escape))?;
    }
    Ok(())
}
