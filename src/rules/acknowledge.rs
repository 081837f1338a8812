//! The acknowledgement step: an engagement's `acknowledged` section silences the findings
//! its leads know about, each until a date. It runs after every rule (per-file and
//! workspace-level, so a cross-file finding can be acknowledged in the file it is reported
//! on) and before the severities, and it decides two rules of its own:
//! `acknowledgement-expired` (the date has passed: the findings show again) and
//! `acknowledgement-unused` (a live acknowledgement silenced nothing). An `until` more
//! than `max_acknowledge_days` ahead is an `invalid-value` at the date, found here because
//! it depends on today, and that acknowledgement silences nothing: each is looked at
//! again at least that often.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Context, days, finding};
use crate::finding::{Acknowledged, FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::{Acknowledgement, Engagement};

/// An acknowledgement in force today.
struct Live<'a> {
    ack: &'a Acknowledgement,
    rule: RuleId,
    about: Option<&'a str>,
}

impl<'a> Live<'a> {
    /// Its rule and `about` ("" for none): acknowledgements alike cover the same findings.
    fn key(&self) -> (RuleId, &'a str) {
        (self.rule, self.about.unwrap_or_default())
    }
}

/// One file's acknowledgements in force, looked up by rule and `about`, so that a finding
/// costs a look-up per step of its field path however many acknowledgements there are.
struct InForce<'a> {
    eng: &'a Engagement,
    live: Vec<Live<'a>>,
    index: HashMap<RuleId, HashSet<&'a str>>,
    used: HashSet<(RuleId, &'a str)>,
}

impl<'a> InForce<'a> {
    fn new(eng: &'a Engagement, live: Vec<Live<'a>>) -> Self {
        let mut index: HashMap<RuleId, HashSet<&str>> = HashMap::new();
        for (rule, about) in live.iter().map(Live::key) {
            index.entry(rule).or_default().insert(about);
        }
        Self { eng, live, index, used: HashSet::new() }
    }

    /// The first acknowledgement that covers `f`, if any; each that does is marked used.
    fn cover(&mut self, f: &Finding) -> Option<&'a Acknowledgement> {
        let abouts = self.index.get(&f.rule)?;
        let prefixes = f.field.as_ref().map(prefixes).unwrap_or_default();
        let mut first = None;
        for about in std::iter::once("").chain(prefixes.iter().map(String::as_str)) {
            if let Some(&about) = abouts.get(about) {
                self.used.insert((f.rule, about));
                first = first.or(Some((f.rule, about)));
            }
        }
        let key = first?;
        self.live.iter().find(|l| l.key() == key).map(|l| l.ack)
    }

    /// The acknowledgements in force that covered no finding.
    fn unused(&self) -> impl Iterator<Item = &Live<'a>> {
        self.live.iter().filter(|l| !self.used.contains(&l.key()))
    }
}

/// Moves out of `findings` those that an acknowledgement in force covers (returned, with
/// the acknowledgement), and adds the acknowledgement step's own findings, for every
/// engagement in `engagements`.
pub(crate) fn apply<'a>(
    findings: &mut Vec<Finding>,
    engagements: impl IntoIterator<Item = &'a Engagement>,
    ctx: &Context<'_>,
) -> Vec<Acknowledged> {
    let mut files: HashMap<&str, InForce<'_>> = HashMap::new();
    let mut own = Vec::new();
    for eng in engagements.into_iter().filter(|e| !e.acknowledged.is_empty()) {
        let live = eng.acknowledged.iter().filter_map(|ack| in_force(eng, ack, ctx, &mut own)).collect();
        files.insert(&eng.path, InForce::new(eng, live));
    }
    if files.is_empty() {
        return Vec::new();
    }
    let mut covered = Vec::new();
    for f in std::mem::take(findings) {
        match files.get_mut(&*f.path).and_then(|acks| acks.cover(&f)) {
            Some(ack) => covered.push(acknowledged(f, ack)),
            None => findings.push(f),
        }
    }
    for acks in files.values() {
        for ack in acks.unused() {
            let about = ack.about.map(|a| format!(" about `{a}`")).unwrap_or_default();
            own.push(finding(
                RuleId::AcknowledgementUnused,
                &acks.eng.path,
                ack.ack.at,
                ack.ack.field(),
                format!("acknowledgement of `{}`{about} silences nothing: this file has no such finding", ack.rule),
                "remove the acknowledgement if the problem is fixed; otherwise correct its `rule` or `about`",
            ));
        }
    }
    findings.append(&mut own);
    covered
}

