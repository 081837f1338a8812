//! `acctsum history`: one engagement's `updated`, status and scores across its commits,
//! and what changed at each, drawn from the [history view](crate::view::history).

use std::fmt::Write as _;

use serde::Serialize;

use super::Style;
use super::json::Field;
use super::json::changes::Changes;
use super::markdown::{cue, status_cue};
use super::table::{self, Cell, Tone, status_tone};
use super::text::{md, terminal};
use super::words::{self, Words};
use crate::view::history::{History, State, Version};
use crate::view::{Band, CoveringRow, Shown, Unread};

/// What the status column shows of a version.
fn status_text(v: &Version<'_>, markdown: bool) -> String {
    match &v.state {
        State::Read { status: Shown::Value(s), .. } if markdown => format!("{} {}", status_cue(*s), s.as_str()),
        State::Read { status: Shown::Value(s), .. } => s.as_str().to_owned(),
        State::Read { .. } => "—".to_owned(),
        State::Unread(why) => unread(*why).to_owned(),
    }
}

/// A word for a version that could not be read.
fn unread(why: Unread) -> &'static str {
    match why {
        Unread::Invalid(_) => "unreadable",
        other => other.as_str(),
    }
}

fn updated(v: &Version<'_>) -> String {
    match &v.state {
        State::Read { updated: Shown::Value(d), .. } => d.to_string(),
        _ => "—".to_owned(),
    }
}

/// The changes of a version, as phrases.
fn changes(v: &Version<'_>, words: Words) -> Vec<String> {
    let mut out: Vec<String> = v.changes.iter().flatten().map(|c| words.change(c)).collect();
    if let State::Unread(why) = v.state {
        out.push(format!("could not be read: {}", why.reason()));
    }
    out
}

/// What a version's acknowledgements say, one phrase each (`action-overdue about … until
/// 2026-12-15: … (by …), 2 findings`).
fn acknowledgements(v: &Version<'_>, words: Words) -> Vec<String> {
    v.acknowledgements
        .iter()
        .flatten()
        .map(|a| {
            let phrase = words.acknowledgement(words::Acknowledgement {
                rule: a.rule,
                about: a.about,
                until: a.until,
                reason: a.reason,
                by: a.by,
            });
            if a.findings == 1 { phrase } else { format!("{phrase}, {} findings", a.findings) }
        })
        .collect()
}

/// Whether any version has an acknowledged finding: the tables then have a column for
/// them (a file that never acknowledged anything keeps its table as it was).
fn any_acknowledged(h: &History<'_>) -> bool {
    h.versions.iter().any(|v| v.acknowledged > 0)
}

/// The acknowledged column's cell: the count, or a dash.
fn acknowledged_cell(v: &Version<'_>) -> String {
    if v.acknowledged == 0 { "—".to_owned() } else { v.acknowledged.to_string() }
}

fn escape_terminal(text: &str) -> String {
    terminal(text).into_owned()
}

/// The history as a terminal table, with what changed at each version.
#[must_use]
pub fn table(h: &History<'_>, style: Style) -> String {
    let mut header = vec!["commit", "date", "updated", "status"];
    header.extend(h.measures.iter().map(|m| m.key));
    let with_acknowledged = any_acknowledged(h);
    if with_acknowledged {
        header.push("acknowledged");
    }
    header.push("changes");
    let mut t = table::new(style, &header);
    let words = Words { escape: escape_terminal, cue: None };
    for v in &h.versions {
        let (tone, scores): (Tone, &[Shown<crate::view::Mark>]) = match &v.state {
            State::Read { status: Shown::Value(s), scores, .. } => (status_tone(*s), scores),
            State::Read { scores, .. } => (Tone::Dim, scores),
            State::Unread(_) => (Tone::Dim, &[]),
        };
        let mut cells = vec![
            Cell::toned(v.short, Tone::Dim),
            Cell::text(v.date.to_string()),
            Cell::text(updated(v)),
            Cell::toned(status_text(v, false), tone),
        ];
        for i in 0..h.measures.len() {
            cells.push(match scores.get(i).copied() {
                Some(Shown::Value(m)) => {
                    let low = matches!(m.band, Band::Worst | Band::Low);
                    Cell::toned(m.score.to_string(), if low { Tone::Warn } else { Tone::Plain })
                }
                Some(Shown::Withheld) => Cell::toned("withheld", Tone::Dim),
                Some(Shown::NotRecorded) | None => Cell::toned("—", Tone::Dim),
            });
        }
        if with_acknowledged {
            let tone = if v.acknowledged == 0 { Tone::Dim } else { Tone::Plain };
            cells.push(Cell::toned(acknowledged_cell(v), tone));
        }
        let list = changes(v, words);
        cells.push(if list.is_empty() { Cell::toned("—", Tone::Dim) } else { Cell::text(list.join("; ")) });
        table::row(&mut t, cells, style);
    }
    let built_for = h.audience.map_or_else(String::new, |audience| {
        format!("{}\n", super::words::built_for(audience, &h.withheld, escape_terminal))
    });
    format!("{} ({}): {} commits\n{t}\n{built_for}", terminal(h.name), terminal(h.path), h.versions.len())
}

