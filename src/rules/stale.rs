//! `stale`: the summary has not been reviewed within `stale_after_days`.

use super::{Context, Rule, days, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// "Account Summaries must be updated at least every two weeks."
pub(super) struct Stale;

impl Rule for Stale {
    fn id(&self) -> RuleId {
        RuleId::Stale
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((updated, at)) = eng.updated.valid() else { return };
        let age = (ctx.today - *updated).num_days();
        let limit = ctx.guide.stale_after_days;
        if age > limit {
            out.push(finding(
                self.id(),
                &eng.path,
                at,
                FieldPath::key(k::UPDATED),
                format!(
                    "last updated {updated}, {} ago; summaries are reviewed at least every {}",
                    days(age),
                    days(limit)
                ),
                "review the whole summary with the other leads, then set `updated` to today's date",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run};
    use super::*;

    #[test]
    fn fresh_is_fine_and_old_is_stale() {
        assert_eq!(run(&Stale, BASE), vec![]);
        assert_eq!(run(&Stale, &BASE.replace("2026-11-18", "2026-11-06")), vec![]);
        assert_eq!(run(&Stale, &BASE.replace("2026-11-18", "2026-11-05")), vec![(7, 10)]);
    }

    #[test]
    fn invalid_date_is_not_stale() {
        assert_eq!(run(&Stale, &BASE.replace("2026-11-18", "2020-13-01")), vec![]);
    }
}
