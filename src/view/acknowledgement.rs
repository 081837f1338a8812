//! An engagement's acknowledgements, as an audience may see them. An acknowledgement
//! about a field the audience may not see is counted ("1 acknowledged" stays) but its
//! `about` and `reason` are withheld: `about` quotes the item (an action's text, a risk's
//! title), and the reason speaks of it. It is about a hidden field when a finding it covers
//! today is withheld (as that finding is counted, not described), or when its `about`
//! names a measure, risk or action of which anything is hidden.

use chrono::NaiveDate;

use super::mask::Mask;
use super::shown::Shown;
use crate::field_path::Segment;
use crate::finding::{Finding, RuleId};
use crate::format::key as k;
use crate::history::Kept;
use crate::model::{Acknowledgement, Engagement};
use crate::report::Item;
use crate::rules::{AboutNames, normal_about as normal};

/// An acknowledgement: findings the leads know about, silenced until a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcknowledgementRow<'a> {
    /// The rule whose findings it silences.
    pub rule: Shown<RuleId>,
    /// The field they are about; not recorded: every finding of the rule. Withheld when
    /// it is about a field the audience may not see.
    pub about: Shown<&'a str>,
    /// Why; withheld when it is about a field the audience may not see.
    pub reason: Shown<&'a str>,
    /// The last day it silences them.
    pub until: Shown<NaiveDate>,
    /// Who acknowledged it.
    pub by: Shown<&'a str>,
    /// The messages of the findings it covers today, in report order (withheld: about a
    /// field the audience may not see).
    pub covers: Vec<Shown<&'a str>>,
}

/// The rows of `item`'s acknowledgements; `None` when the section is hidden.
pub(super) fn rows<'a>(item: &Item<'a>, mask: Mask<'_>) -> Option<Vec<AcknowledgementRow<'a>>> {
    let e = item.eng;
    mask.section(k::ACKNOWLEDGED, || {
        let field = |key, value| mask.shown(&[k::ACKNOWLEDGED, key], value);
        e.acknowledged
            .iter()
            .map(|a| {
                let covers: Vec<Shown<&str>> = item
                    .acknowledged
                    .iter()
                    .filter(|c| c.index == a.index)
                    .map(|c| {
                        if mask.hides_finding(&c.finding) {
                            Shown::Withheld
                        } else {
                            Shown::Value(c.finding.message.as_str())
                        }
                    })
                    .collect();
                let hidden = covers.contains(&Shown::Withheld) || about_hidden(e, a, mask);
                let described = |value: Shown<&'a str>| if hidden { Shown::Withheld } else { value };
                AcknowledgementRow {
                    rule: mask.shown(&[k::ACKNOWLEDGED, k::RULE], Shown::copied(&a.rule)),
                    about: described(field(k::ABOUT, Shown::text(&a.about))),
                    reason: described(field(k::REASON, Shown::text(&a.reason))),
                    until: mask.shown(&[k::ACKNOWLEDGED, k::UNTIL], Shown::copied(&a.until)),
                    by: field(k::BY, Shown::text(&a.by)),
                    covers,
                }
            })
            .collect()
    })
}

/// One acknowledgement as `history` shows it at a version: the acknowledgement, and how
/// many findings it covered then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoveringRow<'a> {
    /// The rule whose findings it silenced.
    pub rule: Shown<RuleId>,
    /// The field they were about; withheld as [`AcknowledgementRow::about`] is.
    pub about: Shown<&'a str>,
    /// Why; withheld as [`AcknowledgementRow::reason`] is.
    pub reason: Shown<&'a str>,
    /// The last day it silenced them.
    pub until: Shown<NaiveDate>,
    /// Who acknowledged it.
    pub by: Shown<&'a str>,
    /// How many findings it covered at that version.
    pub findings: usize,
}

/// The rows of one version's acknowledgements, as [`rows`] gives today's; `None` when the
/// section is hidden (the count stays).
pub(super) fn covering_rows<'a>(kept: &'a Kept, mask: Mask<'_>) -> Option<Vec<CoveringRow<'a>>> {
    mask.section(k::ACKNOWLEDGED, || {
        let field = |key, value| mask.shown(&[k::ACKNOWLEDGED, key], value);
        kept.coverings
            .iter()
            .map(|c| {
                let hidden = c.subjects.iter().any(|f| mask.hides_finding(f))
                    || c.about.as_deref().is_some_and(|about| names_hidden(about, c.names, mask));
                let described = |value: Shown<&'a str>| if hidden { Shown::Withheld } else { value };
                let about = c.about.as_deref().map_or(Shown::NotRecorded, Shown::Value);
                CoveringRow {
                    rule: mask.shown(&[k::ACKNOWLEDGED, k::RULE], Shown::Value(c.rule)),
                    about: described(field(k::ABOUT, about)),
                    reason: described(field(k::REASON, Shown::Value(c.reason.as_str()))),
                    until: mask.shown(&[k::ACKNOWLEDGED, k::UNTIL], Shown::Value(c.until)),
                    by: field(k::BY, Shown::Value(c.by.as_str())),
                    findings: c.findings,
                }
            })
            .collect()
    })
}

/// Whether `f` is about an acknowledgement of `e` (`acknowledgement-unused`,
/// `acknowledgement-expired`, at `acknowledged.N`) whose `about` names something the
/// audience may not see: its message quotes that `about`.
pub(super) fn quotes_hidden(e: &Engagement, f: &Finding, mask: Mask<'_>) -> bool {
    let Some(field) = &f.field else { return false };
    let [Segment::Key(key), Segment::Index(n), ..] = field.segments() else { return false };
    key.as_ref() == k::ACKNOWLEDGED && e.acknowledged.iter().any(|a| a.index == *n && about_hidden(e, a, mask))
}

/// Whether `a`'s `about` names something of which the audience may not see a part: a
/// measure by its key, a risk by its title, an action by its text, or a field by its path
/// (`actions.2.due`).
fn about_hidden(e: &Engagement, a: &Acknowledgement, mask: Mask<'_>) -> bool {
    a.about.str().is_some_and(|about| names_hidden(about, AboutNames::of(e, about), mask))
}

/// Whether `about`, naming `names` among its engagement's risks and actions, names
/// something of which the audience may not see a part (see [`about_hidden`]); `history`
/// asks it of each version.
pub(super) fn names_hidden(about: &str, names: AboutNames, mask: Mask<'_>) -> bool {
    let name = normal(about);
    let path: Vec<&str> = name.split('.').filter(|s| !s.bytes().all(|b| b.is_ascii_digit())).collect();
    if path.len() > 1 && mask.hides_within(&path) {
        return true;
    }
    let measure = |section| mask.hides_within(&[section, name.as_str()]);
    measure(k::ACCOUNT_STATUS)
        || measure(k::STRATEGY)
        || (names.risk && mask.hides_within(&[k::RISKS]))
        || (names.action && mask.hides_within(&[k::ACTIONS]))
}
