//! `action-overdue`: an action that is not done is past its due date.

use super::{Context, Rule, days, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// "The top actions section allows us to easily track and resolve outstanding items."
pub(super) struct ActionOverdue;

impl Rule for ActionOverdue {
    fn id(&self) -> RuleId {
        RuleId::ActionOverdue
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for action in &eng.actions {
            let (Some(true), Some((due, at))) = (action.is_open(), action.due.valid()) else { continue };
            if *due < ctx.today {
                let late = (ctx.today - *due).num_days();
                let what = action.action.str().unwrap_or("an action");
                let owner = action.owner.str().map(|o| format!(" ({o})")).unwrap_or_default();
                out.push(finding(
                    self.id(),
                    &eng.path,
                    at,
                    FieldPath::item(k::ACTIONS, action.index).field(k::DUE),
                    format!("action \"{what}\"{owner} was due {due}, {} ago", days(late)),
                    "mark it `status: done`, or agree a new `due` date with its owner",
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
    fn open_and_blocked_actions_can_be_overdue() {
        let text = format!(
            "{BASE}actions:\n  - {{action: A, owner: O, due: 2026-11-19}}\n  - {{action: B, owner: O, due: 2026-11-19, status: done}}\n  - {{action: C, owner: O, due: 2026-11-19, status: blocked}}\n  - {{action: D, owner: O, due: 2026-11-20}}\n  - {{action: E, owner: O, due: 2026-11-19, status: later}}\n"
        );
        assert_eq!(run(&ActionOverdue, &text), vec![(15, 32), (17, 32)]);
    }
}
