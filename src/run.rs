//! One function per command: options → workspace → findings or model → renderer. The
//! options are the library's ([`crate::options`]); only renderers write.

mod calendar;
mod explain;
mod review;
mod site;

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::engine::{self, Files, Models, Options, Outcome};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::facts::{BaseFacts, WorkspaceFacts};
use crate::finding::{Finding, RuleId, Severity, Tally};
use crate::history::Since;
use crate::options::{
    CheckFormat, CheckOptions, ColorChoice, Command, Global, GuideOptions, HistoryFormat, HistoryOptions, Invocation,
    LeadsFormat, LeadsOptions, NewOptions, ReportFormat, ReportOptions, SchemaOptions,
};
use crate::output::write_atomic;
use crate::render::{self, Style};
use crate::scaffold;
use crate::schema;
use crate::scope::Changed;
use crate::suggest;
use crate::workspace::{self as ws_paths, Workspace, absolute};

/// Where a command writes, and what those writers are connected to.
pub struct Io<'a> {
    /// Standard output.
    pub out: &'a mut dyn Write,
    /// Standard error.
    pub err: &'a mut dyn Write,
    /// Whether standard output is a terminal.
    pub out_terminal: bool,
    /// Terminal width, when known.
    pub width: Option<usize>,
    /// Whether a person can be asked (standard input and error are terminals).
    pub interactive: bool,
}

