//! A region page's "Since the last review": the region's latest session's decisions, its
//! actions and the next review date.

use maud::{Markup, html};

use crate::render::words::withheld_actions;
use crate::view::last_review::ActionState;
use crate::view::{LastReview, Shown};

/// The words and class for where an action stands.
fn state(s: ActionState) -> (&'static str, &'static str) {
    match s {
        ActionState::Done => ("done", "status-green"),
        ActionState::Open => ("open", ""),
        ActionState::Blocked => ("blocked", "status-amber"),
        ActionState::Overdue => ("overdue", "status-red"),
    }
}

/// The section; nothing when the region has no session.
#[must_use]
pub(super) fn section(last: Option<&LastReview>) -> Markup {
    let Some(last) = last else { return html! {} };
    html! {
        section.last-review aria-labelledby="last-review" {
            h2 #last-review { "Since the last review (" (last.date) ")" }
            p {
                "The " (last.region) " review session of " (last.date)
                @if !last.attendees.is_empty() { " with " (last.attendees.join(", ")) }
                " (" code { (last.path) } ")."
            }
            @match &last.decisions {
                Shown::Value(decisions) if !decisions.is_empty() => {
                    h3 { "Decisions" }
                    ul { @for d in decisions { li { (d) } } }
                }
                Shown::Withheld => { p { "Decisions: withheld." } }
                _ => { p { "Decisions: none recorded." } }
            }
            @if last.withheld_actions > 0 {
                p { "Actions: " (withheld_actions(last.withheld_actions)) "." }
            } @else if last.actions.is_empty() {
                p { "Actions: none recorded." }
            } @else {
                div.table-wrap {
                    table {
                        caption { "The session's actions and where each stands" }
                        thead { tr {
                            th scope="col" { "Action" } th scope="col" { "Owner" } th scope="col" { "Due" }
                            th scope="col" { "Engagement" } th scope="col" { "Status" }
                        } }
                        tbody { @for a in &last.actions {
                            @let (word, class) = state(a.state);
                            tr {
                                td { (a.action) }
                                td { (a.owner.as_deref().unwrap_or("—")) }
                                td { @if let Some(d) = a.due { (d) } @else { "—" } }
                                td { (a.engagement.as_deref().unwrap_or("—")) }
                                td class=(class) { (word) }
                            }
                        } }
                    }
                }
            }
            p {
                "Next review: "
                @match last.next_review {
                    Some(next) => { (next) @if last.next_overdue { " — passed, and no session is recorded since" } "." }
                    None => { "not booked." }
                }
            }
        }
    }
}
