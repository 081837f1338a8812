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
use crate::model::{Acknowledgement, Engagement};
use crate::report::Item;
use crate::rules::normal_about as normal;

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
    let Some(about) = a.about.str() else { return false };
    let name = normal(about);
    let path: Vec<&str> = name.split('.').filter(|s| !s.bytes().all(|b| b.is_ascii_digit())).collect();
    if path.len() > 1 && mask.hides_within(&path) {
        return true;
    }
    let measure = |section| mask.hides_within(&[section, name.as_str()]);
    let names = |text: Option<&str>| text.is_some_and(|t| normal(t) == name);
    measure(k::ACCOUNT_STATUS)
        || measure(k::STRATEGY)
        || (mask.hides_within(&[k::RISKS]) && e.risks.iter().any(|r| names(r.title.str())))
        || (mask.hides_within(&[k::ACTIONS]) && e.actions.iter().any(|x| names(x.action.str())))
}
