//! `status-mismatch`: the overall status does not tally with the scores.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::guide::Band;
use crate::model::{Engagement, Status};

/// "The headline and next steps … tally with the overall status."
pub(super) struct StatusMismatch;

impl Rule for StatusMismatch {
    fn id(&self) -> RuleId {
        RuleId::StatusMismatch
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((status, at)) = eng.status.valid() else { return };
        let scale = ctx.guide.scale;
        let scores: Vec<i64> = eng.account_status.entries.iter().filter_map(|s| s.score.copied()).collect();
        let risks: Vec<i64> = eng.risks.iter().filter_map(|r| r.score.copied()).collect();
        let message = match status {
            Status::Green => {
                let worst = scores.iter().chain(&risks).any(|&s| scale.band(s) == Band::Worst);
                worst.then(|| format!("status is green, but a score or risk is at the lowest mark ({})", scale.min))
            }
            Status::Red => {
                let all_high = !scores.is_empty() && scores.iter().all(|&s| s >= scale.max - 1);
                let no_low_risk = risks.iter().all(|&s| !ctx.guide.is_low(s));
                (all_high && no_low_risk).then(|| {
                    format!(
                        "status is red, but every account status score is {} or more and no risk is low",
                        scale.max - 1
                    )
                })
            }
            Status::Amber => None,
        };
        if let Some(message) = message {
            out.push(finding(
                self.id(),
                &eng.path,
                at,
                FieldPath::key(k::STATUS),
                message,
                "make the status, the scores and the headline tell the same story",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run};
    use super::*;

    #[test]
    fn green_with_the_worst_score() {
        let text = format!("{BASE}account_status:\n  customer: {{score: 1, notes: n}}\n");
        assert_eq!(run(&StatusMismatch, &text), vec![]);
        assert_eq!(run(&StatusMismatch, &text.replace("amber", "green")), vec![(8, 9)]);
        let risky = format!("{BASE}risks:\n  - {{title: R, score: 1, mitigation: M}}\n").replace("amber", "green");
        assert_eq!(run(&StatusMismatch, &risky), vec![(8, 9)]);
    }

    #[test]
    fn red_with_only_high_scores() {
        let red = BASE.replace("amber", "red");
        assert_eq!(run(&StatusMismatch, &red), vec![], "needs at least one score");
        let high = format!("{red}account_status:\n  customer: {{score: 4}}\n  team: {{score: 5}}\n");
        assert_eq!(run(&StatusMismatch, &high), vec![(8, 9)]);
        let low_risk = format!("{high}risks:\n  - {{title: R, score: 2, mitigation: M}}\n");
        assert_eq!(run(&StatusMismatch, &low_risk), vec![]);
    }
}
