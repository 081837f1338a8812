//! `acctsum site`: options → workspace → the report of every engagement → the site view
//! → pages, written into a folder built beside the target and swapped in whole.

use std::path::Path;

use super::{Io, since, today};
use crate::engine::{self, Options};
use crate::error::Result;
use crate::exit::Exit;
use crate::facts::{BaseFacts, WorkspaceFacts};
use crate::history::Summary;
use crate::options::{Global, SiteOptions};
use crate::render;
use crate::report::{Filters, Request};
use crate::site::dir::Building;
use crate::site::trend::SiteTrends;
use crate::view::{Pack, Site};
use crate::workspace::{Workspace, absolute};

pub(super) fn site(global: &Global, args: &SiteOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    let audience = ws.guide.audience(args.audience.as_deref())?;
    let mut regions = Vec::with_capacity(args.regions.len());
    for region in &args.regions {
        regions.push(crate::new::configured_region(region.trim(), &ws.guide)?);
    }
    let target = absolute(&cwd.join(&args.output));
    // Refused before any work: a folder that is not ours is never touched.
    let building = Building::start(&target)?;
    let filters = Filters { regions, client: None, lead: None };
    let sources = ws.sources(&[], cwd)?;
    let today = today(global);
    let jobs = engine::default_jobs();
    let (sessions, mut session_findings) = super::review::sessions(&ws);
    let since_arg = super::review::since_arg(args.since.as_deref(), &sessions, &filters.regions, today)?;
    let mut files =
        engine::read(&ws.guide, &sources, Options { today, keep_excerpts: false, models: engine::Models::Whole, jobs });
    files.findings.append(&mut session_findings);
    // What the check found in each file: the trends do not read those versions again.
    let current: Vec<Option<Summary>> = sources
        .iter()
        .zip(&files.files)
        .map(|(source, file)| file.engagement.as_ref().filter(|_| file.source.path == source.path).map(Summary::of))
        .collect();
    // The trends (git, and parsing old versions) are read while the report is built.
    let (trends, built) = std::thread::scope(|scope| {
        let trends =
            scope.spawn(|| SiteTrends::read(&ws, &sources, &current, jobs, (today, args.trend_weeks), audience));
        let built = since(&ws, files, since_arg.as_deref()).map(|(files, mut since)| {
            let facts = WorkspaceFacts {
                schema: ws.schema_state(),
                base: since.as_ref().map(BaseFacts::of),
                reviews: sessions,
                engagement_names: None,
            };
            if let Some(since) = &mut since {
                since.base.clear();
            }
            (engine::finish(&ws.guide, files, &facts), since, facts)
        });
        (trends.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), built)
    });
    let (mut outcome, since, facts) = built?;
    let trends = trends?;
    let session_findings = super::review::take_review_findings(&mut outcome, &ws.guide);
    let request =
        Request { guide: &ws.guide, today, filters: &filters, since: since.as_ref(), attention: false, audience };
    let report = crate::report::build(&outcome, request);
    let site = Site::of(Pack::of(&report), audience.map(|a| a.name.as_str()));

    building.write("assets/site.css", render::site::CSS.as_bytes())?;
    building.write("assets/site.js", render::site::JS.as_bytes())?;
    building.write("index.html", render::site::index_page(&site).as_bytes())?;
    let all = crate::view::calendar::calendar(&report, &facts.reviews, "acctsum".to_owned());
    building.write("calendar.ics", render::calendar::ics(&all).as_bytes())?;
    building.write("people.html", render::site::people_page(&site).as_bytes())?;
    building.write("guide.html", render::site::guide_page(&ws.guide, site.audience, today).as_bytes())?;
    // Each page is drawn and written on its own: on every core, none held once written.
    let entries: Vec<usize> = (0..site.pack.entries.len()).collect();
    let written = engine::par_map(&entries, jobs, |&i| {
        let (entry, link) = (&site.pack.entries[i], &site.links[i]);
        let charts = trends.charts(entry.path, entry.name);
        let page = render::site::engagement_page(&site, i, charts.as_ref().map_err(|why| *why));
        building.write(&format!("e/{}.html", link.slug), page.as_bytes())
    });
    written.into_iter().collect::<Result<()>>()?;
    let written = engine::par_map(&site.regions, jobs, |region| {
        // The region's own report: its counts, changes and order, as `report --region` gives.
        let filters = Filters { regions: vec![region.name.to_owned()], client: None, lead: None };
        let report = crate::report::build(&outcome, Request { filters: &filters, ..request });
        let mut pack = Pack::of(&report);
        let mask = crate::view::Mask::new(report.audience, report.guide);
        pack.last_review = crate::view::LastReview::of(&facts.reviews, region.name, today, &session_findings, mask);
        let page = render::site::region_page(&site, region.name, &pack);
        building.write(&format!("r/{}.html", region.slug), page.as_bytes())?;
        let calendar = crate::view::calendar::calendar(&report, &facts.reviews, format!("acctsum: {}", region.name));
        building.write(&format!("r/{}.ics", region.slug), render::calendar::ics(&calendar).as_bytes())
    });
    written.into_iter().collect::<Result<()>>()?;
    let written = engine::par_map(&site.clients, jobs, |client| {
        building.write(&format!("c/{}.html", client.slug), render::site::client_page(&site, client).as_bytes())
    });
    written.into_iter().collect::<Result<()>>()?;
    let pages = building.written();
    building.finish()?;
    if !global.quiet {
        render::site::wrote(io.err, pages, &args.output)?;
    }
    Ok(Exit::Success)
}
