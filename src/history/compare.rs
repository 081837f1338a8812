//! Comparing two versions of one engagement: which facts changed, item by item.
//!
//! Items (risks, actions, objectives) are paired by their text, compared without case;
//! people by their name key (without case, accents and runs of spaces).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::changes::{Changes, ItemChange, LeadChange, Role, ScoreChange};
use crate::finding::{Finding, Loc, RuleId};
use crate::format::Section;
use crate::model::{Engagement, Objective, Scores, Value};

/// A text as compared: trimmed, without case.
pub(super) fn key(text: &str) -> String {
    text.trim().to_lowercase()
}

/// A person's name as compared: its [name key](crate::name_key) (without case, accents or
/// extra spaces).
fn person(name: &str) -> String {
    crate::name_key::name_key(name)
}

/// Whether two region names are one region (as the report's region filter has it).
pub(super) fn same_region(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// What changed from `old` to `new`, from their models alone (see [`passed`] for what the
/// rules decide).
#[must_use]
pub fn compare(old: &Engagement, new: &Engagement) -> Changes {
    let (risks_added, risks_removed, risks_rescored) = risks(old, new);
    let actions = actions(old, new);
    let (objectives_added, objectives_removed) = objectives(old, new);
    let mut scores = Vec::new();
    score_changes(Section::AccountStatus, &old.account_status, &new.account_status, &mut scores);
    score_changes(Section::Strategy, &old.strategy, &new.strategy, &mut scores);
    Changes {
        renamed: both(&old.engagement, &new.engagement).filter(|(o, n)| key(o) != key(n)),
        region: both(&old.region, &new.region).filter(|(o, n)| !same_region(o, n)),
        status: match (old.status.copied(), new.status.copied()) {
            (Some(o), Some(n)) if o != n => Some((o, n)),
            _ => None,
        },
        scores,
        leads: leads(old, new),
        headline: new.headline.str().filter(|n| old.headline.str() != Some(n)).map(str::to_owned),
        next_steps: (old.next_steps != new.next_steps).then(|| new.next_steps.clone()),
        risks_added,
        risks_removed,
        risks_rescored,
        actions_completed: actions.completed,
        actions_added: actions.added,
        actions_removed: actions.removed,
        actions_redated: actions.redated,
        actions_reowned: actions.reowned,
        objectives_added,
        objectives_removed,
        service_review: match (old.service_review.last.copied(), new.service_review.last.copied()) {
            (o, Some(n)) if o != Some(n) => Some((o, n)),
            _ => None,
        },
        support_asked: new
            .support
            .ask
            .str()
            .filter(|n| old.support.ask.str().is_none_or(|o| key(o) != key(n)))
            .map(str::to_owned),
        // Closed: the section taken out; an ask made invalid is not an answer.
        support_closed: old.support.ask.str().filter(|_| new.support.section.is_absent()).map(str::to_owned),
        ..Changes::default()
    }
}

/// Both texts, when both are valid.
fn both(old: &Value<String>, new: &Value<String>) -> Option<(String, String)> {
    Some((old.str()?.to_owned(), new.str()?.to_owned()))
}

fn score_changes(section: Section, old: &Scores, new: &Scores, out: &mut Vec<ScoreChange>) {
    let keys: BTreeSet<&str> = old.entries.iter().chain(&new.entries).map(|s| s.key.as_str()).collect();
    for k in keys {
        let before = old.get(k).and_then(|s| s.score.copied());
        let after = new.get(k).and_then(|s| s.score.copied());
        if before != after {
            out.push(ScoreChange { section, key: k.to_owned(), old: before, new: after });
        }
    }
    // File order is the configured order for most files; keep changes in the guide's order.
    out.sort_by_key(|c| (c.section, new.entries.iter().position(|s| s.key == c.key).unwrap_or(usize::MAX)));
}

/// Leads added, removed or handed over, role by role.
fn leads(old: &Engagement, new: &Engagement) -> Vec<LeadChange> {
    let (o, n) = (&old.leads, &new.leads);
    let mut out = Vec::new();
    for role in Role::ALL {
        match role {
            Role::Account => one(role, &o.account, &n.account, &mut out),
            Role::Tech => many(role, &o.tech, &n.tech, &mut out),
            Role::Delivery => many(role, &o.delivery, &n.delivery, &mut out),
            Role::Relationship => one(role, &o.relationship, &n.relationship, &mut out),
            Role::ClientPractice => one(role, &o.client_practice, &n.client_practice, &mut out),
        }
    }
    out
}

/// A single-name role: another name is a hand-over. An invalid value says nothing.
fn one(role: Role, old: &Value<String>, new: &Value<String>, out: &mut Vec<LeadChange>) {
    let (o, n) = match (old, new) {
        (Value::Valid(o, _), Value::Valid(n, _)) if person(o) != person(n) => (Some(o), Some(n)),
        (Value::Absent, Value::Valid(n, _)) => (None, Some(n)),
        (Value::Valid(o, _), Value::Absent) => (Some(o), None),
        _ => return,
    };
    out.push(LeadChange { role, old: o.cloned(), new: n.cloned() });
}

/// A list role: names removed, then names added.
fn many(role: Role, old: &[String], new: &[String], out: &mut Vec<LeadChange>) {
    let (was, is): (BTreeSet<String>, BTreeSet<String>) =
        (old.iter().map(|p| person(p)).collect(), new.iter().map(|p| person(p)).collect());
    let removed = old.iter().filter(|p| !is.contains(&person(p)));
    out.extend(removed.map(|p| LeadChange { role, old: Some(p.clone()), new: None }));
    let added = new.iter().filter(|p| !was.contains(&person(p)));
    out.extend(added.map(|p| LeadChange { role, old: None, new: Some(p.clone()) }));
}

/// Each item with a text, keyed by that text (compared without case) and the number of
/// items before it with the same text: the second "Ship" of one version pairs with the
/// second "Ship" of the other. Look-ups by key keep a comparison linear-logarithmic in the
/// number of items.
fn keyed<'a, T>(items: &'a [T], text: impl Fn(&'a T) -> Option<&'a str>) -> Vec<((String, usize), &'a T, &'a str)> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    items
        .iter()
        .filter_map(|item| {
            let text = text(item)?;
            let k = key(text);
            let n = seen.entry(k.clone()).or_default();
            let out = ((k, *n), item, text);
            *n += 1;
            Some(out)
        })
        .collect()
}

