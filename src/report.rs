//! The report model: checked engagements filtered and put in order of need of attention,
//! with what a reviewer looks at first worked out once for every output format.
//!
//! What is stale, overdue, past or missing is not decided here: it is read from the
//! findings of the rules that decide it (after severities), so a rule turned off silences
//! its fact in every output.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::audience::Audience;
use crate::engine::Outcome;
use crate::field_path::Segment;
use crate::finding::{Acknowledged, Finding, RuleId, RuleKind, Severity};
use crate::format::{Section, key as k};
use crate::guide::Guide;
use crate::history::{Changes, RegionMove, Removed, Since};
use crate::model::{Action, Engagement, Objective, Risk, Status};

/// Which engagements a report covers. Every filter ignores case (names ignore accents and
/// extra spaces too: [`crate::name_key`]); they combine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Regions (any of them); empty means every region.
    pub regions: Vec<String>,
    /// Part of the client's name.
    pub client: Option<String>,
    /// Part of the name of someone who leads the engagement in any role.
    pub lead: Option<String>,
}

impl Filters {
    /// Whether no filter is set.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.regions.is_empty() && self.client.is_none() && self.lead.is_none()
    }

    fn region_ok(&self, region: Option<&str>) -> bool {
        // A file whose region cannot be read is kept, so that nothing silently drops out.
        self.regions.is_empty()
            || region.is_none_or(|r| self.regions.iter().any(|f| f.trim().eq_ignore_ascii_case(r.trim())))
    }

    fn client_ok(&self, client: Option<&str>) -> bool {
        match &self.client {
            None => true,
            Some(want) => client.is_none_or(|c| crate::name_key::contains(c, want)),
        }
    }

    fn lead_ok(&self, eng: &Engagement) -> bool {
        match &self.lead {
            None => true,
            Some(want) => !eng.leads.roles_of(want).is_empty(),
        }
    }

    /// Whether an engagement passes every filter.
    #[must_use]
    pub fn accepts(&self, eng: &Engagement) -> bool {
        self.region_ok(eng.region.str()) && self.client_ok(eng.client.str()) && self.lead_ok(eng)
    }
}

/// One engagement as a report shows it.
#[derive(Debug)]
pub struct Item<'a> {
    /// The engagement.
    pub eng: &'a Engagement,
    /// Its content findings (the file has no structural errors).
    pub findings: Vec<&'a Finding>,
    /// Its findings that an acknowledgement in force covers, in report order.
    pub acknowledged: Vec<&'a Acknowledged>,
    /// Days since `updated`.
    pub age_days: i64,
    /// Whether the summary is stale: it has a `stale` finding.
    pub stale: bool,
    /// Low measure scores: section, key, score.
    pub low_scores: Vec<(Section, &'a str, i64)>,
    /// Risks scored low.
    pub low_risks: Vec<&'a Risk>,
    /// Actions past their due date: those with an `action-overdue` finding.
    pub overdue: Vec<&'a Action>,
    /// Objectives whose date has passed: those with a `past-objective` finding.
    pub past: Vec<&'a Objective>,
    /// Configured measures with no entry (`missing-measure` findings): section, key.
    pub unscored: Vec<(Section, &'a str)>,
    /// Days since the ask for help was first made, when the file has a valid one.
    pub support_age_days: Option<i64>,
    /// Whether the ask for help has been open long: it has a `support-open-long` finding.
    pub support_open_long: bool,
    /// Which of `findings` the columns of a summary show as the facts above (stale,
    /// overdue), by position.
    shown: Vec<usize>,
}

impl<'a> Item<'a> {
    /// Whether `action` is overdue.
    #[must_use]
    pub fn is_overdue(&self, action: &Action) -> bool {
        self.overdue.iter().any(|a| a.index == action.index)
    }

    /// Whether `objective`'s date has passed.
    #[must_use]
    pub fn is_past(&self, objective: &Objective) -> bool {
        self.past.iter().any(|o| o.index == objective.index)
    }

    /// Whether the configured measure `key` of `section` has no entry.
    #[must_use]
    pub fn is_unscored(&self, section: Section, key: &str) -> bool {
        self.unscored.contains(&(section, key))
    }

    /// The findings a summary's columns do not show already (stale and overdue have
    /// their own), in order.
    pub fn others(&self) -> impl Iterator<Item = &'a Finding> + '_ {
        self.findings.iter().enumerate().filter(|(i, _)| !self.shown.contains(i)).map(|(_, f)| *f)
    }
}

impl Item<'_> {
    /// The status (every summarised file has a valid one).
    #[must_use]
    pub fn status(&self) -> Status {
        self.eng.status.copied().unwrap_or(Status::Amber)
    }

    /// The engagement's name.
    #[must_use]
    pub fn name(&self) -> &str {
        self.eng.name()
    }
}

