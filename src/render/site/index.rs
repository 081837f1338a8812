//! `index.html`: the overview — the open asks for help, the counts, then every engagement in one table that sorts
//! by any column and filters by a search, status and region; then the regions, clients and
//! files that could not be read.

use maud::html;

use super::parts::{SCORES_ARE_AN_AID, controls, count, counts, note, summary_table};
use super::{Frame, Nav, page as frame};
use crate::view::Site;

/// The overview page.
#[must_use]
pub fn page(site: &Site<'_>) -> String {
    let p = &site.pack;
    let since = p.since.as_ref();
    let content = html! {
        h1 { "Account Summaries" }
        p.lede {
            (count(p.overview.engagements, "engagement")) " (" (p.scope) ") as of " (p.today)
            ". Sorted by need of attention: red, amber, green; stale first. Each name opens the engagement's page."
        }
        p.caveat { (SCORES_ARE_AN_AID) }
        (super::asks::index(site))
        h2 { "Overview" }
        (counts(p))
        @if !p.workspace.is_empty() {
            ul.notes { @for n in &p.workspace { li { (note(n)) } } }
        }
        @if let Some(s) = since {
            p {
                "Changes since " (s.asked) " (commit " code { (s.short) } " of " (s.date) "): "
                (count(p.changed().count(), "engagement")) " changed, " (p.unchanged()) " unchanged"
                @if !s.gone.is_empty() { ", " (s.gone.len()) " gone" }
                ". The Change column says what; each engagement's page has every change."
            }
        }
        h2 #list { "Engagements" }
        (controls(site, "engagements", "engagements"))
        (summary_table(site, &p.entries, "Every engagement: status, leads, low scores, risks and overdue actions. Sort by any column; filter with the search box.", "", since.is_some()))
        @if !site.regions.is_empty() {
            h2 { "Regions" }
            ul.pages {
                @for r in &site.regions {
                    li { a href={ "r/" (r.slug) ".html" } { (r.name) } " — " (count(r.engagements, "engagement")) }
                }
            }
        }
        @if !site.clients.is_empty() {
            h2 { "Clients" }
            ul.pages {
                @for c in &site.clients {
                    li {
                        a href={ "c/" (c.slug) ".html" } { @if c.client.name.is_empty() { "(no client recorded)" } @else { (c.client.name) } }
                        " — " (count(c.client.engagements.len(), "engagement"))
                    }
                }
            }
        }
        @if !p.unreadable.is_empty() {
            h2 { "Could not be read" }
            p { "These files have structural errors or cannot be read, so their engagements are missing from this site until they are fixed; " code { "acctsum check" } " shows each error." }
            div.table-wrap {
                table {
                    caption { "Files that could not be read" }
                    thead { tr { th scope="col" { "File" } th scope="col" class="num" { "Errors" } th scope="col" { "First problem" } } }
                    tbody {
                        @for u in &p.unreadable {
                            tr {
                                th scope="row" { (u.path) }
                                td.num { (u.errors) }
                                td { @match u.first { Some(r) => code { (r.as_str()) }, None => "—" } }
                            }
                        }
                    }
                }
            }
        }
    };
    let f = Frame { title: "Overview", up: "", nav: Nav::Overview, audience: site.audience, today: p.today };
    frame(&f, &content)
}
