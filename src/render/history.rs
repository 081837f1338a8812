//! `acctsum history`: one engagement's `updated`, status and scores across its commits.

use std::fmt::Write as _;

use serde::Serialize;

use super::Style;
use super::table::{self, Cell, Tone};
use crate::format::Section;
use crate::guide::Guide;
use crate::history::{Point, Summary, Timeline, Unread, updated};
use crate::model::Status;
use crate::render::markdown::{cue, status_cue};
use crate::render::text::{md, terminal};

/// Every configured measure, in guide order.
fn measures(guide: &Guide) -> Vec<(Section, &str)> {
    Section::ALL.iter().flat_map(|&s| guide.measures(s).iter().map(move |m| (s, m.key.as_str()))).collect()
}

fn score(eng: Option<&Summary>, section: Section, key: &str) -> Option<i64> {
    eng?.score(section, key)
}

/// What a point shows for a version that could not be read.
fn unreadable(p: &Point) -> &'static str {
    match p.summary {
        Err(Unread::Invalid(_)) | Ok(_) => "unreadable",
        Err(why) => why.as_str(),
    }
}

/// The timeline as a terminal table.
#[must_use]
pub fn table(timeline: &Timeline, guide: &Guide, style: Style) -> String {
    let (path, points) = (&timeline.path, &timeline.points);
    let measures = measures(guide);
    let mut header = vec!["commit", "date", "updated", "status"];
    header.extend(measures.iter().map(|(_, k)| *k));
    let mut t = table::new(style, &header);
    for p in points {
        let eng = p.summary.as_ref().ok();
        let status = eng.and_then(|e| e.status);
        let tone = match status {
            Some(Status::Red) => Tone::Bad,
            Some(Status::Amber) => Tone::Warn,
            Some(Status::Green) => Tone::Good,
            None => Tone::Dim,
        };
        let mut cells = vec![
            Cell::toned(&p.version.commit[..p.version.commit.len().min(10)], Tone::Dim),
            Cell::text(p.version.date.to_string()),
            Cell::text(updated(p).map_or_else(|| "—".to_owned(), |d| d.to_string())),
            Cell::toned(status.map_or(if eng.is_none() { unreadable(p) } else { "—" }, Status::as_str), tone),
        ];
        for (section, key) in &measures {
            cells.push(score(eng, *section, key).map_or_else(
                || Cell::toned("—", Tone::Dim),
                |s| Cell::toned(s.to_string(), if guide.is_low(s) { Tone::Warn } else { Tone::Plain }),
            ));
        }
        table::row(&mut t, cells, style);
    }
    format!("{} ({}): {} commits\n{t}\n", terminal(timeline.name()), terminal(path), points.len())
}

/// The mean and the lowest of a section's scores at each point.
fn section_series(points: &[Point], guide: &Guide, section: Section) -> Option<(Vec<String>, Vec<String>)> {
    let keys: Vec<&str> = guide.measures(section).iter().map(|m| m.key.as_str()).collect();
    if keys.is_empty() {
        return None;
    }
    let mut mean = Vec::new();
    let mut low = Vec::new();
    for p in points {
        let scores: Vec<i64> = keys.iter().filter_map(|k| score(p.summary.as_ref().ok(), section, k)).collect();
        if scores.is_empty() {
            mean.push("0".to_owned());
            low.push("0".to_owned());
        } else {
            let sum: i64 = scores.iter().sum();
            let count = i64::try_from(scores.len()).unwrap_or(1);
            // One decimal, computed in integers so that output never depends on float printing.
            let tenths = (sum * 10 + count / 2) / count;
            mean.push(format!("{}.{}", tenths / 10, tenths % 10));
            low.push(scores.iter().min().copied().unwrap_or_default().to_string());
        }
    }
    Some((mean, low))
}

