//! Changes in words, for the pack, the history and the terminal: one phrase per
//! [`Change`], user text passed through the caller's escaping.

use crate::scope::LeftOut;
use crate::view::{AcknowledgementMove, Change, LeadMove, Role, RuleId, ScoreMove, Shown, Status, Trend, Withheld};

/// How to write a change: the escaping of user text, and whether statuses get their
/// coloured cue.
#[derive(Clone, Copy)]
pub struct Words {
    /// Escapes user text for the output.
    pub escape: fn(&str) -> String,
    /// A coloured cue for a status (Markdown), or none (a terminal colours instead).
    pub cue: Option<fn(Status) -> &'static str>,
}

/// `↑`, `↓` or nothing.
#[must_use]
pub fn arrow(trend: Trend) -> &'static str {
    match trend {
        Trend::Better => " ↑",
        Trend::Worse => " ↓",
        Trend::Level => "",
    }
}

/// Which audience an output was built for, and what it may not see, in a sentence
/// (names and paths escaped with `escape`).
#[must_use]
pub fn built_for(audience: &str, withheld: &[&str], escape: fn(&str) -> String) -> String {
    if withheld.is_empty() {
        return format!("Built for the {} audience: nothing is withheld.", escape(audience));
    }
    let fields: Vec<String> = withheld.iter().map(|w| escape(w)).collect();
    format!(
        "Built for the {} audience, which may not see {}: a withheld value shows as \"withheld\", a withheld section is left out, and findings and changes about withheld fields are counted, not described.",
        escape(audience),
        fields.join(", ")
    )
}

/// `1 finding about a withheld field (action-overdue)`: the rule, not the message.
#[must_use]
pub fn withheld_findings(w: Withheld) -> String {
    let what = if w.count == 1 { "finding about a withheld field" } else { "findings about withheld fields" };
    format!("{} {what} ({})", w.count, w.rule.as_str())
}

/// `12 findings in 9 other files left out (changed since origin/main: 1 file); --all shows
/// them`: what `check --since` did not show. The revision is the user's, escaped by `escape`.
#[must_use]
pub fn left_out(l: &LeftOut, escape: fn(&str) -> String) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let changed = format!("changed since {}: {}", escape(&l.since), plural(l.changed, "file", "files"));
    if l.findings == 0 {
        return format!("no findings in other files ({changed})");
    }
    format!(
        "{} in {} left out ({changed}); --all shows them",
        plural(l.findings, "finding", "findings"),
        plural(l.files, "other file", "other files")
    )
}

/// `1 change to a withheld field`, `2 changes to withheld fields`.
#[must_use]
pub fn withheld_changes(n: usize) -> String {
    if n == 1 { "1 change to a withheld field".to_owned() } else { format!("{n} changes to withheld fields") }
}

/// `1 action withheld for this audience`, `3 actions withheld for this audience`: a review
/// session's actions that the audience may not see.
#[must_use]
pub fn withheld_actions(n: usize) -> String {
    let what = if n == 1 { "action" } else { "actions" };
    format!("{n} {what} withheld for this audience")
}

fn role(r: Role) -> &'static str {
    r.words()
}

/// What an acknowledgement says: its rule, what it is about, until when, why and by
/// whom; each part the audience may not see left out.
#[derive(Clone, Copy, Debug)]
pub struct Acknowledgement<'a> {
    /// The rule whose findings it silences.
    pub rule: Shown<RuleId>,
    /// What they are about.
    pub about: Shown<&'a str>,
    /// The last day it silences them.
    pub until: Shown<chrono::NaiveDate>,
    /// Why.
    pub reason: Shown<&'a str>,
    /// Who acknowledged them.
    pub by: Shown<&'a str>,
}

/// `1 acknowledged`, `3 acknowledged`.
#[must_use]
pub fn acknowledged(n: usize) -> String {
    format!("{n} acknowledged")
}

impl Words {
    /// An acknowledgement as a phrase: `action-overdue about Send the DPIA until
    /// 2026-12-15: the DPO is on leave (by Priya Raman)`. An `about` or `reason` the
    /// audience may not see is left out, and said to be.
    #[must_use]
    pub fn acknowledgement(self, a: Acknowledgement<'_>) -> String {
        let esc = self.escape;
        let rule = a.rule.value().map_or("a rule (withheld)", RuleId::as_str);
        let about = match a.about {
            Shown::Value(about) => format!(" about {}", esc(about)),
            Shown::Withheld => " about a withheld field".to_owned(),
            Shown::NotRecorded => String::new(),
        };
        let until = a.until.value().map(|d| format!(" until {d}")).unwrap_or_default();
        let reason = a.reason.value().map(|r| format!(": {}", esc(r))).unwrap_or_default();
        let by = a.by.value().map(|b| format!(" (by {})", esc(b))).unwrap_or_default();
        format!("{rule}{about}{until}{reason}{by}")
    }

