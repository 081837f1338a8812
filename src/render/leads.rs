//! `acctsum leads`: who leads what, as a table or JSON.

use std::io::{self, Write};

use serde::Serialize;

use super::Style;
use super::table::{self, Cell};
use crate::model::Engagement;

/// The roles a person can hold on an engagement, in display order.
pub const ROLES: [&str; 5] = ["account", "tech", "delivery", "relationship", "client practice"];

/// One engagement's leads, and (when a name was asked for) the roles that person holds.
#[derive(Debug, Serialize)]
pub struct Row<'a> {
    /// The file.
    pub path: &'a str,
    /// The engagement.
    pub engagement: &'a str,
    /// The client.
    pub client: Option<&'a str>,
    /// The region.
    pub region: Option<&'a str>,
    /// The leads.
    pub leads: Leads<'a>,
    /// The roles held by the person asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<&'static str>>,
}

/// The leads of one engagement.
#[derive(Debug, Serialize)]
pub struct Leads<'a> {
    /// Account Lead.
    pub account: Option<&'a str>,
    /// Tech Leads.
    pub tech: Vec<&'a str>,
    /// Delivery Leads.
    pub delivery: Vec<&'a str>,
    /// Relationship Lead.
    pub relationship: Option<&'a str>,
    /// Client Practice Lead.
    pub client_practice: Option<&'a str>,
}

impl<'a> Leads<'a> {
    /// The leads of an engagement.
    #[must_use]
    pub fn of(eng: &'a Engagement) -> Self {
        Self {
            account: eng.leads.account.str(),
            tech: eng.leads.tech.iter().map(String::as_str).collect(),
            delivery: eng.leads.delivery.iter().map(String::as_str).collect(),
            relationship: eng.leads.relationship.str(),
            client_practice: eng.leads.client_practice.str(),
        }
    }

    /// The names in each role, in [`ROLES`] order.
    #[must_use]
    pub fn by_role(&self) -> [Vec<&'a str>; 5] {
        [
            self.account.into_iter().collect(),
            self.tech.clone(),
            self.delivery.clone(),
            self.relationship.into_iter().collect(),
            self.client_practice.into_iter().collect(),
        ]
    }
}

/// The rows for `engagements`, keeping only those where someone whose name contains
/// `who` (case-insensitively) holds a role, when `who` is given.
#[must_use]
pub fn rows<'a>(engagements: &[&'a Engagement], who: Option<&str>) -> Vec<Row<'a>> {
    let who = who.map(str::to_lowercase);
    let mut rows: Vec<Row<'a>> = engagements
        .iter()
        .filter_map(|eng| {
            let leads = Leads::of(eng);
            let roles = match &who {
                None => None,
                Some(who) => {
                    let held: Vec<&'static str> = ROLES
                        .iter()
                        .zip(leads.by_role())
                        .filter(|(_, names)| names.iter().any(|n| n.to_lowercase().contains(who.as_str())))
                        .map(|(role, _)| *role)
                        .collect();
                    if held.is_empty() {
                        return None;
                    }
                    Some(held)
                }
            };
            Some(Row {
                path: &eng.path,
                engagement: eng.name(),
                client: eng.client.str(),
                region: eng.region.str(),
                leads,
                roles,
            })
        })
        .collect();
    rows.sort_by(|a, b| (a.engagement.to_lowercase(), a.path).cmp(&(b.engagement.to_lowercase(), b.path)));
    rows
}

/// Writes the rows as a table.
///
/// # Errors
/// When writing fails.
pub fn table(out: &mut dyn Write, rows: &[Row<'_>], style: Style) -> io::Result<()> {
    let with_roles = rows.iter().any(|r| r.roles.is_some());
    let mut header = vec!["engagement", "client", "account", "tech", "delivery", "relationship", "client practice"];
    if with_roles {
        header.push("role");
    }
    let mut t = table::new(style, &header);
    for row in rows {
        let by_role = row.leads.by_role();
        let mut cells = vec![Cell::text(row.engagement), Cell::text(row.client.unwrap_or("—"))];
        cells.extend(
            by_role.iter().map(|names| Cell::text(if names.is_empty() { "—".to_owned() } else { names.join(", ") })),
        );
        if let Some(roles) = &row.roles {
            cells.push(Cell::text(roles.join(", ")));
        }
        table::row(&mut t, cells, style);
    }
    writeln!(out, "{t}")
}

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    engagements: &'a [Row<'a>],
}

/// Writes the rows as JSON.
///
/// # Errors
/// When writing fails.
pub fn json(out: &mut dyn Write, rows: &[Row<'_>]) -> io::Result<()> {
    super::json_text::write(&mut *out, &Json { version: 1, engagements: rows })?;
    writeln!(out)
}
