//! `updated-not-bumped`: the file changed since `--since REV`, but its `updated` did not.

use super::{Context, FileFacts, WorkspaceRule, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;

/// "If you touched the summary, you reviewed it": a pull request that edits a summary
/// should move its `updated` date. Compares each file's digest and `updated` with its
/// version at the base commit, as the caller read it (`WorkspaceFacts::base`).
pub(super) struct UpdatedNotBumped;

impl WorkspaceRule for UpdatedNotBumped {
    fn id(&self) -> RuleId {
        RuleId::UpdatedNotBumped
    }

    fn check(&self, files: &[FileFacts<'_>], facts: &WorkspaceFacts, _ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(base) = &facts.base else { return };
        for file in files {
            let eng = file.engagement;
            let Some(before) = base.get(&eng.path) else { continue };
            // A base version that could not be read cannot be compared.
            let (Some(digest), Some(previous)) = (before.digest, before.updated) else { continue };
            let Some((updated, at)) = eng.updated.valid() else { continue };
            if digest != file.digest && *updated == previous {
                out.push(finding(
                    self.id(),
                    &eng.path,
                    at,
                    FieldPath::key(k::UPDATED),
                    format!("the file changed since the base commit, but `updated` is still {updated}"),
                    "you touched the summary, so you reviewed it: set `updated` to today's date",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, engagement_at, today};
    use super::*;
    use crate::digest::Digest;
    use crate::facts::{BaseFacts, BaseFile};
    use crate::guide::Guide;

    #[test]
    fn a_changed_file_must_move_updated() {
        let guide = Guide::default();
        let ctx = Context { today: today(), guide: &guide };
        let edited = BASE.replace("On track.", "Still on track.");
        let eng = engagement_at("a.yaml", &edited, &guide);
        let files = [FileFacts { engagement: &eng, digest: Digest::of(edited.as_bytes()) }];
        let updated = chrono::NaiveDate::from_ymd_opt(2026, 11, 18);
        let run = |base: BaseFile| {
            let mut facts = BaseFacts::default();
            facts.insert("a.yaml", base);
            let mut out = Vec::new();
            UpdatedNotBumped.check(&files, &WorkspaceFacts { base: Some(facts), ..Default::default() }, &ctx, &mut out);
            out.iter().map(|f| (f.loc.line, f.field.as_ref().map(ToString::to_string))).collect::<Vec<_>>()
        };
        let was = Digest::of(BASE.as_bytes());
        assert_eq!(run(BaseFile { digest: Some(was), updated }), vec![(7, Some("updated".to_owned()))]);
        let same = Digest::of(edited.as_bytes());
        assert_eq!(run(BaseFile { digest: Some(same), updated }), vec![], "unchanged");
        let bumped = chrono::NaiveDate::from_ymd_opt(2026, 11, 1);
        assert_eq!(run(BaseFile { digest: Some(was), updated: bumped }), vec![], "updated moved");
        assert_eq!(run(BaseFile { digest: None, updated }), vec![], "base unread");
        let mut out = Vec::new();
        UpdatedNotBumped.check(&files, &WorkspaceFacts::default(), &ctx, &mut out);
        assert_eq!(out, vec![], "without --since");
    }
}
