//! `acctsum review new`: the file of a region's review session, started from the region's
//! engagements that need attention and the previous session's open actions.

use std::path::Path;

use super::{Io, today};
use crate::engine::{self, Options};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::facts::WorkspaceFacts;
use crate::options::{Global, ReviewNewOptions};
use crate::output::{refuse_link, write_atomic};
use crate::render;
use crate::report::{Filters, Request};
use crate::review::{self, Agenda, NewSession};
use crate::workspace::{Workspace, absolute, literal_prefix};

pub(super) fn new(global: &Global, args: &ReviewNewOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    let region = crate::new::configured_region(args.region.trim(), &ws.guide)?;
    let date = args.date.unwrap_or_else(|| today(global));
    let path = match &args.output {
        Some(out) => absolute(&cwd.join(out)),
        None => {
            let folder = crate::slug::slug(&region);
            if folder.is_empty() {
                return Err(Error::usage(
                    format!("cannot make a folder name from region `{region}`"),
                    Some("give the file's path with -o FILE"),
                ));
            }
            let glob = ws.guide.reviews.first().map_or(crate::guide::DEFAULT_REVIEWS_GLOB, String::as_str);
            ws.root.join(literal_prefix(glob)).join(folder).join(format!("{date}.yaml"))
        }
    };
    let shown = ws.display(&path, &args.output.as_ref().map_or_else(String::new, |o| o.display().to_string()));
    refuse_link(&path)?;
    if path.exists() {
        return Err(Error::Exists { path: shown.to_string() });
    }
    let (sessions, _) = review::read(&ws.guide, &review::sources(&ws));
    // Carried over from the last session held (a draft's actions were never agreed).
    let held = today(global);
    let previous = sessions
        .iter()
        .filter(|s| {
            s.region.str() == Some(region.as_str()) && s.is_held(held) && s.date.get().is_some_and(|d| *d < date)
        })
        .max_by_key(|s| (s.date.copied(), s.path.clone()));
    let carried: Vec<_> =
        previous.map(|p| p.actions.iter().filter(|a| a.action.is_open() == Some(true)).collect()).unwrap_or_default();
    let agenda = agenda(&ws, &region, date, cwd)?;
    let folder = path.parent().map_or_else(|| ws.root.clone(), Path::to_path_buf);
    let schema = crate::workspace::relative(&folder, &ws.root.join(crate::schema::REVIEW_SCHEMA_PATH));
    let text = review::scaffold(&NewSession {
        region: &region,
        date,
        agenda: &agenda,
        previous: previous.and_then(|p| p.date.copied()),
        carried: &carried,
        schema: &schema,
    });
    write_atomic(&path, text.as_bytes(), false)?;
    render::notes::created(io.out, &shown)?;
    Ok(Exit::Success)
}

/// The region's engagements that need attention as of `date`, in report order.
fn agenda(ws: &Workspace, region: &str, date: chrono::NaiveDate, cwd: &Path) -> Result<Vec<Agenda>> {
    let sources = match ws.sources(&[], cwd) {
        Ok(sources) => sources,
        Err(Error::NoFiles { .. }) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let options =
        Options { today: date, keep_excerpts: false, models: engine::Models::Whole, jobs: engine::default_jobs() };
    let outcome = engine::finish(&ws.guide, engine::read(&ws.guide, &sources, options), &WorkspaceFacts::default());
    let filters = Filters { regions: vec![region.to_owned()], client: None, lead: None };
    let request =
        Request { guide: &ws.guide, today: date, filters: &filters, since: None, attention: true, audience: None };
    let report = crate::report::build(&outcome, request);
    Ok(report
        .items
        .iter()
        .map(|item| {
            let mut why = vec![item.status().as_str().to_owned()];
            if item.stale {
                why.push("stale".to_owned());
            }
            match item.findings.len() {
                0 => {}
                1 => why.push("1 finding".to_owned()),
                n => why.push(format!("{n} findings")),
            }
            Agenda { name: item.name().to_owned(), why: why.join(", "), path: item.eng.path.to_string() }
        })
        .collect())
}

/// The workspace's review sessions, and their findings (default severities).
pub(super) fn sessions(ws: &Workspace) -> (Vec<review::Session>, Vec<crate::finding::Finding>) {
    review::read(&ws.guide, &review::sources(ws))
}

/// `--since` as given, with `last-review` made the date of the latest session held by
/// `today` of the regions asked for (every region when none is): the earliest of their
/// latest sessions, so that nothing since any of them is missed.
///
/// # Errors
/// `last-review` when no region asked for has a session.
pub(super) fn since_arg(
    given: Option<&str>,
    sessions: &[review::Session],
    regions: &[String],
    today: chrono::NaiveDate,
) -> Result<Option<String>> {
    let Some(given) = given else { return Ok(None) };
    if given != "last-review" {
        return Ok(Some(given.to_owned()));
    }
    let date = review::latest_by_region(sessions, today)
        .into_iter()
        .filter(|s| regions.is_empty() || s.region.str().is_some_and(|r| regions.iter().any(|want| want == r)))
        .filter_map(|s| s.date.copied())
        .min();
    match date {
        Some(date) => Ok(Some(date.to_string())),
        None => Err(Error::usage(
            format!(
                "--since last-review: {} no review session",
                if regions.is_empty() { "the workspace has".to_owned() } else { format!("{} has", regions.join(", ")) }
            ),
            Some("record one with `acctsum review new --region REGION`, or give --since a commit or a date"),
        )),
    }
}

/// Takes the findings on review session files out of `outcome` (a report shows them in
/// "Since the last review", not as workspace findings).
pub(super) fn take_review_findings(
    outcome: &mut engine::Outcome,
    guide: &crate::guide::Guide,
) -> Vec<crate::finding::Finding> {
    let is_review = review::review_test(guide);
    let (reviews, rest) = std::mem::take(&mut outcome.findings).into_iter().partition(|f| is_review(&f.path));
    outcome.findings = rest;
    reviews
}
