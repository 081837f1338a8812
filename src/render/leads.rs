//! `acctsum leads`: who leads what, as a table or JSON, drawn from the rows of
//! [`view::leads`](crate::view::leads).

use std::io::{self, Write};

use serde::Serialize;

use super::Style;
use super::table::{self, Cell};
use crate::view::leads::Row;
use crate::view::{Role, Shown};

/// Writes the rows as a table.
///
/// # Errors
/// When writing fails.
pub fn table(out: &mut dyn Write, rows: &[Row<'_>], style: Style) -> io::Result<()> {
    let with_roles = rows.iter().any(|r| r.roles.is_some());
    let mut header = vec!["engagement", "client"];
    header.extend(Role::ALL.iter().map(|r| r.words()));
    if with_roles {
        header.push("role");
    }
    let mut t = table::new(style, &header);
    for row in rows {
        let mut cells = vec![Cell::text(row.engagement), Cell::text(row.client.value().unwrap_or("—"))];
        cells.extend(
            row.leads
                .by_role()
                .iter()
                .map(|(_, names)| Cell::text(if names.is_empty() { "—".to_owned() } else { names.join(", ") })),
        );
        if let Some(roles) = &row.roles {
            cells.push(Cell::text(roles.iter().map(|r| r.words()).collect::<Vec<_>>().join(", ")));
        }
        table::row(&mut t, cells, style);
    }
    writeln!(out, "{t}")
}

#[derive(Serialize)]
struct Leads<'a> {
    account: Option<&'a str>,
    tech: &'a [&'a str],
    delivery: &'a [&'a str],
    relationship: Option<&'a str>,
    client_practice: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    path: &'a str,
    engagement: &'a str,
    client: Option<&'a str>,
    region: Option<&'a str>,
    leads: Leads<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles: Option<Vec<&'static str>>,
}

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    engagements: Vec<JsonRow<'a>>,
}

fn value(v: Shown<&str>) -> Option<&str> {
    v.value()
}

/// The names in a role (`leads` shows every one: the command is for the leads).
fn names<'a>(v: &'a Shown<Vec<&'a str>>) -> &'a [&'a str] {
    v.as_ref().value().map_or(&[], Vec::as_slice)
}

/// Writes the rows as JSON.
///
/// # Errors
/// When writing fails.
pub fn json(out: &mut dyn Write, rows: &[Row<'_>]) -> io::Result<()> {
    let engagements = rows
        .iter()
        .map(|r| JsonRow {
            path: r.path,
            engagement: r.engagement,
            client: value(r.client),
            region: value(r.region),
            leads: Leads {
                account: value(r.leads.account),
                tech: names(&r.leads.tech),
                delivery: names(&r.leads.delivery),
                relationship: value(r.leads.relationship),
                client_practice: value(r.leads.client_practice),
            },
            roles: r.roles.as_ref().map(|roles| roles.iter().map(|r| r.words()).collect()),
        })
        .collect();
    super::json_text::write(&mut *out, &Json { version: 1, engagements })?;
    writeln!(out)
}
