//! `client-name-drift`: one client spelt several ways (`Harbour Finch Ltd`, `harbour
//! finch`), so that what is grouped by client — its one Relationship Lead, its roll-up —
//! splits it in two.

use std::collections::BTreeMap;

use super::{Context, FileFacts, WorkspaceRule, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;
use crate::name_key::{client_key, spellings};
use crate::scaffold::yaml_text;

/// How many files a message names before "and N more".
const NAMED_FILES: usize = 3;

/// Spellings of one client are the same client when their name keys are, once
/// punctuation and a final legal suffix are left out.
pub(super) struct ClientNameDrift;

impl WorkspaceRule for ClientNameDrift {
    fn id(&self) -> RuleId {
        RuleId::ClientNameDrift
    }

    fn check(&self, files: &[FileFacts<'_>], _facts: &WorkspaceFacts, _ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut by_client: BTreeMap<String, Vec<&Engagement>> = BTreeMap::new();
        for eng in files.iter().map(|f| f.engagement) {
            if let Some(client) = eng.client.str() {
                by_client.entry(client_key(client)).or_default().push(eng);
            }
        }
        for group in by_client.values_mut().filter(|g| g.len() > 1) {
            group.sort_by(|a, b| a.path.cmp(&b.path));
            let spelt = spellings(group.iter().map(|e| (e.client.str().unwrap_or_default(), &*e.path)));
            let [(used, paths), _, ..] = spelt.as_slice() else { continue };
            let named = match paths.len() {
                n if n > NAMED_FILES => format!("{} and {} more", paths[..NAMED_FILES].join(", "), n - NAMED_FILES),
                _ => paths.join(", "),
            };
            for eng in group.iter() {
                let Some((written, at)) = eng.client.valid() else { continue };
                if written.trim() == *used {
                    continue;
                }
                let others = group.iter().filter(|o| !std::ptr::eq(**o, *eng)).map(|o| o.path.clone()).collect();
                let finding = finding(
                    self.id(),
                    &eng.path,
                    at,
                    FieldPath::key(k::CLIENT),
                    format!("client \"{}\" is spelt \"{used}\" in {named}", written.trim()),
                    format!(
                        "spell a client the same way in all its engagements: `client: {}` (its roll-up and its one Relationship Lead go by the name)",
                        yaml_text(used, false)
                    ),
                );
                // The other spellings' files are what the finding is about too: a pull
                // request changing one of them sees it (`check --since`).
                out.push(finding.with_related(others));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, engagement_at, files, today};
    use super::*;
    use crate::guide::Guide;

    #[test]
    fn warns_on_each_file_not_spelt_the_most_used_way() {
        let guide = Guide::default();
        let with = |client: &str| BASE.replace("Acme Bank", client);
        let a = engagement_at("a.yaml", &with("Harbour Finch Ltd"), &guide);
        let b = engagement_at("b.yaml", &with("harbour finch"), &guide);
        let c = engagement_at("c.yaml", &with("Harbour Finch Ltd"), &guide);
        let d = engagement_at("d.yaml", &with("Harbour Finch Group"), &guide);
        let ctx = Context { today: today(), guide: &guide };
        let facts = WorkspaceFacts::default();
        let mut out = Vec::new();
        ClientNameDrift.check(&files(&[&c, &b, &a, &d]), &facts, &ctx, &mut out);
        let got: Vec<(&str, u32, u32, &str)> =
            out.iter().map(|f| (&*f.path, f.loc.line, f.loc.col, f.message.as_str())).collect();
        assert_eq!(
            got,
            vec![("b.yaml", 3, 9, "client \"harbour finch\" is spelt \"Harbour Finch Ltd\" in a.yaml, c.yaml")]
        );
    }

    #[test]
    fn a_tie_goes_to_the_spelling_of_the_earliest_path() {
        let guide = Guide::default();
        let with = |client: &str| BASE.replace("Acme Bank", client);
        let a = engagement_at("a.yaml", &with("Acme Bank plc"), &guide);
        let b = engagement_at("b.yaml", &with("ACME BANK"), &guide);
        let ctx = Context { today: today(), guide: &guide };
        let facts = WorkspaceFacts::default();
        let mut out = Vec::new();
        ClientNameDrift.check(&files(&[&b, &a]), &facts, &ctx, &mut out);
        let got: Vec<(&str, &str)> = out.iter().map(|f| (&*f.path, f.message.as_str())).collect();
        assert_eq!(got, vec![("b.yaml", "client \"ACME BANK\" is spelt \"Acme Bank plc\" in a.yaml")]);
    }
}
