//! `duplicate-engagement`: two files name the same engagement.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Context, FileFacts, WorkspaceRule, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// One engagement, one file: two files with one name would double-count it in every report.
pub(super) struct DuplicateEngagement;

impl WorkspaceRule for DuplicateEngagement {
    fn id(&self) -> RuleId {
        RuleId::DuplicateEngagement
    }

    fn check(&self, files: &[FileFacts<'_>], _facts: &WorkspaceFacts, _ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut by_name: BTreeMap<String, Vec<&Engagement>> = BTreeMap::new();
        for eng in files.iter().map(|f| f.engagement) {
            if let Some(name) = eng.engagement.str() {
                by_name.entry(crate::name_key::name_key(name)).or_default().push(eng);
            }
        }
        for group in by_name.values().filter(|g| g.len() > 1) {
            for eng in group {
                let Some((name, at)) = eng.engagement.valid() else { continue };
                // Every other file of the group, by identity: even two files shown alike are named.
                let others: Vec<Arc<str>> =
                    group.iter().filter(|o| !std::ptr::eq(**o, *eng)).map(|o| o.path.clone()).collect();
                let named: Vec<&str> = others.iter().map(|o| &**o).collect();
                let finding = finding(
                    self.id(),
                    &eng.path,
                    at,
                    FieldPath::key(k::ENGAGEMENT),
                    format!("engagement \"{name}\" is also the name in {}", named.join(", ")),
                    "each engagement has one file: rename one of them, or merge the files",
                );
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
    fn names_compare_without_case() {
        let guide = Guide::default();
        let a = engagement_at("a.yaml", BASE, &guide);
        let b = engagement_at("b.yaml", &BASE.replace("Acme Payments", "acme payments "), &guide);
        let c = engagement_at("c.yaml", &BASE.replace("Acme Payments", "Other"), &guide);
        let mut out = Vec::new();
        let ctx = Context { today: today(), guide: &guide };
        DuplicateEngagement.check(&files(&[&a, &b, &c]), &WorkspaceFacts::default(), &ctx, &mut out);
        let got: Vec<(&str, u32)> = out.iter().map(|f| (&*f.path, f.loc.line)).collect();
        assert_eq!(got, vec![("a.yaml", 2), ("b.yaml", 2)]);
    }
}
