//! `e/<slug>.html`: one engagement — everything the pack shows of it, what needs
//! attention, what changed since `--since`, and its trend charts.

use maud::{Markup, PreEscaped, html};

use super::parts::{SCORES_ARE_AN_AID, WORDS, days, mark_cell, names, note, shown, status, text};
use super::{Frame, Nav, page as frame};
use crate::render::svg::Table;
use crate::site::trend::{Charts, NoCharts};
use crate::view::{ActionStatus, Change, Entry, RiskType, Section, Shown, Site};

/// An engagement's trend: its charts, or why it has none.
pub type Trend<'c> = Result<&'c Charts, NoCharts>;

/// The page of the engagement at `index` of the pack.
#[must_use]
pub fn page(site: &Site<'_>, index: usize, trend: Trend<'_>) -> String {
    let Some(e) = site.pack.entries.get(index) else { return String::new() };
    let link = &site.links[index];
    let region = link.region.and_then(|r| site.regions.get(r));
    let client = site.clients.get(link.client);
    let content = html! {
        article.engagement {
            h1 { (e.name) " " (status(e.status)) }
            (super::asks::engagement(e))
            dl.facts {
                dt { "Client" }
                dd { @match client { Some(c) if e.client.value().is_some() => a href={ "../c/" (c.slug) ".html" } { (c.client.name) }, _ => (text(e.client)) } }
                dt { "Region" }
                dd { @match region { Some(r) => a href={ "../r/" (r.slug) ".html" } { (r.name) }, None => (text(e.region)) } }
                dt { "Updated" }
                dd { (shown(e.updated)) " (" (days(e.age_days)) ")" @if e.stale { " " strong.flag { "stale" } } }
                @if let Some(r) = e.service_review {
                    dt { "Service review" }
                    dd { "last " (shown(r.last)) ", next " (shown(r.next)) }
                }
                dt { "File" }
                dd { code { (e.path) } }
            }
            h2 { "Leads" }
            dl.facts {
                dt { "Account Lead" } dd { (text(e.leads.account)) }
                dt { "Tech Leads" } dd { (names(&e.leads.tech)) }
                dt { "Delivery Leads" } dd { (names(&e.leads.delivery)) }
                dt { "Relationship Lead" } dd { (text(e.leads.relationship)) }
                dt { "Client Practice Lead" } dd { (text(e.leads.client_practice)) }
            }
            h2 { "Headline" }
            blockquote.headline { p { (text(e.headline)) } }
            @if let Some(steps) = &e.next_steps {
                h2 { "Next steps" }
                @if steps.is_empty() { p { "None recorded." } }
                @else { ul { @for s in steps { li { (s) } } } }
            }
            h2 { "Needs attention" }
            @if e.notes.is_empty() { p { "Nothing: the summary is current and complete, and the status is not red." } }
            @else { ul.notes { @for n in &e.notes { li { (note(n)) } } } }
            (changes(site, e))
            (scores(e))
            (risks(e))
            (actions(e))
            (objectives(e))
            (others(e))
            (charts(trend))
        }
    };
    let f = Frame { title: e.name, up: "../", nav: Nav::Other, audience: site.audience, today: site.pack.today };
    frame(&f, &content)
}

/// What changed since `--since`.
fn changes(site: &Site<'_>, e: &Entry<'_>) -> Markup {
    let Some(since) = &site.pack.since else { return html! {} };
    html! {
        h2 { "Changes since " (since.asked) }
        p.muted { "Compared with commit " code { (since.short) } " of " (since.date) "." }
        @match &e.change {
            Some(c) if c.lines == [Change::Added] => p { "New since " (since.asked) "." },
            Some(c) if !c.lines.is_empty() => ul { @for line in &c.lines { li { (WORDS.change(line)) } } },
            _ => p { "No change." },
        }
    }
}

/// One table of every configured measure.
fn scores(e: &Entry<'_>) -> Markup {
    if e.scores.is_empty() {
        return html! {};
    }
    html! {
        h2 { "Scores" }
        div.table-wrap {
            table.scores {
                caption { "Every measure: its score, why, and what is done about it" }
                thead { tr {
                    th scope="col" { "Section" } th scope="col" { "Measure" } th scope="col" { "Score" }
                    th scope="col" { "Notes" } th scope="col" { "Action" }
                } }
                tbody {
                    @for s in &e.scores {
                        tr {
                            td { @match s.measure.section { Section::AccountStatus => "account status", Section::Strategy => "strategy" } }
                            th scope="row" { (s.measure.name) }
                            (mark_cell(s.mark))
                            td { @if s.unscored { "not scored" } @else { (text(s.notes)) } }
                            td { (text(s.action)) }
                        }
                    }
                }
            }
        }
        p.caveat { (SCORES_ARE_AN_AID) }
    }
}

fn risks(e: &Entry<'_>) -> Markup {
    let Some(rows) = &e.risks else { return html! {} };
    html! {
        h2 { "Risks and issues" }
        @if rows.is_empty() { p { "None recorded." } } @else {
            div.table-wrap { table {
                caption { "Risks and issues, with the team's comfort" }
                thead { tr {
                    th scope="col" { "Risk or issue" } th scope="col" { "Type" } th scope="col" { "Comfort" }
                    th scope="col" { "Mitigation" } th scope="col" { "Owner" }
                } }
                tbody { @for r in rows { tr {
                    th scope="row" { (text(r.title)) }
                    td { @match r.kind { Shown::Value(RiskType::Risk) => "risk", Shown::Value(RiskType::Issue) => "issue", k => (shown(k)) } }
                    (mark_cell(r.mark))
                    td { (text(r.mitigation)) }
                    td { (text(r.owner)) }
                } } }
            } }
        }
    }
}