/// A file that could not be summarised: it has structural errors.
#[derive(Debug, PartialEq, Eq)]
pub struct Invalid<'a> {
    /// The file.
    pub path: &'a str,
    /// Its error-severity findings.
    pub errors: usize,
    /// The rule of its first structural finding, in report order.
    pub first: Option<RuleId>,
}

/// What a report is asked to cover.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    /// The field guide.
    pub guide: &'a Guide,
    /// As of this date.
    pub today: NaiveDate,
    /// The filters.
    pub filters: &'a Filters,
    /// What changed since a commit, with `--since`.
    pub since: Option<&'a Since>,
    /// Keep only the engagements that need attention (`--attention`): red, amber, stale,
    /// with findings, or changed since the base commit.
    pub attention: bool,
    /// Who the report is for (`--audience`, else `default_audience`); `None` when no
    /// audience is declared. The view model withholds what it hides.
    pub audience: Option<&'a Audience>,
}

/// A report: the engagements in order of need of attention, and the unreadable files.
#[derive(Debug)]
pub struct Report<'a> {
    /// As of this date.
    pub today: NaiveDate,
    /// The field guide.
    pub guide: &'a Guide,
    /// The filters applied.
    pub filters: &'a Filters,
    /// The engagements: red, amber, green; stale first within each; then by name.
    pub items: Vec<Item<'a>>,
    /// Files with structural errors, by path.
    pub invalid: Vec<Invalid<'a>>,
    /// Findings about no engagement file (the workspace's schema), in report order.
    pub workspace: Vec<&'a Finding>,
    /// What changed since a commit, with `--since`.
    pub since: Option<&'a Since>,
    /// Whether only the engagements that need attention were kept.
    pub attention: bool,
    /// How many engagements the filters selected but `--attention` left out.
    pub left_out: usize,
    /// The engagements that moved since the base commit out of a region the filters
    /// select, into one they do not: the report lists them as gone to their new region.
    pub left: Vec<&'a RegionMove>,
    /// Who the report is for; `None` when no audience is declared.
    pub audience: Option<&'a Audience>,
}

/// Builds the report from a checked workspace.
#[must_use]
pub fn build<'a>(outcome: &'a Outcome, request: Request<'a>) -> Report<'a> {
    let Request { guide, today, filters, since, attention, audience } = request;
    let mut by_path: BTreeMap<&str, Vec<&Finding>> = BTreeMap::new();
    for f in &outcome.findings {
        by_path.entry(&f.path).or_default().push(f);
    }
    let mut acknowledged: BTreeMap<&str, Vec<&Acknowledged>> = BTreeMap::new();
    for a in &outcome.acknowledged {
        acknowledged.entry(&a.finding.path).or_default().push(a);
    }
    let mut items = Vec::new();
    let mut invalid = Vec::new();
    for file in &outcome.files {
        let path = &*file.source.display;
        let findings = by_path.remove(path).unwrap_or_default();
        let first = findings.iter().find(|f| f.rule.kind() == RuleKind::Structural).map(|f| f.rule);
        let eng = file.engagement.as_ref();
        if first.is_some() || eng.is_none() {
            let keep = eng.is_none_or(|e| filters.region_ok(e.region.str()) && filters.client_ok(e.client.str()));
            if keep {
                let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
                invalid.push(Invalid { path, errors, first });
            }
            continue;
        }
        let Some(eng) = eng.filter(|e| filters.accepts(e) && lead_seen(filters, e, audience)) else { continue };
        let mut item = item(eng, findings, guide, today);
        item.acknowledged = acknowledged.remove(path).unwrap_or_default();
        items.push(item);
    }
    let mut workspace: Vec<&Finding> = by_path.into_values().flatten().collect();
    workspace.sort_by(|a, b| a.order(b));
    let selected = items.len();
    if attention {
        items.retain(|i| needs_attention(i, since));
    }
    items.sort_by(|a, b| {
        (a.status(), !a.stale, a.name().to_lowercase(), &a.eng.path).cmp(&(
            b.status(),
            !b.stale,
            b.name().to_lowercase(),
            &b.eng.path,
        ))
    });
    let left_out = selected - items.len();
    let left = since.map_or_else(Vec::new, |since| left(since, outcome, filters, audience));
    Report { today, guide, filters, items, invalid, workspace, since, attention, left_out, left, audience }
}