/// Items of two versions paired by text: each new item with its old twin, when it has one,
/// then the old items that have none.
type Paired<'a, T> = (Vec<(&'a str, &'a T, Option<&'a T>)>, Vec<(&'a str, &'a T)>);

fn pair<'a, T>(old: &'a [T], new: &'a [T], text: impl Fn(&'a T) -> Option<&'a str> + Copy) -> Paired<'a, T> {
    let (old, new) = (keyed(old, text), keyed(new, text));
    let before: BTreeMap<&(String, usize), &T> = old.iter().map(|(k, item, _)| (k, *item)).collect();
    let now: BTreeSet<&(String, usize)> = new.iter().map(|(k, _, _)| k).collect();
    let paired = new.iter().map(|(k, item, text)| (*text, *item, before.get(k).copied())).collect();
    let gone = old.iter().filter(|(k, _, _)| !now.contains(k)).map(|(_, item, text)| (*text, *item)).collect();
    (paired, gone)
}

/// Risks added, removed and re-scored.
fn risks(old: &Engagement, new: &Engagement) -> (Vec<String>, Vec<String>, Vec<ItemChange<i64>>) {
    let (paired, gone) = pair(&old.risks, &new.risks, |r| r.title.str());
    let (mut added, mut rescored) = (Vec::new(), Vec::new());
    for (title, risk, before) in paired {
        match before.map(|b| (b.score.copied(), risk.score.copied())) {
            None => added.push(title.to_owned()),
            Some((Some(o), Some(n))) if o != n => rescored.push(ItemChange { item: title.to_owned(), old: o, new: n }),
            Some(_) => {}
        }
    }
    (added, gone.into_iter().map(|(title, _)| title.to_owned()).collect(), rescored)
}

/// What happened to the actions.
#[derive(Default)]
struct Actions {
    completed: Vec<String>,
    added: Vec<String>,
    removed: Vec<String>,
    redated: Vec<ItemChange<NaiveDate>>,
    reowned: Vec<ItemChange<String>>,
}

fn actions(old: &Engagement, new: &Engagement) -> Actions {
    let (paired, gone) = pair(&old.actions, &new.actions, |a| a.action.str());
    let mut out = Actions::default();
    for (text, action, before) in paired {
        let Some(before) = before else {
            out.added.push(text.to_owned());
            continue;
        };
        if before.is_open() == Some(true) && action.is_open() == Some(false) {
            out.completed.push(text.to_owned());
        }
        if let (Some(o), Some(n)) = (before.due.copied(), action.due.copied())
            && o != n
        {
            out.redated.push(ItemChange { item: text.to_owned(), old: o, new: n });
        }
        if let (Some(o), Some(n)) = (before.owner.str(), action.owner.str())
            && person(o) != person(n)
        {
            out.reowned.push(ItemChange { item: text.to_owned(), old: o.to_owned(), new: n.to_owned() });
        }
    }
    out.removed =
        gone.into_iter().filter(|(_, a)| a.is_open() == Some(true)).map(|(text, _)| text.to_owned()).collect();
    out
}

