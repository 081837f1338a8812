//! Pieces every page draws the same way: statuses, scores, values not recorded or
//! withheld, notes, and the sortable tables' rows.

use std::fmt::Display;

use maud::{Markup, html};

use crate::render::words::{Words, arrow};
use crate::view::site::Link;
use crate::view::{Band, Cause, Entry, Mark, Note, Pack, Severity, Shown, Site, Status};

// What the seed says of scores: said under every table of scores.
pub(super) use crate::good::SCORES_ARE_AN_AID;

/// Changes in words: the page escapes the text, so it is passed through as it is.
pub(super) const WORDS: Words = Words { escape: str::to_owned, cue: None };

/// A status as a word with its class (colour and a shape, from the stylesheet).
pub(super) fn status(s: Status) -> Markup {
    html! { span class={ "status status-" (s.as_str()) } { (s.as_str()) } }
}

/// A status's place in the order of need of attention, for sorting.
pub(super) fn status_rank(s: Status) -> u8 {
    match s {
        Status::Red => 0,
        Status::Amber => 1,
        Status::Green => 2,
    }
}

/// A band's name, for its class and for screen readers.
pub(super) fn band(b: Band) -> &'static str {
    match b {
        Band::Worst => "worst",
        Band::Low => "low",
        Band::Middling => "middling",
        Band::Good => "good",
    }
}

/// "not recorded": a dash to the eye, words to a screen reader.
pub(super) fn not_recorded() -> Markup {
    html! { span.none { span aria-hidden="true" { "—" } span.visually-hidden { "not recorded" } } }
}

/// "withheld": the audience may not see the value.
pub(super) fn withheld() -> Markup {
    html! { span.withheld { "withheld" } }
}

/// User text, escaped; or not recorded, or withheld.
pub(super) fn text(v: Shown<&str>) -> Markup {
    match v {
        Shown::Value(t) => html! { (t) },
        Shown::NotRecorded => not_recorded(),
        Shown::Withheld => withheld(),
    }
}

/// Any other value, as written.
pub(super) fn shown<T: Display>(v: Shown<T>) -> Markup {
    match v {
        Shown::Value(t) => html! { (t) },
        Shown::NotRecorded => not_recorded(),
        Shown::Withheld => withheld(),
    }
}

/// Names joined by commas; not recorded for none, or withheld.
pub(super) fn names(list: &Shown<Vec<&str>>) -> Markup {
    match list {
        Shown::Value(list) if !list.is_empty() => html! { (list.join(", ")) },
        Shown::Value(_) | Shown::NotRecorded => not_recorded(),
        Shown::Withheld => withheld(),
    }
}

/// A table cell for a score: the number, its band as a class (colour and a shape) and in
/// words for screen readers.
pub(super) fn mark_cell(m: Shown<Mark>) -> Markup {
    match m {
        Shown::Value(m) => html! {
            td class={ "band band-" (band(m.band)) } data-sort=(m.score) {
                (m.score) span.visually-hidden { " (" (band(m.band)) ")" }
            }
        },
        Shown::NotRecorded => html! { td.band.band-none data-sort="" { (not_recorded()) } },
        Shown::Withheld => html! { td.band data-sort="" { (withheld()) } },
    }
}

/// An age in days, in words.
pub(super) fn days(n: i64) -> String {
    match n {
        0 => "today".to_owned(),
        1 => "1 day ago".to_owned(),
        -1 => "in 1 day".to_owned(),
        n if n < 0 => format!("in {} days", -n),
        n => format!("{n} days ago"),
    }
}

/// A number of things: `1 engagement`, `2 engagements`.
pub(super) fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// A message as a sentence: a capital first letter.
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// A note as a sentence, an error marked, with the line of the file it is about.
pub(super) fn note(n: &Note<'_>) -> Markup {
    html! {
        @match n.cause {
            Cause::RedStatus { headline: Shown::NotRecorded } => { "The status is red." }
            Cause::RedStatus { headline: Shown::Withheld } => { "The status is red; its headline is withheld." }
            Cause::RedStatus { headline } => { "The status is red: " (text(headline)) }
            Cause::Finding(f) => {
                @if f.severity == Severity::Error { strong.sev-error { "Error: " } }
                (sentence(&f.message))
            }
            Cause::Withheld(w) => { (sentence(&crate::render::words::withheld_findings(w))) }
        }
        @if let Some(place) = n.place {
            " " span.muted { "(" (place.path) ", line " (place.line) ")" }
        }
    }
}

/// The column headings of a summary table: (key, heading, numeric).
const SUMMARY_COLUMNS: [(&str, &str, bool); 10] = [
    ("name", "Engagement", false),
    ("client", "Client", false),
    ("region", "Region", false),
    ("account", "Account lead", false),
    ("updated", "Updated", false),
    ("status", "Status", true),
    ("headline", "Headline", false),
    ("low", "Low scores", true),
    ("risks", "Risks", true),
    ("overdue", "Overdue actions", true),
];

/// A sortable heading: a button in the `<th>`, its key, `data-type="number"` for numbers.
pub(super) fn sort_heading(key: &str, heading: &str, numeric: bool) -> Markup {
    html! {
        th scope="col" data-key=(key) data-type=[numeric.then_some("number")] class=[numeric.then_some("num")] {
            button type="button" { (heading) }
        }
    }
}

