//! One compact section per engagement, and the Relationship Lead's roll-up per client.

use std::fmt::Write as _;

use super::{count, file_link, mark, names, shown, status, table, text, updated};
use crate::render::text::md;
use crate::view::{
    ActionRow, ActionStatus, Client, ClientAction, ClientRisk, Entry, RiskRow, RiskType, Section, Shown,
};

/// `service review 2026-11-17, next 2026-11-24`; nothing when the section is withheld.
fn service_review(e: &Entry<'_>) -> Option<String> {
    let r = e.service_review?;
    Some(match (r.last, r.next) {
        (Shown::NotRecorded, Shown::NotRecorded) => "no service review recorded".to_owned(),
        (Shown::NotRecorded, next) => format!("no service review recorded, next {}", shown(next)),
        (last, Shown::NotRecorded) => format!("service review {}", shown(last)),
        (last, next) => format!("service review {}, next {}", shown(last), shown(next)),
    })
}

/// A list item for a risk: `**Risk** 🟧 2: title — mitigation; owner X`.
fn risk(r: &RiskRow<'_>) -> String {
    let kind = match r.kind {
        Shown::Value(RiskType::Issue) => "Issue",
        Shown::Value(RiskType::Risk) | Shown::NotRecorded => "Risk",
        Shown::Withheld => "Risk or issue",
    };
    let mitigation = match r.mitigation {
        Shown::NotRecorded => "no mitigation recorded".to_owned(),
        m => format!("mitigation: {}", text(m)),
    };
    let owner = match r.owner {
        Shown::NotRecorded => String::new(),
        o => format!("; owner {}", text(o)),
    };
    format!("**{kind}** {}: {} — {mitigation}{owner}", mark(r.mark), text(r.title))
}

/// The due date, marked when the rule says it is overdue.
fn due(a: &ActionRow<'_>) -> String {
    format!("{}{}", shown(a.due), if a.overdue { " ⚠️ **overdue**" } else { "" })
}

/// A list item for an action: `**Action** due 2026-11-24: what — who (blocked)`.
fn action(a: &ActionRow<'_>) -> String {
    let state = match a.status {
        Shown::Value(ActionStatus::Open) | Shown::NotRecorded => "",
        Shown::Value(ActionStatus::Done) => " (done)",
        Shown::Value(ActionStatus::Blocked) => " (blocked)",
        Shown::Withheld => " (status withheld)",
    };
    format!("**Action** due {}: {} — {}{state}", due(a), text(a.action), text(a.owner))
}

/// Writes an engagement's section: a line of facts and leads, the headline, one table of
/// scores, and one list of everything else (an empty expected section as one item).
pub(super) fn section(out: &mut String, e: &Entry<'_>) {
    let _ = writeln!(out, "### {} — {}\n", md(e.name), status(e.status));
    let review = service_review(e).map(|r| format!("{r}; ")).unwrap_or_default();
    let _ =
        write!(out, "{}, {}; updated {}; {review}{}. ", text(e.client), text(e.region), updated(e), file_link(e.path));
    let l = &e.leads;
    // The headline's quote follows the facts without a blank line (a quote may interrupt a
    // paragraph): the pack of a region stays short.
    let _ = writeln!(
        out,
        "Leads: account {}; tech {}; delivery {}; relationship {}; client practice {}.",
        text(l.account),
        names(&l.tech),
        names(&l.delivery),
        text(l.relationship),
        text(l.client_practice),
    );
    // A withheld headline, like any withheld section, is left out.
    if e.headline == Shown::Withheld {
        out.push('\n');
    } else {
        let _ = writeln!(out, "> {}\n", text(e.headline));
    }
    scores(out, e);
    let mut items: Vec<String> = Vec::new();
    items.extend(super::asks::item(e));
    if let Some(steps) = &e.next_steps {
        let steps: Vec<String> = steps.iter().map(|s| md(s)).collect();
        items.push(format!(
            "**Next steps**: {}",
            if steps.is_empty() { "none recorded".to_owned() } else { steps.join("; ") }
        ));
    }
    // A section the audience may not see is absent: never "none recorded", which would
    // not be true.
    let expected = |items: &mut Vec<String>, label: &str, empty: bool| {
        if empty {
            items.push(format!("**{label}**: none recorded"));
        }
    };
    if let Some(risks) = &e.risks {
        expected(&mut items, "Risks and issues", risks.is_empty());
        items.extend(risks.iter().map(risk));
    }
    if let Some(actions) = &e.actions {
        expected(&mut items, "Actions", actions.is_empty());
        items.extend(actions.iter().map(action));
    }
    let objectives = e.objectives.as_deref().unwrap_or_default();
    if e.objectives.is_some() {
        expected(&mut items, "Objectives", objectives.is_empty());
    }
    items.extend(objectives.iter().map(|o| {
        let notes = match o.notes {
            Shown::NotRecorded => String::new(),
            n => format!(" — {}", text(n)),
        };
        let past = if o.past { " (past)" } else { "" };
        format!("**Objective** {}{past}, comfort {}: {}{notes}", shown(o.date), mark(o.comfort), text(o.title))
    }));
    let joined =
        |label: &str, parts: Vec<String>| (!parts.is_empty()).then(|| format!("**{label}**: {}", parts.join("; ")));
    let wins = e.wins.as_deref().unwrap_or_default();
    items.extend(joined("Wins", wins.iter().map(|w| format!("{} {}", shown(w.date), text(w.title))).collect()));
    let stakeholders = e.stakeholders.as_deref().unwrap_or_default();
    items.extend(joined(
        "Stakeholders",
        stakeholders.iter().map(|s| format!("{} ({}, {})", text(s.name), text(s.role), shown(s.side))).collect(),
    ));
    items.extend(joined(
        "Opportunities",
        e.opportunities
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|o| {
                let notes = match o.notes {
                    Shown::NotRecorded => String::new(),
                    n => format!(" — {}", text(n)),
                };
                format!("{} ({}){notes}", text(o.title), shown(o.stage))
            })
            .collect(),
    ));
    items.extend(e.acknowledged.as_deref().unwrap_or_default().iter().map(|a| {
        let about = match a.about {
            Shown::NotRecorded => String::new(),
            about => format!(" about {}", text(about)),
        };
        let covers = if a.covers.is_empty() {
            String::new()
        } else {
            let list: Vec<String> = a.covers.iter().map(|&c| text(c)).collect();
            format!(" (covers: {})", list.join("; "))
        };
        format!(
            "**Acknowledged** {}{about} until {}, by {}: {}{covers}",
            shown(a.rule),
            shown(a.until),
            text(a.by),
            text(a.reason)
        )
    }));
    for item in items {
        let _ = writeln!(out, "- {item}");
    }
    out.push('\n');
}

