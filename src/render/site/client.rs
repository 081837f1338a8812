//! `c/<slug>.html`: the Relationship Lead's roll-up of one client — its engagements,
//! their risks and open actions.

use maud::{Markup, html};

use super::parts::{count, mark_cell, names, shown, status, text};
use super::{Frame, Nav, page as frame};
use crate::view::site::ClientPage;
use crate::view::{ActionStatus, Shown, Site};

/// The page of a client.
#[must_use]
pub fn page(site: &Site<'_>, page: &ClientPage<'_>) -> String {
    let c = &page.client;
    let name = if c.name.is_empty() { "(no client recorded)" } else { c.name };
    let link = |n: usize, label: &str| -> Markup {
        let entry = page.entries.get(n).and_then(|&i| site.links.get(i));
        match entry {
            Some(l) => html! { a href={ "../e/" (l.slug) ".html" } { (label) } },
            None => html! { (label) },
        }
    };
    // Risks and actions name their engagement; its position in the roll-up gives its page.
    let position = |engagement: &str| c.engagements.iter().position(|r| r.name == engagement);
    let content = html! {
        h1 { "Client: " (name) }
        p.lede {
            "Relationship Lead: "
            @match &c.relationship { Shown::Value(v) if v.is_empty() => "not named", r => (names(r)) }
            ". " (count(c.engagements.len(), "engagement")) " with this client."
        }
        h2 { "Engagements" }
        div.table-wrap { table {
            caption { "The client's engagements and their leads" }
            thead { tr {
                th scope="col" { "Engagement" } th scope="col" { "Region" } th scope="col" { "Status" }
                th scope="col" { "Account lead" } th scope="col" { "Tech leads" } th scope="col" { "Delivery leads" }
                th scope="col" { "Updated" }
            } }
            tbody { @for (n, r) in c.engagements.iter().enumerate() { tr {
                th scope="row" { (link(n, r.name)) }
                td { (text(r.region)) }
                td { (status(r.status)) }
                td { (text(r.account)) }
                td { (names(&r.tech)) }
                td { (names(&r.delivery)) }
                td { (shown(r.updated)) @if r.stale { " " strong.flag { "stale" } } }
            } } }
        } }
        @if let Some(risks) = &c.risks {
        h2 { "Open risks" }
        @if risks.is_empty() { p { "None recorded." } } @else {
            div.table-wrap { table {
                caption { "Risks and issues of the client's engagements" }
                thead { tr {
                    th scope="col" { "Engagement" } th scope="col" { "Risk or issue" } th scope="col" { "Type" }
                    th scope="col" { "Comfort" } th scope="col" { "Mitigation" } th scope="col" { "Owner" }
                } }
                tbody { @for cr in risks { tr {
                    th scope="row" { @match position(cr.engagement) { Some(n) => (link(n, cr.engagement)), None => (cr.engagement) } }
                    td { (text(cr.risk.title)) }
                    td { (shown(cr.risk.kind)) }
                    (mark_cell(cr.risk.mark))
                    td { (text(cr.risk.mitigation)) }
                    td { (text(cr.risk.owner)) }
                } } }
            } }
        }
        }
        @if let Some(actions) = &c.open_actions {
        h2 { "Open actions" }
        @if actions.is_empty() { p { "None." } } @else {
            div.table-wrap { table {
                caption { "Actions of the client's engagements not done yet" }
                thead { tr {
                    th scope="col" { "Engagement" } th scope="col" { "Action" } th scope="col" { "Owner" }
                    th scope="col" { "Due" } th scope="col" { "Status" }
                } }
                tbody { @for ca in actions { tr {
                    th scope="row" { @match position(ca.engagement) { Some(n) => (link(n, ca.engagement)), None => (ca.engagement) } }
                    td { (text(ca.action.action)) }
                    td { (text(ca.action.owner)) }
                    td { (shown(ca.action.due)) @if ca.action.overdue { " " strong.flag { "overdue" } } }
                    td { @match ca.action.status { Shown::Value(ActionStatus::Blocked) => strong { "blocked" }, s => (shown(s)) } }
                } } }
            } }
        }
        }
    };
    let title = format!("Client: {name}");
    let f = Frame { title: &title, up: "../", nav: Nav::Other, audience: site.audience, today: site.pack.today };
    frame(&f, &content)
}
