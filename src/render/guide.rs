//! `acctsum guide`: the field guide in a terminal.

use std::io::{self, Write};

use super::text::terminal;
use crate::format::{self, Field, Section, Shape};
use crate::good;
use crate::guide::{Guide, Measure};
use crate::name_key::name_key;

/// Something the guide can show on its own: a field (with its path) or a measure.
#[derive(Clone, Copy, Debug)]
pub enum Topic<'a> {
    /// A field, by dotted path (`leads.tech`, `actions.due`).
    Field(&'a Field, &'a str),
    /// A configured measure.
    Measure(Section, &'a Measure),
}

/// Every field path of the format, in file order, with its field.
#[must_use]
pub fn field_paths() -> Vec<(String, &'static Field)> {
    let mut out = Vec::new();
    for field in format::ENGAGEMENT {
        out.push((field.key.to_owned(), field));
        if let Shape::Record(fields) | Shape::List(fields) = field.shape {
            for sub in fields {
                out.push((format!("{}.{}", field.key, sub.key), sub));
            }
        }
        if let Shape::Measures(_) = field.shape {
            for sub in format::MEASURE {
                out.push((format!("{}.<measure>.{}", field.key, sub.key), sub));
            }
        }
    }
    out
}

/// Every field path of a review session file, prefixed `review.` (`review.next_review`,
/// `review.actions.engagement`), in file order, with its field.
#[must_use]
pub fn review_paths() -> Vec<(String, &'static Field)> {
    let mut out = Vec::new();
    for field in format::REVIEW {
        out.push((format!("review.{}", field.key), field));
        if let Shape::Record(fields) | Shape::List(fields) = field.shape {
            for sub in fields {
                out.push((format!("review.{}.{}", field.key, sub.key), sub));
            }
        }
    }
    out
}

/// Wraps `text` to `width` columns, every line starting with `indent` spaces; control
/// characters (from `acctsum.yaml`'s guide text) are shown escaped.
fn wrap(out: &mut dyn Write, text: &str, indent: usize, width: usize) -> io::Result<()> {
    let room = width.saturating_sub(indent).max(20);
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = terminal(word);
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > room {
            writeln!(out, "{:indent$}{line}", "")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        writeln!(out, "{:indent$}{line}", "")?;
    }
    Ok(())
}