/// `f` with the acknowledgement that covers it (one in force: its fields are valid).
fn acknowledged(finding: Finding, ack: &Acknowledgement) -> Acknowledged {
    let text = |v: &crate::model::Value<String>| v.str().unwrap_or_default().to_owned();
    let until = ack.until.valid().map(|(d, _)| *d).unwrap_or_default();
    Acknowledged { finding, index: ack.index, reason: text(&ack.reason), until, by: text(&ack.by) }
}

/// The acknowledgement if it is in force today; otherwise `None`, with a finding saying
/// why when that is the acknowledgement step's to say (an invalid field already has one).
fn in_force<'a>(
    eng: &'a Engagement,
    ack: &'a Acknowledgement,
    ctx: &Context<'_>,
    out: &mut Vec<Finding>,
) -> Option<Live<'a>> {
    let (rule, (until, until_at)) = (ack.rule.copied()?, ack.until.valid()?);
    let about = match &ack.about {
        crate::model::Value::Invalid => return None,
        other => other.str(),
    };
    let field = ack.field().field(k::UNTIL);
    let max = ctx.guide.max_acknowledge_days;
    let ahead = (*until - ctx.today).num_days();
    if ahead > max {
        out.push(finding(
            RuleId::InvalidValue,
            &eng.path,
            until_at,
            field,
            format!(
                "`until` of acknowledgement {} is {until}, {} from today; an acknowledgement lasts at most {} (`max_acknowledge_days` in acctsum.yaml)",
                ack.index + 1,
                days(ahead),
                days(max)
            ),
            "choose an earlier `until` and look at the acknowledgement again then; or change `max_acknowledge_days` in acctsum.yaml",
        ));
        return None;
    }
    if *until < ctx.today {
        out.push(expired(eng, rule, *until, until_at, field, ctx.today));
        return None;
    }
    Some(Live { ack, rule, about })
}

fn expired(
    eng: &Engagement,
    rule: RuleId,
    until: NaiveDate,
    at: crate::finding::Loc,
    field: FieldPath,
    today: NaiveDate,
) -> Finding {
    finding(
        RuleId::AcknowledgementExpired,
        &eng.path,
        at,
        field,
        format!(
            "acknowledgement of `{rule}` lapsed on {until}, {} ago; its findings show again",
            days((today - until).num_days())
        ),
        "fix the problem and remove the acknowledgement, or review it with the other leads and set a new `until`",
    )
}

/// Every `about` that selects `field`: the field itself and each field above it, dotted
/// as findings name them (`actions`, `actions.2`, `actions.2.due`).
fn prefixes(field: &FieldPath) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(field.segments().len());
    for segment in field.segments() {
        let next = match out.last() {
            Some(above) => format!("{above}.{segment}"),
            None => segment.to_string(),
        };
        out.push(next);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field_path::Segment;

    #[test]
    fn about_names_a_field_or_a_field_above_it() {
        let due = FieldPath::item(k::ACTIONS, 2).field(k::DUE);
        assert_eq!(prefixes(&due), ["actions", "actions.2", "actions.2.due"]);
        let notes = FieldPath::from_segments(vec![
            Segment::Key(k::ACCOUNT_STATUS.into()),
            Segment::Key(String::from("commercial").into()),
            Segment::Key(k::NOTES.into()),
        ]);
        assert_eq!(
            prefixes(&notes),
            ["account_status", "account_status.commercial", "account_status.commercial.notes"]
        );
    }
}
