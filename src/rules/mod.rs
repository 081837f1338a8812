//! The rules: one file per rule, named after its id, listed here in report order.
//!
//! Rules emit findings at the rule's default severity and never read the user's
//! overrides; [`apply_severities`] applies those in one place afterwards. No rule reads a
//! file or runs git: what the workspace-level rules need besides the engagements comes in
//! [`WorkspaceFacts`], gathered by the caller.

use std::borrow::Cow;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::digest::Digest;
use crate::facts::WorkspaceFacts;
use crate::finding::{Acknowledged, FieldPath, Finding, Loc, RuleId};
use crate::guide::Guide;
use crate::model::Engagement;

mod acknowledge;
pub use self::acknowledge::AboutNames;
pub(crate) use self::acknowledge::{has_lapsed, is_in_force, normal as normal_about};
mod action_overdue;
mod client_name_drift;
mod duplicate_engagement;
mod future_date;
mod headline_too_long;
mod low_score_without_action;
mod low_score_without_notes;
mod missing_measure;
mod past_objective;
mod region_path_mismatch;
mod relationship_lead_conflict;
mod review_action_overdue;
mod review_date_mismatch;
mod review_engagement;
mod review_overdue;
mod risk_without_mitigation;
mod schema_outdated;
mod service_review_missing;
mod service_review_overdue;
mod stale;
mod status_mismatch;
mod support_open_long;
mod updated_not_bumped;

/// What rules need besides the engagement.
#[derive(Clone, Copy, Debug)]
pub struct Context<'a> {
    /// Today's date (from `--today`, `ACCTSUM_TODAY` or the clock).
    pub today: NaiveDate,
    /// The field guide.
    pub guide: &'a Guide,
}

/// A content rule over one engagement.
pub trait Rule: Sync {
    /// The rule's id.
    fn id(&self) -> RuleId;
    /// Pushes a finding for every problem in `eng`.
    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>);
}

/// One file with a model, as the workspace-level rules see it.
#[derive(Clone, Copy, Debug)]
pub struct FileFacts<'a> {
    /// Its model.
    pub engagement: &'a Engagement,
    /// The digest of its bytes.
    pub digest: Digest,
}

/// A rule over the workspace as a whole — every engagement at once, and the facts the
/// caller gathered — run after the per-file rules.
pub trait WorkspaceRule: Sync {
    /// The rule's id.
    fn id(&self) -> RuleId;
    /// Pushes a finding for every problem across `files` and `facts`.
    fn check(&self, files: &[FileFacts<'_>], facts: &WorkspaceFacts, ctx: &Context<'_>, out: &mut Vec<Finding>);
}

/// Every per-file content rule, in report order.
pub const RULES: &[&dyn Rule] = &[
    &stale::Stale,
    &future_date::FutureDate,
    &missing_measure::MissingMeasure,
    &low_score_without_notes::LowScoreWithoutNotes,
    &low_score_without_action::LowScoreWithoutAction,
    &risk_without_mitigation::RiskWithoutMitigation,
    &action_overdue::ActionOverdue,
    &past_objective::PastObjective,
    &service_review_missing::ServiceReviewMissing,
    &service_review_overdue::ServiceReviewOverdue,
    &headline_too_long::HeadlineTooLong,
    &status_mismatch::StatusMismatch,
    &region_path_mismatch::RegionPathMismatch,
    &support_open_long::SupportOpenLong,
];

/// Every workspace-level rule, in report order.
pub const WORKSPACE_RULES: &[&dyn WorkspaceRule] = &[
    &duplicate_engagement::DuplicateEngagement,
    &relationship_lead_conflict::RelationshipLeadConflict,
    &updated_not_bumped::UpdatedNotBumped,
    &schema_outdated::SchemaOutdated,
    &review_engagement::ReviewEngagement,
    &review_action_overdue::ReviewActionOverdue,
    &review_overdue::ReviewOverdue,
    &review_date_mismatch::ReviewDateMismatch,
    &client_name_drift::ClientNameDrift,
];

/// Runs every enabled per-file rule on one engagement.
#[must_use]
pub fn check_engagement(eng: &Engagement, ctx: &Context<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for rule in RULES.iter().filter(|r| ctx.guide.severity(r.id()).is_some()) {
        rule.check(eng, ctx, &mut out);
    }
    out
}

/// Runs every enabled workspace-level rule, the rules side by side on up to `jobs` threads
/// (each reads every file; their findings come in the rules' order, as run one by one).
#[must_use]
pub fn check_workspace(
    files: &[FileFacts<'_>],
    facts: &WorkspaceFacts,
    ctx: &Context<'_>,
    jobs: usize,
) -> Vec<Finding> {
    let enabled: Vec<&dyn WorkspaceRule> =
        WORKSPACE_RULES.iter().copied().filter(|r| ctx.guide.severity(r.id()).is_some()).collect();
    // A small workspace is not worth a thread.
    let jobs = if files.len() < 500 { 1 } else { jobs };
    let found = crate::engine::par_map(&enabled, jobs, |rule| {
        let mut out = Vec::new();
        rule.check(files, facts, ctx, &mut out);
        out
    });
    found.into_iter().flatten().collect()
}

/// Settles the findings of a run on `engagements`: the acknowledgements in force take the
/// findings they cover out of `findings` (returned, severities applied, in report order),
/// adding the acknowledgement rules' own findings; then the configured severities apply.
/// Every caller with findings and models uses this, so an acknowledgement means the same
/// in `check`, `report`, `history` and `--since`.
pub fn settle<'a>(
    findings: &mut Vec<Finding>,
    engagements: impl IntoIterator<Item = &'a Engagement>,
    ctx: &Context<'_>,
) -> Vec<Acknowledged> {
    let mut acknowledged = acknowledge::apply(findings, engagements, ctx);
    apply_severities(findings, ctx.guide);
    acknowledged.retain_mut(|a| match ctx.guide.severity(a.finding.rule) {
        Some(severity) => {
            a.finding.severity = severity;
            true
        }
        None => false,
    });
    acknowledged.sort_by(|a, b| a.finding.order(&b.finding));
    acknowledged
}

/// Applies the configured severities: drops findings of rules that are off.
pub fn apply_severities(findings: &mut Vec<Finding>, guide: &Guide) {
    findings.retain_mut(|f| match guide.severity(f.rule) {
        Some(severity) => {
            f.severity = severity;
            true
        }
        None => false,
    });
}

/// A finding of `rule` on `eng`'s file, about `field`.
fn finding(
    rule: RuleId,
    path: &Arc<str>,
    at: Loc,
    field: FieldPath,
    message: String,
    help: impl Into<Cow<'static, str>>,
) -> Finding {
    Finding::new(rule, path.clone(), at, message).with_help(help).with_field(field)
}

/// The files of the engagement named `name` (matched as everywhere, without regard to case,
/// accents or spacing): what a session's finding about that engagement is also about.
fn files_named(files: &[FileFacts<'_>], name: &str) -> Vec<Arc<str>> {
    files
        .iter()
        .filter(|f| f.engagement.engagement.str().is_some_and(|n| crate::name_key::same(n, name)))
        .map(|f| f.engagement.path.clone())
        .collect()
}

/// "1 day" or "N days".
fn days(n: i64) -> String {
    if n == 1 { "1 day".to_owned() } else { format!("{n} days") }
}

/// The measure's display name from the guide, or its key.
fn measure_name<'a>(ctx: &'a Context<'_>, key: &'a str) -> &'a str {
    crate::format::Section::ALL
        .iter()
        .flat_map(|s| ctx.guide.measures(*s))
        .find(|m| m.key == key)
        .map_or(key, |m| m.name.as_str())
}

