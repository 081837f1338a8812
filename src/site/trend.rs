//! The trend charts of the site: every engagement's status and scores over the trend
//! window (`--trend-weeks`, from [`history::trends`]: one pass over git for every file),
//! as the [trend view](crate::view::trend) gives them for the site's audience (a measure
//! it may not see is left out), drawn per engagement page by
//! [`render::svg`](crate::render::svg).

use chrono::NaiveDate;

use crate::audience::Audience;
use crate::error::{Error, Result};
use crate::git::Repo;
use crate::guide::Guide;
use crate::history::{self, Summary, Tracked, Trends};
use crate::render::svg::{self, Table};
use crate::view;
use crate::workspace::{Source, Workspace};

/// One engagement's charts, drawn: SVG markup (escaped by [`render::svg`](crate::render::svg)) and the tables
/// of their numbers (plain text, to be escaped by the page).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Charts {
    /// The first day of the window, when the file existed then (its first point is the
    /// version current on that day); `None` when its history starts inside the window.
    pub from: Option<NaiveDate>,
    /// The status chart.
    pub status: String,
    /// Its numbers.
    pub status_table: Table,
    /// The score chart, one panel per measure the audience may see.
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
    audience: Option<&'g Audience>,
    today: NaiveDate,
}

impl<'g> SiteTrends<'g> {
    /// Reads the trend of every one of `sources` over the `weeks` before `today`, from one
    /// pass over git; none when the workspace is not in a git repository. `current` is
    /// what the check found in each source (by position), when it has a model: a version
    /// that is the working tree's file, unchanged since `HEAD`, is taken from it, not read
    /// again ([`Tracked::current`]).
    ///
    /// # Errors
    /// When git fails.
    pub fn read(
        ws: &'g Workspace,
        sources: &[Source],
        current: &[Option<Summary>],
        jobs: usize,
        (today, weeks): (NaiveDate, u32),
        audience: Option<&'g Audience>,
    ) -> Result<Self> {
        let repo = match Repo::open(&ws.root) {
            Ok(repo) => repo,
            // A workspace outside git still gets a site, without trends.
            Err(Error::Usage { .. }) => return Ok(Self { trends: None, guide: &ws.guide, audience, today }),
            Err(e) => return Err(e),
        };
        let files: Vec<Tracked<'_>> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let path = s.path.strip_prefix(&ws.root).ok()?;
                Some(Tracked { path, shown: &s.display, current: current.get(i).and_then(Option::as_ref) })
            })
            .collect();
        let from = history::window_start(today, weeks);
        let trends = history::trends(&repo, &files, &ws.guide, jobs, from)?;
        Ok(Self { trends: Some(trends), guide: &ws.guide, audience, today })
    }

    /// The charts of the engagement in the file shown as `path`, titled with its `name`.
    ///
    /// # Errors
    /// Why there are none.
    pub fn charts(&self, path: &str, name: &str) -> std::result::Result<Charts, NoCharts> {
        let trends = self.trends.as_ref().ok_or(NoCharts::NoGit)?;
        let trend = view::trend(trends, path, self.guide, self.audience, self.today);
        if trend.status.is_empty() {
            return Err(NoCharts::NoCommits);
        }
        let series = svg::series(&trend);
        Ok(Charts {
            from: trend.status.first().map(|p| p.0).filter(|&d| d == trend.from),
            status: svg::status_chart(&trend.status, "status", &format!("Status of {name} over time")),
            status_table: svg::status_table(&trend.status),
            scores: svg::score_chart(&series, self.guide.scale, "scores", &format!("Scores of {name} over time")),
            score_table: svg::score_table(&series),
        })
    }
}
