//! The pack's **Changes since**: every kind of change, per engagement, then the
//! engagements that left the region and those gone.

use std::fmt::Write as _;

use super::status_cue;
use crate::render::text::md;
use crate::render::words::Words;
use crate::view::{Change, Pack, SinceView};

const WORDS: Words = Words { escape: md, cue: Some(status_cue) };

pub(super) fn section(out: &mut String, p: &Pack<'_>, since: &SinceView<'_>) {
    let asked = md(since.asked);
    let _ = writeln!(out, "## Changes since {asked}\n");
    let _ = writeln!(out, "Compared with commit `{}` of {}.\n", since.short.replace('`', "'"), since.date);
    let mut lines = Vec::new();
    for e in p.changed() {
        let Some(change) = &e.change else { continue };
        if change.lines == [Change::Added] {
            lines.push(format!("- **{}**: new since {asked}", md(e.name)));
            continue;
        }
        let mut line = format!("- **{}**", md(e.name));
        for c in &change.lines {
            let _ = write!(line, "\n  - {}", WORDS.change(c));
        }
        lines.push(line);
    }
    for left in &since.left {
        lines.push(format!("- **{}**: moved to {} ({})", md(left.name), md(left.to), md(left.path)));
    }
    for gone in &since.gone {
        lines.push(format!("- **{}**: gone since {asked} (was {})", md(gone.name), md(gone.path)));
    }
    if lines.is_empty() {
        out.push_str("Nothing changed.\n\n");
    } else {
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    let unchanged = p.unchanged();
    if unchanged > 0 {
        let _ = writeln!(out, "{} unchanged.\n", super::count(unchanged, "engagement"));
    }
}
