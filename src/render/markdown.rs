//! `report --format markdown`: the review pack for a review session.
//!
//! Every piece of user text goes through [`md`], so nothing a lead writes can break a
//! table, start a heading or inject HTML; the pack passes markdownlint (line length aside).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::format::Section;
use crate::guide::{Band, Guide, Scale};

use crate::model::{Action, ActionStatus, Engagement, Risk, RiskType, Score, Status, Value};
use crate::render::text::md;
use crate::report::{Item, Report};

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

/// The legend of the score cues for a scale.
fn legend(scale: Scale) -> String {
    let mut bands: Vec<(&str, i64, i64)> = Vec::new();
    for score in scale.min..=scale.max {
        let c = cue(scale.band(score));
        match bands.last_mut() {
            Some((last, _, hi)) if *last == c => *hi = score,
            _ => bands.push((c, score, score)),
        }
    }
    let parts: Vec<String> =
        bands.iter().map(|(c, lo, hi)| if lo == hi { format!("{c} {lo}") } else { format!("{c} {lo}–{hi}") }).collect();
    format!("{} · ⬜ no score", parts.join(" · "))
}

fn days(n: i64) -> String {
    match n {
        0 => "today".to_owned(),
        1 => "1 day ago".to_owned(),
        -1 => "in 1 day".to_owned(),
        n if n < 0 => format!("in {} days", -n),
        n => format!("{n} days ago"),
    }
}

fn opt(v: Option<&str>) -> String {
    v.map_or_else(|| "—".to_owned(), md)
}

fn text(v: &Value<String>) -> String {
    opt(v.str())
}

fn date(v: &Value<chrono::NaiveDate>) -> String {
    v.get().map_or_else(|| "—".to_owned(), ToString::to_string)
}

