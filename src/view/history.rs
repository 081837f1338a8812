//! The view of `acctsum history`: each version of one engagement file with its status,
//! scores and their bands, why a version could not be read, and what changed from the
//! version before.

use chrono::NaiveDate;

use super::acknowledgement::{CoveringRow, covering_rows};
use super::change::{self, Change};
use super::entry::Mark;
use super::mask::Mask;
use super::pack::{Measure, measures};
use super::shown::Shown;
use crate::audience::Audience;
use crate::choice::Status;
use crate::format::{Section, key as k};
use crate::guide::Guide;
use crate::history::{Point, Timeline, Unread};

/// What a version held.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// It could be read.
    Read {
        /// `updated`.
        updated: Shown<NaiveDate>,
        /// The status.
        status: Shown<Status>,
        /// The score of each measure, in the order of [`History::measures`] (withheld
        /// where the audience may not see it).
        scores: Vec<Shown<Mark>>,
    },
    /// It could not be read: why.
    Unread(Unread),
}

/// One version of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version<'a> {
    /// The commit's full id.
    pub commit: &'a str,
    /// Its id, abbreviated.
    pub short: &'a str,
    /// Its date.
    pub date: NaiveDate,
    /// The file's path at that commit.
    pub path: &'a str,
    /// What the file held.
    pub state: State,
    /// What changed from the last version before it that could be read, when both could
    /// be read.
    pub changes: Option<Vec<Change<'a>>>,
    /// How many of its findings an acknowledgement in force at that commit covered
    /// (neither warnings nor errors, nor fixed); 0 when it could not be read.
    pub acknowledged: usize,
    /// The acknowledgements that covered them (the first
    /// [`MAX_KEPT`](crate::history::MAX_KEPT)); `None` when the audience may not see the
    /// `acknowledged` section.
    pub acknowledgements: Option<Vec<CoveringRow<'a>>>,
}

/// The mean (in tenths, rounded) and the lowest of a section's scores at each version
/// (`None` where no measure of the section is scored), of the scores the audience may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Series {
    /// The section.
    pub section: Section,
    /// The mean score in tenths.
    pub mean_tenths: Vec<Option<i64>>,
    /// The lowest score.
    pub lowest: Vec<Option<i64>>,
}

/// One engagement's history, holding nothing its audience may not see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct History<'a> {
    /// The name of the audience it was built for; `None` when no audience is declared.
    pub audience: Option<&'a str>,
    /// The fields that audience may not see, as written in `acctsum.yaml`.
    pub withheld: Vec<&'a str>,
    /// The engagement's name (its path when no version names it).
    pub name: &'a str,
    /// The file, as shown.
    pub path: &'a str,
    /// Every configured measure the audience may see (a hidden section's are left out).
    pub measures: Vec<Measure<'a>>,
    /// The scale's lowest and highest scores.
    pub scale: (i64, i64),
    /// The versions, oldest first.
    pub versions: Vec<Version<'a>>,
    /// Per section with measures whose scores the audience may see, its scores over time.
    pub series: Vec<Series>,
}

impl<'a> History<'a> {
    /// The view of a timeline for `audience` (`None`: none declared, nothing withheld).
    #[must_use]
    pub fn of(timeline: &'a Timeline, guide: &'a Guide, audience: Option<&'a Audience>) -> Self {
        let mask = Mask::new(audience, guide);
        let mut measures = measures(guide);
        measures.retain(|m| !mask.hides_section(m.section.key()));
        let versions = timeline.points.iter().map(|p| version(p, &measures, guide, mask)).collect();
        // The series are of the scores shown: a withheld score would show in the mean.
        let seen: Vec<Measure<'a>> =
            measures.iter().copied().filter(|m| !mask.hides(&[m.section.key(), m.key, k::SCORE])).collect();
        let series = Section::ALL
            .into_iter()
            .filter(|&s| seen.iter().any(|m| m.section == s))
            .map(|section| series(section, &timeline.points, &seen))
            .collect();
        Self {
            audience: audience.map(|a| a.name.as_str()),
            withheld: super::mask::withheld(audience),
            name: timeline.name(),
            path: &timeline.path,
            measures,
            scale: (guide.scale.min, guide.scale.max),
            versions,
            series,
        }
    }
}

fn version<'a>(p: &'a Point, measures: &[Measure<'a>], guide: &Guide, mask: Mask<'_>) -> Version<'a> {
    let commit = p.version.commit.as_str();
    let short = &commit[..commit.len().min(10)];
    let state = match &p.summary {
        Ok(s) => State::Read {
            updated: Shown::of(s.updated),
            status: Shown::of(s.status),
            scores: measures
                .iter()
                .map(|m| {
                    let score = s.score(m.section, m.key);
                    let mark = Shown::of(score.map(|score| Mark { score, band: guide.scale.band(score) }));
                    mask.shown(&[m.section.key(), m.key, k::SCORE], mark)
                })
                .collect(),
        },
        Err(why) => State::Unread(*why),
    };
    let changes = p.changes.as_ref().map(|c| change::lines(c, measures, short, mask));
    let (acknowledged, acknowledgements) = match &p.summary {
        Ok(s) => (s.acknowledged.count, covering_rows(&s.acknowledged, mask)),
        Err(_) => (0, mask.section(k::ACKNOWLEDGED, Vec::new)),
    };
    Version {
        commit,
        short,
        date: p.version.date,
        path: &p.version.path,
        state,
        changes,
        acknowledged,
        acknowledgements,
    }
}

fn series(section: Section, points: &[Point], measures: &[Measure<'_>]) -> Series {
    let keys: Vec<&str> = measures.iter().filter(|m| m.section == section).map(|m| m.key).collect();
    let mut mean_tenths = Vec::with_capacity(points.len());
    let mut lowest = Vec::with_capacity(points.len());
    for p in points {
        let scores: Vec<i64> =
            keys.iter().filter_map(|k| p.summary.as_ref().ok().and_then(|s| s.score(section, k))).collect();
        let count = i64::try_from(scores.len()).unwrap_or(1);
        // Computed in integers, so that output never depends on float printing.
        mean_tenths.push((count > 0).then(|| (scores.iter().sum::<i64>() * 10 + count / 2) / count));
        lowest.push(scores.iter().min().copied());
    }
    Series { section, mean_tenths, lowest }
}