/// The summary table of `entries`, one row each, linked to their pages (`up` leads from
/// the page to the site's top). Every engagement of the pack has a page.
pub(super) fn summary_table(
    site: &Site<'_>,
    entries: &[Entry<'_>],
    caption: &str,
    up: &str,
    with_change: bool,
) -> Markup {
    html! {
        div.table-wrap {
            table #engagements data-sortable {
                caption { (caption) }
                thead { tr {
                    @for (key, heading, numeric) in SUMMARY_COLUMNS { (sort_heading(key, heading, numeric)) }
                    @if with_change { (sort_heading("change", "Change", false)) }
                } }
                tbody {
                    @for e in entries {
                        @if let Some(link) = site.link(e.path) { (summary_row(site, e, link, up, with_change)) }
                    }
                }
            }
        }
    }
}

fn summary_row(site: &Site<'_>, e: &Entry<'_>, link: &Link, up: &str, with_change: bool) -> Markup {
    let region = link.region.and_then(|r| site.regions.get(r));
    let low: Vec<String> = e.low_scores.iter().map(|l| format!("{} {}", l.key, l.mark.score)).collect();
    html! {
        tr data-search=(link.search) data-status=(e.status.as_str()) data-region=(region.map_or("", |r| r.name)) {
            th scope="row" { a href={ (up) "e/" (link.slug) ".html" } { (e.name) } }
            td { (text(e.client)) }
            td { @match region { Some(r) => a href={ (up) "r/" (r.slug) ".html" } { (r.name) }, None => (text(e.region)) } }
            td { (text(e.leads.account)) }
            td data-sort=(e.updated.value().map(|d| d.to_string()).unwrap_or_default()) {
                (shown(e.updated)) br; span.muted { (days(e.age_days)) }
                @if e.stale { " " strong.flag { "stale" } }
            }
            td data-sort=(status_rank(e.status)) { (status(e.status)) }
            td.headline { (text(e.headline)) }
            td.num data-sort=(e.low_scores.len()) {
                @if low.is_empty() { "0" } @else { (low.len()) ": " (low.join(", ")) }
            }
            @match &e.risks {
                Some(risks) => td.num data-sort=(risks.len()) {
                    (risks.len()) @if e.low_risks > 0 { " (" (e.low_risks) " low)" }
                },
                None => td.num data-sort="" { (withheld()) },
            }
            td.num data-sort=(e.overdue_actions) {
                (e.overdue_actions) @if e.overdue_actions > 0 { " " strong.flag { "overdue" } }
            }
            @if with_change {
                td { @match &e.change { Some(c) => { (c.brief) (arrow(c.trend)) }, None => (not_recorded()) } }
            }
        }
    }
}

/// The search box, the status and region toggles, the count and the clear button of
/// the table with id `table` (hidden without JavaScript, which they need).
pub(super) fn controls(site: &Site<'_>, table: &str, what: &str) -> Markup {
    html! {
        form.controls data-controls=(table) role="search" aria-label={ "Filter " (what) } {
            label for={ "q-" (table) } { "Search" }
            " "
            input type="search" id={ "q-" (table) } name="q" placeholder="name, client, region, person" autocomplete="off";
            fieldset {
                legend { "Status" }
                @for s in [Status::Red, Status::Amber, Status::Green] {
                    label { input type="checkbox" data-facet="status" value=(s.as_str()) checked; " " (s.as_str()) }
                }
            }
            @if site.regions.len() > 1 {
                fieldset {
                    legend { "Region" }
                    @for r in &site.regions {
                        label { input type="checkbox" data-facet="region" value=(r.name) checked; " " (r.name) }
                    }
                }
            }
            output data-count aria-live="polite" {}
            button type="button" data-clear { "Clear filters" }
        }
    }
}

/// The counts of a pack, as a list of terms.
pub(super) fn counts(p: &Pack<'_>) -> Markup {
    let o = &p.overview;
    let items = [
        ("engagements", o.engagements),
        ("red", o.red),
        ("amber", o.amber),
        ("green", o.green),
        ("stale", o.stale),
        ("low scores", o.low_scores),
        ("overdue actions", o.overdue_actions),
        ("could not be read", o.invalid),
        ("acknowledged", o.acknowledged),
    ];
    html! {
        dl.counts { @for (what, n) in items { div { dt { (what) } dd { (n) } } } }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withheld_is_drawn_as_withheld_and_not_as_not_recorded() {
        assert_eq!(text(Shown::Withheld).into_string(), "<span class=\"withheld\">withheld</span>");
        assert_eq!(shown(Shown::<i64>::Withheld).into_string(), "<span class=\"withheld\">withheld</span>");
        assert!(text(Shown::NotRecorded).into_string().contains("not recorded"));
        assert!(!text(Shown::NotRecorded).into_string().contains("withheld"));
        assert!(mark_cell(Shown::Withheld).into_string().contains(">withheld<"));
        assert_eq!(text(Shown::Value("<b>")).into_string(), "&lt;b&gt;");
    }
}
