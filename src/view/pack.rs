//! The report as a whole: what the review pack, the table, JSON and CSV draw.

use chrono::NaiveDate;

use super::attention::{self, Cause, Note};
use super::change::SinceView;
use super::client::{self, Client};
use super::entry::{self, Entry};
use super::mask::Mask;
use crate::finding::RuleId;
use crate::format::Section;
use crate::guide::{Band, Guide, Scale};
use crate::report::{Overview, Report};

/// A configured measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measure<'a> {
    /// `account_status` or `strategy`.
    pub section: Section,
    /// Its key.
    pub key: &'a str,
    /// Its name.
    pub name: &'a str,
}

/// Every configured measure: `account_status`'s, then `strategy`'s, in the guide's order.
#[must_use]
pub fn measures(guide: &Guide) -> Vec<Measure<'_>> {
    Section::ALL
        .iter()
        .flat_map(|&section| {
            guide.measures(section).iter().map(move |m| Measure { section, key: &m.key, name: &m.name })
        })
        .collect()
}

/// A band of the scale and the scores in it, for a legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Legend {
    /// The band.
    pub band: Band,
    /// Its lowest score.
    pub low: i64,
    /// Its highest score.
    pub high: i64,
}

/// The bands of a scale, lowest first, each with the scores in it.
#[must_use]
pub fn legend(scale: Scale) -> Vec<Legend> {
    let mut legend: Vec<Legend> = Vec::new();
    for score in scale.min..=scale.max {
        let band = scale.band(score);
        match legend.last_mut() {
            Some(last) if last.band == band => last.high = score,
            _ => legend.push(Legend { band, low: score, high: score }),
        }
    }
    legend
}

/// A file that could not be summarised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unreadable<'a> {
    /// The file, relative to the workspace root.
    pub path: &'a str,
    /// How many errors `check` reports in it.
    pub errors: usize,
    /// The rule of its first structural finding.
    pub first: Option<RuleId>,
}

/// The report, ready to draw, holding nothing its audience may not see.
#[derive(Clone, Debug)]
pub struct Pack<'a> {
    /// As of this date.
    pub today: NaiveDate,
    /// The name of the audience it was built for (`company`); `None` when no audience is
    /// declared, and nothing is withheld.
    pub audience: Option<&'a str>,
    /// The fields that audience may not see, as written in `acctsum.yaml`
    /// (`account_status.*.notes`), in order.
    pub withheld: Vec<&'a str>,
    /// The filters in words: "north, south", "client Acme", or "all engagements".
    pub scope: String,
    /// Whether the report covers exactly one region (a region column says nothing then).
    pub one_region: bool,
    /// Whether only the engagements that need attention are shown (`--attention`).
    pub attention_only: bool,
    /// How many engagements `--attention` left out.
    pub left_out: usize,
    /// The counts.
    pub overview: Overview,
    /// Findings about the workspace rather than an engagement (an outdated schema).
    pub workspace: Vec<Note<'a>>,
    /// The scored sections the audience may see (both, unless one is hidden whole).
    pub sections: Vec<Section>,
    /// Every configured measure the audience may see (those of a hidden section are left
    /// out): the columns of the heat map, the rows of each engagement's scores.
    pub measures: Vec<Measure<'a>>,
    /// The scale's bands, lowest first.
    pub legend: Vec<Legend>,
    /// The scale's lowest and highest scores.
    pub scale: (i64, i64),
    /// The engagements, in order of need of attention.
    pub entries: Vec<Entry<'a>>,
    /// The files that could not be read.
    pub unreadable: Vec<Unreadable<'a>>,
    /// The base commit and what is gone since, with `--since`.
    pub since: Option<SinceView<'a>>,
    /// The roll-up by client, with `--client`.
    pub clients: Option<Vec<Client<'a>>>,
    /// The region's latest review session, for a region's pack (set by the caller, who
    /// read the sessions): "Since the last review".
    pub last_review: Option<super::LastReview>,
}

impl<'a> Pack<'a> {
    /// Builds the view of a report for its audience: every value the audience may not
    /// see is withheld here, once, before any renderer.
    #[must_use]
    pub fn of(report: &Report<'a>) -> Self {
        let guide = report.guide;
        let mask = Mask::new(report.audience, guide);
        let mut measures = measures(guide);
        measures.retain(|m| !mask.hides_section(m.section.key()));
        let commit = report.since.map_or("", |s| s.commit.short());
        let entries: Vec<Entry<'a>> = report
            .items
            .iter()
            .map(|item| entry::entry(item, &measures, guide.scale, report.changes(item), commit, mask))
            .collect();
        let clients = report.filters.client.is_some().then(|| client::clients(&entries));
        let mut overview = report.overview();
        // Only the low scores the audience may see, as the entries list them.
        overview.low_scores = entries.iter().map(|e| e.low_scores.len()).sum();
        let (workspace, withheld) = attention::sort(&report.workspace, mask);
        let workspace = workspace
            .into_iter()
            .map(attention::finding)
            .chain(withheld.into_iter().map(|w| Note { cause: Cause::Withheld(w), place: None }))
            .collect();
        Self {
            today: report.today,
            audience: report.audience.map(|a| a.name.as_str()),
            withheld: super::mask::withheld(report.audience),
            scope: report.scope(),
            one_region: report.filters.regions.len() == 1,
            attention_only: report.attention,
            left_out: report.left_out,
            overview,
            workspace,
            sections: Section::ALL.into_iter().filter(|s| !mask.hides_section(s.key())).collect(),
            measures,
            legend: legend(guide.scale),
            scale: (guide.scale.min, guide.scale.max),
            entries,
            unreadable: report
                .invalid
                .iter()
                .map(|i| Unreadable { path: i.path, errors: i.errors, first: i.first })
                .collect(),
            since: report.since.map(|s| SinceView::of(s, &report.removed(), &report.left)),
            clients,
            last_review: None,
        }
    }

    /// The engagements with something that needs attention, in order.
    pub fn attention(&self) -> impl Iterator<Item = &Entry<'a>> {
        self.entries.iter().filter(|e| !e.notes.is_empty())
    }

    /// The engagements that changed since the base commit, in order.
    pub fn changed(&self) -> impl Iterator<Item = &Entry<'a>> {
        self.entries.iter().filter(|e| e.change.as_ref().is_some_and(|c| !c.lines.is_empty()))
    }

    /// How many engagements did not change since the base commit.
    #[must_use]
    pub fn unchanged(&self) -> usize {
        self.entries.iter().filter(|e| e.change.as_ref().is_some_and(|c| c.lines.is_empty())).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_legend_follows_the_scale() {
        let bands = |scale| legend(scale).iter().map(|l| (l.band, l.low, l.high)).collect::<Vec<_>>();
        use Band::{Good, Low, Middling, Worst};
        assert_eq!(
            bands(Scale { min: 1, max: 5, low: 2 }),
            [(Worst, 1, 1), (Low, 2, 2), (Middling, 3, 3), (Good, 4, 5)]
        );
        assert_eq!(
            bands(Scale { min: 0, max: 10, low: 3 }),
            [(Worst, 0, 0), (Low, 1, 3), (Middling, 4, 7), (Good, 8, 10)]
        );
    }
}