/// Objectives added and removed.
fn objectives(old: &Engagement, new: &Engagement) -> (Vec<String>, Vec<String>) {
    let (paired, gone) = pair(&old.objectives, &new.objectives, |o| o.title.str());
    let added = paired.into_iter().filter(|(_, _, before)| before.is_none()).map(|(t, _, _)| t.to_owned()).collect();
    (added, gone.into_iter().map(|(title, _)| title.to_owned()).collect())
}

/// Where the `past-objective` findings among `findings` point: at an objective's date.
#[must_use]
pub fn past_objectives(findings: &[Finding]) -> Vec<Loc> {
    findings.iter().filter(|f| f.rule == RuleId::PastObjective).map(|f| f.loc).collect()
}

/// The objectives (titles now) there at both versions, paired by title, that have passed
/// since the base: a `past-objective` finding on the new version (at `new_past`) and none
/// on the old one (at `old_past`). Each version's findings come from the rules run as of
/// its own date, severities applied, so whether a date has passed is the rule's to say.
#[must_use]
pub fn passed(old: &Engagement, old_past: &[Loc], new: &Engagement, new_past: &[Loc]) -> Vec<String> {
    // Sets: a file may hold thousands of objectives, every one of them past.
    let (old_past, new_past): (BTreeSet<Loc>, BTreeSet<Loc>) =
        (old_past.iter().copied().collect(), new_past.iter().copied().collect());
    let is_past = |o: &Objective, past: &BTreeSet<Loc>| o.date.at().is_some_and(|at| past.contains(&at));
    let (paired, _) = pair(&old.objectives, &new.objectives, |o| o.title.str());
    paired
        .into_iter()
        .filter(|(_, now, before)| before.is_some_and(|b| !is_past(b, &old_past)) && is_past(now, &new_past))
        .map(|(title, _, _)| title.to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guide;
    use crate::model::Status;
    use crate::rules::testing::{BASE, engagement_at};

    fn date(s: &str) -> NaiveDate {
        s.parse().expect("date")
    }

    fn two(before: &str, after: &str) -> Changes {
        let guide = Guide::default();
        compare(&engagement_at("a", before, &guide), &engagement_at("a", after, &guide))
    }

    #[test]
    fn compares_status_scores_risks_and_actions() {
        let before = format!(
            "{BASE}actions:\n  - {{action: Ship, owner: A, due: 2026-12-01}}\n  - {{action: Plan, owner: A, due: 2026-12-01}}\n  - {{action: Drop, owner: A, due: 2026-12-01}}\nrisks:\n  - {{title: Old risk, score: 3, mitigation: M}}\naccount_status:\n  customer: {{score: 2, notes: n, action: a}}\n  team: {{score: 4}}\n"
        );
        let after = format!(
            "{}actions:\n  - {{action: ship, owner: A, due: 2026-12-01, status: done}}\n  - {{action: Plan, owner: A, due: 2026-12-01}}\n  - {{action: New, owner: A, due: 2026-12-01}}\nrisks:\n  - {{title: New risk, score: 3, mitigation: M}}\naccount_status:\n  customer: {{score: 3, notes: n}}\n  team: {{score: 4}}\n  delivery: {{score: 5}}\n",
            BASE.replace("status: amber", "status: green")
        );
        let c = two(&before, &after);
        assert_eq!(c.status, Some((Status::Amber, Status::Green)));
        assert_eq!(
            c.scores,
            vec![
                ScoreChange { section: Section::AccountStatus, key: "customer".into(), old: Some(2), new: Some(3) },
                ScoreChange { section: Section::AccountStatus, key: "delivery".into(), old: None, new: Some(5) },
            ]
        );
        assert_eq!((&c.risks_added, &c.risks_removed), (&vec!["New risk".to_owned()], &vec!["Old risk".to_owned()]));
        assert_eq!(c.actions_completed, vec!["ship"]);
        assert_eq!(c.actions_added, vec!["New"]);
        assert_eq!(c.actions_removed, vec!["Drop"]);
        assert_eq!(
            c,
            Changes {
                status: c.status,
                scores: c.scores.clone(),
                risks_added: c.risks_added.clone(),
                risks_removed: c.risks_removed.clone(),
                actions_completed: c.actions_completed.clone(),
                actions_added: c.actions_added.clone(),
                actions_removed: c.actions_removed.clone(),
                ..Changes::default()
            },
            "nothing else"
        );
        assert_eq!(
            Changes { status: Some((Status::Amber, Status::Green)), ..Changes::default() }.brief(),
            "amber→green ↑"
        );
    }

    #[test]
    fn items_with_the_same_text_pair_in_order() {
        let guide = Guide::default();
        let twice = format!(
            "{BASE}actions:\n  - {{action: Close, owner: A, due: 2026-12-01}}\n  - {{action: close, owner: A, due: 2026-12-01, status: done}}\nrisks:\n  - {{title: R, score: 3, mitigation: M}}\n  - {{title: R, score: 3, mitigation: M}}\n"
        );
        let same = engagement_at("a", &twice, &guide);
        assert_eq!(compare(&same, &same), Changes::default(), "a version compared with itself");
        let once = format!(
            "{BASE}actions:\n  - {{action: Close, owner: A, due: 2026-12-01}}\nrisks:\n  - {{title: R, score: 3, mitigation: M}}\n"
        );
        let c = compare(&engagement_at("a", &once, &guide), &same);
        assert_eq!(
            (c.actions_added, c.actions_completed, c.risks_added),
            (vec!["close".to_owned()], vec![], vec!["R".to_owned()])
        );
    }

    #[test]
    fn a_lead_handed_over_added_or_removed_role_by_role() {
        let before = BASE.replace(
            "  account: Jane Smith\n",
            "  account: Jane Smith\n  tech: [Raj Patel, Li Wei]\n  relationship: Ann Lee\n",
        );
        let after = BASE.replace(
            "  account: Jane Smith\n",
            "  account: Omar Khan\n  tech: [li  WEI, Sam Roe]\n  relationship: ann lee\n  client_practice: Bo Ek\n",
        );
        let lead = |role, old: Option<&str>, new: Option<&str>| LeadChange {
            role,
            old: old.map(str::to_owned),
            new: new.map(str::to_owned),
        };
        let c = two(&before, &after);
        assert_eq!(
            c.leads,
            vec![
                lead(Role::Account, Some("Jane Smith"), Some("Omar Khan")),
                lead(Role::Tech, Some("Raj Patel"), None),
                lead(Role::Tech, None, Some("Sam Roe")),
                lead(Role::ClientPractice, None, Some("Bo Ek")),
            ],
            "the same name in another case or spacing is the same person"
        );
        assert_eq!(c.brief(), "lead handed over");
        assert_eq!(two(&after, &before).leads[3], lead(Role::ClientPractice, Some("Bo Ek"), None));
    }

    #[test]
    fn headline_and_next_steps_rewritten_show_the_new_text() {
        let after = BASE
            .replace("headline: On track.", "headline: Slipping; see actions.")
            .replace("  - Agree the roadmap\n", "  - Agree the roadmap\n  - Hire a tester\n");
        let c = two(BASE, &after);
        assert_eq!(c.headline.as_deref(), Some("Slipping; see actions."));
        assert_eq!(c.next_steps, Some(vec!["Agree the roadmap".to_owned(), "Hire a tester".to_owned()]));
        let reworded = BASE.replace("  - Agree the roadmap\n", "  - Agree the road map\n");
        let c = two(BASE, &reworded);
        assert_eq!((c.headline, c.next_steps), (None, Some(vec!["Agree the road map".to_owned()])));
    }

    #[test]
    fn risks_rescored_and_actions_redated_or_reowned() {
        let before = format!(
            "{BASE}actions:\n  - {{action: Ship, owner: Ann Lee, due: 2026-12-01}}\n  - {{action: Test, owner: Bo, due: 2026-12-01}}\nrisks:\n  - {{title: Gateway, score: 3, mitigation: M}}\n"
        );
        let after = format!(
            "{BASE}actions:\n  - {{action: Ship, owner: ann  lee, due: 2027-01-15}}\n  - {{action: Test, owner: Cy, due: 2026-12-01}}\nrisks:\n  - {{title: gateway, score: 1, mitigation: M}}\n"
        );
        let c = two(&before, &after);
        assert_eq!(c.risks_rescored, vec![ItemChange { item: "gateway".into(), old: 3, new: 1 }]);
        assert_eq!(
            c.actions_redated,
            vec![ItemChange { item: "Ship".into(), old: date("2026-12-01"), new: date("2027-01-15") }]
        );
        assert_eq!(c.actions_redated[0].days(), 45);
        assert_eq!(c.actions_reowned, vec![ItemChange { item: "Test".into(), old: "Bo".into(), new: "Cy".into() }]);
        assert!(c.risks_added.is_empty() && c.actions_added.is_empty() && c.actions_removed.is_empty());
        assert_eq!(c.brief(), "due moved");
    }

    #[test]
    fn an_ask_for_help_made_rewritten_or_closed() {
        let ask = |text: &str| format!("{BASE}support:\n  ask: {text}\n  since: 2026-11-18\n");
        let made = two(BASE, &ask("A tester"));
        assert_eq!((made.support_asked.as_deref(), made.support_closed.as_deref()), (Some("A tester"), None));
        assert_eq!(made.brief(), "asks for help");
        assert!(two(&ask("A tester"), &ask("a tester ")).is_empty(), "the same ask");
        assert_eq!(two(&ask("A tester"), &ask("An architect")).support_asked.as_deref(), Some("An architect"));
        let closed = two(&ask("A tester"), BASE);
        assert_eq!((closed.support_asked.as_deref(), closed.support_closed.as_deref()), (None, Some("A tester")));
        assert_eq!(closed.brief(), "ask closed");
        let broken = two(&ask("A tester"), &format!("{BASE}support:\n  since: 2026-11-18\n"));
        assert!(broken.support_closed.is_none(), "an ask made invalid is not closed");
    }

    #[test]
    fn objectives_added_removed_and_review_held() {
        let before = format!(
            "{BASE}objectives:\n  - {{title: Go live, date: 2027-01-10, comfort: 3}}\n  - {{title: Pilot, date: 2026-12-01, comfort: 3}}\n"
        );
        let after = format!(
            "{}objectives:\n  - {{title: go live, date: 2027-01-10, comfort: 3}}\n  - {{title: Phase 2, date: 2027-03-01, comfort: 3}}\n",
            BASE.replace("  last: 2026-11-03", "  last: 2026-11-17")
        );
        let c = two(&before, &after);
        assert_eq!((c.objectives_added, c.objectives_removed), (vec!["Phase 2".to_owned()], vec!["Pilot".to_owned()]));
        assert_eq!(c.service_review, Some((Some(date("2026-11-03")), date("2026-11-17"))));
        let first = two(&BASE.replace("service_review:\n  last: 2026-11-03\n", ""), BASE);
        assert_eq!(first.service_review, Some((None, date("2026-11-03"))));
        let gone = two(BASE, &BASE.replace("service_review:\n  last: 2026-11-03\n", ""));
        assert_eq!(gone.service_review, None, "a review taken out is not one held");
    }

    #[test]
    fn renamed_and_moved_between_regions() {
        let after = BASE.replace("engagement: Acme Payments", "engagement: Acme Cards").replace("north", "scotland");
        let c = two(BASE, &after);
        assert_eq!(c.renamed, Some(("Acme Payments".to_owned(), "Acme Cards".to_owned())));
        assert_eq!(c.region, Some(("north".to_owned(), "scotland".to_owned())));
        let case_only =
            BASE.replace("engagement: Acme Payments", "engagement: ACME payments").replace("north", "North");
        assert_eq!(two(BASE, &case_only), Changes::default(), "case is no rename and no move");
    }

    #[test]
    fn an_objective_passed_when_the_rule_says_so_now_and_did_not_then() {
        let guide = Guide::default();
        let text = format!(
            "{BASE}objectives:\n  - {{title: Go live, date: 2026-11-10, comfort: 3}}\n  - {{title: Pilot, date: 2026-10-01, comfort: 3}}\n  - {{title: Later, date: 2027-01-01, comfort: 3}}\n"
        );
        let eng = engagement_at("a", &text, &guide);
        let at = |i: usize| eng.objectives[i].date.at().expect("date");
        // At the base (as of 2026-11-01) only Pilot was past; now Go live is too.
        let c = passed(&eng, &[at(1)], &eng, &[at(0), at(1)]);
        assert_eq!(c, vec!["Go live"]);
        assert!(passed(&eng, &[], &eng, &[]).is_empty(), "no finding (the rule is off): nothing passed");
        let without = engagement_at("a", BASE, &guide);
        assert!(passed(&without, &[], &eng, &[at(0)]).is_empty(), "an objective new since the base is added");
    }
}