/// One item of a list: `  - ` and the text, wrapped under its first word.
fn bullet(out: &mut dyn Write, text: &str, width: usize) -> io::Result<()> {
    let mut lines = Vec::new();
    wrap(&mut lines, text, 4, width)?;
    let lines = String::from_utf8_lossy(&lines);
    for (i, line) in lines.lines().enumerate() {
        let line = if i == 0 { format!("  - {}", line.trim_start()) } else { line.to_owned() };
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn field(out: &mut dyn Write, path: &str, field: &Field, guide: &Guide, width: usize) -> io::Result<()> {
    let need = if field.required { "required" } else { "optional" };
    writeln!(out, "{path}  ({need}) {}", terminal(&field.shape.describe(guide)))?;
    wrap(out, field.doc, 4, width)
}

fn measures(out: &mut dyn Write, section: Section, guide: &Guide, width: usize) -> io::Result<()> {
    let list = guide.measures(section);
    if list.is_empty() {
        return writeln!(out, "    (no {} measures are configured)", section.key());
    }
    for m in list {
        measure(out, m, width)?;
    }
    Ok(())
}

fn measure(out: &mut dyn Write, m: &Measure, width: usize) -> io::Result<()> {
    writeln!(out, "    {}  {}", terminal(&m.key), terminal(&m.name))?;
    if m.guide.is_empty() { Ok(()) } else { wrap(out, &m.guide, 8, width) }
}

/// Writes the whole guide.
///
/// # Errors
/// When writing fails.
pub fn whole(out: &mut dyn Write, guide: &Guide, width: usize) -> io::Result<()> {
    let s = guide.scale;
    writeln!(out, "acctsum field guide — engagement files, format 1\n")?;
    wrap(
        out,
        &format!(
            "Scores and comforts are whole numbers from {} (worst, very uncomfortable) to {} (best, comfortable); {} or less is low and needs notes and an action. Summaries are reviewed at least every {} days, service reviews held every {} days, headlines kept to {} characters, asks for help answered within {} days. Keys starting with x- are extensions and are ignored.",
            s.min,
            s.max,
            s.low,
            guide.stale_after_days,
            guide.service_review_days,
            guide.headline_max_chars,
            guide.support_stale_days
        ),
        0,
        width,
    )?;
    writeln!(out)?;
    wrap(out, good::SELF_ASSESSMENT, 0, width)?;
    writeln!(out, "\n{}\n", good::TITLE)?;
    wrap(out, good::INTRO, 0, width)?;
    for item in good::WHAT_GOOD_LOOKS_LIKE {
        bullet(out, item, width)?;
    }
    writeln!(out)?;
    for f in format::ENGAGEMENT {
        field(out, f.key, f, guide, width)?;
        match f.shape {
            Shape::Record(fields) | Shape::List(fields) => {
                for sub in fields {
                    field(out, &format!("  {}.{}", f.key, sub.key), sub, guide, width)?;
                }
            }
            Shape::Measures(section) => {
                for sub in format::MEASURE {
                    field(out, &format!("  {}.<measure>.{}", f.key, sub.key), sub, guide, width)?;
                }
                writeln!(out, "  measures:")?;
                measures(out, section, guide, width)?;
            }
            _ => {}
        }
    }
    writeln!(out)?;
    reviews(out, guide, width)
}

/// What the guide says about review session files as a whole (the site's guide page
/// says the same).
pub const REVIEWS_INTRO: &str = "Each regional review session leaves a file, named after its date in its region's folder: `acctsum review new --region REGION` starts it with the previous session's open actions and the engagements that need attention. A session starts from the previous minutes and action plan and closes with the date of the next review, so the region's next pack opens with its decisions and actions. Only the latest session of a region is checked for overdue actions and a passed next_review.";

/// Writes the review session part of the guide (`acctsum guide review`).
///
/// # Errors
/// When writing fails.
pub fn reviews(out: &mut dyn Write, guide: &Guide, width: usize) -> io::Result<()> {
    writeln!(out, "Review session files — reviews/<region>/<YYYY-MM-DD>.yaml, format 1\n")?;
    wrap(out, REVIEWS_INTRO, 0, width)?;
    wrap(out, "`acctsum guide review.FIELD` shows one field (`acctsum guide review.actions.owner`).", 0, width)?;
    writeln!(out)?;
    for (path, f) in review_paths() {
        let shown = if path.matches('.').count() > 1 { format!("  {path}") } else { path };
        field(out, &shown, f, guide, width)?;
    }
    Ok(())
}

/// Finds a topic by name: a field path, a top-level key, or a measure key.
#[must_use]
pub fn find<'a>(name: &str, guide: &'a Guide, paths: &'a [(String, &'static Field)]) -> Option<Topic<'a>> {
    // Matched by name key, as every name is: `guide Customer` finds `customer`.
    let name = name_key(name.trim().trim_end_matches(':'));
    if let Some((path, f)) =
        paths.iter().find(|(p, _)| name_key(p) == name || name_key(&p.replace(".<measure>", "")) == name)
    {
        return Some(Topic::Field(f, path));
    }
    Section::ALL.iter().find_map(|&section| {
        guide.measures(section).iter().find(|m| name_key(&m.key) == name).map(|m| Topic::Measure(section, m))
    })
}

/// Writes one topic; a section of measures lists them.
///
/// # Errors
/// When writing fails.
pub fn topic(out: &mut dyn Write, topic: Topic<'_>, guide: &Guide, width: usize) -> io::Result<()> {
    match topic {
        Topic::Field(f, path) => {
            field(out, path, f, guide, width)?;
            match f.shape {
                Shape::Record(fields) | Shape::List(fields) => {
                    for sub in fields {
                        field(out, &format!("  {path}.{}", sub.key), sub, guide, width)?;
                    }
                }
                Shape::Measures(section) => {
                    for sub in format::MEASURE {
                        field(out, &format!("  {path}.<measure>.{}", sub.key), sub, guide, width)?;
                    }
                    writeln!(out, "  measures:")?;
                    measures(out, section, guide, width)?;
                }
                _ => {}
            }
            Ok(())
        }
        Topic::Measure(section, m) => {
            writeln!(out, "{}.{}  ({}) {{score, notes, action}}", section.key(), terminal(&m.key), terminal(&m.name))?;
            if !m.guide.is_empty() {
                wrap(out, &m.guide, 4, width)?;
            }
            let s = guide.scale;
            wrap(
                out,
                &format!(
                    "Score from {} (worst) to {} (best); {} or less is low and needs notes and an action.",
                    s.min, s.max, s.low
                ),
                4,
                width,
            )
        }
    }
}
