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
use crate::field_path::Segment;
use crate::finding::{Acknowledged, FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::{Acknowledgement, Engagement};

/// An acknowledgement in force today.
struct Live<'a> {
    ack: &'a Acknowledgement,
    rule: RuleId,
    about: Option<&'a str>,
}

impl Live<'_> {
    /// Its rule and `about` as compared ("" for none): acknowledgements alike cover the
    /// same findings.
    fn key(&self) -> (RuleId, String) {
        (self.rule, self.about.map(normal).unwrap_or_default())
    }
}

/// One file's acknowledgements in force, looked up by rule and `about`, so that a finding
/// costs a few look-ups (one per step of its field path, and its subject) however many
/// acknowledgements there are.
struct InForce<'a> {
    eng: &'a Engagement,
    live: Vec<Live<'a>>,
    /// For each rule, each `about` as compared: the first acknowledgement with it.
    index: HashMap<RuleId, HashMap<String, usize>>,
    /// The acknowledgements (firsts of their key) that covered a finding.
    used: HashSet<usize>,
}

impl<'a> InForce<'a> {
    fn new(eng: &'a Engagement, live: Vec<Live<'a>>) -> Self {
        let mut index: HashMap<RuleId, HashMap<String, usize>> = HashMap::new();
        for (i, (rule, about)) in live.iter().map(Live::key).enumerate() {
            index.entry(rule).or_default().entry(about).or_insert(i);
        }
        Self { eng, live, index, used: HashSet::new() }
    }

    /// The first acknowledgement that covers `f`, if any; each that does is marked used.
    fn cover(&mut self, f: &Finding) -> Option<&'a Acknowledgement> {
        let abouts = self.index.get(&f.rule)?;
        let mut names = vec![String::new()];
        if let Some(field) = &f.field {
            names.extend(subject(self.eng, field).map(normal));
            names.extend(prefixes(field).iter().map(|p| normal(p)));
        }
        let mut first = None;
        for name in &names {
            if let Some(&i) = abouts.get(name) {
                self.used.insert(i);
                first = first.or(Some(i));
            }
        }
        first.map(|i| self.live[i].ack)
    }

    /// The acknowledgements in force that covered no finding.
    fn unused(&self) -> impl Iterator<Item = &Live<'a>> {
        self.live.iter().enumerate().filter_map(|(i, l)| {
            let (rule, about) = l.key();
            let first = self.index.get(&rule).and_then(|a| a.get(&about)).copied().unwrap_or(i);
            (!self.used.contains(&first)).then_some(l)
        })
    }
}

/// What a finding about `field` is about, as an `about` names it: the measure's key for a
/// field of a measure (`customer`, recorded or missing), the risk's title for a field of
/// a risk, the action's text for a field of an action.
fn subject<'a>(eng: &'a Engagement, field: &'a FieldPath) -> Option<&'a str> {
    match field.segments() {
        [Segment::Key(section), Segment::Key(key), ..] if section == k::ACCOUNT_STATUS || section == k::STRATEGY => {
            Some(key)
        }
        [Segment::Key(list), Segment::Index(n), ..] if list == k::RISKS => {
            eng.risks.iter().find(|r| r.index == *n)?.title.str()
        }
        [Segment::Key(list), Segment::Index(n), ..] if list == k::ACTIONS => {
            eng.actions.iter().find(|a| a.index == *n)?.action.str()
        }
        _ => None,
    }
}

/// What an acknowledgement's `about` names among an engagement's items, beside a measure
/// key or a field path (which need no look-up): an audience that hides something of the
/// risks or of the actions may not read an `about` that quotes one of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AboutNames {
    /// A risk has it for its title.
    pub risk: bool,
    /// An action has it for its text.
    pub action: bool,
}

impl AboutNames {
    /// What `about` names among `eng`'s risks and actions (compared as acknowledgements
    /// compare them).
    #[must_use]
    pub fn of(eng: &Engagement, about: &str) -> Self {
        let name = normal(about);
        let names = |text: Option<&str>| text.is_some_and(|t| normal(t) == name);
        Self {
            risk: eng.risks.iter().any(|r| names(r.title.str())),
            action: eng.actions.iter().any(|a| names(a.action.str())),
        }
    }
}

/// `about` as compared: lower case, runs of white space as one space, none at the ends.
pub(crate) fn normal(about: &str) -> String {
    about.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
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

/// Where an acknowledgement stands as of a date.
enum Standing<'a> {
    /// In force: its rule and `about`.
    Live(RuleId, Option<&'a str>),
    /// Its `until` is further ahead than `max_acknowledge_days` (days ahead).
    TooFar(NaiveDate, crate::finding::Loc, i64),
    /// Its `until` has passed.
    Expired(RuleId, NaiveDate, crate::finding::Loc),
    /// A field is invalid or missing (a finding of its own says so).
    Invalid,
}

/// Where `ack` stands as of `ctx.today`.
fn standing<'a>(ack: &'a Acknowledgement, ctx: &Context<'_>) -> Standing<'a> {
    let (Some(rule), Some((until, at))) = (ack.rule.copied(), ack.until.valid()) else { return Standing::Invalid };
    let about = match &ack.about {
        crate::model::Value::Invalid => return Standing::Invalid,
        other => other.str(),
    };
    let ahead = (*until - ctx.today).num_days();
    if ahead > ctx.guide.max_acknowledge_days {
        Standing::TooFar(*until, at, ahead)
    } else if *until < ctx.today {
        Standing::Expired(rule, *until, at)
    } else {
        Standing::Live(rule, about)
    }
}

/// Whether `ack` is in force as of `ctx.today`, as the acknowledgement step decides: its
/// fields valid, its `until` neither passed nor too far ahead.
pub(crate) fn is_in_force(ack: &Acknowledgement, ctx: &Context<'_>) -> bool {
    matches!(standing(ack, ctx), Standing::Live(..))
}

/// Whether `ack`'s `until` has passed as of `ctx.today` (its fields valid).
pub(crate) fn has_lapsed(ack: &Acknowledgement, ctx: &Context<'_>) -> bool {
    matches!(standing(ack, ctx), Standing::Expired(..))
}

/// The acknowledgement if it is in force today; otherwise `None`, with a finding saying
/// why when that is the acknowledgement step's to say (an invalid field already has one).
fn in_force<'a>(
    eng: &'a Engagement,
    ack: &'a Acknowledgement,
    ctx: &Context<'_>,
    out: &mut Vec<Finding>,
) -> Option<Live<'a>> {
    let field = ack.field().field(k::UNTIL);
    match standing(ack, ctx) {
        Standing::Live(rule, about) => Some(Live { ack, rule, about }),
        Standing::Invalid => None,
        Standing::TooFar(until, until_at, ahead) => {
            let max = ctx.guide.max_acknowledge_days;
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
            None
        }
        Standing::Expired(rule, until, until_at) => {
            out.push(expired(eng, rule, until, until_at, field, ctx.today));
            None
        }
    }
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

    #[test]
    fn about_is_compared_ignoring_case_and_runs_of_spaces() {
        assert_eq!(normal("  Send the updated\tDPIA  to the DPO "), "send the updated dpia to the dpo");
    }
}
