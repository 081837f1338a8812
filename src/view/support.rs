//! An engagement's open ask for help, as every output shows it first.

use chrono::NaiveDate;

use super::entry::Entry;
use super::mask::Mask;
use super::shown::Shown;
use crate::format::key as k;
use crate::report::Item;

/// An open ask for help (`support`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ask<'a> {
    /// What help is needed.
    pub ask: Shown<&'a str>,
    /// Who it is addressed to.
    pub from: Shown<&'a str>,
    /// When it was first asked.
    pub since: Shown<NaiveDate>,
    /// Days since it was first asked; withheld with `since`.
    pub age_days: Shown<i64>,
    /// Whether the `support-open-long` rule reports it.
    pub open_long: bool,
}

/// The ask of `item` as `mask`'s audience may see it: `None` when the file asks for
/// nothing (or its ask is not valid) or the audience may not see the section.
pub(super) fn ask<'a>(item: &Item<'a>, mask: Mask<'_>) -> Option<Ask<'a>> {
    let s = &item.eng.support;
    if !s.is_open() || mask.hides_section(k::SUPPORT) {
        return None;
    }
    let field = |key| mask.hides(&[k::SUPPORT, key]);
    let since = mask.shown(&[k::SUPPORT, k::SINCE], Shown::copied(&s.since));
    Some(Ask {
        ask: mask.shown(&[k::SUPPORT, k::ASK], Shown::text(&s.ask)),
        from: mask.shown(&[k::SUPPORT, k::FROM], Shown::text(&s.from)),
        since,
        age_days: if field(k::SINCE) { Shown::Withheld } else { Shown::of(item.support_age_days) },
        // Whether it is open long says how old it is: withheld with the date.
        open_long: item.support_open_long && !field(k::SINCE),
    })
}

/// The engagements with an open ask, the longest waiting first (then in report order).
#[must_use]
pub fn asks<'e, 'a>(entries: &'e [Entry<'a>]) -> Vec<(&'e Entry<'a>, Ask<'a>)> {
    let mut asks: Vec<(&Entry<'a>, Ask<'a>)> = entries.iter().filter_map(|e| Some((e, e.support?))).collect();
    asks.sort_by_key(|(_, a)| std::cmp::Reverse(a.age_days.value().unwrap_or(i64::MIN)));
    asks
}
