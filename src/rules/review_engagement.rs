//! A review session's action names an engagement that no file holds (`invalid-value`,
//! cross-file): the action would never reach that engagement's pack.

use super::{Context, FileFacts, WorkspaceRule, files_named, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::name_key::name_key;
use crate::suggest;

/// Names match without regard to case, accents or spacing, as everywhere.
pub(super) struct ReviewEngagement;

impl WorkspaceRule for ReviewEngagement {
    fn id(&self) -> RuleId {
        RuleId::InvalidValue
    }

    fn check(&self, files: &[FileFacts<'_>], facts: &WorkspaceFacts, _ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let names: Vec<&str> = match &facts.engagement_names {
            Some(names) => names.iter().map(String::as_str).collect(),
            None => files.iter().filter_map(|f| f.engagement.engagement.str()).collect(),
        };
        let folded: Vec<String> = names.iter().map(|n| name_key(n)).collect();
        for session in &facts.reviews {
            for item in &session.actions {
                let Some((name, at)) = item.engagement.valid() else { continue };
                if folded.contains(&name_key(name)) {
                    continue;
                }
                let wanted = name_key(name);
                let near = suggest::closest(&wanted, folded.iter().map(String::as_str));
                let close = names
                    .iter()
                    .zip(&folded)
                    .find(|(_, f)| Some(f.as_str()) == near || f.contains(&wanted))
                    .map(|(n, _)| *n);
                let help = match close {
                    Some(close) => format!("did you mean \"{close}\"?"),
                    None => "write an engagement's name as its file spells it, or remove `engagement`".to_owned(),
                };
                // The engagement it probably means is what the finding is also about (a
                // pull request that renamed it is shown the session it left behind).
                let related = close.map(|close| files_named(files, close)).unwrap_or_default();
                let finding = finding(
                    self.id(),
                    &session.path,
                    at,
                    FieldPath::item(k::ACTIONS, item.action.index).field(k::ENGAGEMENT),
                    format!(
                        "`engagement` of action {} names \"{name}\", which is no engagement's name",
                        item.action.index + 1
                    ),
                    help,
                );
                out.push(finding.with_related(related));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, engagement_at, files, today};
    use super::*;
    use crate::guide::Guide;
    use crate::review::check_bytes;

    #[test]
    fn an_engagement_is_named_without_regard_to_case_or_accents() {
        let guide = Guide::default();
        let eng = engagement_at("engagements/north/a.yaml", &BASE.replace("Acme Payments", "Acmé Payments"), &guide);
        let text = "acctsum: 1\nregion: north\ndate: 2026-11-06\nactions:\n  - {action: A, owner: O, due: 2026-11-19, engagement: acme  payments}\n  - {action: B, owner: O, due: 2026-11-19, engagement: Acme Paymnts}\n";
        let mut found = Vec::new();
        let session =
            check_bytes("reviews/north/x.yaml".into(), text.as_bytes(), &guide, &mut found).expect("a mapping");
        let facts = WorkspaceFacts { reviews: vec![session], ..WorkspaceFacts::default() };
        let mut out = Vec::new();
        ReviewEngagement.check(&files(&[&eng]), &facts, &Context { today: today(), guide: &guide }, &mut out);
        let got: Vec<(u32, &str)> = out.iter().map(|f| (f.loc.line, f.help.as_deref().unwrap_or(""))).collect();
        assert_eq!(got, vec![(6, "did you mean \"Acmé Payments\"?")]);
    }
}
