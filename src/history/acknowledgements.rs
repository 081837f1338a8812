//! Which acknowledgements were added, lapsed or removed since the base, from the two
//! versions' models: each is matched by its rule and `about` (compared as the
//! acknowledgement step compares them), and whether one is in force is the acknowledgement
//! step's to say, as of each version's date.

use std::collections::BTreeMap;

use super::changes::AcknowledgementChange;
use crate::finding::RuleId;
use crate::model::{Acknowledgement, Engagement, Value};
use crate::rules::{self, AboutNames, Context, normal_about};

/// Acknowledgements added, lapsed and removed.
#[derive(Debug, Default)]
pub(super) struct Moves {
    pub(super) added: Vec<AcknowledgementChange>,
    pub(super) lapsed: Vec<AcknowledgementChange>,
    pub(super) removed: Vec<AcknowledgementChange>,
}

/// An acknowledgement's rule and `about` as compared ("" for none); `None` when either is
/// invalid (such an acknowledgement silences nothing, and is matched with none).
fn key(ack: &Acknowledgement) -> Option<(RuleId, String)> {
    let about = match &ack.about {
        Value::Invalid => return None,
        other => other.str().map(normal_about).unwrap_or_default(),
    };
    Some((ack.rule.copied()?, about))
}

/// Each acknowledgement of `eng` by its key: the first with it (as the acknowledgement step
/// takes the first).
fn keyed(eng: &Engagement) -> BTreeMap<(RuleId, String), &Acknowledgement> {
    let mut out = BTreeMap::new();
    for ack in &eng.acknowledged {
        if let Some(k) = key(ack) {
            out.entry(k).or_insert(ack);
        }
    }
    out
}

/// `ack` of `eng` as a change names it; `None` when its rule or `until` is not valid.
fn change(eng: &Engagement, ack: &Acknowledgement) -> Option<AcknowledgementChange> {
    let text = |v: &Value<String>| v.str().map(str::to_owned);
    let about = text(&ack.about);
    let names = about.as_deref().map(|about| AboutNames::of(eng, about)).unwrap_or_default();
    Some(AcknowledgementChange {
        rule: ack.rule.copied()?,
        about,
        reason: text(&ack.reason),
        until: ack.until.copied()?,
        by: text(&ack.by),
        names,
    })
}

/// What happened to the acknowledgements from `old` (as of `then`, the base commit's date)
/// to `new` (as of `now`, today).
pub(super) fn moves(old: &Engagement, then: &Context<'_>, new: &Engagement, now: &Context<'_>) -> Moves {
    if old.acknowledged.is_empty() && new.acknowledged.is_empty() {
        return Moves::default();
    }
    let (before, after) = (keyed(old), keyed(new));
    let mut out = Moves::default();
    for (k, ack) in firsts(new, &after) {
        match before.get(&k) {
            None if rules::is_in_force(ack, now) => out.added.extend(change(new, ack)),
            Some(was) if rules::is_in_force(was, then) && rules::has_lapsed(ack, now) => {
                out.lapsed.extend(change(new, ack));
            }
            _ => {}
        }
    }
    for (k, ack) in firsts(old, &before) {
        if !after.contains_key(&k) {
            out.removed.extend(change(old, ack));
        }
    }
    out
}

/// `eng`'s acknowledgements in the file's order with their keys, the first of each key
/// only (`by_key` is [`keyed`] of `eng`).
fn firsts<'a>(
    eng: &'a Engagement,
    by_key: &BTreeMap<(RuleId, String), &'a Acknowledgement>,
) -> Vec<((RuleId, String), &'a Acknowledgement)> {
    eng.acknowledged
        .iter()
        .filter_map(|ack| {
            let k = key(ack)?;
            by_key.get(&k).is_some_and(|first| std::ptr::eq(*first, ack)).then_some((k, ack))
        })
        .collect()
}
