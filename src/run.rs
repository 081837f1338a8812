//! One function per command: options → workspace → findings or model → renderer.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

use chrono::NaiveDate;

use crate::cli::{CheckArgs, CheckFormat, Cli, ColorChoice, Command, GuideArgs, SchemaArgs};
use crate::engine::{self, Options};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::finding::{Severity, Tally};
use crate::output::write_atomic;
use crate::render::{self, Style};
use crate::schema;
use crate::suggest;
use crate::workspace::Workspace;

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
}

/// Runs a parsed command line; fatal errors are rendered to `io.err` and give exit 2.
pub fn main(cli: &Cli, cwd: &Path, io: &mut Io<'_>) -> Exit {
    match run(cli, cwd, io) {
        Ok(exit) => exit,
        Err(Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success,
        Err(error) => {
            let style =
                Style { color: color(cli.color, std::io::stderr().is_terminal()), width: io.width.unwrap_or(100) };
            // Nothing more can be done if standard error itself cannot be written.
            let _ = report_error(io.err, &error, style);
            Exit::Failure
        }
    }
}

fn report_error(err: &mut dyn Write, error: &Error, style: Style) -> std::io::Result<()> {
    if let Error::Config { path, text, findings } = error {
        let texts = HashMap::from([(path.as_str(), text.as_str())]);
        render::human::findings(err, findings, &texts, style)?;
    }
    render::human::diagnostic(err, error, style)
}

/// Runs a parsed command line.
///
/// # Errors
/// When the command cannot do its job.
pub fn run(cli: &Cli, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    match &cli.command {
        Command::Check(args) => check(cli, args, cwd, io),
        Command::Guide(args) => guide(cli, args, cwd, io),
        Command::Schema(args) => schema(cli, args, cwd, io),
    }
}

/// Today's date: `--today`, `ACCTSUM_TODAY`, or the local clock.
fn today(cli: &Cli) -> NaiveDate {
    cli.today.unwrap_or_else(|| chrono::Local::now().date_naive())
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

fn style(cli: &Cli, io: &Io<'_>) -> Style {
    Style { color: color(cli.color, io.out_terminal), width: io.width.unwrap_or(100).clamp(40, 200) }
}

fn check(cli: &Cli, args: &CheckArgs, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(cli.workspace.as_deref(), cwd)?;
    let sources = ws.sources(&args.paths, cwd)?;
    let options = Options {
        today: today(cli),
        keep_text: args.format == CheckFormat::Human,
        jobs: args.jobs.map_or_else(engine::default_jobs, usize::from),
    };
    let mut outcome = engine::check(&ws.guide, &sources, options)?;
    if let Some(mut stale_schema) = crate::rules::schema_outdated::check(&ws.root, &ws.guide) {
        if let Some(severity) = ws.guide.severity(stale_schema.rule) {
            stale_schema.severity = severity;
            outcome.findings.push(stale_schema);
            outcome.findings.sort_by(crate::finding::Finding::order);
        }
    }
    let tally = Tally::of(outcome.files.len(), &outcome.findings);
    let style = style(cli, io);
    let out = &mut *io.out;
    match args.format {
        CheckFormat::Human => {
            let texts: HashMap<&str, &str> =
                outcome.files.iter().filter_map(|f| Some((&*f.source.display, f.text.as_deref()?))).collect();
            render::human::findings(out, &outcome.findings, &texts, style)?;
            if !cli.quiet {
                render::human::summary(io.out, tally)?;
            }
        }
        CheckFormat::Short => render::short::findings(out, &outcome.findings)?,
        CheckFormat::Json => render::json::findings(out, &outcome.findings, tally)?,
        CheckFormat::Github => render::github::findings(out, &outcome.findings, tally, cli.quiet)?,
    }
    io.out.flush()?;
    let failing = outcome.findings.iter().any(|f| f.severity == Severity::Error || args.strict);
    Ok(if failing { Exit::Findings } else { Exit::Success })
}

fn guide(cli: &Cli, args: &GuideArgs, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(cli.workspace.as_deref(), cwd)?;
    let width = style(cli, io).width;
    let Some(name) = &args.field else {
        render::guide::whole(io.out, &ws.guide, width)?;
        return Ok(Exit::Success);
    };
    let paths = render::guide::field_paths();
    match render::guide::find(name, &ws.guide, &paths) {
        Some(topic) => {
            render::guide::topic(io.out, topic, &ws.guide, width)?;
            Ok(Exit::Success)
        }
        None => {
            let mut known: Vec<&str> = paths.iter().map(|(p, _)| p.as_str()).collect();
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

fn schema(cli: &Cli, args: &SchemaArgs, cwd: &Path, io: &mut Io<'_>) -> Result<Exit> {
    let ws = Workspace::discover(cli.workspace.as_deref(), cwd)?;
    let text = schema::engagement_schema_text(&ws.guide);
    match &args.output {
        Some(path) => write_atomic(&cwd.join(path), text.as_bytes(), true)?,
        None => io.out.write_all(text.as_bytes())?,
    }
    Ok(Exit::Success)
}
