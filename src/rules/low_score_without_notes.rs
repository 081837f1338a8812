//! `low-score-without-notes`: a low score that does not say why.

use super::{Context, Rule, finding, measure_name};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// Low scores need "notes which line up with the scores"; low risks need a mitigation;
/// uncomfortable objectives need notes.
pub(super) struct LowScoreWithoutNotes;

impl Rule for LowScoreWithoutNotes {
    fn id(&self) -> RuleId {
        RuleId::LowScoreWithoutNotes
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let guide = ctx.guide;
        for (section, score) in eng.measures() {
            let Some(value) = score.score.copied() else { continue };
            if guide.is_low(value) && score.notes.is_absent() {
                out.push(finding(
                    self.id(),
                    &eng.path,
                    score.key_at,
                    score.field(section).field(k::NOTES),
                    format!("{} scores {value}, which is low, but has no notes", measure_name(ctx, &score.key)),
                    "add `notes:` saying what lies behind the score, so reviewers can offer the right help",
                ));
            }
        }
        for risk in &eng.risks {
            let Some(value) = risk.score.copied() else { continue };
            if guide.is_low(value) && risk.mitigation.is_absent() {
                let title = risk.title.str().unwrap_or("a risk");
                out.push(finding(
                    self.id(),
                    &eng.path,
                    risk.at,
                    FieldPath::item(k::RISKS, risk.index).field(k::MITIGATION),
                    format!("risk \"{title}\" has a low comfort score ({value}) and no mitigation"),
                    "add `mitigation:` saying what we are doing about it",
                ));
            }
        }
        for objective in &eng.objectives {
            let Some(value) = objective.comfort.copied() else { continue };
            if guide.is_low(value) && objective.notes.is_absent() {
                let title = objective.title.str().unwrap_or("an objective");
                out.push(finding(
                    self.id(),
                    &eng.path,
                    objective.at,
                    FieldPath::item(k::OBJECTIVES, objective.index).field(k::NOTES),
                    format!("objective \"{title}\" has a low comfort ({value}) and no notes"),
                    "add `notes:` saying what worries us and what it depends on",
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
    fn measures_risks_and_objectives() {
        let text = format!(
            "{BASE}account_status:\n  customer: {{score: 2}}\n  team: {{score: 2, notes: Rotations}}\n  delivery: {{score: 3}}\n  commercial: {{score: 1, notes: ''}}\nrisks:\n  - title: Key person\n    score: 1\n  - title: Freeze\n    score: 2\n    mitigation: Agree window\nobjectives:\n  - {{title: Go-live, date: 2027-01-15, comfort: 2}}\n"
        );
        // commercial's notes are invalid (empty): reported as invalid-value, not here.
        assert_eq!(run(&LowScoreWithoutNotes, &text), vec![(15, 3), (20, 3), (26, 3)]);
    }
}
