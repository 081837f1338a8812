//! `missing-measure`: a configured measure has no entry.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, Loc, RuleId};
use crate::format::Section;
use crate::model::{Engagement, Value};

/// Every configured measure is scored, so that weak spots cannot hide by omission.
pub(super) struct MissingMeasure;

impl Rule for MissingMeasure {
    fn id(&self) -> RuleId {
        RuleId::MissingMeasure
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for section in Section::ALL {
            let scores = eng.scores(section);
            let at = match scores.section {
                Value::Invalid => continue,
                Value::Absent => Loc::START,
                Value::Valid((), at) => at,
            };
            for measure in ctx.guide.measures(section) {
                if scores.get(&measure.key).is_none() {
                    out.push(finding(
                        self.id(),
                        &eng.path,
                        at,
                        FieldPath::key(section.key()).field(measure.key.clone()),
                        format!("{} has no `{}` ({}) entry", section.key(), measure.key, measure.name),
                        format!("add `{}: {{score: N, notes: …}}` — {}", measure.key, measure.guide),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run};
    use super::*;

    #[test]
    fn each_absent_measure_is_one_finding_at_the_section() {
        let full = format!(
            "{BASE}account_status:\n  customer: {{score: 4}}\n  team: {{score: 4}}\n  delivery: {{score: 4}}\n  commercial: {{score: 4}}\n  governance: {{score: 4}}\nstrategy:\n  relationships: {{score: 3}}\n  alignment: {{score: 3}}\n  growth: {{score: 3}}\n  value_add: {{score: 3}}\n  exit_plan: 4\n"
        );
        // `capability` is absent; `exit_plan` is present (though invalid), so it is not "missing".
        assert_eq!(run(&MissingMeasure, &full), vec![(14, 1)]);
        assert_eq!(run(&MissingMeasure, BASE).len(), 11);
        assert!(run(&MissingMeasure, BASE).iter().all(|&at| at == (1, 1)));
        assert_eq!(run(&MissingMeasure, &format!("{BASE}account_status: [1]\nstrategy: 3\n")), vec![]);
    }
}