#[cfg(test)]
pub(crate) mod testing {
    //! Runs one rule over a snippet of YAML with a fixed date.
    use std::sync::Arc;

    use super::*;
    use crate::engine::{Steps, check_bytes};

    /// A valid file to which tests append or in which they replace lines.
    pub(crate) const BASE: &str = "acctsum: 1
engagement: Acme Payments
client: Acme Bank
region: north
leads:
  account: Jane Smith
updated: 2026-11-18
status: amber
headline: On track.
next_steps:
  - Agree the roadmap
service_review:
  last: 2026-11-03
";

    pub(crate) fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
    }

    /// The model of `text` as the file at `path`: the per-file pipeline without its rules.
    pub(crate) fn engagement_at(path: &str, text: &str, guide: &Guide) -> Engagement {
        let ctx = Context { today: today(), guide };
        let checked = check_bytes(Arc::from(path), text.as_bytes(), &ctx, Steps::MODEL);
        checked.engagement.expect("a mapping")
    }

    /// The files a workspace rule sees, for engagements made by [`engagement_at`]: each
    /// with the digest of its path (the tests do not keep the bytes).
    pub(crate) fn files<'a>(all: &[&'a Engagement]) -> Vec<FileFacts<'a>> {
        all.iter().map(|e| FileFacts { engagement: e, digest: Digest::of(e.path.as_bytes()) }).collect()
    }

    /// (line, column) of each finding of `rule` on `text`.
    pub(crate) fn run(rule: &dyn Rule, text: &str) -> Vec<(u32, u32)> {
        run_with(rule, "engagements/north/a.yaml", text, &Guide::default())
    }

    pub(crate) fn run_with(rule: &dyn Rule, path: &str, text: &str, guide: &Guide) -> Vec<(u32, u32)> {
        let eng = engagement_at(path, text, guide);
        let ctx = Context { today: today(), guide };
        let mut out = Vec::new();
        rule.check(&eng, &ctx, &mut out);
        assert!(out.iter().all(|f| f.rule == rule.id()));
        out.iter().map(|f| (f.loc.line, f.loc.col)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{BASE, engagement_at, files, today};
    use super::*;

    #[test]
    fn workspace_rules_side_by_side_find_what_they_find_one_by_one_in_the_same_order() {
        let guide = Guide::default();
        // 600 files (past the size that runs the rules side by side) with findings of
        // several workspace rules: repeated names, drifting client spellings, other leads.
        let all: Vec<Engagement> = (0..600)
            .map(|i| {
                let text = BASE
                    .replace("Acme Payments", &format!("Engagement {}", i % 250))
                    .replace("Acme Bank", if i % 3 == 0 { "ACME bank ltd" } else { "Acme Bank" })
                    .replace("account: Jane Smith", &format!("account: Jane Smith\n  relationship: Lead {}", i % 4));
                engagement_at(&format!("engagements/north/e{i:03}.yaml"), &text, &guide)
            })
            .collect();
        let refs: Vec<&Engagement> = all.iter().collect();
        let files = files(&refs);
        let ctx = Context { today: today(), guide: &guide };
        let facts = WorkspaceFacts::default();
        let mut one_by_one = Vec::new();
        for rule in WORKSPACE_RULES.iter().filter(|r| guide.severity(r.id()).is_some()) {
            rule.check(&files, &facts, &ctx, &mut one_by_one);
        }
        let rules: std::collections::BTreeSet<RuleId> = one_by_one.iter().map(|f| f.rule).collect();
        assert!(rules.len() >= 3, "rules found: {rules:?}");
        assert_eq!(check_workspace(&files, &facts, &ctx, 2), one_by_one);
    }
}
