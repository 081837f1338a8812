//! `report --format markdown`: the review pack for a review session, drawn from the
//! [view](crate::view). The director's first screen holds the asks for help, the counts
//! and what changed;
//! then the summary, what needs attention, the heat map and one compact section per
//! engagement.
//!
//! Every piece of user text goes through [`md`], so nothing a lead writes can break a
//! table, start a heading or inject HTML; the pack passes markdownlint (line length aside).

mod asks;
mod changes;
mod engagement;
mod last_review;

use std::fmt::Write as _;

// What the seed says of scores, said once at the top of the pack and under the heat map.
use crate::good::SCORES_ARE_AN_AID;
use crate::render::text::{link_target, md};
use crate::view::{Band, Cause, Entry, Legend, Mark, Note, Pack, Place, Severity, Shown, Status};

/// A coloured square for a score's band.
#[must_use]
pub fn cue(band: Band) -> &'static str {
    match band {
        Band::Worst => "🟥",
        Band::Low => "🟧",
        Band::Middling => "🟨",
        Band::Good => "🟩",
    }
}

/// A coloured circle for a status.
#[must_use]
pub fn status_cue(status: Status) -> &'static str {
    match status {
        Status::Red => "🔴",
        Status::Amber => "🟠",
        Status::Green => "🟢",
    }
}

/// A status with its cue: `🟠 amber`.
fn status(s: Status) -> String {
    format!("{} {}", status_cue(s), s.as_str())
}

/// The legend of the score cues.
fn legend(bands: &[Legend]) -> String {
    let parts: Vec<String> = bands
        .iter()
        .map(|b| {
            let c = cue(b.band);
            if b.low == b.high { format!("{c} {}", b.low) } else { format!("{c} {}–{}", b.low, b.high) }
        })
        .collect();
    format!("{} · ⬜ no score", parts.join(" · "))
}

/// An age in days, in words.
fn days(n: i64) -> String {
    match n {
        0 => "today".to_owned(),
        1 => "1 day ago".to_owned(),
        -1 => "in 1 day".to_owned(),
        n if n < 0 => format!("in {} days", -n),
        n => format!("{n} days ago"),
    }
}

/// A number of things: `1 engagement`, `2 engagements`.
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// User text, escaped; `—` when not recorded.
fn text(v: Shown<&str>) -> String {
    match v {
        Shown::Value(t) => md(t),
        Shown::NotRecorded => "—".to_owned(),
        Shown::Withheld => "withheld".to_owned(),
    }
}

/// Any other value, as written; `—` when not recorded.
fn shown<T: std::fmt::Display>(v: Shown<T>) -> String {
    match v {
        Shown::Value(t) => t.to_string(),
        Shown::NotRecorded => "—".to_owned(),
        Shown::Withheld => "withheld".to_owned(),
    }
}

/// A score with its cue: `🟧 2`, `⬜ —`.
fn mark(m: Shown<Mark>) -> String {
    match m {
        Shown::Value(m) => format!("{} {}", cue(m.band), m.score),
        Shown::NotRecorded => "⬜ —".to_owned(),
        Shown::Withheld => "withheld".to_owned(),
    }
}

/// Names, escaped, joined; `—` for none.
fn names(list: &Shown<Vec<&str>>) -> String {
    match list {
        Shown::Value(list) if !list.is_empty() => list.iter().map(|n| md(n)).collect::<Vec<_>>().join(", "),
        Shown::Value(_) | Shown::NotRecorded => "—".to_owned(),
        Shown::Withheld => "withheld".to_owned(),
    }
}

/// A relative link to a line of a file: `[path#L27](path#L27)`.
fn link(place: Place<'_>) -> String {
    format!("[{}#L{}]({}#L{})", md(place.path), place.line, link_target(place.path), place.line)
}

/// A relative link to a file.
fn file_link(path: &str) -> String {
    format!("[{}]({})", md(path), link_target(path))
}

