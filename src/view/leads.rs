//! Who leads an engagement, and the `leads` command's rows: the one look-up of who holds
//! which role ([`crate::model::Leads::roles_of`]).

use super::mask::Mask;
use super::shown::Shown;
use crate::format::key as k;
use crate::model::{Engagement, Role};

/// The leads of one engagement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leads<'a> {
    /// The Account Lead.
    pub account: Shown<&'a str>,
    /// The Tech Leads (none: an empty list).
    pub tech: Shown<Vec<&'a str>>,
    /// The Delivery Leads (none: an empty list).
    pub delivery: Shown<Vec<&'a str>>,
    /// The Relationship Lead.
    pub relationship: Shown<&'a str>,
    /// The Client Practice Lead.
    pub client_practice: Shown<&'a str>,
}

impl<'a> Leads<'a> {
    /// The leads of an engagement, all of them (`acctsum leads` is for the leads).
    #[must_use]
    pub fn of(eng: &'a Engagement) -> Self {
        let l = &eng.leads;
        Self {
            account: Shown::text(&l.account),
            tech: Shown::Value(l.names(Role::Tech)),
            delivery: Shown::Value(l.names(Role::Delivery)),
            relationship: Shown::text(&l.relationship),
            client_practice: Shown::text(&l.client_practice),
        }
    }

    /// The leads of an engagement as `mask`'s audience may see them.
    pub(super) fn seen(eng: &'a Engagement, mask: Mask<'_>) -> Self {
        let all = Self::of(eng);
        Self {
            account: mask.shown(&[k::LEADS, k::ACCOUNT], all.account),
            tech: mask.shown(&[k::LEADS, k::TECH], all.tech),
            delivery: mask.shown(&[k::LEADS, k::DELIVERY], all.delivery),
            relationship: mask.shown(&[k::LEADS, k::RELATIONSHIP], all.relationship),
            client_practice: mask.shown(&[k::LEADS, k::CLIENT_PRACTICE], all.client_practice),
        }
    }

    /// The names in each role, in [`Role::ALL`] order (a role with no one, or withheld:
    /// empty).
    #[must_use]
    pub fn by_role(&self) -> [(Role, Vec<&'a str>); 5] {
        let one = |s: Shown<&'a str>| s.value().into_iter().collect();
        let many = |s: &Shown<Vec<&'a str>>| s.as_ref().value().cloned().unwrap_or_default();
        [
            (Role::Account, one(self.account)),
            (Role::Tech, many(&self.tech)),
            (Role::Delivery, many(&self.delivery)),
            (Role::Relationship, one(self.relationship)),
            (Role::ClientPractice, one(self.client_practice)),
        ]
    }
}

/// One engagement's row in `leads`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row<'a> {
    /// The file.
    pub path: &'a str,
    /// The engagement.
    pub engagement: &'a str,
    /// The client.
    pub client: Shown<&'a str>,
    /// The region.
    pub region: Shown<&'a str>,
    /// The leads.
    pub leads: Leads<'a>,
    /// The roles held by the person asked for, when a name was asked for.
    pub roles: Option<Vec<Role>>,
}

/// The rows for `engagements` by name, keeping only those where someone whose name
/// contains `who` (case-insensitively) holds a role, when `who` is given.
#[must_use]
pub fn rows<'a>(engagements: &[&'a Engagement], who: Option<&str>) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = engagements
        .iter()
        .filter_map(|eng| {
            let roles = match who {
                None => None,
                Some(who) => Some(eng.leads.roles_of(who)).filter(|held| !held.is_empty()),
            };
            if who.is_some() && roles.is_none() {
                return None;
            }
            Some(Row {
                path: &eng.path,
                engagement: eng.name(),
                client: Shown::text(&eng.client),
                region: Shown::text(&eng.region),
                leads: Leads::of(eng),
                roles,
            })
        })
        .collect();
    rows.sort_by(|a, b| (a.engagement.to_lowercase(), a.path).cmp(&(b.engagement.to_lowercase(), b.path)));
    rows
}
