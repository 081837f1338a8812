//! "Asks for help" on the site: the open asks before the index's table, and an
//! engagement's ask near the top of its page.

use maud::{Markup, html};

use super::parts::{shown, text};
use crate::view::{Ask, Entry, Shown, Site, asks};

/// How long an ask has been open: `15 days`, flagged when the rule says it is open long.
fn age(a: &Ask<'_>) -> Markup {
    html! {
        @match a.age_days {
            Shown::Value(1) => { "1 day" }
            Shown::Value(n) => { (n) " days" }
            other => { (shown(other)) }
        }
        @if a.open_long { " " strong.flag { "open long" } }
    }
}

/// The index's section: every open ask, the longest waiting first; nothing when none.
pub(super) fn index(site: &Site<'_>) -> Markup {
    let asks = asks(&site.pack.entries);
    if asks.is_empty() {
        return html! {};
    }
    html! {
        h2 #asks { "Asks for help" }
        div.table-wrap {
            table {
                caption { "Engagements asking for help, the longest waiting first." }
                thead { tr {
                    th scope="col" { "Engagement" } th scope="col" { "Ask" } th scope="col" { "From" }
                    th scope="col" { "Since" } th scope="col" class="num" { "Open for" }
                } }
                tbody {
                    @for (e, a) in &asks {
                        tr {
                            th scope="row" {
                                @match site.link(e.path) {
                                    Some(link) => a href={ "e/" (link.slug) ".html" } { (e.name) },
                                    None => (e.name),
                                }
                            }
                            td { (text(a.ask)) }
                            td { (text(a.from)) }
                            td { (shown(a.since)) }
                            td.num { (age(a)) }
                        }
                    }
                }
            }
        }
    }
}

/// An engagement page's ask, near the top; nothing when it asks for nothing.
pub(super) fn engagement(e: &Entry<'_>) -> Markup {
    let Some(a) = e.support else { return html! {} };
    html! {
        section.ask aria-labelledby="ask" {
            h2 #ask { "Asks for help" }
            p { (text(a.ask)) }
            dl.facts {
                dt { "From" } dd { (text(a.from)) }
                dt { "Since" } dd { (shown(a.since)) }
                dt { "Open for" } dd { (age(&a)) }
            }
        }
    }
}
