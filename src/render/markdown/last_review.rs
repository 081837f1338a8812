//! The pack's "Since the last review" section: the region's latest session's decisions,
//! its actions and the next review date, kept short (the pack is read in the meeting).

use std::fmt::Write as _;

use super::{file_link, md};
use crate::render::words::withheld_actions;
use crate::view::last_review::ActionState;
use crate::view::{LastReview, Shown};

/// The words for where an action stands.
fn state(s: ActionState) -> &'static str {
    match s {
        ActionState::Done => "✅ done",
        ActionState::Open => "open",
        ActionState::Blocked => "⛔ **blocked**",
        ActionState::Overdue => "⚠️ **overdue**",
    }
}

/// Writes the section: one paragraph (who met, the decisions, the next date), then one
/// line per action.
pub(super) fn section(out: &mut String, last: &LastReview) {
    let _ = writeln!(out, "## Since the last review ({})\n", last.date);
    let _ = write!(out, "The {} review session", md(&last.region));
    if !last.attendees.is_empty() {
        let _ = write!(out, " with {}", last.attendees.iter().map(|a| md(a)).collect::<Vec<_>>().join(", "));
    }
    let _ = write!(out, " ({}).", file_link(&last.path));
    match &last.decisions {
        Shown::Value(decisions) if !decisions.is_empty() => {
            let decisions: Vec<String> = decisions.iter().map(|d| md(d.trim_end_matches('.'))).collect();
            let _ = write!(out, " Decisions: {}.", decisions.join("; "));
        }
        Shown::Withheld => out.push_str(" Decisions: withheld."),
        _ => out.push_str(" Decisions: none recorded."),
    }
    match (last.next_review, last.next_overdue) {
        (Some(next), false) => {
            let _ = write!(out, " Next review: {next}.");
        }
        (Some(next), true) => {
            let _ = write!(out, " Next review: {next} — ⚠️ passed, and no session is recorded since.");
        }
        (None, _) => out.push_str(" Next review: not booked."),
    }
    out.push_str("\n\n");
    if last.withheld_actions > 0 {
        let _ = writeln!(out, "Actions: {}.\n", withheld_actions(last.withheld_actions));
        return;
    }
    if last.actions.is_empty() {
        out.push_str("Actions: none recorded.\n\n");
        return;
    }
    for a in &last.actions {
        let mut about = Vec::with_capacity(3);
        if let Some(owner) = &a.owner {
            about.push(md(owner));
        }
        if let Some(due) = a.due {
            about.push(format!("due {due}"));
        }
        if let Some(engagement) = &a.engagement {
            about.push(md(engagement));
        }
        let _ = writeln!(out, "- {} — {} ({})", state(a.state), md(&a.action), about.join(", "));
    }
    out.push('\n');
}