/// The engagements that moved out of a region `filters` select into one they do not, and
/// that pass the other filters.
fn left<'a>(
    since: &'a Since,
    outcome: &Outcome,
    filters: &Filters,
    audience: Option<&Audience>,
) -> Vec<&'a RegionMove> {
    let mut left: Vec<&RegionMove> = Vec::new();
    for region in &filters.regions {
        for m in since.left(region) {
            let now = outcome.files.iter().find(|f| *f.source.display == *m.path).and_then(|f| f.engagement.as_ref());
            let other = now.is_none_or(|e| {
                !filters.region_ok(e.region.str())
                    && filters.client_ok(e.client.str())
                    && filters.lead_ok(e)
                    && lead_seen(filters, e, audience)
            });
            if other && !left.iter().any(|l| l.path == m.path) {
                left.push(m);
            }
        }
    }
    left
}

/// Whether `eng` passes the lead filter in a role `audience` may see: a lead it may not
/// see cannot be found by name either.
fn lead_seen(filters: &Filters, eng: &Engagement, audience: Option<&Audience>) -> bool {
    match (&filters.lead, audience) {
        (Some(want), Some(audience)) => {
            eng.leads.roles_of(want).iter().any(|role| !audience.hides_keys(&[k::LEADS, role.key()]))
        }
        _ => true,
    }
}

/// Whether an engagement needs attention: red or amber, stale, with findings, or changed
/// since the base commit.
fn needs_attention(item: &Item<'_>, since: Option<&Since>) -> bool {
    let changed = since.and_then(|s| s.changes.get(&*item.eng.path)).is_some_and(|c| !c.is_empty());
    item.status() != Status::Green || item.stale || !item.findings.is_empty() || changed
}

fn item<'a>(eng: &'a Engagement, findings: Vec<&'a Finding>, guide: &'a Guide, today: NaiveDate) -> Item<'a> {
    let low_scores = eng
        .measures()
        .filter_map(|(section, s)| Some((section, s.key.as_str(), s.score.copied()?)))
        .filter(|(_, _, score)| guide.is_low(*score))
        .collect();
    let mut item = Item {
        eng,
        findings: Vec::new(),
        acknowledged: Vec::new(),
        age_days: eng.age_days(today).unwrap_or_default(),
        stale: false,
        low_scores,
        low_risks: eng.risks.iter().filter(|r| r.score.copied().is_some_and(|s| guide.is_low(s))).collect(),
        overdue: Vec::new(),
        past: Vec::new(),
        unscored: Vec::new(),
        support_age_days: eng.support.age_days(today),
        support_open_long: false,
        shown: Vec::new(),
    };
    for (i, f) in findings.iter().enumerate() {
        let index = |list| f.field.as_ref().and_then(|p| p.index_in(list));
        match f.rule {
            RuleId::Stale => {
                item.stale = true;
                item.shown.push(i);
            }
            RuleId::ActionOverdue => {
                if let Some(action) = index(k::ACTIONS).and_then(|n| eng.actions.iter().find(|a| a.index == n)) {
                    item.overdue.push(action);
                    item.shown.push(i);
                }
            }
            RuleId::PastObjective => {
                item.past.extend(index(k::OBJECTIVES).and_then(|n| eng.objectives.iter().find(|o| o.index == n)));
            }
            RuleId::MissingMeasure => item.unscored.extend(measure_of(f, guide)),
            RuleId::SupportOpenLong => item.support_open_long = true,
            _ => {}
        }
    }
    item.findings = findings;
    item
}