    fn status(self, s: Status) -> String {
        match self.cue {
            Some(cue) => format!("{} {}", cue(s), s.as_str()),
            None => s.as_str().to_owned(),
        }
    }

    fn list(self, items: &[String]) -> String {
        items.iter().map(|t| (self.escape)(t)).collect::<Vec<_>>().join("; ")
    }

    fn score(self, s: &ScoreMove<'_>) -> String {
        let show = |v: Option<i64>| v.map_or_else(|| "—".to_owned(), |v| v.to_string());
        format!("{} {} → {}{}", (self.escape)(s.key), show(s.old), show(s.new), arrow(s.trend))
    }

    /// One change as a phrase (`status 🟠 amber → 🟢 green ↑`, `account lead handed over:
    /// Jane Smith → Omar Khan`).
    #[must_use]
    pub fn change(self, change: &Change<'_>) -> String {
        let esc = self.escape;
        match change {
            Change::Added => "new".to_owned(),
            Change::BaseUnread { commit, reason } => {
                format!("the version at `{}` could not be read: {reason}", commit.replace('`', "'"))
            }
            Change::Renamed { old, new: _ } => format!("renamed from {}", esc(old)),
            Change::Region { from, to: _ } => format!("moved from {}", esc(from)),
            Change::Status { old, new, trend } => {
                format!("status {} → {}{}", self.status(*old), self.status(*new), arrow(*trend))
            }
            Change::Scores(moves) => {
                format!("scores: {}", moves.iter().map(|s| self.score(s)).collect::<Vec<_>>().join(", "))
            }
            Change::Lead(LeadMove::HandedOver { role: r, old, new }) => {
                format!("{} lead handed over: {} → {}", role(*r), esc(old), esc(new))
            }
            Change::Lead(LeadMove::Added { role: r, name }) => format!("{} lead added: {}", role(*r), esc(name)),
            Change::Lead(LeadMove::Removed { role: r, name }) => format!("{} lead removed: {}", role(*r), esc(name)),
            Change::Headline(text) => format!("headline rewritten: {}", esc(text)),
            Change::NextSteps(steps) => format!("next steps rewritten: {}", self.list(steps)),
            Change::RisksAdded(items) => format!("risks added: {}", self.list(items)),
            Change::RisksRemoved(items) => format!("risks removed: {}", self.list(items)),
            Change::RiskRescored { risk, old, new, trend } => {
                format!("risk re-scored: {} {old} → {new}{}", esc(risk), arrow(*trend))
            }
            Change::ActionsCompleted(items) => format!("actions completed: {}", self.list(items)),
            Change::ActionsAdded(items) => format!("actions added: {}", self.list(items)),
            Change::ActionsDropped(items) => format!("open actions dropped: {}", self.list(items)),
            Change::ActionRedated { action, old, new, days } => {
                let moved = match days {
                    1 => "1 day later".to_owned(),
                    -1 => "1 day earlier".to_owned(),
                    d if *d < 0 => format!("{} days earlier", -d),
                    d => format!("{d} days later"),
                };
                format!("due date moved: {}, {old} → {new} ({moved})", esc(action))
            }
            Change::ActionReowned { action, old, new } => {
                format!("action re-owned: {}, {} → {}", esc(action), esc(old), esc(new))
            }
            Change::ObjectivesAdded(items) => format!("objectives added: {}", self.list(items)),
            Change::ObjectivesRemoved(items) => format!("objectives removed: {}", self.list(items)),
            Change::ObjectivesPassed(items) => format!("objectives passed: {}", self.list(items)),
            Change::ServiceReview { old: Some(old), new } => {
                format!("service review held: {new} (the one before: {old})")
            }
            Change::ServiceReview { old: None, new } => format!("service review held: {new} (the first recorded)"),
            Change::SupportAsked(ask) => format!("asks for help: {}", esc(ask)),
            Change::SupportClosed(ask) => format!("ask for help closed: {}", esc(ask)),
            Change::Acknowledgement { kind, rule, about, reason, until, by } => {
                let about = about.map(|a| format!(" about \"{}\"", esc(a))).unwrap_or_default();
                match kind {
                    AcknowledgementMove::Added => {
                        let reason = reason.map(|r| format!(": {}", esc(r))).unwrap_or_default();
                        let by = by.map(|b| format!(" (by {})", esc(b))).unwrap_or_default();
                        format!("acknowledged {rule}{about} until {until}{reason}{by}")
                    }
                    AcknowledgementMove::Lapsed => format!("acknowledgement of {rule}{about} lapsed on {until}"),
                    AcknowledgementMove::Removed => format!("acknowledgement of {rule}{about} removed"),
                }
            }
            Change::FileMoved { from } => format!("file moved from {}", esc(from)),
            Change::Withheld(n) => withheld_changes(*n),
        }
    }
}
