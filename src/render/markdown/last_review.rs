//! The pack's "Since the last review" section: the region's latest session's decisions,
//! its actions and the next review date.

use std::fmt::Write as _;

use super::{file_link, md, table};
use crate::view::LastReview;
use crate::view::last_review::ActionState;

/// The words for where an action stands.
fn state(s: ActionState) -> &'static str {
    match s {
        ActionState::Done => "✅ done",
        ActionState::Open => "open",
        ActionState::Blocked => "⛔ blocked",
        ActionState::Overdue => "⚠️ overdue",
    }
}

/// Writes the section.
pub(super) fn section(out: &mut String, last: &LastReview) {
    let _ = writeln!(out, "## Since the last review ({})\n", last.date);
    let attendees = if last.attendees.is_empty() {
        String::new()
    } else {
        format!(" with {}", last.attendees.iter().map(|a| md(a)).collect::<Vec<_>>().join(", "))
    };
    let _ = writeln!(
        out,
        "The {} review session of {}{attendees} ({}).\n",
        md(&last.region),
        last.date,
        file_link(&last.path)
    );
    if last.decisions.is_empty() {
        out.push_str("Decisions: none recorded.\n\n");
    } else {
        out.push_str("Decisions:\n\n");
        for decision in &last.decisions {
            let _ = writeln!(out, "- {}", md(decision));
        }
        out.push('\n');
    }
    if last.actions.is_empty() {
        out.push_str("Actions: none recorded.\n\n");
    } else {
        let rows: Vec<Vec<String>> = last
            .actions
            .iter()
            .map(|a| {
                vec![
                    md(&a.action),
                    a.owner.as_deref().map_or_else(|| "—".to_owned(), md),
                    a.due.map_or_else(|| "—".to_owned(), |d| d.to_string()),
                    a.engagement.as_deref().map_or_else(|| "—".to_owned(), md),
                    state(a.state).to_owned(),
                ]
            })
            .collect();
        table(out, &["action", "owner", "due", "engagement", "status"], &rows);
    }
    match (last.next_review, last.next_overdue) {
        (Some(next), false) => {
            let _ = writeln!(out, "Next review: {next}.\n");
        }
        (Some(next), true) => {
            let _ = writeln!(out, "Next review: {next} — ⚠️ passed, and no session is recorded since.\n");
        }
        (None, _) => out.push_str("Next review: not booked.\n\n"),
    }
}
