//! The acknowledgement step: an engagement's `acknowledged` section silences the findings
//! its leads know about, each until a date. It runs after every rule (per-file and
//! workspace-level, so a cross-file finding can be acknowledged in the file it is reported
//! on) and before the severities, and it decides two rules of its own:
//! `acknowledgement-expired` (the date has passed: the findings show again) and
//! `acknowledgement-unused` (a live acknowledgement silenced nothing), and
//! `acknowledgement-too-long`: an acknowledgement whose `until` lies more than
//! `max_acknowledge_days` ahead silences nothing, so that each is looked at again at least
//! that often.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Context, days, finding};
use crate::field_path::Segment;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::{Acknowledgement, Engagement};

/// An acknowledgement in force today.
struct Live<'a> {
    ack: &'a Acknowledgement,
    rule: RuleId,
    about: Option<&'a str>,
    used: bool,
}

impl Live<'_> {
    fn covers(&self, f: &Finding) -> bool {
        f.rule == self.rule && self.about.is_none_or(|about| f.field.as_ref().is_some_and(|p| about_matches(p, about)))
    }
}

/// Removes from `findings` those that an acknowledgement in force covers, and adds the
/// acknowledgement step's own findings, for every engagement in `engagements`.
pub(crate) fn apply<'a>(
    findings: &mut Vec<Finding>,
    engagements: impl IntoIterator<Item = &'a Engagement>,
    ctx: &Context<'_>,
) {
    let mut live: HashMap<&str, (&Engagement, Vec<Live<'_>>)> = HashMap::new();
    let mut own = Vec::new();
    for eng in engagements.into_iter().filter(|e| !e.acknowledged.is_empty()) {
        let acks = eng.acknowledged.iter().filter_map(|ack| in_force(eng, ack, ctx, &mut own)).collect();
        live.insert(&eng.path, (eng, acks));
    }
    if live.is_empty() {
        return;
    }
    findings.retain(|f| {
        let Some((_, acks)) = live.get_mut(&*f.path) else { return true };
        let mut silenced = false;
        for ack in acks.iter_mut().filter(|a| a.covers(f)) {
            ack.used = true;
            silenced = true;
        }
        !silenced
    });
    for (eng, acks) in live.values() {
        for ack in acks.iter().filter(|a| !a.used) {
            let about = ack.about.map(|a| format!(" about `{a}`")).unwrap_or_default();
            own.push(finding(
                RuleId::AcknowledgementUnused,
                &eng.path,
                ack.ack.at,
                ack.ack.field(),
                format!("acknowledgement of `{}`{about} silences nothing: this file has no such finding", ack.rule),
                "remove the acknowledgement if the problem is fixed; otherwise correct its `rule` or `about`",
            ));
        }
    }
    findings.append(&mut own);
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
    // With the rule off there is no limit.
    if ahead > max && ctx.guide.severity(RuleId::AcknowledgementTooLong).is_some() {
        out.push(finding(
            RuleId::AcknowledgementTooLong,
            &eng.path,
            until_at,
            field,
            format!(
                "acknowledgement of `{rule}` until {until}, {} from today; an acknowledgement lasts at most {} (`max_acknowledge_days`)",
                days(ahead),
                days(max)
            ),
            "choose an earlier `until`, and review the acknowledgement again before it lapses",
        ));
        return None;
    }
    if *until < ctx.today {
        out.push(expired(eng, rule, *until, until_at, field, ctx.today));
        return None;
    }
    Some(Live { ack, rule, about, used: false })
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

/// Whether `about` — a dotted field path in which `*` stands for any one step and a number
/// for that item of a list — selects `field`: it names `field` or a field above it. A list
/// index that `about` does not name is skipped, as in the audiences' paths, so
/// `actions.due` selects every action's `due` and `actions.2` only the third action.
fn about_matches(field: &FieldPath, about: &str) -> bool {
    let mut segments = field.segments().iter();
    'want: for want in about.split('.') {
        for segment in segments.by_ref() {
            match segment {
                Segment::Key(key) if want == "*" || want == key.as_ref() => continue 'want,
                Segment::Key(_) => return false,
                Segment::Index(i) if want == "*" || want.parse::<usize>().is_ok_and(|w| w == *i) => continue 'want,
                Segment::Index(_) => {}
            }
        }
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(dotted: &str) -> FieldPath {
        FieldPath::from_segments(
            dotted
                .split('.')
                .map(|s| s.parse().map_or_else(|_| Segment::Key(s.to_owned().into()), Segment::Index))
                .collect(),
        )
    }

    #[test]
    fn about_names_a_field_or_a_field_above_it() {
        let due = path("actions.2.due");
        assert!(about_matches(&due, "actions"));
        assert!(about_matches(&due, "actions.2"));
        assert!(about_matches(&due, "actions.2.due"));
        assert!(about_matches(&due, "actions.due"));
        assert!(about_matches(&due, "actions.*.due"));
        assert!(!about_matches(&due, "actions.3"));
        assert!(!about_matches(&due, "actions.3.due"));
        assert!(!about_matches(&due, "actions.2.owner"));
        assert!(!about_matches(&due, "actions.2.due.more"));
        assert!(!about_matches(&due, "risks"));
        let notes = path("account_status.commercial.notes");
        assert!(about_matches(&notes, "account_status.commercial"));
        assert!(about_matches(&notes, "account_status.*.notes"));
        assert!(!about_matches(&notes, "account_status.team"));
    }
}
