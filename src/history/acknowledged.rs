//! What `history` keeps of a version's acknowledged findings: how many there were, and
//! each acknowledgement that covered any — enough for every history format to tell them
//! apart from warnings and errors (and from findings fixed), and for the view to decide
//! what an audience may see of them, without keeping every finding of every version.

use chrono::NaiveDate;

use crate::field_path::Segment;
use crate::finding::{Acknowledged, Finding, RuleId};
use crate::model::Engagement;
use crate::rules::AboutNames;

/// Most acknowledgements kept per version: a version is kept small whatever the size of
/// its file; [`Kept::count`] still counts every acknowledged finding.
pub const MAX_KEPT: usize = 50;

/// One acknowledgement in force at a version that covered findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Covering {
    /// The rule whose findings it silenced.
    pub rule: RuleId,
    /// What it is about, when recorded.
    pub about: Option<String>,
    /// Why the leads let the findings stand.
    pub reason: String,
    /// The last day it covers them.
    pub until: NaiveDate,
    /// Who acknowledged them.
    pub by: String,
    /// How many findings it covered at that version.
    pub findings: usize,
    /// One finding it covered per rule and field (list indices aside): an audience that
    /// may not see what one of them is about sees the acknowledgement counted, not
    /// described (the same question as for the findings of today's pack).
    pub subjects: Vec<Finding>,
    /// What its `about` names among that version's risks and actions.
    pub names: AboutNames,
}

/// The acknowledged findings of one version.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    /// How many findings were acknowledged.
    pub count: usize,
    /// The acknowledgements that covered them, in the file's order (the first
    /// [`MAX_KEPT`]).
    pub coverings: Vec<Covering>,
}

impl Kept {
    /// What is kept of `acknowledged`, the acknowledged findings of `eng` at one version.
    #[must_use]
    pub fn of(eng: &Engagement, acknowledged: &[Acknowledged]) -> Self {
        let mut coverings: Vec<(usize, Covering)> = Vec::new();
        for a in acknowledged {
            let at = match coverings.binary_search_by_key(&a.index, |(i, _)| *i) {
                Ok(at) => at,
                Err(at) => {
                    let Some(ack) = eng.acknowledged.iter().find(|x| x.index == a.index) else { continue };
                    let Some(rule) = ack.rule.copied() else { continue };
                    let about = ack.about.str().map(str::to_owned);
                    let names = about.as_deref().map(|about| AboutNames::of(eng, about)).unwrap_or_default();
                    let covering = Covering {
                        rule,
                        about,
                        reason: a.reason.clone(),
                        until: a.until,
                        by: a.by.clone(),
                        findings: 0,
                        subjects: Vec::new(),
                        names,
                    };
                    coverings.insert(at, (a.index, covering));
                    at
                }
            };
            let covering = &mut coverings[at].1;
            covering.findings += 1;
            if !covering.subjects.iter().any(|s| same_subject(s, &a.finding)) {
                covering.subjects.push(a.finding.clone());
            }
        }
        coverings.truncate(MAX_KEPT);
        Self { count: acknowledged.len(), coverings: coverings.into_iter().map(|(_, c)| c).collect() }
    }
}

/// Whether two findings are of one rule about the same field, list indices aside: what
/// an audience may see of one it may see of the other.
fn same_subject(a: &Finding, b: &Finding) -> bool {
    let keys = |f: &Finding| -> Option<Vec<String>> {
        let field = f.field.as_ref()?;
        Some(
            field
                .segments()
                .iter()
                .filter_map(|s| match s {
                    Segment::Key(key) => Some(key.to_string()),
                    Segment::Index(_) => None,
                })
                .collect(),
        )
    };
    a.rule == b.rule && keys(a) == keys(b)
}