/// A message as a sentence: a capital first letter.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A note as a sentence, an error marked, and a link to where it is.
fn note(n: &Note<'_>) -> String {
    let mut line = match n.cause {
        Cause::RedStatus { headline: Shown::NotRecorded } => "The status is red".to_owned(),
        Cause::RedStatus { headline: Shown::Withheld } => "The status is red; its headline is withheld".to_owned(),
        Cause::RedStatus { headline } => format!("The status is red: {}", text(headline)),
        Cause::Finding(f) if f.severity == Severity::Error => format!("**Error**: {}", md(&sentence(&f.message))),
        Cause::Finding(f) => md(&sentence(&f.message)),
        Cause::Withheld(w) => sentence(&crate::render::words::withheld_findings(w)),
    };
    if let Some(place) = n.place {
        let _ = write!(line, " — {}", link(place));
    }
    line
}

/// A table: header cells, then rows (cells already escaped).
fn table(out: &mut String, header: &[&str], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for row in rows {
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
}

/// Writes the whole pack.
#[must_use]
pub fn pack(p: &Pack<'_>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let scope = md(&p.scope);
    let _ = writeln!(out, "# Review pack: {scope} — {}\n", p.today);
    let o = &p.overview;
    let _ = write!(
        out,
        "Account Summaries as of {}: {} ({scope}). Sorted by need of attention: red, amber, green; stale first.",
        p.today,
        count(o.engagements, "engagement"),
    );
    if p.attention_only {
        let _ = write!(
            out,
            " Only those that need attention are shown: {} that {} green, current, without findings and unchanged {} left out.",
            p.left_out,
            if p.left_out == 1 { "is" } else { "are" },
            if p.left_out == 1 { "is" } else { "are" },
        );
    }
    if let Some(audience) = p.audience {
        let _ = write!(out, " {}", crate::render::words::built_for(audience, &p.withheld, md));
    }
    let _ = writeln!(out, "\n\n{SCORES_ARE_AN_AID}\n");
    if let Some(last) = &p.last_review {
        last_review::section(&mut out, last);
    }
    asks::section(&mut out, p);
    out.push_str("## Overview\n\n");
    table(
        &mut out,
        &[
            "engagements",
            "🔴 red",
            "🟠 amber",
            "🟢 green",
            "stale",
            "low scores",
            "overdue actions",
            "could not be read",
            "acknowledged",
        ],
        &[vec![
            o.engagements,
            o.red,
            o.amber,
            o.green,
            o.stale,
            o.low_scores,
            o.overdue_actions,
            o.invalid,
            o.acknowledged,
        ]
        .into_iter()
        .map(|n| n.to_string())
        .collect()],
    );
    if !p.workspace.is_empty() {
        let notes: Vec<String> = p.workspace.iter().map(note).collect();
        let _ = writeln!(out, "Workspace: {}\n", notes.join("; "));
    }
    if let Some(since) = &p.since {
        changes::section(&mut out, p, since);
    }
    if let Some(clients) = &p.clients {
        for client in clients {
            engagement::client(&mut out, client);
        }
    }
    summary(&mut out, p);
    attention(&mut out, p);
    unreadable(&mut out, p);
    heat_map(&mut out, p);
    if !p.entries.is_empty() {
        out.push_str("## Engagements\n\n");
        for e in &p.entries {
            engagement::section(&mut out, e);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// `2026-11-19 (1 day ago, **stale**)`.
fn updated(e: &Entry<'_>) -> String {
    format!("{} ({}{})", shown(e.updated), days(e.age_days), if e.stale { ", **stale**" } else { "" })
}

fn summary(out: &mut String, p: &Pack<'_>) {
    out.push_str("## Summary\n\n");
    if p.entries.is_empty() {
        out.push_str("No engagement matches.\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = p
        .entries
        .iter()
        .map(|e| {
            let low: Vec<String> = e.low_scores.iter().map(|l| format!("{}={}", l.key, l.mark.score)).collect();
            let mut row = vec![
                md(e.name),
                text(e.client),
                text(e.region),
                text(e.leads.account),
                updated(e),
                status(e.status),
                text(e.headline),
                if low.is_empty() { "—".to_owned() } else { md(&low.join(", ")) },
                e.low_risks.to_string(),
                e.overdue_actions.to_string(),
            ];
            if p.since.is_some() {
                row.push(e.change.as_ref().map_or_else(|| "—".to_owned(), |c| md(&c.brief)));
            }
            row
        })
        .collect();
    let mut header = vec![
        "engagement",
        "client",
        "region",
        "account lead",
        "updated",
        "status",
        "headline",
        "low scores",
        "low risks",
        "overdue actions",
    ];
    if p.since.is_some() {
        header.push("change");
    }
    table(out, &header, &rows);
}

fn attention(out: &mut String, p: &Pack<'_>) {
    out.push_str("## Needs attention\n\n");
    let mut any = false;
    for e in p.attention() {
        any = true;
        let _ = writeln!(out, "- **{}** ({}, {})", md(e.name), status(e.status), text(e.region));
        for n in &e.notes {
            let _ = writeln!(out, "  - {}", note(n));
        }
    }
    if any {
        out.push('\n');
    } else {
        out.push_str("Nothing: every summary is current and complete, and no engagement is red.\n\n");
    }
}

fn unreadable(out: &mut String, p: &Pack<'_>) {
    if p.unreadable.is_empty() {
        return;
    }
    out.push_str("## Could not be read\n\n");
    out.push_str("These files have structural errors or cannot be read, so their engagements are missing from this pack until they are fixed; `acctsum check` shows each error.\n\n");
    let rows: Vec<Vec<String>> = p
        .unreadable
        .iter()
        .map(|u| {
            vec![md(u.path), u.errors.to_string(), u.first.map_or_else(|| "—".to_owned(), |r| r.as_str().to_owned())]
        })
        .collect();
    table(out, &["file", "errors", "first problem"], &rows);
}

fn heat_map(out: &mut String, p: &Pack<'_>) {
    if p.entries.is_empty() || p.measures.is_empty() {
        return;
    }
    out.push_str("## Heat map\n\n");
    let mut header = vec!["engagement".to_owned()];
    header.extend(p.measures.iter().map(|m| md(m.key)));
    let rows: Vec<Vec<String>> = p
        .entries
        .iter()
        .map(|e| std::iter::once(md(e.name)).chain(e.scores.iter().map(|s| mark(s.mark))).collect())
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table(out, &header, &rows);
    let _ = writeln!(out, "{}. {SCORES_ARE_AN_AID}\n", legend(&p.legend));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_names_each_band_once() {
        let band = |band, low, high| Legend { band, low, high };
        let five = [band(Band::Worst, 1, 1), band(Band::Low, 2, 2), band(Band::Middling, 3, 3), band(Band::Good, 4, 5)];
        assert_eq!(legend(&five), "🟥 1 · 🟧 2 · 🟨 3 · 🟩 4–5 · ⬜ no score");
    }

    #[test]
    fn notes_link_to_their_line_and_mark_errors() {
        let place = Some(Place { path: "engagements/north/a b_[x].yaml", line: 27 });
        let mut f = crate::view::Finding::new(
            crate::view::RuleId::ActionOverdue,
            std::sync::Arc::from("engagements/north/a b_[x].yaml"),
            crate::finding::Loc::START,
            "action \"<b>\" was due",
        );
        assert_eq!(
            note(&Note { cause: Cause::Finding(&f), place }),
            "Action \"\\<b\\>\" was due — [engagements/north/a b\\_\\[x\\].yaml#L27](engagements/north/a%20b_%5Bx%5D.yaml#L27)"
        );
        f.severity = Severity::Error;
        assert_eq!(note(&Note { cause: Cause::Finding(&f), place: None }), "**Error**: Action \"\\<b\\>\" was due");
        let red = Note { cause: Cause::RedStatus { headline: Shown::Value("Late | <i>") }, place: None };
        assert_eq!(note(&red), "The status is red: Late \\| \\<i\\>");
    }
}
