//! "Asks for help": the open asks, the pack's opening section and the first item of an
//! engagement's section.

use super::{shown, table, text};
use crate::render::text::md;
use crate::view::{Ask, Entry, Pack, Shown, asks};

/// How long an ask has been open: `15 days, **open long**`.
fn age(a: &Ask<'_>) -> String {
    let days = match a.age_days {
        Shown::Value(1) => "1 day".to_owned(),
        Shown::Value(n) => format!("{n} days"),
        other => shown(other),
    };
    if a.open_long { format!("{days}, **open long**") } else { days }
}

/// The pack's opening section: every open ask, the longest waiting first; nothing when
/// no engagement asks for help.
pub(super) fn section(out: &mut String, p: &Pack<'_>) {
    let asks = asks(&p.entries);
    if asks.is_empty() {
        return;
    }
    out.push_str("## Asks for help\n\n");
    // One region: a region column says nothing.
    let region = !p.one_region;
    let rows: Vec<Vec<String>> = asks
        .iter()
        .map(|(e, a)| {
            let mut row = vec![md(e.name)];
            if region {
                row.push(text(e.region));
            }
            row.extend([text(a.ask), text(a.from), shown(a.since), age(a)]);
            row
        })
        .collect();
    let mut header = vec!["engagement"];
    if region {
        header.push("region");
    }
    header.extend(["ask", "from", "since", "open for"]);
    table(out, &header, &rows);
}

/// The item that opens an engagement's list: `**Asks for help** (from X, since D, 3 days): ask`.
pub(super) fn item(e: &Entry<'_>) -> Option<String> {
    let a = e.support?;
    let from = match a.from {
        Shown::NotRecorded => String::new(),
        f => format!("from {}, ", text(f)),
    };
    Some(format!("**Asks for help** ({from}since {}, {}): {}", shown(a.since), age(&a), text(a.ask)))
}