/// The timeline as Markdown: a table, and a mermaid chart per section that GitHub renders.
#[must_use]
pub fn markdown(timeline: &Timeline, guide: &Guide) -> String {
    let (path, points) = (&timeline.path, &timeline.points);
    let mut out = String::new();
    let _ = writeln!(out, "# History: {}\n", md(timeline.name()));
    let _ = writeln!(out, "{} commits touched `{}`, oldest first.\n", points.len(), terminal(&path.replace('`', "'")));
    let measures = measures(guide);
    let mut header = vec!["commit".to_owned(), "date".to_owned(), "updated".to_owned(), "status".to_owned()];
    header.extend(measures.iter().map(|(_, k)| md(k)));
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(header.len()));
    for p in points {
        let eng = p.summary.as_ref().ok();
        let status = eng.and_then(|e| e.status).map_or_else(
            || if eng.is_none() { unreadable(p).to_owned() } else { "—".to_owned() },
            |s| format!("{} {}", status_cue(s), s.as_str()),
        );
        let mut row = vec![
            format!("`{}`", &p.version.commit[..p.version.commit.len().min(10)]),
            p.version.date.to_string(),
            updated(p).map_or_else(|| "—".to_owned(), |d| d.to_string()),
            status,
        ];
        for (section, key) in &measures {
            row.push(
                score(eng, *section, key)
                    .map_or_else(|| "—".to_owned(), |s| format!("{} {s}", cue(guide.scale.band(s)))),
            );
        }
        let _ = writeln!(out, "| {} |", row.join(" | "));
    }
    out.push('\n');
    let labels: Vec<String> = {
        let mut seen: Vec<String> = Vec::new();
        points
            .iter()
            .map(|p| {
                let date = p.version.date.to_string();
                let n = seen.iter().filter(|s| **s == date).count();
                seen.push(date.clone());
                if n == 0 { format!("\"{date}\"") } else { format!("\"{date} #{}\"", n + 1) }
            })
            .collect()
    };
    for section in Section::ALL {
        let Some((mean, low)) = section_series(points, guide, section) else { continue };
        let _ = writeln!(out, "## {} over time\n", section.title());
        let _ = writeln!(
            out,
            "Bars: the mean score; line: the lowest score. Scale {} to {}.\n",
            guide.scale.min, guide.scale.max
        );
        out.push_str("```mermaid\nxychart-beta\n");
        let _ = writeln!(out, "    title \"{}\"", section.title());
        let _ = writeln!(out, "    x-axis [{}]", labels.join(", "));
        let _ = writeln!(out, "    y-axis \"Score\" {} --> {}", guide.scale.min, guide.scale.max);
        let _ = writeln!(out, "    bar [{}]", mean.join(", "));
        let _ = writeln!(out, "    line [{}]", low.join(", "));
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
    updated: Option<String>,
    status: Option<&'static str>,
    account_status: std::collections::BTreeMap<&'a str, Option<i64>>,
    strategy: std::collections::BTreeMap<&'a str, Option<i64>>,
}

/// The timeline as JSON.
///
/// # Errors
/// When serialising fails.
pub fn json(timeline: &Timeline, guide: &Guide) -> serde_json::Result<String> {
    let list: Vec<JsonPoint<'_>> = timeline
        .points
        .iter()
        .map(|p| {
            let eng = p.summary.as_ref().ok();
            let scores = |section: Section| {
                guide.measures(section).iter().map(|m| (m.key.as_str(), score(eng, section, &m.key))).collect()
            };
            JsonPoint {
                commit: &p.version.commit,
                date: p.version.date.to_string(),
                path: &p.version.path,
                readable: eng.is_some(),
                unreadable: p.summary.as_ref().err().map(|why| why.as_str()),
                updated: updated(p).map(|d| d.to_string()),
                status: eng.and_then(|e| e.status).map(Status::as_str),
                account_status: scores(Section::AccountStatus),
                strategy: scores(Section::Strategy),
            }
        })
        .collect();
    let doc = serde_json::json!({"version": 1, "path": timeline.path, "engagement": timeline.name(), "history": list});
    super::json_text::string(&doc)
}
