//! `support-open-long`: an ask for help has been open longer than `support_stale_days`.

use super::{Context, Rule, days, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// "Escalate and get support when you need it": an ask nobody has answered is escalated.
pub(super) struct SupportOpenLong;

impl Rule for SupportOpenLong {
    fn id(&self) -> RuleId {
        RuleId::SupportOpenLong
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        // An ask that is not valid is reported as such (`missing-field`, `invalid-value`).
        if !eng.support.is_open() {
            return;
        }
        let Some((since, at)) = eng.support.since.valid() else { return };
        let age = (ctx.today - *since).num_days();
        let limit = ctx.guide.support_stale_days;
        if age > limit {
            // The message names the date, not the ask: an audience that may see when help
            // was asked for but not what for reads it whole.
            out.push(finding(
                self.id(),
                &eng.path,
                at,
                FieldPath::key(k::SUPPORT).field(k::SINCE),
                format!("the ask for help has been open since {since}, {}; asks are answered within {}", days(age), days(limit)),
                "escalate the ask (to the region's review session or the client practice); take the `support` section out once the help is agreed",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run, run_with};
    use super::*;
    use crate::guide::Guide;

    fn ask(since: &str) -> String {
        format!("{BASE}support:\n  ask: A data architect for two weeks\n  from: client practice\n  since: {since}\n")
    }

    #[test]
    fn an_ask_older_than_the_limit_is_open_long() {
        assert_eq!(run(&SupportOpenLong, BASE), vec![]);
        assert_eq!(run(&SupportOpenLong, &ask("2026-11-06")), vec![]);
        assert_eq!(run(&SupportOpenLong, &ask("2026-11-05")), vec![(17, 10)]);
    }

    #[test]
    fn the_limit_is_configured() {
        let mut guide = Guide::default();
        guide.support_stale_days = 30;
        assert_eq!(run_with(&SupportOpenLong, "engagements/north/a.yaml", &ask("2026-10-21"), &guide), vec![]);
        assert_eq!(run_with(&SupportOpenLong, "engagements/north/a.yaml", &ask("2026-10-20"), &guide), vec![(17, 10)]);
    }

    #[test]
    fn an_invalid_ask_or_date_is_not_open_long() {
        assert_eq!(run(&SupportOpenLong, &ask("2020-13-01")), vec![]);
        assert_eq!(
            run(&SupportOpenLong, &ask("2026-01-01").replace("  ask: A data architect for two weeks\n", "")),
            vec![]
        );
    }
}
