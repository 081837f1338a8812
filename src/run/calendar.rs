//! `acctsum calendar`: options → workspace → the report of the regions asked for and the
//! review sessions → the calendar view → iCalendar.

use std::path::Path;

use super::{Io, today};
use crate::engine::{self, Options};
use crate::error::Result;
use crate::exit::Exit;
use crate::facts::WorkspaceFacts;
use crate::options::{CalendarOptions, Global};
use crate::render;
use crate::report::{Filters, Request};
use crate::workspace::Workspace;

pub(super) fn calendar(global: &Global, args: &CalendarOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    let mut regions = Vec::with_capacity(args.regions.len());
    for region in &args.regions {
        regions.push(crate::new::configured_region(region.trim(), &ws.guide)?);
    }
    let audience = ws.guide.audience(args.audience.as_deref())?;
    let filters = Filters { regions, client: None, lead: None };
    let sources = ws.sources(&[], cwd)?;
    let today = today(global);
    let (sessions, _) = super::review::sessions(&ws);
    let files = engine::read(
        &ws.guide,
        &sources,
        Options { today, keep_excerpts: false, models: engine::Models::Whole, jobs: engine::default_jobs() },
    );
    let outcome = engine::finish(&ws.guide, files, &WorkspaceFacts::default());
    let request = Request { guide: &ws.guide, today, filters: &filters, since: None, attention: false, audience };
    let report = crate::report::build(&outcome, request);
    let name = if filters.regions.is_empty() {
        "acctsum".to_owned()
    } else {
        format!("acctsum: {}", filters.regions.join(", "))
    };
    let view = crate::view::calendar::calendar(&report, &sessions, name);
    let text = render::calendar::ics(&view);
    super::deliver(global, args.output.as_deref(), &text, cwd, io)?;
    Ok(Exit::Success)
}
