//! `risk-without-mitigation`: a risk (not low) with nothing done about it.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::{Engagement, RiskType};

/// "The mitigation actions are relevant and appropriate" — so there should be one.
/// Low-scored risks without mitigation are `low-score-without-notes` instead.
pub(super) struct RiskWithoutMitigation;

impl Rule for RiskWithoutMitigation {
    fn id(&self) -> RuleId {
        RuleId::RiskWithoutMitigation
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for risk in &eng.risks {
            let Some(value) = risk.score.copied() else { continue };
            if !ctx.guide.is_low(value) && risk.mitigation.is_absent() {
                let title = risk.title.str().unwrap_or("a risk");
                let kind = risk.kind.copied().unwrap_or(RiskType::Risk);
                out.push(finding(
                    self.id(),
                    &eng.path,
                    risk.at,
                    FieldPath::item(k::RISKS, risk.index).field(k::MITIGATION),
                    format!("{kind} \"{title}\" has no mitigation"),
                    "add `mitigation:` saying what we are doing about it",
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
    fn only_risks_above_low() {
        let text = format!(
            "{BASE}risks:\n  - {{title: A, score: 3}}\n  - {{title: B, score: 1}}\n  - {{title: C, score: 4, mitigation: M}}\n"
        );
        assert_eq!(run(&RiskWithoutMitigation, &text), vec![(15, 3)]);
    }
}
