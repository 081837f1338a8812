//! `guide.html`: the field guide — the scale and what good looks like, the measures,
//! every field of an engagement file, and every field of a review session file. Like `acctsum guide`, it draws the guide itself
//! (the configuration), not engagement data.

use maud::html;

use super::parts::band;
use super::{Frame, Nav, page as frame};
use crate::good;
use crate::guide::Guide;
use crate::view::{Section, legend};

/// The field guide page.
#[must_use]
pub fn page(guide: &Guide, audience: Option<&str>, today: chrono::NaiveDate) -> String {
    let s = guide.scale;
    let fields = crate::render::guide::field_paths();
    let reviews = crate::render::guide::review_paths();
    let content = html! {
        h1 { "Field guide" }
        p.lede { "What an Account Summary holds, what each measure means, and what good looks like." }
        h2 { "Scores" }
        p {
            "Scores and comforts are whole numbers from " (s.min) " (worst, very uncomfortable) to " (s.max)
            " (best, comfortable); " (s.low) " or less is low and needs notes and an action. Summaries are reviewed at least every "
            (guide.stale_after_days) " days, service reviews held every " (guide.service_review_days) " days, headlines kept to "
            (guide.headline_max_chars) " characters, asks for help answered within " (guide.support_stale_days) " days."
        }
        div.table-wrap { table {
            caption { "The bands of the scale, as the site colours and marks them" }
            thead { tr { th scope="col" { "Band" } th scope="col" { "Scores" } } }
            tbody { @for l in legend(s) { tr {
                th scope="row" { span class={ "band band-" (band(l.band)) } { (band(l.band)) } }
                td { @if l.low == l.high { (l.low) } @else { (l.low) "–" (l.high) } }
            } } }
        } }
        p.caveat { (good::SELF_ASSESSMENT) }
        h2 { (good::TITLE) }
        p { (good::INTRO) }
        ul.good { @for item in good::WHAT_GOOD_LOOKS_LIKE { li { (item) } } }
        h2 { "Measures" }
        @for section in Section::ALL {
            h3 { @match section { Section::AccountStatus => "Account status", Section::Strategy => "Strategy" } }
            @let list = guide.measures(section);
            @if list.is_empty() { p { "No measures are configured." } } @else {
                dl.measures { @for m in list {
                    dt { strong { (m.name) } " " code { (m.key) } }
                    dd { @if m.guide.is_empty() { "No guidance written." } @else { (m.guide) } }
                } }
            }
        }
        h2 { "Fields" }
        div.table-wrap { table {
            caption { "Every field of an engagement file" }
            thead { tr { th scope="col" { "Field" } th scope="col" { "Required" } th scope="col" { "Holds" } th scope="col" { "Meaning" } } }
            tbody { @for (path, f) in &fields { tr {
                th scope="row" { code { (path) } }
                td { @if f.required { "required" } @else { "optional" } }
                td { (f.shape.describe(guide)) }
                td { (f.doc) }
            } } }
        } }
        p.muted { "Keys starting with " code { "x-" } " are extensions and are ignored." }
        h2 #reviews { "Review sessions" }
        p { "A file per session: " code { "reviews/<region>/<YYYY-MM-DD>.yaml" } ". " (crate::render::guide::REVIEWS_INTRO) }
        div.table-wrap { table {
            caption { "Every field of a review session file" }
            thead { tr { th scope="col" { "Field" } th scope="col" { "Required" } th scope="col" { "Holds" } th scope="col" { "Meaning" } } }
            tbody { @for (path, f) in &reviews { tr {
                th scope="row" { code { (path.strip_prefix("review.").unwrap_or(path)) } }
                td { @if f.required { "required" } @else { "optional" } }
                td { (f.shape.describe(guide)) }
                td { (f.doc) }
            } } }
        } }
    };
    let f = Frame { title: "Field guide", up: "", nav: Nav::Guide, audience, today };
    frame(&f, &content)
}
