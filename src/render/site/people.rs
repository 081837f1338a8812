//! `people.html`: who leads what — every person, their roles on which engagements; one
//! row per person and engagement, searchable and filterable like the overview.

use maud::html;

use super::parts::{controls, count, sort_heading, status, status_rank, text};
use super::{Frame, Nav, page as frame};
use crate::view::Site;

/// The people page.
#[must_use]
pub fn page(site: &Site<'_>) -> String {
    let entries = &site.pack.entries;
    let mut distinct: Vec<&str> = site.people.iter().map(|l| l.name).collect();
    distinct.dedup();
    let content = html! {
        h1 { "People" }
        p.lede {
            "Who leads what: " (count(distinct.len(), "person")) " with a lead role on " (count(entries.len(), "engagement"))
            ". Type a name, with or without accents, to see every engagement that person leads."
        }
        (controls(site, "people", "people"))
        div.table-wrap {
            table #people data-sortable {
                caption { "Every lead role: one row per person and engagement" }
                thead { tr {
                    (sort_heading("person", "Person", false))
                    (sort_heading("roles", "Roles", false))
                    (sort_heading("engagement", "Engagement", false))
                    (sort_heading("client", "Client", false))
                    (sort_heading("region", "Region", false))
                    (sort_heading("status", "Status", true))
                } }
                tbody {
                    @for lead in &site.people {
                        @if let (Some(e), Some(link)) = (entries.get(lead.entry), site.links.get(lead.entry)) {
                            @let region = link.region.and_then(|r| site.regions.get(r));
                            tr data-search=(lead.search) data-status=(e.status.as_str()) data-region=(region.map_or("", |r| r.name)) {
                                th scope="row" { (lead.name) }
                                td { (lead.roles.iter().map(|r| r.words()).collect::<Vec<_>>().join(", ")) }
                                td { a href={ "e/" (link.slug) ".html" } { (e.name) } }
                                td { (text(e.client)) }
                                td { @match region { Some(r) => a href={ "r/" (r.slug) ".html" } { (r.name) }, None => (text(e.region)) } }
                                td data-sort=(status_rank(e.status)) { (status(e.status)) }
                            }
                        }
                    }
                }
            }
        }
    };
    let f = Frame { title: "People", up: "", nav: Nav::People, audience: site.audience, today: site.pack.today };
    frame(&f, &content)
}
