//! `review-action-overdue`: an open action of a region's latest review session is past
//! its due date.

use super::{Context, FileFacts, WorkspaceRule, days, files_named, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::review::latest_by_region;

/// The session's actions are what the review "drives": one past its date is done and not
/// marked, or stuck. Only each region's latest session counts: `acctsum review new` carries
/// the open actions over, so an older session's are its minutes.
pub(super) struct ReviewActionOverdue;

impl WorkspaceRule for ReviewActionOverdue {
    fn id(&self) -> RuleId {
        RuleId::ReviewActionOverdue
    }

    fn check(&self, files: &[FileFacts<'_>], facts: &WorkspaceFacts, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for session in latest_by_region(&facts.reviews, ctx.today) {
            for item in &session.actions {
                let action = &item.action;
                let (Some(true), Some((due, at))) = (action.is_open(), action.due.valid()) else { continue };
                if *due >= ctx.today {
                    continue;
                }
                let late = (ctx.today - *due).num_days();
                let what = action.action.str().unwrap_or("an action");
                let owner = action.owner.str().map(|o| format!(" ({o})")).unwrap_or_default();
                let related = item.engagement.str().map(|name| files_named(files, name)).unwrap_or_default();
                let finding = finding(
                    self.id(),
                    &session.path,
                    at,
                    FieldPath::item(k::ACTIONS, action.index).field(k::DUE),
                    format!("review action \"{what}\"{owner} was due {due}, {} ago", days(late)),
                    "mark it `status: done`, or agree a new `due` date with its owner",
                );
                out.push(finding.with_related(related));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::today;
    use super::*;
    use crate::guide::Guide;
    use crate::review::check_bytes;

    fn session(path: &str, text: &str) -> crate::review::Session {
        let mut found = Vec::new();
        let session = check_bytes(path.into(), text.as_bytes(), &Guide::default(), &mut found).expect("a mapping");
        assert_eq!(found, vec![]);
        session
    }

    #[test]
    fn only_open_actions_of_the_latest_session_are_overdue() {
        let older = session(
            "reviews/north/2026-10-23.yaml",
            "acctsum: 1\nregion: north\ndate: 2026-10-23\nactions:\n  - {action: A, owner: O, due: 2026-11-01}\nattendees: [P]\n",
        );
        let latest = session(
            "reviews/north/2026-11-06.yaml",
            "acctsum: 1\nregion: north\ndate: 2026-11-06\nactions:\n  - {action: A, owner: O, due: 2026-11-19}\n  - {action: B, owner: O, due: 2026-11-01, status: done}\n  - {action: C, owner: O, due: 2026-11-20}\n  - {action: D, owner: O, due: 2026-11-02, status: blocked}\nattendees: [P]\n",
        );
        let guide = Guide::default();
        let facts = WorkspaceFacts { reviews: vec![older, latest], ..WorkspaceFacts::default() };
        let mut out = Vec::new();
        ReviewActionOverdue.check(&[], &facts, &Context { today: today(), guide: &guide }, &mut out);
        let got: Vec<(&str, u32)> = out.iter().map(|f| (&*f.path, f.loc.line)).collect();
        assert_eq!(got, vec![("reviews/north/2026-11-06.yaml", 5), ("reviews/north/2026-11-06.yaml", 8)]);
    }
}
