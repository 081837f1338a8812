//! `service-review-overdue`: the last service review is too long ago.

use super::{Context, Rule, days, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// The Account Lead conducts "a monthly Service Review" with the client.
pub(super) struct ServiceReviewOverdue;

impl Rule for ServiceReviewOverdue {
    fn id(&self) -> RuleId {
        RuleId::ServiceReviewOverdue
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((last, at)) = eng.service_review.last.valid() else { return };
        let age = (ctx.today - *last).num_days();
        let limit = ctx.guide.service_review_days;
        if age > limit {
            out.push(finding(
                self.id(),
                &eng.path,
                at,
                FieldPath::key(k::SERVICE_REVIEW).field(k::LAST),
                format!("last service review was {last}, {} ago (due every {})", days(age), days(limit)),
                "book the next service review with the client, then record its date",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run};
    use super::*;

    #[test]
    fn overdue_after_the_configured_days() {
        assert_eq!(run(&ServiceReviewOverdue, &BASE.replace("2026-11-03", "2026-10-16")), vec![]);
        assert_eq!(run(&ServiceReviewOverdue, &BASE.replace("2026-11-03", "2026-10-15")), vec![(13, 9)]);
    }
}
