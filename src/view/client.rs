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
    pub tech: Shown<Vec<&'a str>>,
    /// The Delivery Leads.
    pub delivery: Shown<Vec<&'a str>>,
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
    pub relationship: Shown<Vec<&'a str>>,
    /// Its engagements, in the report's order.
    pub engagements: Vec<ClientRow<'a>>,
    /// Their risks; `None` (the section is absent) when the audience may not see risks.
    pub risks: Option<Vec<ClientRisk<'a>>>,
    /// Their actions not done (a withheld status counts as not done); `None` when the
    /// audience may not see actions.
    pub open_actions: Option<Vec<ClientAction<'a>>>,
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
            let relationship = if list.iter().any(|e| e.leads.relationship == Shown::Withheld) {
                Shown::Withheld
            } else {
                let mut names: Vec<&str> = list.iter().filter_map(|e| e.leads.relationship.value()).collect();
                names.sort_unstable();
                names.dedup();
                Shown::Value(names)
            };
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
                risks: every(&list, |e| e.risks.as_deref()).map(|risks| {
                    risks.flat_map(|(e, all)| all.iter().map(|&risk| ClientRisk { engagement: e, risk })).collect()
                }),
                open_actions: every(&list, |e| e.actions.as_deref()).map(|actions| {
                    actions
                        .flat_map(|(e, all)| {
                            let open = all.iter().filter(|a| a.status != Shown::Value(ActionStatus::Done));
                            open.map(move |&action| ClientAction { engagement: e, action })
                        })
                        .collect()
                }),
            }
        })
        .collect()
}

/// Each engagement's name and rows of one section, or `None` when the section is absent
/// (hidden from the audience, so absent from every engagement).
fn every<'e, 'a: 'e, T: 'e>(
    list: &[&'e Entry<'a>],
    section: impl Fn(&'e Entry<'a>) -> Option<&'e [T]>,
) -> Option<impl Iterator<Item = (&'a str, &'e [T])>> {
    let rows: Option<Vec<(&'a str, &'e [T])>> = list.iter().map(|e| Some((e.name, section(e)?))).collect();
    rows.map(Vec::into_iter)
}