fn actions(e: &Entry<'_>) -> Markup {
    let Some(rows) = &e.actions else { return html! {} };
    html! {
        h2 { "Actions" }
        @if rows.is_empty() { p { "None recorded." } } @else {
            div.table-wrap { table {
                caption { "Top actions" }
                thead { tr { th scope="col" { "Action" } th scope="col" { "Owner" } th scope="col" { "Due" } th scope="col" { "Status" } } }
                tbody { @for a in rows { tr {
                    th scope="row" { (text(a.action)) }
                    td { (text(a.owner)) }
                    td { (shown(a.due)) @if a.overdue { " " strong.flag { "overdue" } } }
                    td { @match a.status { Shown::Value(ActionStatus::Blocked) => strong { "blocked" }, s => (shown(s)) } }
                } } }
            } }
        }
    }
}

fn objectives(e: &Entry<'_>) -> Markup {
    let Some(rows) = &e.objectives else { return html! {} };
    html! {
        h2 { "Objectives and upcoming events" }
        @if rows.is_empty() { p { "None recorded." } } @else {
            div.table-wrap { table {
                caption { "Objectives, with the team's comfort" }
                thead { tr { th scope="col" { "Objective" } th scope="col" { "Date" } th scope="col" { "Comfort" } th scope="col" { "Notes" } } }
                tbody { @for o in rows { tr {
                    th scope="row" { (text(o.title)) }
                    td { (shown(o.date)) @if o.past { " " span.muted { "(past)" } } }
                    (mark_cell(o.comfort))
                    td { (text(o.notes)) }
                } } }
            } }
        }
    }
}

/// Wins, stakeholders, opportunities and acknowledged findings: shown when recorded.
fn others(e: &Entry<'_>) -> Markup {
    html! {
        @if let Some(rows) = e.wins.as_ref().filter(|r| !r.is_empty()) {
            h2 { "Wins" }
            ul { @for w in rows { li { (shown(w.date)) ": " (text(w.title)) } } }
        }
        @if let Some(rows) = e.stakeholders.as_ref().filter(|r| !r.is_empty()) {
            h2 { "Stakeholders" }
            div.table-wrap { table {
                caption { "Stakeholders, the client's and ours" }
                thead { tr { th scope="col" { "Name" } th scope="col" { "Role" } th scope="col" { "Side" } } }
                tbody { @for s in rows { tr {
                    th scope="row" { (text(s.name)) } td { (text(s.role)) } td { (shown(s.side)) }
                } } }
            } }
        }
        @if let Some(rows) = e.opportunities.as_ref().filter(|r| !r.is_empty()) {
            h2 { "Opportunities" }
            div.table-wrap { table {
                caption { "Opportunities" }
                thead { tr { th scope="col" { "Opportunity" } th scope="col" { "Stage" } th scope="col" { "Notes" } } }
                tbody { @for o in rows { tr {
                    th scope="row" { (text(o.title)) } td { (shown(o.stage)) } td { (text(o.notes)) }
                } } }
            } }
        }
        @if let Some(rows) = e.acknowledged.as_ref().filter(|r| !r.is_empty()) {
            h2 { "Acknowledged" }
            div.table-wrap { table {
                caption { "Findings the leads know about, silenced until a date" }
                thead { tr {
                    th scope="col" { "Rule" } th scope="col" { "About" } th scope="col" { "Until" }
                    th scope="col" { "By" } th scope="col" { "Reason" } th scope="col" { "Findings covered" }
                } }
                tbody { @for a in rows { tr {
                    th scope="row" { (shown(a.rule)) } td { (text(a.about)) } td { (shown(a.until)) }
                    td { (text(a.by)) } td { (text(a.reason)) }
                    td { @if a.covers.is_empty() { "none today" } @else {
                        ul { @for c in &a.covers { li { (text(*c)) } } }
                    } }
                } } }
            } }
        }
    }
}

/// The numbers a chart draws, as a table (the text is escaped here).
fn numbers(t: &Table, caption: &str) -> Markup {
    html! {
        details {
            summary { (caption) ": the numbers" }
            div.table-wrap { table {
                caption { (caption) }
                thead { tr { @for h in &t.header { th scope="col" { (h) } } } }
                tbody { @for row in &t.rows { tr {
                    @for (i, cell) in row.iter().enumerate() {
                        @if i == 0 { th scope="row" { (cell) } } @else { td { (cell) } }
                    }
                } } }
            } }
        }
    }
}

/// The trend charts: inline SVG drawn by acctsum, each with its numbers.
fn charts(trend: Trend<'_>) -> Markup {
    html! {
        h2 { "Trend" }
        @match trend {
            Ok(c) => {
                @match c.from {
                    Some(from) => p.muted { "From git: the file as it stood on " (from) ", then every commit that changed it." },
                    None => p.muted { "From git: every commit that changed the file." },
                }
                figure.chart { (PreEscaped(&c.status)) figcaption { "Status at each commit" } }
                (numbers(&c.status_table, "Status at each commit"))
                figure.chart { (PreEscaped(&c.scores)) figcaption { "Each measure's score at each commit" } }
                (numbers(&c.score_table, "Scores at each commit"))
            }
            Err(NoCharts::NoGit) => p { "No trend: the workspace is not in a git repository." },
            Err(NoCharts::NoCommits) => p { "No trend yet: the file has not been committed." },
        }
    }
}