/// The configured measure a finding's field names (`account_status.capability`).
fn measure_of<'g>(f: &Finding, guide: &'g Guide) -> Option<(Section, &'g str)> {
    let [Segment::Key(section), Segment::Key(key), ..] = f.field.as_ref()?.segments() else { return None };
    let section = Section::ALL.into_iter().find(|s| s.key() == section)?;
    guide.measures(section).iter().find(|m| m.key == *key).map(|m| (section, m.key.as_str()))
}

/// Counts for the overview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Overview {
    /// Engagements summarised.
    pub engagements: usize,
    /// Red ones.
    pub red: usize,
    /// Amber ones.
    pub amber: usize,
    /// Green ones.
    pub green: usize,
    /// Stale ones.
    pub stale: usize,
    /// Low measure scores, in all.
    pub low_scores: usize,
    /// Overdue actions, in all.
    pub overdue_actions: usize,
    /// Files that could not be read.
    pub invalid: usize,
    /// Acknowledged findings, in all.
    pub acknowledged: usize,
}

impl<'a> Report<'a> {
    /// The engagements gone since the base commit that the filters would have shown.
    #[must_use]
    pub fn removed(&self) -> Vec<&'a Removed> {
        self.since.map_or_else(Vec::new, |s| {
            let shown = |e: &Engagement| self.filters.accepts(e) && lead_seen(self.filters, e, self.audience);
            s.removed.iter().filter(|r| r.engagement.as_ref().is_none_or(shown)).collect()
        })
    }

    /// What changed in an item since the base commit, with `--since`.
    #[must_use]
    pub fn changes(&self, item: &Item<'_>) -> Option<&'a Changes> {
        self.since?.changes.get(&*item.eng.path)
    }

    /// The overview counts.
    #[must_use]
    pub fn overview(&self) -> Overview {
        let count = |status| self.items.iter().filter(|i| i.status() == status).count();
        Overview {
            engagements: self.items.len(),
            red: count(Status::Red),
            amber: count(Status::Amber),
            green: count(Status::Green),
            stale: self.items.iter().filter(|i| i.stale).count(),
            low_scores: self.items.iter().map(|i| i.low_scores.len()).sum(),
            overdue_actions: self.items.iter().map(|i| i.overdue.len()).sum(),
            invalid: self.invalid.len(),
            acknowledged: self.items.iter().map(|i| i.acknowledged.len()).sum(),
        }
    }

    /// Words for the filters: "north, south", "client Acme", or "all engagements".
    #[must_use]
    pub fn scope(&self) -> String {
        let f = self.filters;
        let mut parts = Vec::new();
        if !f.regions.is_empty() {
            parts.push(f.regions.join(", "));
        }
        if let Some(client) = &f.client {
            parts.push(format!("client {}", client.trim()));
        }
        if let Some(lead) = &f.lead {
            parts.push(format!("lead {}", lead.trim()));
        }
        if parts.is_empty() { "all engagements".to_owned() } else { parts.join("; ") }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_case_insensitive_and_combine() {
        let at = crate::finding::Loc::START;
        let eng = Engagement {
            region: crate::model::Value::Valid("North".into(), at),
            client: crate::model::Value::Valid("Acme Bank".into(), at),
            leads: crate::model::Leads { tech: vec!["Raj Patel".into()], ..Default::default() },
            ..Default::default()
        };
        let f = |regions: &[&str], client: Option<&str>, lead: Option<&str>| Filters {
            regions: regions.iter().map(|s| (*s).to_owned()).collect(),
            client: client.map(str::to_owned),
            lead: lead.map(str::to_owned),
        };
        assert!(f(&[], None, None).accepts(&eng));
        assert!(f(&["south", "north"], Some("acme"), Some("RAJ")).accepts(&eng));
        assert!(!f(&["south"], None, None).accepts(&eng));
        assert!(!f(&["north"], Some("beta"), None).accepts(&eng));
        assert!(!f(&["north"], None, Some("jane")).accepts(&eng));
    }
}
