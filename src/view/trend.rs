//! The trend of one engagement, as charts and their tables draw it: its status over the
//! window, and each measure's score, for the measures its audience may see.
//!
//! Built from [`Trends`] (one pass over git for every engagement). A version that could not
//! be read is a point without a status or scores: a gap, never left out, so that a chart
//! shows where the record breaks.

use chrono::NaiveDate;

use super::pack::{Measure, measures};
use crate::audience::Audience;
use crate::field_path::FieldPath;
use crate::format::key as k;
use crate::guide::Guide;
use crate::history::{Trend, Trends, Unread};
use crate::model::Status;

/// The trend of one engagement over a window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendView<'a> {
    /// The window's first day.
    pub from: NaiveDate,
    /// The window's last day (today).
    pub to: NaiveDate,
    /// The status at each point, oldest first: first the one current on `from` (when the
    /// file was there), then each commit that changed the file. `None` where that version
    /// has no valid status.
    pub status: Vec<(NaiveDate, Option<Status>)>,
    /// Each measure the audience may see, in guide order ([`measures`]), with its score
    /// at the same points.
    pub scores: Vec<MeasureTrend<'a>>,
    /// The points whose version could not be read, and why: the gaps.
    pub gaps: Vec<(NaiveDate, Unread)>,
}

/// One measure's scores over the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeasureTrend<'a> {
    /// The measure.
    pub measure: Measure<'a>,
    /// Its score at each point of [`TrendView::status`]; `None` where not valid.
    pub points: Vec<(NaiveDate, Option<i64>)>,
}

/// The trend of the engagement file shown as `path`, from `from` (the window of `trends`)
/// to `to`, with the scores `audience` may see: a measure is left out when the audience
/// hides its score (`section.key.score`, `section.key`, `section.*` or the whole
/// section). The status cannot be hidden. A file without a trend (not asked for, or never
/// committed) has no points.
#[must_use]
pub fn trend<'g>(
    trends: &Trends,
    path: &str,
    guide: &'g Guide,
    audience: Option<&Audience>,
    to: NaiveDate,
) -> TrendView<'g> {
    let empty = Trend::default();
    let trend = trends.get(path).unwrap_or(&empty);
    let shown = |m: &Measure<'_>| audience.is_none_or(|a| !hides_score(a, m));
    let scores = measures(guide)
        .into_iter()
        .filter(shown)
        .map(|measure| {
            let points = match trends.measure(measure.section, measure.key) {
                Some(index) => trend.scores(index),
                None => trend.points.iter().map(|p| (p.date, None)).collect(),
            };
            MeasureTrend { measure, points }
        })
        .collect();
    let gaps = trend.points.iter().filter_map(|p| Some((p.date, p.unread?))).collect();
    TrendView { from: trends.from, to, status: trend.statuses(), scores, gaps }
}

/// Whether `audience` hides the score of `measure`: the score itself, the measure, or the
/// section above it.
fn hides_score(audience: &Audience, measure: &Measure<'_>) -> bool {
    let section = measure.section.key();
    let item = FieldPath::key(section).field(measure.key.to_owned());
    audience.hides_section(section) || audience.hides(&item) || audience.hides(&item.field(k::SCORE))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::audience::{Pattern, Scope};
    use crate::format::Section;
    use crate::history::TrendPoint;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    fn audience(hide: &[(&str, Scope)]) -> Audience {
        Audience {
            name: "company".to_owned(),
            hide: hide.iter().map(|&(t, s)| Pattern::new(t.to_owned(), s)).collect(),
        }
    }

    /// Trends of one file over the default guide's measures: a start, a change, a gap.
    fn trends(guide: &Guide) -> Trends {
        let measures: Vec<(Section, String)> = measures(guide).iter().map(|m| (m.section, m.key.to_owned())).collect();
        let scores = |base: i64| -> Box<[Option<i64>]> {
            (0..measures.len()).map(|i| Some(base + i64::try_from(i).expect("small") % 2)).collect()
        };
        let point = |date: &str, status, scores, unread| TrendPoint {
            date: day(date),
            commit: Arc::from("abcdef1234"),
            status,
            scores,
            unread,
        };
        let none: Box<[Option<i64>]> = vec![None; measures.len()].into_boxed_slice();
        let trend = Trend {
            points: vec![
                point("2026-05-23", Some(Status::Green), scores(3), None),
                point("2026-07-01", Some(Status::Amber), scores(2), None),
                point("2026-08-01", None, none, Some(Unread::Invalid(crate::finding::RuleId::Syntax))),
            ],
        };
        Trends {
            measures,
            from: day("2026-05-23"),
            start: None,
            trends: [("engagements/north/a.yaml".to_owned(), trend)].into_iter().collect(),
        }
    }

    #[test]
    fn every_measure_in_guide_order_with_the_window_and_the_gaps() {
        let guide = Guide::default();
        let view = trend(&trends(&guide), "engagements/north/a.yaml", &guide, None, day("2026-11-20"));
        assert_eq!((view.from, view.to), (day("2026-05-23"), day("2026-11-20")));
        assert_eq!(
            view.status,
            [
                (day("2026-05-23"), Some(Status::Green)),
                (day("2026-07-01"), Some(Status::Amber)),
                (day("2026-08-01"), None)
            ]
        );
        let keys: Vec<&str> = view.scores.iter().map(|s| s.measure.key).collect();
        let expected: Vec<&str> = measures(&guide).iter().map(|m| m.key).collect();
        assert_eq!(keys, expected);
        assert_eq!(view.scores[0].points.iter().map(|p| p.1).collect::<Vec<_>>(), [Some(3), Some(2), None]);
        assert_eq!(view.gaps, [(day("2026-08-01"), Unread::Invalid(crate::finding::RuleId::Syntax))]);
    }

    #[test]
    fn a_hidden_measure_is_absent_and_a_hidden_section_has_no_scores() {
        let guide = Guide::default();
        let trends = trends(&guide);
        let first = measures(&guide)[0];
        let view = |hide: &[(&str, Scope)]| {
            let a = audience(hide);
            trend(&trends, "engagements/north/a.yaml", &guide, Some(&a), day("2026-11-20"))
        };
        let item = format!("{}.{}", first.section.key(), first.key);
        let score = format!("{item}.score");
        let all = measures(&guide).len();
        for hide in [[(item.as_str(), Scope::Items)], [(score.as_str(), Scope::Field)]] {
            let shown = view(&hide);
            assert_eq!(shown.scores.len(), all - 1, "{hide:?}");
            assert!(shown.scores.iter().all(|s| s.measure.key != first.key || s.measure.section != first.section));
            assert_eq!(shown.status.len(), 3, "the status cannot be hidden");
        }
        let whole = view(&[("account_status", Scope::Section)]);
        assert!(whole.scores.iter().all(|s| s.measure.section != Section::AccountStatus));
        assert!(!whole.scores.is_empty(), "strategy is still shown");
        let every = view(&[("account_status.*", Scope::Items), ("strategy", Scope::Section)]);
        assert!(every.scores.is_empty());
        let notes = view(&[("account_status.*.notes", Scope::Field)]);
        assert_eq!(notes.scores.len(), all, "notes hidden, scores shown");
    }

    #[test]
    fn a_file_without_a_trend_has_no_points() {
        let guide = Guide::default();
        let view = trend(&trends(&guide), "engagements/north/other.yaml", &guide, None, day("2026-11-20"));
        assert!(view.status.is_empty() && view.gaps.is_empty());
        assert!(view.scores.iter().all(|s| s.points.is_empty()));
    }
}
