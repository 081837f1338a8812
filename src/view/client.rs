//! The Relationship Lead's roll-up (`report --client`): per client, its engagements,
//! their open risks and open actions.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::entry::{ActionRow, Entry, RiskRow};
use super::shown::Shown;
use crate::choice::{ActionStatus, Status};

/// One engagement in a client's roll-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientRow<'a> {
    /// The engagement.
    pub name: &'a str,
    /// Its region.
    pub region: Shown<&'a str>,
    /// Its status.
    pub status: Status,
    /// The Account Lead.
    pub account: Shown<&'a str>,
    /// The Tech Leads.
    pub tech: Vec<&'a str>,
    /// The Delivery Leads.
    pub delivery: Vec<&'a str>,
    /// Last updated.
    pub updated: Shown<NaiveDate>,
    /// Whether the `stale` rule reports it.
    pub stale: bool,
}

/// A risk of one of the client's engagements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientRisk<'a> {
    /// The engagement.
    pub engagement: &'a str,
    /// The risk.
    pub risk: RiskRow<'a>,
}

/// An open action of one of the client's engagements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAction<'a> {
    /// The engagement.
    pub engagement: &'a str,
    /// The action.
    pub action: ActionRow<'a>,
}

/// One client's roll-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Client<'a> {
    /// The client's name, as its files write it (trimmed).
    pub name: &'a str,
    /// The Relationship Leads its engagements name, sorted, each once.
    pub relationship: Vec<&'a str>,
    /// Its engagements, in the report's order.
    pub engagements: Vec<ClientRow<'a>>,
    /// Their risks.
    pub risks: Vec<ClientRisk<'a>>,
    /// Their actions not done.
    pub open_actions: Vec<ClientAction<'a>>,
}

/// The roll-up of `entries` by client, clients by name.
pub(super) fn clients<'a>(entries: &[Entry<'a>]) -> Vec<Client<'a>> {
    let mut by_client: BTreeMap<&str, Vec<&Entry<'a>>> = BTreeMap::new();
    for e in entries {
        by_client.entry(e.client.value().unwrap_or_default().trim()).or_default().push(e);
    }
    by_client
        .into_iter()
        .map(|(name, list)| {
            let mut relationship: Vec<&str> = list.iter().filter_map(|e| e.leads.relationship.value()).collect();
            relationship.sort_unstable();
            relationship.dedup();
            Client {
                name,
                relationship,
                engagements: list
                    .iter()
                    .map(|e| ClientRow {
                        name: e.name,
                        region: e.region,
                        status: e.status,
                        account: e.leads.account,
                        tech: e.leads.tech.clone(),
                        delivery: e.leads.delivery.clone(),
                        updated: e.updated,
                        stale: e.stale,
                    })
                    .collect(),
                risks: list
                    .iter()
                    .flat_map(|e| e.risks.iter().map(|&risk| ClientRisk { engagement: e.name, risk }))
                    .collect(),
                open_actions: list
                    .iter()
                    .flat_map(|e| {
                        let open = e.actions.iter().filter(|a| a.status != ActionStatus::Done);
                        open.map(|&action| ClientAction { engagement: e.name, action })
                    })
                    .collect(),
            }
        })
        .collect()
}
