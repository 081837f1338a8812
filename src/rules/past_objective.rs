//! `past-objective`: an objective whose date has passed.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// Objectives are "a future-looking element, so old events can be removed".
pub(super) struct PastObjective;

impl Rule for PastObjective {
    fn id(&self) -> RuleId {
        RuleId::PastObjective
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for objective in &eng.objectives {
            let Some((date, at)) = objective.date.valid() else { continue };
            if *date < ctx.today {
                let title = objective.title.str().unwrap_or("an objective");
                out.push(finding(
                    self.id(),
                    &eng.path,
                    at,
                    FieldPath::item(k::OBJECTIVES, objective.index).field(k::DATE),
                    format!("objective \"{title}\" was due {date}, which has passed"),
                    "remove it (record it under `wins:` if it went well), or move its date",
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
    fn past_dates_only() {
        let text = format!(
            "{BASE}objectives:\n  - {{title: A, date: 2026-11-19, comfort: 3}}\n  - {{title: B, date: 2026-11-20, comfort: 3}}\n"
        );
        assert_eq!(run(&PastObjective, &text), vec![(15, 22)]);
    }
}
