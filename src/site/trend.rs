//! The trend charts of the site: every engagement's status and scores at each commit,
//! read from git in one pass ([`history::trends`]), drawn per engagement page by
//! [`render::svg`](crate::render::svg).
//!
//! This module is the one place where the site meets them, so that the trend window and
//! the trend view (which drops the measures an audience may not see) replace its insides
//! without touching the pages. Until then `--trend-weeks` is carried here but not used:
//! every commit is shown.

use chrono::NaiveDate;

use crate::error::{Error, Result};
use crate::git::Repo;
use crate::guide::Guide;
use crate::history::{self, Tracked, Trends};
use crate::render::svg::{self, Series, Table};
use crate::workspace::{Source, Workspace};

/// A score at a commit's date.
type Dated = (NaiveDate, Option<i64>);

/// One engagement's charts, drawn: SVG markup (escaped by [`render::svg`](crate::render::svg)) and the tables
/// of their numbers (plain text, to be escaped by the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charts {
    /// The status chart.
    pub status: String,
    /// Its numbers.
    pub status_table: Table,
    /// The score chart, one panel per measure.
    pub scores: String,
    /// Its numbers.
    pub score_table: Table,
}

/// Why an engagement page has no charts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoCharts {
    /// The workspace is not in a git repository.
    NoGit,
    /// Its file has no commit yet.
    NoCommits,
}

/// The trends of every engagement of a site.
#[derive(Debug)]
pub struct SiteTrends<'g> {
    trends: Option<Trends>,
    guide: &'g Guide,
    /// The weeks of history to show (`--trend-weeks`); see the module's note.
    pub weeks: u32,
}

impl<'g> SiteTrends<'g> {
    /// Reads the trend of every one of `sources` from one pass over git; none when the
    /// workspace is not in a git repository.
    ///
    /// # Errors
    /// When git fails.
    pub fn read(ws: &'g Workspace, sources: &[Source], jobs: usize, weeks: u32) -> Result<Self> {
        let repo = match Repo::open(&ws.root) {
            Ok(repo) => repo,
            // A workspace outside git still gets a site, without trends.
            Err(Error::Usage { .. }) => return Ok(Self { trends: None, guide: &ws.guide, weeks }),
            Err(e) => return Err(e),
        };
        let files: Vec<Tracked<'_>> = sources
            .iter()
            .filter_map(|s| Some(Tracked { path: s.path.strip_prefix(&ws.root).ok()?, shown: &s.display }))
            .collect();
        let trends = history::trends(&repo, &files, &ws.guide, jobs)?;
        Ok(Self { trends: Some(trends), guide: &ws.guide, weeks })
    }

    /// The charts of the engagement in the file shown as `path`, titled with its `name`.
    ///
    /// # Errors
    /// Why there are none.
    pub fn charts(&self, path: &str, name: &str) -> std::result::Result<Charts, NoCharts> {
        let trends = self.trends.as_ref().ok_or(NoCharts::NoGit)?;
        let trend = trends.get(path).filter(|t| !t.points.is_empty()).ok_or(NoCharts::NoCommits)?;
        let statuses = trend.statuses();
        let columns: Vec<(String, Vec<Dated>)> = trends
            .measures
            .iter()
            .enumerate()
            .map(|(i, (section, key))| {
                let measure = self.guide.measures(*section).iter().find(|m| m.key == *key);
                (measure.map_or_else(|| key.clone(), |m| m.name.clone()), trend.scores(i))
            })
            .collect();
        let series: Vec<Series<'_>> = columns.iter().map(|(name, points)| Series { name, points }).collect();
        Ok(Charts {
            status: svg::status_chart(&statuses, "status", &format!("Status of {name} over time")),
            status_table: svg::status_table(&statuses),
            scores: svg::score_chart(&series, self.guide.scale, "scores", &format!("Scores of {name} over time")),
            score_table: svg::score_table(&series),
        })
    }
}