fn score_cell(v: &Value<i64>, scale: Scale) -> String {
    v.copied().map_or_else(|| "⬜ —".to_owned(), |s| format!("{} {s}", cue(scale.band(s))))
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

/// A risk's cells: title, type, comfort, mitigation, owner.
fn risk_cells(r: &Risk, scale: Scale) -> Vec<String> {
    let kind = r.kind.copied().unwrap_or(RiskType::Risk).to_string();
    vec![text(&r.title), kind, score_cell(&r.score, scale), text(&r.mitigation), text(&r.owner)]
}

/// An action's cells: action, owner, due (marked when overdue), status.
fn action_cells(a: &Action, item: &Item<'_>) -> Vec<String> {
    let overdue = item.is_overdue(a);
    let due = format!("{}{}", date(&a.due), if overdue { " ⚠️ **overdue**" } else { "" });
    vec![text(&a.action), text(&a.owner), due, a.status.copied().unwrap_or(ActionStatus::Open).to_string()]
}

/// Cells led by the engagement's name.
fn with_name(item: &Item<'_>, cells: Vec<String>) -> Vec<String> {
    std::iter::once(md(item.name())).chain(cells).collect()
}

fn names(list: &[String]) -> String {
    if list.is_empty() { "—".to_owned() } else { list.iter().map(|n| md(n)).collect::<Vec<_>>().join(", ") }
}

/// Writes the whole pack.
#[must_use]
pub fn pack(report: &Report<'_>) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let scope = report.scope();
    let _ = writeln!(out, "# Review pack: {} — {}\n", md(&scope), report.today);
    let o = report.overview();
    let _ = writeln!(
        out,
        "Account Summaries as of {}: {} engagement{} ({}). Sorted by need of attention: red, amber, green; stale first.\n",
        report.today,
        o.engagements,
        if o.engagements == 1 { "" } else { "s" },
        md(&scope)
    );
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
        ],
        &[vec![o.engagements, o.red, o.amber, o.green, o.stale, o.low_scores, o.overdue_actions, o.invalid]
            .into_iter()
            .map(|n| n.to_string())
            .collect()],
    );
    if let Some(since) = report.since {
        changes(&mut out, report, since);
    }
    if report.filters.client.is_some() {
        client_rollup(&mut out, report);
    }
    summary(&mut out, report);
    attention(&mut out, report);
    unreadable(&mut out, report);
    heat_map(&mut out, report);
    if !report.items.is_empty() {
        out.push_str("## Engagements\n\n");
        for item in &report.items {
            engagement(&mut out, item, report.guide);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn changes(out: &mut String, report: &Report<'_>, since: &crate::history::Since) {
    let c = &since.commit;
    let _ = writeln!(out, "## Changes since {}\n", md(&c.asked));
    let _ = writeln!(out, "Compared with commit `{}` of {}.\n", c.short(), c.date);
    let mut unchanged = 0;
    let mut lines = Vec::new();
    for item in &report.items {
        let Some(ch) = report.changes(item) else { continue };
        if ch.is_empty() && ch.moved_from.is_none() {
            unchanged += 1;
            continue;
        }
        let mut line = format!("- **{}**", md(item.name()));
        if ch.added {
            let _ = write!(line, ": new since {}", md(&c.asked));
            lines.push(line);
            continue;
        }
        let mut parts = Vec::new();
        if let Some((old, new)) = ch.status {
            let arrow = if new > old { "↑" } else { "↓" };
            parts.push(format!(
                "status {} {} → {} {} {arrow}",
                status_cue(old),
                old.as_str(),
                status_cue(new),
                new.as_str()
            ));
        }
        if !ch.scores.is_empty() {
            let moves: Vec<String> = ch
                .scores
                .iter()
                .map(|s| {
                    let show = |v: Option<i64>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
                    let arrow = match (s.old, s.new) {
                        (Some(o), Some(n)) if n > o => " ↑",
                        (Some(o), Some(n)) if n < o => " ↓",
                        _ => "",
                    };
                    format!("{} {} → {}{arrow}", md(&s.key), show(s.old), show(s.new))
                })
                .collect();
            parts.push(format!("scores: {}", moves.join(", ")));
        }
        let list = |label: &str, items: &[String]| {
            (!items.is_empty())
                .then(|| format!("{label}: {}", items.iter().map(|t| md(t)).collect::<Vec<_>>().join("; ")))
        };
        parts.extend(list("risks added", &ch.risks_added));
        parts.extend(list("risks removed", &ch.risks_removed));
        parts.extend(list("actions completed", &ch.actions_completed));
        parts.extend(list("actions added", &ch.actions_added));
        parts.extend(list("open actions dropped", &ch.actions_removed));
        if let Some(from) = &ch.moved_from {
            parts.push(format!("moved from {}", md(from)));
        }
        if parts.is_empty() {
            parts.push("edited (no change to status, scores, risks or actions)".to_owned());
        }
        line.push('\n');
        for part in parts {
            let _ = writeln!(line, "  - {part}");
        }
        lines.push(line.trim_end().to_owned());
    }
    for gone in report.removed() {
        lines.push(format!("- **{}**: gone since {} (was {})", md(gone.name()), md(&c.asked), md(&gone.path)));
    }
    if lines.is_empty() {
        out.push_str("Nothing changed.\n\n");
    } else {
        for line in lines {
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if unchanged > 0 {
        let _ = writeln!(out, "{unchanged} engagement{} unchanged.\n", if unchanged == 1 { "" } else { "s" });
    }
}

fn summary(out: &mut String, report: &Report<'_>) {
    out.push_str("## Summary\n\n");
    if report.items.is_empty() {
        out.push_str("No engagement matches.\n\n");
        return;
    }
    let rows: Vec<Vec<String>> = report
        .items
        .iter()
        .map(|i| {
            let e = i.eng;
            let low: Vec<String> = i.low_scores.iter().map(|(_, key, s)| format!("{key}={s}")).collect();
            vec![
                md(i.name()),
                text(&e.client),
                text(&e.region),
                text(&e.leads.account),
                format!("{} ({}{})", date(&e.updated), days(i.age_days), if i.stale { ", **stale**" } else { "" }),
                format!("{} {}", status_cue(i.status()), i.status().as_str()),
                if low.is_empty() { "—".to_owned() } else { md(&low.join(", ")) },
                i.low_risks.len().to_string(),
                i.overdue.len().to_string(),
            ]
            .into_iter()
            .chain(report.since.map(|_| report.changes(i).map_or_else(|| "—".to_owned(), |c| md(&c.brief()))))
            .collect()
        })
        .collect();
    let mut header = vec![
        "engagement",
        "client",
        "region",
        "account lead",
        "updated",
        "status",
        "low scores",
        "low risks",
        "overdue actions",
    ];
    if report.since.is_some() {
        header.push("change");
    }
    table(out, &header, &rows);
}

fn attention(out: &mut String, report: &Report<'_>) {
    out.push_str("## Needs attention\n\n");
    let mut any = false;
    for item in &report.items {
        let red = item.status() == Status::Red;
        if item.findings.is_empty() && !red {
            continue;
        }
        any = true;
        let _ = writeln!(
            out,
            "- **{}** ({} {}, {})",
            md(item.name()),
            status_cue(item.status()),
            item.status().as_str(),
            text(&item.eng.region)
        );
        if red {
            let _ = writeln!(out, "  - The status is red: {}", text(&item.eng.headline));
        }
        for f in &item.findings {
            let _ = writeln!(out, "  - {} (line {}, {})", md(&sentence(&f.message)), f.loc.line, f.rule);
        }
    }
    if any {
        out.push('\n');
    } else {
        out.push_str("Nothing: every summary is current and complete, and no engagement is red.\n\n");
    }
}

/// A message as a sentence: capital first letter.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn unreadable(out: &mut String, report: &Report<'_>) {
    if report.invalid.is_empty() {
        return;
    }
    out.push_str("## Could not be read\n\n");
    out.push_str("These files have structural errors or cannot be read, so their engagements are missing from this pack until they are fixed; `acctsum check` shows each error.\n\n");
    let rows: Vec<Vec<String>> = report.invalid.iter().map(|i| vec![md(i.path), i.errors.to_string()]).collect();
    table(out, &["file", "errors"], &rows);
}

fn heat_map(out: &mut String, report: &Report<'_>) {
    let guide = report.guide;
    let measures: Vec<(Section, &str)> =
        Section::ALL.iter().flat_map(|&s| guide.measures(s).iter().map(move |m| (s, m.key.as_str()))).collect();
    if report.items.is_empty() || measures.is_empty() {
        return;
    }
    out.push_str("## Heat map\n\n");
    let _ = writeln!(out, "Scores of every engagement on every measure: {}.\n", legend(guide.scale));
    let mut header = vec!["engagement".to_owned()];
    header.extend(measures.iter().map(|(_, key)| md(key)));
    let rows: Vec<Vec<String>> = report
        .items
        .iter()
        .map(|item| {
            let mut row = vec![md(item.name())];
            for (section, key) in &measures {
                let scores = match section {
                    Section::AccountStatus => &item.eng.account_status,
                    Section::Strategy => &item.eng.strategy,
                };
                row.push(scores.get(key).map_or_else(|| "⬜ —".to_owned(), |s| score_cell(&s.score, guide.scale)));
            }
            row
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table(out, &header, &rows);
}

fn client_rollup(out: &mut String, report: &Report<'_>) {
    let mut clients: BTreeMap<String, Vec<&Item<'_>>> = BTreeMap::new();
    for item in &report.items {
        let client = item.eng.client.str().unwrap_or_default().trim().to_owned();
        clients.entry(client).or_default().push(item);
    }
    for (client, items) in clients {
        let _ = writeln!(out, "## Client: {}\n", md(&client));
        let mut relationship: Vec<&str> = items.iter().filter_map(|i| i.eng.leads.relationship.str()).collect();
        relationship.sort_unstable();
        relationship.dedup();
        let rl = if relationship.is_empty() {
            "not named".to_owned()
        } else {
            relationship.iter().map(|r| md(r)).collect::<Vec<_>>().join(", ")
        };
        let _ = writeln!(
            out,
            "Relationship Lead: {rl}. {} engagement{} with this client.\n",
            items.len(),
            if items.len() == 1 { "" } else { "s" }
        );
        let rows: Vec<Vec<String>> = items
            .iter()
            .map(|i| {
                vec![
                    md(i.name()),
                    text(&i.eng.region),
                    format!("{} {}", status_cue(i.status()), i.status().as_str()),
                    text(&i.eng.leads.account),
                    names(&i.eng.leads.tech),
                    names(&i.eng.leads.delivery),
                    format!("{}{}", date(&i.eng.updated), if i.stale { " (stale)" } else { "" }),
                ]
            })
            .collect();
        table(out, &["engagement", "region", "status", "account lead", "tech", "delivery", "updated"], &rows);
        let scale = report.guide.scale;
        let risks: Vec<Vec<String>> =
            items.iter().flat_map(|i| i.eng.risks.iter().map(move |r| with_name(i, risk_cells(r, scale)))).collect();
        if risks.is_empty() {
            out.push_str("**Open risks**: none recorded.\n\n");
        } else {
            out.push_str("**Open risks**:\n\n");
            table(out, &["engagement", "risk", "type", "comfort", "mitigation", "owner"], &risks);
        }
        let actions: Vec<Vec<String>> = items
            .iter()
            .flat_map(|i| {
                let open = i.eng.actions.iter().filter(|a| a.is_open() != Some(false));
                open.map(move |a| with_name(i, action_cells(a, i)))
            })
            .collect();
        if actions.is_empty() {
            out.push_str("**Open actions**: none.\n\n");
        } else {
            out.push_str("**Open actions**:\n\n");
            table(out, &["engagement", "action", "owner", "due", "status"], &actions);
        }
    }
}

fn scores_table(out: &mut String, label: &str, section: Section, item: &Item<'_>, guide: &Guide) {
    let configured = guide.measures(section);
    if configured.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = configured
        .iter()
        .map(|m| match item.eng.scores(section).get(&m.key) {
            Some(Score { score, notes, action, .. }) => {
                vec![md(&m.name), score_cell(score, guide.scale), text(notes), text(action)]
            }
            None => {
                let notes = if item.is_unscored(section, &m.key) { "not scored" } else { "—" };
                vec![md(&m.name), "⬜ —".to_owned(), notes.to_owned(), "—".to_owned()]
            }
        })
        .collect();
    let _ = writeln!(out, "**{label}**:\n");
    table(out, &["measure", "score", "notes", "action"], &rows);
}

fn engagement(out: &mut String, item: &Item<'_>, guide: &Guide) {
    let e: &Engagement = item.eng;
    let scale = guide.scale;
    let status = item.status();
    let _ = writeln!(out, "### {} — {} {}\n", md(item.name()), status_cue(status), status.as_str());
    let l = &e.leads;
    let _ = writeln!(
        out,
        "Client {}, region {}, in `{}`. Leads: account {}; tech {}; delivery {}; relationship {}; client practice {}.\n",
        text(&e.client),
        text(&e.region),
        e.path.replace('`', "'"),
        text(&l.account),
        names(&l.tech),
        names(&l.delivery),
        text(&l.relationship),
        text(&l.client_practice),
    );
    let review = match (e.service_review.last.get(), e.service_review.next.get()) {
        (Some(last), Some(next)) => format!("Last service review {last}; next {next}."),
        (Some(last), None) => format!("Last service review {last}."),
        (None, Some(next)) => format!("No service review recorded; next {next}."),
        (None, None) => "No service review recorded.".to_owned(),
    };
    let _ = writeln!(
        out,
        "Updated {} ({}{}). {review}\n",
        date(&e.updated),
        days(item.age_days),
        if item.stale { ", **stale**" } else { "" }
    );
    let _ = writeln!(out, "> {}\n", text(&e.headline));
    out.push_str("**Next steps**:\n\n");
    for step in &e.next_steps {
        let _ = writeln!(out, "- {}", md(step));
    }
    out.push('\n');
    scores_table(out, "Account status", Section::AccountStatus, item, guide);
    if e.risks.is_empty() {
        out.push_str("**Risks and issues**: none recorded.\n\n");
    } else {
        out.push_str("**Risks and issues**:\n\n");
        let rows: Vec<Vec<String>> = e.risks.iter().map(|r| risk_cells(r, scale)).collect();
        table(out, &["risk", "type", "comfort", "mitigation", "owner"], &rows);
    }
    if e.actions.is_empty() {
        out.push_str("**Actions**: none recorded.\n\n");
    } else {
        out.push_str("**Actions**:\n\n");
        let rows: Vec<Vec<String>> = e.actions.iter().map(|a| action_cells(a, item)).collect();
        table(out, &["action", "owner", "due", "status"], &rows);
    }
    if e.objectives.is_empty() {
        out.push_str("**Objectives**: none recorded.\n\n");
    } else {
        out.push_str("**Objectives**:\n\n");
        let rows: Vec<Vec<String>> = e
            .objectives
            .iter()
            .map(|o| {
                let past = item.is_past(o);
                vec![
                    text(&o.title),
                    format!("{}{}", date(&o.date), if past { " (past)" } else { "" }),
                    score_cell(&o.comfort, scale),
                    text(&o.notes),
                ]
            })
            .collect();
        table(out, &["objective", "date", "comfort", "notes"], &rows);
    }
    scores_table(out, "Strategy", Section::Strategy, item, guide);
    if !e.wins.is_empty() {
        out.push_str("**Wins**:\n\n");
        for w in &e.wins {
            let _ = writeln!(out, "- {}: {}", date(&w.date), text(&w.title));
        }
        out.push('\n');
    }
    if !e.stakeholders.is_empty() {
        out.push_str("**Stakeholders**:\n\n");
        let rows: Vec<Vec<String>> = e
            .stakeholders
            .iter()
            .map(|s| {
                vec![text(&s.name), text(&s.role), s.side.get().map_or_else(|| "—".to_owned(), ToString::to_string)]
            })
            .collect();
        table(out, &["name", "role", "side"], &rows);
    }
    if !e.opportunities.is_empty() {
        out.push_str("**Opportunities**:\n\n");
        let rows: Vec<Vec<String>> = e
            .opportunities
            .iter()
            .map(|o| {
                vec![text(&o.title), o.stage.get().map_or_else(|| "—".to_owned(), ToString::to_string), text(&o.notes)]
            })
            .collect();
        table(out, &["opportunity", "stage", "notes"], &rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues_follow_the_scale() {
        let five = Scale { min: 1, max: 5, low: 2 };
        let got: Vec<&str> = (1..=5).map(|s| cue(five.band(s))).collect();
        assert_eq!(got, ["🟥", "🟧", "🟨", "🟩", "🟩"]);
        assert_eq!(legend(five), "🟥 1 · 🟧 2 · 🟨 3 · 🟩 4–5 · ⬜ no score");
        let ten = Scale { min: 0, max: 10, low: 3 };
        assert_eq!(legend(ten), "🟥 0 · 🟧 1–3 · 🟨 4–7 · 🟩 8–10 · ⬜ no score");
    }
}
