//! The text of a new review session file (`acctsum review new`): the session's date and
//! region, attendees to fill in, the region's engagements that need attention as
//! commented agenda lines, and the previous session's open actions carried over.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

use super::SessionAction;
use crate::scaffold::yaml_text;

/// One agenda line: an engagement of the region that needs attention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agenda {
    /// The engagement's name.
    pub name: String,
    /// Why it needs attention, in a few words (`red, stale, 3 findings`).
    pub why: String,
    /// Its file, as shown.
    pub path: String,
}

/// What a new session file starts from.
#[derive(Clone, Copy, Debug)]
pub struct NewSession<'a> {
    /// The region (as configured).
    pub region: &'a str,
    /// The session's date.
    pub date: NaiveDate,
    /// The region's engagements that need attention, in report order.
    pub agenda: &'a [Agenda],
    /// The previous session's date, when there is one.
    pub previous: Option<NaiveDate>,
    /// The previous session's actions that are not done.
    pub carried: &'a [&'a SessionAction],
    /// The path from the new file's folder to the review session schema, for the
    /// `yaml-language-server` modeline (as `new` writes for engagement files).
    pub schema: &'a str,
}

/// The text of the new session file; it reads back as a valid session.
#[must_use]
pub fn session(new: &NewSession<'_>) -> String {
    let mut out = String::new();
    let NewSession { region, date, agenda, previous, carried, schema } = *new;
    let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    let _ = writeln!(out, "# The {region} review session of {date}: fill in who came, what was decided and");
    out.push_str("# the actions, then commit the file. See `acctsum guide` for each field.\n");
    out.push_str("acctsum: 1\n");
    let _ = writeln!(out, "region: {}", yaml_text(region, false));
    let _ = writeln!(out, "date: {date}");
    out.push_str("attendees: []\n");
    if agenda.is_empty() {
        out.push_str("# Agenda: no engagement of the region needs attention.\n");
    } else {
        out.push_str("# Agenda: the engagements that need attention (red or amber, stale, or with findings):\n");
        for line in agenda {
            let _ = writeln!(out, "#   - {} ({}) {}", one_line(&line.name), line.why, one_line(&line.path));
        }
    }
    out.push_str("decisions:\n  # - What the session decided, one per line\n");
    out.push_str("actions:\n");
    match previous {
        Some(previous) if !carried.is_empty() => {
            let _ = writeln!(out, "  # Carried over from the session of {previous}: still open.");
        }
        _ => {}
    }
    for item in carried {
        action(&mut out, item);
    }
    out.push_str("  # - action: What is to be done\n  #   owner: Who will do it\n  #   due: YYYY-MM-DD\n");
    out.push_str("  #   engagement: The engagement's name (optional)\n");
    let next = date.checked_add_days(Days::new(14)).unwrap_or(date);
    let _ = writeln!(out, "# next_review: {next}");
    out
}

/// One carried-over action, every valid field written back.
fn action(out: &mut String, item: &SessionAction) {
    let a = &item.action;
    let _ = writeln!(out, "  - action: {}", yaml_text(a.action.str().unwrap_or("(no action given)"), false));
    let _ = writeln!(out, "    owner: {}", yaml_text(a.owner.str().unwrap_or("(no owner given)"), false));
    if let Some(due) = a.due.get() {
        let _ = writeln!(out, "    due: {due}");
    }
    if let Some(name) = item.engagement.str() {
        let _ = writeln!(out, "    engagement: {}", yaml_text(name, false));
    }
    if let Some(status) = a.status.get() {
        let _ = writeln!(out, "    status: {}", status.as_str());
    }
}

/// Text for a comment line: its line breaks and control characters as spaces.
fn one_line(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}