/// One table of every configured measure, account status then strategy.
fn scores(out: &mut String, e: &Entry<'_>) {
    if e.scores.is_empty() {
        return;
    }
    let mut last = None;
    let rows: Vec<Vec<String>> = e
        .scores
        .iter()
        .map(|s| {
            let section = s.measure.section;
            let first = last != Some(section);
            last = Some(section);
            let label = match (first, section) {
                (false, _) => String::new(),
                (true, Section::AccountStatus) => "account status".to_owned(),
                (true, Section::Strategy) => "strategy".to_owned(),
            };
            let notes = if s.unscored { "not scored".to_owned() } else { text(s.notes) };
            vec![label, md(s.measure.name), mark(s.mark), notes, text(s.action)]
        })
        .collect();
    table(out, &["section", "measure", "score", "notes", "action"], &rows);
}

/// The roll-up of one client: its engagements, their risks and open actions.
pub(super) fn client(out: &mut String, c: &Client<'_>) {
    let _ = writeln!(out, "## Client: {}\n", md(c.name));
    let rl = match &c.relationship {
        Shown::Value(list) if list.is_empty() => "not named".to_owned(),
        list => names(list),
    };
    let _ = writeln!(out, "Relationship Lead: {rl}. {} with this client.\n", count(c.engagements.len(), "engagement"));
    let rows: Vec<Vec<String>> = c
        .engagements
        .iter()
        .map(|r| {
            vec![
                md(r.name),
                text(r.region),
                status(r.status),
                text(r.account),
                names(&r.tech),
                names(&r.delivery),
                format!("{}{}", shown(r.updated), if r.stale { " (stale)" } else { "" }),
            ]
        })
        .collect();
    table(out, &["engagement", "region", "status", "account lead", "tech", "delivery", "updated"], &rows);
    match c.risks.as_deref() {
        None => {}
        Some([]) => out.push_str("**Open risks**: none recorded.\n\n"),
        Some(risks) => client_risks(out, risks),
    }
    match c.open_actions.as_deref() {
        None => {}
        Some([]) => out.push_str("**Open actions**: none.\n\n"),
        Some(actions) => client_actions(out, actions),
    }
}

/// The open risks of a client's engagements, as a table.
fn client_risks(out: &mut String, risks: &[ClientRisk<'_>]) {
    out.push_str("**Open risks**:\n\n");
    let rows: Vec<Vec<String>> = risks
        .iter()
        .map(|cr| {
            let r = &cr.risk;
            vec![md(cr.engagement), text(r.title), shown(r.kind), mark(r.mark), text(r.mitigation), text(r.owner)]
        })
        .collect();
    table(out, &["engagement", "risk", "type", "comfort", "mitigation", "owner"], &rows);
}

/// The open actions of a client's engagements, as a table.
fn client_actions(out: &mut String, actions: &[ClientAction<'_>]) {
    out.push_str("**Open actions**:\n\n");
    let rows: Vec<Vec<String>> = actions
        .iter()
        .map(|ca| {
            let a = &ca.action;
            vec![md(ca.engagement), text(a.action), text(a.owner), due(a), shown(a.status)]
        })
        .collect();
    table(out, &["engagement", "action", "owner", "due", "status"], &rows);
}
