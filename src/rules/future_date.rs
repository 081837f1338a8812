//! `future-date`: a date that records the past lies after today.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// `updated`, `service_review.last`, wins and `support.since` record what has happened, so
/// they cannot be in the future.
pub(super) struct FutureDate;

impl Rule for FutureDate {
    fn id(&self) -> RuleId {
        RuleId::FutureDate
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let dates = [
            ("`updated`", FieldPath::key(k::UPDATED), eng.updated.valid()),
            (
                "`service_review.last`",
                FieldPath::key(k::SERVICE_REVIEW).field(k::LAST),
                eng.service_review.last.valid(),
            ),
        ]
        .into_iter()
        .chain([("`support.since`", FieldPath::key(k::SUPPORT).field(k::SINCE), eng.support.since.valid())])
        .chain(
            eng.wins.iter().map(|w| ("a win's date", FieldPath::item(k::WINS, w.index).field(k::DATE), w.date.valid())),
        );
        for (what, field, date) in dates {
            let Some((date, at)) = date else { continue };
            if *date > ctx.today {
                out.push(finding(
                    self.id(),
                    &eng.path,
                    at,
                    field,
                    format!("{what} {date} is after today ({})", ctx.today),
                    "this date records something that has happened; correct it (use --today to check as of another day)",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run};
    use super::*;

    #[test]
    fn past_dates_are_fine_future_ones_not() {
        assert_eq!(run(&FutureDate, BASE), vec![]);
        assert_eq!(run(&FutureDate, &BASE.replace("2026-11-18", "2026-11-20")), vec![]);
        assert_eq!(run(&FutureDate, &BASE.replace("2026-11-18", "2026-11-21")), vec![(7, 10)]);
        let wins =
            format!("{BASE}wins:\n  - {{date: 2026-12-01, title: Go-live}}\n  - {{date: 2026-10-01, title: Demo}}\n");
        assert_eq!(run(&FutureDate, &wins.replace("2026-11-03", "2027-01-01")), vec![(13, 9), (15, 12)]);
    }

    #[test]
    fn an_ask_for_help_cannot_start_after_today() {
        let ask = format!("{BASE}support:\n  ask: A data architect\n  since: 2026-11-20\n");
        assert_eq!(run(&FutureDate, &ask), vec![]);
        assert_eq!(run(&FutureDate, &ask.replace("2026-11-20", "2026-11-21")), vec![(16, 10)]);
    }
}