/// The history as Markdown: a table, what changed at each version, and a mermaid chart
/// per section that GitHub renders.
#[must_use]
pub fn markdown(h: &History<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# History: {}\n", md(h.name));
    if let Some(audience) = h.audience {
        let _ = writeln!(out, "{}\n", super::words::built_for(audience, &h.withheld, md));
    }
    let _ = writeln!(
        out,
        "{} commits touched `{}`, oldest first.\n",
        h.versions.len(),
        terminal(&h.path.replace('`', "'"))
    );
    let mut header = vec!["commit".to_owned(), "date".to_owned(), "updated".to_owned(), "status".to_owned()];
    header.extend(h.measures.iter().map(|m| md(m.key)));
    let with_acknowledged = any_acknowledged(h);
    if with_acknowledged {
        header.push("acknowledged".to_owned());
    }
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for v in &h.versions {
        let mut row =
            vec![format!("`{}`", v.short.replace('`', "'")), v.date.to_string(), updated(v), status_text(v, true)];
        let scores: &[Shown<crate::view::Mark>] = match &v.state {
            State::Read { scores, .. } => scores,
            State::Unread(_) => &[],
        };
        for i in 0..h.measures.len() {
            row.push(match scores.get(i).copied() {
                Some(Shown::Value(m)) => format!("{} {}", cue(m.band), m.score),
                Some(Shown::Withheld) => "withheld".to_owned(),
                Some(Shown::NotRecorded) | None => "—".to_owned(),
            });
        }
        if with_acknowledged {
            row.push(acknowledged_cell(v));
        }
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
    let words = Words { escape: md, cue: Some(status_cue) };
    let changed: Vec<String> = h
        .versions
        .iter()
        .filter_map(|v| {
            let list = changes(v, words);
            (!list.is_empty()).then(|| format!("- {} (`{}`): {}", v.date, v.short.replace('`', "'"), list.join("; ")))
        })
        .collect();
    if !changed.is_empty() {
        out.push_str("## What changed\n\n");
        for line in changed {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if with_acknowledged {
        out.push_str("## Acknowledged\n\n");
        out.push_str("Findings the leads acknowledged in the file, as of each commit's date: neither warnings nor errors, and not fixed.\n\n");
        for v in h.versions.iter().filter(|v| v.acknowledged > 0) {
            let mut line =
                format!("- {} (`{}`): {}", v.date, v.short.replace('`', "'"), words::acknowledged(v.acknowledged));
            let said = acknowledgements(v, words);
            if !said.is_empty() {
                let _ = write!(line, " — {}", said.join("; "));
            }
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    let labels: Vec<String> = {
        let mut seen: Vec<String> = Vec::new();
        h.versions
            .iter()
            .map(|v| {
                let date = v.date.to_string();
                let n = seen.iter().filter(|s| **s == date).count();
                seen.push(date.clone());
                if n == 0 { format!("\"{date}\"") } else { format!("\"{date} #{}\"", n + 1) }
            })
            .collect()
    };
    let (min, max) = h.scale;
    for s in &h.series {
        let tenths = |t: &Option<i64>| t.map_or_else(|| "0".to_owned(), |t| format!("{}.{}", t / 10, t % 10));
        let lowest = |l: &Option<i64>| l.map_or_else(|| "0".to_owned(), |l| l.to_string());
        let title = s.section.title();
        let _ = writeln!(out, "## {title} over time\n");
        let _ = writeln!(out, "Bars: the mean score; line: the lowest score. Scale {min} to {max}.\n");
        out.push_str("```mermaid\nxychart-beta\n");
        let _ = writeln!(out, "    title \"{title}\"");
        let _ = writeln!(out, "    x-axis [{}]", labels.join(", "));
        let _ = writeln!(out, "    y-axis \"Score\" {min} --> {max}");
        let _ = writeln!(out, "    bar [{}]", s.mean_tenths.iter().map(tenths).collect::<Vec<_>>().join(", "));
        let _ = writeln!(out, "    line [{}]", s.lowest.iter().map(lowest).collect::<Vec<_>>().join(", "));
        out.push_str("```\n\n");
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[derive(Serialize)]
struct JsonPoint<'a> {
    commit: &'a str,
    date: String,
    path: &'a str,
    readable: bool,
    unreadable: Option<&'static str>,
    rule: Option<&'static str>,
    updated: Option<String>,
    status: Option<&'static str>,
    account_status: std::collections::BTreeMap<&'a str, Field<i64>>,
    strategy: std::collections::BTreeMap<&'a str, Field<i64>>,
    changes: Option<Changes<'a>>,
    /// How many findings were acknowledged at that version.
    acknowledged: usize,
    /// The acknowledgements that covered them (`None`: the audience may not see them).
    acknowledgements: Option<Vec<JsonCovering<'a>>>,
}

/// One acknowledgement at a version, and how many findings it covered.
#[derive(Serialize)]
struct JsonCovering<'a> {
    rule: Field<&'static str>,
    about: Field<&'a str>,
    reason: Field<&'a str>,
    until: Field<String>,
    by: Field<&'a str>,
    findings: usize,
}

impl<'a> From<&CoveringRow<'a>> for JsonCovering<'a> {
    fn from(c: &CoveringRow<'a>) -> Self {
        Self {
            rule: Field(c.rule.map(crate::view::RuleId::as_str)),
            about: Field(c.about),
            reason: Field(c.reason),
            until: Field(c.until.map(|d| d.to_string())),
            by: Field(c.by),
            findings: c.findings,
        }
    }
}

#[derive(Serialize)]
struct JsonHistory<'a> {
    version: u32,
    /// The audience it was built for, and the fields it may not see (left out when no
    /// audience is declared).
    #[serde(skip_serializing_if = "Option::is_none")]
    audience: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    withheld: Option<&'a [&'a str]>,
    path: &'a str,
    engagement: &'a str,
    history: Vec<JsonPoint<'a>>,
}

/// The history as JSON.
///
/// # Errors
/// When serialising fails.
pub fn json(h: &History<'_>) -> serde_json::Result<String> {
    let history = h
        .versions
        .iter()
        .map(|v| {
            let (readable, unreadable, rule, updated, status, scores) = match &v.state {
                State::Read { updated, status, scores } => (
                    true,
                    None,
                    None,
                    updated.value().map(|d| d.to_string()),
                    status.value().map(crate::view::Status::as_str),
                    scores.as_slice(),
                ),
                State::Unread(why) => {
                    (false, Some(why.as_str()), why.rule().map(crate::view::RuleId::as_str), None, None, &[][..])
                }
            };
            let section = |section| {
                h.measures
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.section == section)
                    .map(|(i, m)| (m.key, Field(scores.get(i).copied().unwrap_or(Shown::NotRecorded).map(|m| m.score))))
                    .collect()
            };
            JsonPoint {
                commit: v.commit,
                date: v.date.to_string(),
                path: v.path,
                readable,
                unreadable,
                rule,
                updated,
                status,
                account_status: section(crate::view::Section::AccountStatus),
                strategy: section(crate::view::Section::Strategy),
                changes: v.changes.as_deref().map(Changes::of),
                acknowledged: v.acknowledged,
                acknowledgements: v.acknowledgements.as_ref().map(|a| a.iter().map(JsonCovering::from).collect()),
            }
        })
        .collect();
    let withheld = h.audience.map(|_| h.withheld.as_slice());
    super::json_text::string(&JsonHistory {
        version: 1,
        audience: h.audience,
        withheld,
        path: h.path,
        engagement: h.name,
        history,
    })
}