/// Runs an invocation; fatal errors are rendered to `io.err` and give exit 2.
pub fn main(invocation: &Invocation, cwd: &Path, io: &mut Io<'_>) -> Exit {
    match run(invocation, cwd, io) {
        Ok(exit) => exit,
        Err(Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
        Err(error) => {
            let style = Style {
                color: color(invocation.global.color, std::io::stderr().is_terminal()),
                width: io.width.unwrap_or(100),
                fit: false,
            };
            // Nothing more can be done if standard error itself cannot be written.
            let _ = report_error(io.err, &error, style);
            Exit::Failure
        }
    }
}

fn report_error(err: &mut dyn Write, error: &Error, style: Style) -> std::io::Result<()> {
    if let Error::Config { path, text, findings } = error {
        let texts = HashMap::from([(path.as_str(), text.as_str())]);
        render::human::config_findings(err, findings, &texts, style)?;
    }
    render::human::diagnostic(err, error, style)
}

/// Runs an invocation.
///
/// # Errors
/// When the command cannot do its job.
pub fn run(invocation: &Invocation, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let global = &invocation.global;
    match &invocation.command {
        Command::Check(args) => check(global, args, cwd, io),
        Command::New(args) => new(global, args, cwd, io),
        Command::Init => init(global, cwd, io),
        Command::Leads(args) => leads(global, args, cwd, io),
        Command::Report(args) => report(global, args, cwd, io),
        Command::History(args) => history(global, args, cwd, io),
        Command::Guide(args) => guide(global, args, cwd, io),
        Command::Explain(args) => explain::explain(global, args, io),
        Command::Schema(args) => schema(global, args, cwd, io),
        Command::Site(args) => site::site(global, args, cwd, io),
        Command::ReviewNew(args) => review::new(global, args, cwd, io),
        Command::Calendar(args) => calendar::calendar(global, args, cwd, io),
        Command::Print(bytes) => {
            render::document(io.out, bytes)?;
            Ok(Exit::Success)
        }
    }
}

/// Today's date: `--today`, `ACCTSUM_TODAY`, or the local clock.
fn today(global: &Global) -> NaiveDate {
    global.today.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Whether to colour a stream.
fn color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

fn style(global: &Global, io: &Io<'_>) -> Style {
    Style {
        color: color(global.color, io.out_terminal),
        width: io.width.unwrap_or(100).clamp(40, 400),
        fit: io.out_terminal && io.width.is_some(),
    }
}

fn check(global: &Global, args: &CheckOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    // Review session files named on the command line are checked as sessions; without
    // paths, every file the `reviews` globs select is.
    // A workspace just set up by `init` has nothing to check yet, and that is no failure
    // (its first CI run passes); globs that find nothing anywhere else stay exit 2.
    let (sources, first) = match ws.sources(&args.paths, cwd) {
        Err(Error::NoFiles { .. }) if args.paths.is_empty() && ws.awaits_first_file() => (Vec::new(), true),
        sources => (sources?, false),
    };
    let is_review = crate::review::review_test(&ws.guide);
    let (named_reviews, sources): (Vec<_>, Vec<_>) = sources.into_iter().partition(|s| is_review(&s.display));
    // Every session is read (which is a region's latest needs them all); the findings
    // kept are those of the files checked.
    let mut all_reviews = crate::review::sources(&ws);
    all_reviews.extend(named_reviews.iter().filter(|n| !all_reviews.contains(n)).cloned().collect::<Vec<_>>());
    let checked: Option<std::collections::HashSet<Arc<str>>> =
        (!args.paths.is_empty()).then(|| named_reviews.iter().map(|s| s.display.clone()).collect());
    let options = Options {
        today: today(global),
        keep_excerpts: args.format == CheckFormat::Human,
        // `--since` compares the models with their versions at the base.
        models: if args.since.is_some() { Models::Whole } else { Models::WorkspaceStage },
        jobs: args.jobs.unwrap_or_else(engine::default_jobs),
    };
    let mut files = engine::read(&ws.guide, &sources, options);
    // Each file holds its source now; the list is not read again.
    drop(sources);
    let (reviews, mut review_findings) = crate::review::read(&ws.guide, &all_reviews);
    files.findings.append(&mut review_findings);
    let (files, since) = since(&ws, files, args.since.as_deref())?;
    // Named session files name engagements that the named paths may not include.
    let engagement_names = checked.as_ref().filter(|c| !c.is_empty()).map(|_| {
        let all = ws.sources(&[], cwd).unwrap_or_default();
        let named = engine::names(&ws.guide, &all, options.jobs);
        named.iter().filter_map(|n| Some(n.engagement.as_ref()?.engagement.str()?.to_owned())).collect()
    });
    let facts = WorkspaceFacts {
        schema: ws.schema_state(),
        base: since.as_ref().map(BaseFacts::of),
        reviews,
        engagement_names,
    };
    let mut outcome = engine::finish(&ws.guide, files, &facts);
    if let Some(checked) = &checked {
        outcome.findings.retain(|f| !is_review(&f.path) || checked.contains(&f.path));
    }
    // With --since, a pull request sees its own findings (and the exit code is theirs).
    let left_out = match (&since, args.all) {
        (Some(since), false) => {
            let sessions: Vec<_> = all_reviews
                .iter()
                .filter(|s| checked.as_ref().is_none_or(|c| c.contains(&s.display)))
                .cloned()
                .collect();
            let changed = Changed::of(&ws, since, &outcome.files, &sessions)?;
            Some(changed.apply(&mut outcome.findings, &mut outcome.acknowledged))
        }
        _ => None,
    };
    // The session files checked: those named, or without paths every one the globs select.
    let sessions_checked = checked.as_ref().map_or(all_reviews.len(), std::collections::HashSet::len);
    let tally = Tally::of(outcome.files.len(), sessions_checked, &outcome.findings, outcome.acknowledged.len());
    let shown = if args.show_acknowledged { render::acknowledged_shown(&outcome.acknowledged) } else { Vec::new() };
    let style = style(global, io);
    let out = &mut *io.out;
    match args.format {
        CheckFormat::Human => {
            let files: HashMap<&str, &engine::Checked> =
                outcome.files.iter().map(|f| (&*f.source.display, f)).collect();
            // The session files with findings, read again for their snippets.
            let sessions = crate::review::texts(&all_reviews, &outcome.findings);
            let sessions: HashMap<&str, &str> = sessions.iter().map(|(path, text)| (&**path, text.as_str())).collect();
            human_findings(out, &outcome.findings, &files, &sessions, style, options.jobs)?;
            human_findings(out, &shown, &files, &sessions, style, options.jobs)?;
            if !global.quiet {
                if first {
                    render::human::none_yet(io.out, &ws.globs())?;
                } else {
                    render::human::summary(io.out, tally)?;
                }
                render::human::left_out(io.out, left_out.as_ref())?;
            }
        }
        CheckFormat::Short => {
            render::short::findings(out, &outcome.findings, options.jobs)?;
            render::short::findings(out, &shown, options.jobs)?;
            if !global.quiet {
                render::short::acknowledged(io.err, tally.acknowledged, args.show_acknowledged)?;
                render::short::left_out(io.err, left_out.as_ref())?;
            }
        }
        CheckFormat::Json => {
            render::json::findings(out, &outcome.findings, &outcome.acknowledged, tally, left_out.as_ref())?;
        }
        CheckFormat::Github => {
            render::github::findings(out, &outcome.findings, &shown, tally, global.quiet)?;
            if !global.quiet {
                render::github::left_out(out, left_out.as_ref())?;
            }
        }
        CheckFormat::Sarif => {
            render::sarif::findings(out, &outcome.findings, &outcome.acknowledged, &ws.guide, left_out.as_ref())?;
        }
    }
    io.out.flush()?;
    let failing = outcome.findings.iter().any(|f| f.severity == Severity::Error || args.strict);
    engine::drop_aside(outcome);
    Ok(if failing { Exit::Findings } else { Exit::Success })
}

/// Writes `findings` (in report order: grouped by file) as `human` does, a file at a time
/// on each of up to `jobs` threads: each engagement file's text is made from the lines
/// kept for its snippets (or read again, see [`engine::Checked::snippet_text`]) only
/// while its findings are drawn, and the few files drawn ahead wait in order.
fn human_findings(
    out: &mut dyn Write,
    findings: &[Finding],
    files: &HashMap<&str, &engine::Checked>,
    sessions: &HashMap<&str, &str>,
    style: Style,
    jobs: usize,
) -> Result<()> {
    let groups: Vec<&[Finding]> = findings.chunk_by(|a, b| a.path == b.path).collect();
    let draw = |group: &&[Finding]| -> std::io::Result<Vec<u8>> {
        let path = &*group[0].path;
        let text: Option<Cow<'_, str>> = match files.get(path) {
            Some(file) => file.snippet_text(*group).map(Cow::Owned),
            None => sessions.get(path).map(|text| Cow::Borrowed(*text)),
        };
        render::human::file_findings(group, text.as_deref(), style)
    };
    Ok(engine::write_in_order(out, &groups, jobs, draw)?)
}

/// What changed since `rev`, when asked, for the files of the per-file stage; each paired
/// file's version at the base is kept for `updated-not-bumped`.
fn since(ws: &Workspace, files: Files, rev: Option<&str>) -> Result<(Files, Option<Since>)> {
    let Some(rev) = rev else { return Ok((files, None)) };
    // `since_workspace` pairs files by their models, which an `Outcome` carries, and says
    // which objectives have passed from today's `past-objective` findings (severities
    // applied, so that a rule turned off passes none).
    let Files { today, jobs, files, findings } = files;
    let mut past: Vec<Finding> = findings.iter().filter(|f| f.rule == RuleId::PastObjective).cloned().collect();
    let ctx = crate::rules::Context { today, guide: &ws.guide };
    let _acknowledged = crate::rules::settle(&mut past, files.iter().filter_map(|f| f.engagement.as_ref()), &ctx);
    past.retain(|f| f.rule == RuleId::PastObjective);
    let models = Outcome { files, findings: past, acknowledged: Vec::new() };
    let since = crate::history::since_workspace(ws, &models, rev, today, true);
    Ok((Files { today, jobs, files: models.files, findings }, Some(since?)))
}

fn guide(global: &Global, args: &GuideOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    let width = style(global, io).width;
    let Some(name) = &args.field else {
        render::guide::whole(io.out, &ws.guide, width)?;
        return Ok(Exit::Success);
    };
    // `review` (or `reviews`) is the whole of the session file's part of the guide; its
    // fields are `review.FIELD`, apart from the engagement's.
    if matches!(name.trim().trim_end_matches(':'), "review" | "reviews") {
        render::guide::reviews(io.out, &ws.guide, width)?;
        return Ok(Exit::Success);
    }
    let mut paths = render::guide::field_paths();
    paths.extend(render::guide::review_paths());
    match render::guide::find(name, &ws.guide, &paths) {
        Some(topic) => {
            render::guide::topic(io.out, topic, &ws.guide, width)?;
            Ok(Exit::Success)
        }
        None => {
            let mut known: Vec<&str> = paths.iter().map(|(p, _)| p.as_str()).collect();
            known.push("review");
            for section in crate::format::Section::ALL {
                known.extend(ws.guide.measures(section).iter().map(|m| m.key.as_str()));
            }
            let help = suggest::closest(name, known.iter().copied()).map(|c| format!("did you mean `{c}`?"));
            Err(Error::usage(
                format!("`{name}` is not a field or measure of the field guide"),
                Some(help.as_deref().unwrap_or("run `acctsum guide` to see every field")),
            ))
        }
    }
}

fn schema(global: &Global, args: &SchemaOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let text = if args.config {
        schema::config_schema_text()
    } else {
        let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
        if args.review { schema::review_schema_text(&ws.guide) } else { schema::engagement_schema_text(&ws.guide) }
    };
    match &args.output {
        Some(path) => write_atomic(&cwd.join(path), text.as_bytes(), true)?,
        None => render::document(io.out, text.as_bytes())?,
    }
    Ok(Exit::Success)
}

fn new(global: &Global, args: &NewOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    // The names in use, read once for the client's spelling and Relationship Lead (before
    // any question, so no lock is held while someone types) and again under the lock.
    let names_in_use = || match ws.sources(&[], cwd) {
        Ok(sources) => Ok(engine::names(&ws.guide, &sources, engine::default_jobs())),
        Err(Error::NoFiles { .. }) => Ok(Vec::new()),
        Err(e) => Err(e),
    };
    let known = names_in_use()?;
    let engagements: Vec<&crate::model::Engagement> = known.iter().filter_map(|f| f.engagement.as_ref()).collect();
    let (answers, respelt) = crate::new::answers(args, &ws.guide, io.interactive, &engagements)?;
    let path = match &args.output {
        Some(out) => absolute(&cwd.join(out)),
        None => crate::new::path(&ws, &answers)?,
    };
    let shown = ws.display(&path, &args.output.as_ref().map_or_else(String::new, |o| o.display().to_string()));
    crate::output::refuse_link(&path)?;
    // From reading the names in use to writing the file, no other `new` in this workspace
    // runs: two with the same name cannot both find it free.
    let (lock, broken) = crate::new::lock(&ws.root)?;
    if let Some(holder) = broken.filter(|_| !global.quiet) {
        render::notes::lock_broken(io.err, crate::new::LOCK_FILE, &holder)?;
    }
    let key = crate::name_key::name_key;
    // The names already in use, and what the target file holds if it exists.
    let existing = names_in_use()?;
    if path.exists() {
        let holds =
            existing.iter().find(|f| f.source.path == path).and_then(|f| f.engagement.as_ref()?.engagement.str());
        return Err(match holds {
            Some(other) if key(other) != key(&answers.name) => Error::usage(
                format!(
                    "{shown} already exists and holds the engagement \"{other}\"; \"{}\" would get the same file name",
                    answers.name
                ),
                Some(
                    "choose a name that differs in more than case, accents or punctuation, or give the file's path with -o FILE",
                ),
            ),
            _ => Error::Exists { path: shown.to_string() },
        });
    }
    if let Some(twin) = existing
        .iter()
        .find(|f| f.engagement.as_ref().and_then(|e| e.engagement.str()).is_some_and(|n| key(n) == key(&answers.name)))
    {
        return Err(Error::usage(
            format!("an engagement named \"{}\" already exists: {}", answers.name.trim(), twin.source.display),
            Some("edit that file, or choose another name"),
        ));
    }
    let folder = path.parent().map_or_else(|| ws.root.clone(), Path::to_path_buf);
    let modeline = ws_paths::relative(&folder, &ws.root.join(schema::SCHEMA_PATH));
    let text = scaffold::engagement(&answers, &ws.guide, today(global), &modeline);
    write_atomic(&path, text.as_bytes(), false)?;
    drop(lock);
    render::notes::created(io.out, &shown)?;
    if !global.quiet {
        if let Some(respelt) = &respelt {
            render::notes::client_respelt(io.err, &respelt.given, &respelt.used, &respelt.files)?;
        }
        if let Some(lead) = &answers.relationship_lead {
            render::notes::relationship_filled(io.err, lead, &answers.client)?;
        }
        let rel = ws_paths::slashed(path.strip_prefix(&ws.root).unwrap_or(&path));
        if !ws_paths::glob_matches(&ws.globs(), &rel) {
            render::notes::outside_globs(io.err, &shown, &ws.globs())?;
        }
        render::notes::next_fill_in(io.err, &shown)?;
    }
    Ok(Exit::Success)
}

fn init(global: &Global, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let root = absolute(&global.workspace.as_ref().map_or_else(|| cwd.to_path_buf(), |d| cwd.join(d)));
    let guide = crate::guide::Guide::default();
    let config = scaffold::config(&guide);
    let schema_text = schema::engagement_schema_text(&guide);
    let review_schema_text = schema::review_schema_text(&guide);
    let mut files: Vec<(&str, &[u8])> = vec![
        (crate::guide::CONFIG_FILE, config.as_bytes()),
        (schema::SCHEMA_PATH, schema_text.as_bytes()),
        (schema::REVIEW_SCHEMA_PATH, review_schema_text.as_bytes()),
    ];
    // Git keeps no empty folders: an empty (or new) engagements or reviews folder gets a
    // placeholder, hidden from `check`. A folder that holds files already is kept as it is.
    let folder = |glob: &str| ws_paths::slashed(&ws_paths::literal_prefix(glob));
    let (engagements, reviews) = (folder(crate::guide::DEFAULT_GLOB), folder(crate::guide::DEFAULT_REVIEWS_GLOB));
    let gitkeeps = [format!("{engagements}/.gitkeep"), format!("{reviews}/.gitkeep")];
    for (dir, gitkeep) in [&engagements, &reviews].into_iter().zip(&gitkeeps) {
        if std::fs::read_dir(root.join(dir)).map_or(true, |mut d| d.next().is_none()) {
            files.push((gitkeep, b""));
        }
    }
    // Plan every write and check every target first: init writes all of it or nothing.
    let paths: Vec<&str> = files.iter().map(|(path, _)| *path).collect();
    let conflicts = crate::output::conflicts(&root, &paths);
    if !conflicts.is_empty() {
        return Err(Error::usage(
            format!("acctsum init wrote nothing in {}: {}", root.display(), conflicts.join("; ")),
            Some(
                "acctsum never overwrites a file; move these out of the way, or start the workspace in another folder (-C DIR)",
            ),
        ));
    }
    crate::output::create_all(&root, &files)?;
    render::notes::workspace_created(
        io.out,
        &[&engagements, &reviews],
        &[schema::SCHEMA_PATH, schema::REVIEW_SCHEMA_PATH],
        &root,
    )?;
    if !global.quiet {
        render::notes::next_regions(io.err)?;
    }
    Ok(Exit::Success)
}

fn leads(global: &Global, args: &LeadsOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    let sources = ws.sources(&[], cwd)?;
    let files = engine::names(&ws.guide, &sources, engine::default_jobs());
    let engagements: Vec<&crate::model::Engagement> = files.iter().filter_map(|f| f.engagement.as_ref()).collect();
    let who = crate::new::given(args.name.as_deref());
    let rows = crate::view::leads::rows(&engagements, who.as_deref());
    match args.format {
        LeadsFormat::Table if rows.is_empty() => render::notes::no_engagement(io.err, who.as_deref())?,
        LeadsFormat::Table => {
            let style = style(global, io);
            render::leads::table(io.out, &rows, style)?;
        }
        LeadsFormat::Json => render::leads::json(io.out, &rows)?,
    }
    let unread: Vec<&str> = files.iter().filter(|f| f.engagement.is_none()).map(|f| &*f.source.display).collect();
    if !global.quiet {
        render::notes::not_listed(io.err, &unread)?;
    }
    Ok(Exit::Success)
}

fn report(global: &Global, args: &ReportOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    let mut regions = Vec::with_capacity(args.regions.len());
    for region in &args.regions {
        regions.push(crate::new::configured_region(region.trim(), &ws.guide)?);
    }
    let audience = ws.guide.audience(args.audience.as_deref())?;
    let filters = crate::report::Filters {
        regions,
        client: crate::new::given(args.client.as_deref()),
        lead: crate::new::given(args.lead.as_deref()),
    };
    let sources = ws.sources(&[], cwd)?;
    let today = today(global);
    let (sessions, mut session_findings) = review::sessions(&ws);
    let since_arg = review::since_arg(args.since.as_deref(), &sessions, &filters.regions, today)?;
    let mut files = engine::read(
        &ws.guide,
        &sources,
        Options { today, keep_excerpts: false, models: engine::Models::Whole, jobs: engine::default_jobs() },
    );
    files.findings.append(&mut session_findings);
    let (files, mut since) = since(&ws, files, since_arg.as_deref())?;
    let facts = WorkspaceFacts {
        schema: ws.schema_state(),
        base: since.as_ref().map(BaseFacts::of),
        reviews: sessions,
        engagement_names: None,
    };
    if let Some(since) = &mut since {
        // Digested; the bytes are not needed any more.
        since.base.clear();
    }
    let mut outcome = engine::finish(&ws.guide, files, &facts);
    let session_findings = review::take_review_findings(&mut outcome, &ws.guide);
    let request = crate::report::Request {
        guide: &ws.guide,
        today,
        filters: &filters,
        since: since.as_ref(),
        attention: args.attention,
        audience,
    };
    let report = crate::report::build(&outcome, request);
    let mut pack = crate::view::Pack::of(&report);
    if let [region] = filters.regions.as_slice() {
        let mask = crate::view::Mask::new(report.audience, report.guide);
        pack.last_review = crate::view::LastReview::of(&facts.reviews, region, today, &session_findings, mask);
    }
    let to_file = args.output.is_some();
    let text = match args.format {
        ReportFormat::Table => {
            let style = if to_file { Style::PLAIN } else { style(global, io) };
            let mut buffer = Vec::new();
            render::table::report(&mut buffer, &pack, style)?;
            String::from_utf8_lossy(&buffer).into_owned()
        }
        ReportFormat::Markdown => render::markdown::pack(&pack),
        ReportFormat::Json => render::json::report::render(&pack).map_err(std::io::Error::from)?,
        ReportFormat::Csv => {
            // CSV has no place for a sentence: when values are withheld, which audience it
            // was built for goes to standard error.
            if let (Some(audience), false, false) = (pack.audience, pack.withheld.is_empty(), global.quiet) {
                render::notes::built_for(io.err, audience, &pack.withheld)?;
            }
            render::csv::report(&pack)
        }
    };
    deliver(global, args.output.as_deref(), &text, cwd, io)?;
    Ok(Exit::Success)
}

/// Writes a finished document to `output` (atomically, said on stderr unless quiet), or
/// to standard output.
pub(crate) fn deliver(global: &Global, output: Option<&Path>, text: &str, cwd: &Path, io: &mut Io<'_>) -> Result<()> {
    match output {
        Some(path) => {
            write_atomic(&cwd.join(path), text.as_bytes(), true)?;
            if !global.quiet {
                render::notes::wrote(io.err, path)?;
            }
        }
        None => render::document(io.out, text.as_bytes())?,
    }
    Ok(())
}

fn history(global: &Global, args: &HistoryOptions, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(global.workspace.as_deref(), cwd)?;
    let audience = ws.guide.audience(args.audience.as_deref())?;
    let repo = crate::git::Repo::open(&ws.root)?;
    let target = crate::history::target(&ws, &args.target, cwd)?;
    let timeline = crate::history::timeline(&repo, &target.path, &target.shown, &ws.guide)?;
    if timeline.points.is_empty() {
        return Err(Error::usage(
            format!("{} has no history in git yet", target.shown),
            Some("commit it first; history reads the commits that touched the file"),
        ));
    }
    let view = crate::view::history::History::of(&timeline, &ws.guide, audience);
    let text = match args.format {
        HistoryFormat::Table => render::history::table(&view, style(global, io)),
        HistoryFormat::Markdown => render::history::markdown(&view),
        HistoryFormat::Json => render::history::json(&view).map_err(std::io::Error::from)?,
    };
    render::document(io.out, text.as_bytes())?;
    Ok(Exit::Success)
}
