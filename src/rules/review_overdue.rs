//! `review-overdue`: today is past the `next_review` of the region's latest session.

use super::{Context, FileFacts, WorkspaceRule, days, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::review::latest_by_region;

/// "Date of next review" (seed 003): a region whose booked session has passed with no
/// new session file has either not met, or not recorded the meeting.
pub(super) struct ReviewOverdue;

impl WorkspaceRule for ReviewOverdue {
    fn id(&self) -> RuleId {
        RuleId::ReviewOverdue
    }

    fn check(&self, _files: &[FileFacts<'_>], facts: &WorkspaceFacts, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for session in latest_by_region(&facts.reviews, ctx.today) {
            let Some((next, at)) = session.next_review.valid() else { continue };
            if *next >= ctx.today {
                continue;
            }
            let region = session.region.str().unwrap_or_default();
            let late = (ctx.today - *next).num_days();
            out.push(finding(
                self.id(),
                &session.path,
                at,
                FieldPath::key(k::NEXT_REVIEW),
                format!("the next {region} review session was due {next}, {} ago, and none is recorded", days(late)),
                format!("record the session with `acctsum review new --region {region}`, or move `next_review`"),
            ));
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
        check_bytes(path.into(), text.as_bytes(), &Guide::default(), &mut found).expect("a mapping")
    }

    #[test]
    fn only_the_latest_session_of_each_region_counts() {
        let guide = Guide::default();
        let reviews = vec![
            session(
                "reviews/north/a.yaml",
                "acctsum: 1\nregion: north\ndate: 2026-10-01\nnext_review: 2026-10-15\nattendees: [P]\n",
            ),
            session(
                "reviews/north/b.yaml",
                "acctsum: 1\nregion: north\ndate: 2026-11-06\nnext_review: 2026-11-20\nattendees: [P]\n",
            ),
            session(
                "reviews/south/a.yaml",
                "acctsum: 1\nregion: south\ndate: 2026-11-06\nnext_review: 2026-11-19\nattendees: [P]\n",
            ),
            session("reviews/west/a.yaml", "acctsum: 1\nregion: west\ndate: 2026-11-06\nattendees: [P]\n"),
        ];
        let facts = WorkspaceFacts { reviews, ..WorkspaceFacts::default() };
        let mut out = Vec::new();
        ReviewOverdue.check(&[], &facts, &Context { today: today(), guide: &guide }, &mut out);
        let got: Vec<(&str, u32)> = out.iter().map(|f| (&*f.path, f.loc.line)).collect();
        assert_eq!(got, vec![("reviews/south/a.yaml", 4)]);
    }

    #[test]
    fn a_draft_does_not_record_the_session_that_was_due() {
        let guide = Guide::default();
        let held = "acctsum: 1\nregion: north\ndate: 2026-11-06\nnext_review: 2026-11-19\nattendees: [P]\n";
        let reviews = vec![
            session("reviews/north/a.yaml", held),
            session("reviews/north/b.yaml", "acctsum: 1\nregion: north\ndate: 2026-11-20\nattendees: []\n"),
        ];
        let facts = WorkspaceFacts { reviews, ..WorkspaceFacts::default() };
        let mut out = Vec::new();
        ReviewOverdue.check(&[], &facts, &Context { today: today(), guide: &guide }, &mut out);
        let got: Vec<(&str, u32)> = out.iter().map(|f| (&*f.path, f.loc.line)).collect();
        assert_eq!(got, vec![("reviews/north/a.yaml", 4)]);
    }
}
