//! `low-score-without-action`: a low measure score with no action to improve it.

use super::{Context, Rule, finding, measure_name};
use crate::finding::{Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// Low scores are fine "so long as positive action is being taken".
pub(super) struct LowScoreWithoutAction;

impl Rule for LowScoreWithoutAction {
    fn id(&self) -> RuleId {
        RuleId::LowScoreWithoutAction
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for (section, score) in eng.measures() {
            let Some(value) = score.score.copied() else { continue };
            if ctx.guide.is_low(value) && score.action.is_absent() {
                out.push(finding(
                    self.id(),
                    &eng.path,
                    score.key_at,
                    score.field(section).field(k::ACTION),
                    format!("{} scores {value}, which is low, but has no action", measure_name(ctx, &score.key)),
                    "add `action:` saying what we are doing to improve it, or who we have asked for help",
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
    fn low_scores_need_an_action() {
        let text = format!(
            "{BASE}strategy:\n  growth: {{score: 2, notes: No pipeline}}\n  value_add: {{score: 2, action: Host a meetup}}\n  exit_plan: {{score: 3}}\n"
        );
        assert_eq!(run(&LowScoreWithoutAction, &text), vec![(15, 3)]);
    }
}
