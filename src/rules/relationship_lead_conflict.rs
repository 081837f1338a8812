//! `relationship-lead-conflict`: one client, several relationship leads.

use std::collections::BTreeMap;

use super::{Context, FileFacts, WorkspaceRule, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// "This role is the responsibility of a single person": a client has one Relationship Lead.
pub(super) struct RelationshipLeadConflict;

/// Clients and leads are one when their [name keys](crate::name_key) are.
fn normal(name: &str) -> String {
    crate::name_key::name_key(name)
}

impl WorkspaceRule for RelationshipLeadConflict {
    fn id(&self) -> RuleId {
        RuleId::RelationshipLeadConflict
    }

    fn check(&self, files: &[FileFacts<'_>], _facts: &WorkspaceFacts, _ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let mut by_client: BTreeMap<String, Vec<&Engagement>> = BTreeMap::new();
        for eng in files.iter().map(|f| f.engagement) {
            if let (Some(client), Some(_)) = (eng.client.str(), eng.leads.relationship.str()) {
                by_client.entry(normal(client)).or_default().push(eng);
            }
        }
        for group in by_client.values() {
            let mut leads: BTreeMap<String, (&str, Vec<&str>)> = BTreeMap::new();
            for eng in group {
                let lead = eng.leads.relationship.str().unwrap_or_default();
                leads.entry(normal(lead)).or_insert((lead.trim(), Vec::new())).1.push(&eng.path);
            }
            if leads.len() < 2 {
                continue;
            }
            let client = group[0].client.str().unwrap_or_default().trim();
            let named: Vec<String> =
                leads.values().map(|(lead, paths)| format!("{lead} ({})", paths.join(", "))).collect();
            for eng in group {
                let Some((lead, at)) = eng.leads.relationship.valid() else { continue };
                let others = group.iter().filter(|o| !std::ptr::eq(**o, *eng)).map(|o| o.path.clone()).collect();
                let finding = finding(
                    self.id(),
                    &eng.path,
                    at,
                    FieldPath::key(k::LEADS).field(k::RELATIONSHIP),
                    format!(
                        "{client} has {} relationship leads: {}; this file names {}",
                        leads.len(),
                        named.join("; "),
                        lead.trim()
                    ),
                    "a client has a single Relationship Lead; agree one name across all its engagements",
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
    fn compares_clients_and_leads_without_case_or_spaces() {
        let guide = Guide::default();
        let with = |lead: &str, client: &str| {
            BASE.replace("  account: Jane Smith", &format!("  account: Jane Smith\n  relationship: {lead}"))
                .replace("Acme Bank", client)
        };
        let a = engagement_at("a.yaml", &with("Sam Lee", "Acme Bank"), &guide);
        let b = engagement_at("b.yaml", &with("sam lee ", " acme bank"), &guide);
        let c = engagement_at("c.yaml", &with("Pat Doe", "ACME BANK"), &guide);
        let d = engagement_at("d.yaml", BASE, &guide);
        let e = engagement_at("e.yaml", &with("Kim", "Other"), &guide);
        let ctx = Context { today: today(), guide: &guide };
        let mut out = Vec::new();
        let facts = WorkspaceFacts::default();
        RelationshipLeadConflict.check(&files(&[&a, &b, &d, &e]), &facts, &ctx, &mut out);
        assert_eq!(out, vec![]);
        RelationshipLeadConflict.check(&files(&[&a, &b, &c, &d, &e]), &facts, &ctx, &mut out);
        let got: Vec<(&str, u32)> = out.iter().map(|f| (&*f.path, f.loc.line)).collect();
        assert_eq!(got, vec![("a.yaml", 7), ("b.yaml", 7), ("c.yaml", 7)]);
    }
}
