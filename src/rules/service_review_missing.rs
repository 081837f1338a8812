//! `service-review-missing`: no service review is recorded.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, Loc, RuleId};
use crate::format::key as k;
use crate::model::{Engagement, Value};

/// "The last service review date indicates that service reviews are happening regularly."
pub(super) struct ServiceReviewMissing;

impl Rule for ServiceReviewMissing {
    fn id(&self) -> RuleId {
        RuleId::ServiceReviewMissing
    }

    fn check(&self, eng: &Engagement, _ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let review = &eng.service_review;
        let at = match (&review.section, &review.last) {
            (Value::Absent, _) => Loc::START,
            (Value::Valid((), at), Value::Absent) => *at,
            _ => return,
        };
        out.push(finding(
            self.id(),
            &eng.path,
            at,
            FieldPath::key(k::SERVICE_REVIEW).field(k::LAST),
            "no service review is recorded (`service_review.last`)".to_owned(),
            "hold a monthly service review with the client and record its date under `service_review: {last: YYYY-MM-DD}`",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run};
    use super::*;

    #[test]
    fn absent_section_or_date() {
        assert_eq!(run(&ServiceReviewMissing, BASE), vec![]);
        let without = BASE.replace("service_review:\n  last: 2026-11-03\n", "");
        assert_eq!(run(&ServiceReviewMissing, &without), vec![(1, 1)]);
        assert_eq!(
            run(&ServiceReviewMissing, &BASE.replace("  last: 2026-11-03", "  next: 2026-12-03")),
            vec![(12, 1)]
        );
        assert_eq!(run(&ServiceReviewMissing, &BASE.replace("  last: 2026-11-03", "  last: soon")), vec![]);
    }
}
