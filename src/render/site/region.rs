//! `r/<slug>.html`: one region's review pack as a page — the counts, what changed, what
//! needs attention, every engagement, and the heat map of scores.

use maud::{Markup, html};

use super::parts::{SCORES_ARE_AN_AID, WORDS, band, count, counts, mark_cell, note, status, summary_table};
use super::{Frame, Nav, page as frame};
use crate::view::{Change, Pack, Site};

/// The page of a region: `pack` is the report of that region alone, `name` the region.
#[must_use]
pub fn page(site: &Site<'_>, name: &str, pack: &Pack<'_>) -> String {
    let o = &pack.overview;
    let content = html! {
        h1 { "Region: " (name) }
        p.lede {
            "The review pack of " (name) ": " (count(o.engagements, "engagement")) " as of " (pack.today)
            ". Sorted by need of attention: red, amber, green; stale first."
        }
        p.caveat { (SCORES_ARE_AN_AID) }
        @if let Some(r) = site.regions.iter().find(|r| r.name == name) {
            p.calendar { a href={ (r.slug) ".ics" } { "Subscribe to the " (name) " calendar" } ": what is coming in " (name) "." }
        }
        (super::last_review::section(pack.last_review.as_ref()))
        h2 { "Overview" }
        (counts(pack))
        (changes(site, pack))
        h2 { "Needs attention" }
        @if pack.attention().next().is_none() {
            p { "Nothing: every summary is current and complete, and no engagement is red." }
        } @else {
            ul.notes {
                @for e in pack.attention() {
                    li {
                        (engagement_link(site, e.path, e.name)) " " (status(e.status))
                        ul { @for n in &e.notes { li { (note(n)) } } }
                    }
                }
            }
        }
        h2 { "Engagements" }
        (summary_table(site, &pack.entries, &format!("Every engagement in {name}. Sort by any column."), "../", pack.since.is_some()))
        @if !pack.unreadable.is_empty() {
            h2 { "Could not be read" }
            ul { @for u in &pack.unreadable { li { code { (u.path) } " — " (count(u.errors, "error")) } } }
        }
        (heat_map(site, pack))
    };
    let title = format!("Region: {name}");
    let f = Frame { title: &title, up: "../", nav: Nav::Other, audience: site.audience, today: pack.today };
    frame(&f, &content)
}

/// A link to an engagement's page, or its name when it has none.
fn engagement_link(site: &Site<'_>, path: &str, name: &str) -> Markup {
    match site.link(path) {
        Some(l) => html! { a href={ "../e/" (l.slug) ".html" } { strong { (name) } } },
        None => html! { strong { (name) } },
    }
}

/// What changed since `--since`, per engagement; then those that left and those gone.
fn changes(site: &Site<'_>, pack: &Pack<'_>) -> Markup {
    let Some(since) = &pack.since else { return html! {} };
    html! {
        h2 { "Changes since " (since.asked) }
        p.muted { "Compared with commit " code { (since.short) } " of " (since.date) "." }
        @if pack.changed().next().is_none() && since.left.is_empty() && since.gone.is_empty() {
            p { "Nothing changed." }
        } @else {
            ul {
                @for e in pack.changed() {
                    @if let Some(c) = &e.change {
                        li {
                            (engagement_link(site, e.path, e.name))
                            @if c.lines == [Change::Added] { ": new since " (since.asked) }
                            @else { ul { @for line in &c.lines { li { (WORDS.change(line)) } } } }
                        }
                    }
                }
                @for l in &since.left { li { strong { (l.name) } ": moved to " (l.to) " (" (l.path) ")" } }
                @for g in &since.gone { li { strong { (g.name) } ": gone since " (since.asked) " (was " (g.path) ")" } }
            }
        }
        @if pack.unchanged() > 0 { p { (count(pack.unchanged(), "engagement")) " unchanged." } }
    }
}

/// Every engagement's score on every measure: the number in each cell, its band as
/// colour and shape.
fn heat_map(site: &Site<'_>, pack: &Pack<'_>) -> Markup {
    if pack.entries.is_empty() || pack.measures.is_empty() {
        return html! {};
    }
    html! {
        h2 { "Heat map" }
        div.table-wrap {
            table.heat-map {
                caption { "Scores of every engagement on every measure; the band of each score is a colour and a mark (▼ low, ▼▼ worst)" }
                thead { tr {
                    th scope="col" { "Engagement" }
                    @for m in &pack.measures { th scope="col" { abbr title=(m.name) { (m.key) } } }
                } }
                tbody { @for e in &pack.entries { tr {
                    th scope="row" { (engagement_link(site, e.path, e.name)) }
                    @for s in &e.scores { (mark_cell(s.mark)) }
                } } }
            }
        }
        p {
            "Bands: "
            @for (i, l) in pack.legend.iter().enumerate() {
                @if i > 0 { " · " }
                span class={ "band band-" (band(l.band)) } {
                    @if l.low == l.high { (l.low) } @else { (l.low) "–" (l.high) }
                    " " (band(l.band))
                }
            }
            " · " span.band.band-none { "— no score" }
        }
        p.caveat { (SCORES_ARE_AN_AID) }
    }
}
