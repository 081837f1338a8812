//! The command line: clap types only, and their conversion into the library's options
//! ([`Cli::invocation`]), which `run.rs` turns into work. No other module knows clap.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::options::{self, Invocation};

/// Check, summarise and report consulting Account Summaries kept as YAML files in git.
#[derive(Debug, Parser)]
#[command(name = "acctsum", version, about, long_about = None, propagate_version = true, max_term_width = 100)]
pub struct Cli {
    /// Use DIR as the workspace root (default: the nearest folder upwards holding acctsum.yaml).
    #[arg(short = 'C', long = "workspace", value_name = "DIR", global = true)]
    pub workspace: Option<PathBuf>,

    /// Check and report as of this date instead of the clock's.
    #[arg(long, value_name = "YYYY-MM-DD", env = "ACCTSUM_TODAY", global = true, value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// When to use colour (NO_COLOR is honoured under `auto`).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    /// Print findings and results only: no summary lines or notes.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check engagement files against the field guide (exit 1 on errors).
    Check(CheckArgs),
    /// Create a new engagement file with every section and measure, ready to fill in.
    New(NewArgs),
    /// Start a workspace: a commented acctsum.yaml, engagements/ and the JSON Schema.
    Init,
    /// Summarise engagements for a review: a table, a markdown review pack, JSON or CSV.
    Report(ReportArgs),
    /// How one engagement's status and scores moved over the commits that touched it.
    History(HistoryArgs),
    /// Who leads what: every engagement's leads, or the engagements of one person.
    Leads(LeadsArgs),
    /// Print the field guide: every field, its meaning and allowed values, and the measures.
    Guide(GuideArgs),
    /// Explain a rule: what it checks, why, how to fix what it reports, an example (no RULE: list every rule).
    Explain(ExplainArgs),
    /// Print the JSON Schema of engagement files for the active field guide.
    Schema(SchemaArgs),
    /// Build the company-wide static website: an overview, a page per engagement, region and client, people, the guide.
    Site(SiteArgs),
    /// Print a completion script for a shell.
    Completions(CompletionsArgs),
    /// Print the manual page (roff).
    Man,
    /// Review sessions: `review new` starts the file of a region's session.
    Review(ReviewArgs),
    /// An iCalendar file (RFC 5545) of what is coming: objectives, service reviews, due actions, review sessions.
    Calendar(CalendarArgs),
}

/// Arguments of `calendar`.
#[derive(Debug, Args)]
pub struct CalendarArgs {
    /// Only this region (repeat for several).
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,

    /// Build for this audience of acctsum.yaml (default: default_audience).
    #[arg(long, value_name = "NAME")]
    pub audience: Option<String>,

    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `review`.
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: ReviewCommand,
}

/// The `review` commands.
#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Start reviews/REGION/DATE.yaml: the agenda (engagements that need attention) and the previous session's open actions.
    New(ReviewNewArgs),
}

/// Arguments of `review new`.
#[derive(Debug, Args)]
pub struct ReviewNewArgs {
    /// The region (one of the configured regions).
    #[arg(long, value_name = "REGION")]
    pub region: String,

    /// The session's date, YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<NaiveDate>,

    /// Write to FILE instead of reviews/REGION/DATE.yaml.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// `check` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Diagnostics with the source snippet, then a summary line.
    Human,
    /// One line per finding: `path:line:col: severity[rule]: message`.
    Short,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check instead of the workspace's engagement files.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,

    /// Fail (exit 1) on warnings too.
    #[arg(long)]
    pub strict: bool,

    /// Also list the findings an acknowledgement covers (json and sarif always carry them).
    #[arg(long)]
    pub show_acknowledged: bool,

    /// Show the findings about the files changed since this commit (or date, YYYY-MM-DD), and warn when a changed file's `updated` did not move.
    #[arg(long, value_name = "REV|DATE")]
    pub since: Option<String>,

    /// With --since: show the findings in every file, and fail on any of them.
    #[arg(long)]
    pub all: bool,

    /// Check with this many threads (default: one per core; more than the cores are capped to them).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

/// Arguments of `new`. Missing required values are asked for at a terminal.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The engagement's name (the file is named after it).
    #[arg(value_name = "NAME")]
    pub name: Option<String>,

    /// The client.
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,

    /// The region (one of the configured regions).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// The Account Lead.
    #[arg(long, value_name = "PERSON")]
    pub account_lead: Option<String>,

    /// A Tech Lead (repeat for several).
    #[arg(long, value_name = "PERSON")]
    pub tech_lead: Vec<String>,

    /// A Delivery Lead (repeat for several).
    #[arg(long, value_name = "PERSON")]
    pub delivery_lead: Vec<String>,

    /// Write to FILE instead of engagements/REGION/NAME.yaml.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// `report` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A table for the terminal.
    Table,
    /// The review pack: overview, summary, what needs attention, a heat map, every engagement.
    Markdown,
    /// One JSON document.
    Json,
    /// The summary table as CSV (RFC 4180).
    Csv,
}

/// Arguments of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Only this region (repeat for several).
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,

    /// Only engagements whose client's name contains CLIENT; adds the client's roll-up to the pack.
    #[arg(long, value_name = "CLIENT")]
    pub client: Option<String>,

    /// Only engagements where someone whose name contains PERSON has a lead role.
    #[arg(long, value_name = "PERSON")]
    pub lead: Option<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// Write to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Show what changed since this commit (or date, YYYY-MM-DD: the last commit on or before it).
    #[arg(long, value_name = "REV|DATE")]
    pub since: Option<String>,

    /// Only engagements that need attention: red, amber, stale, with findings, or changed since --since.
    #[arg(long)]
    pub attention: bool,

    /// Build the report for this audience of acctsum.yaml (default: its default_audience): what it may not see is withheld.
    #[arg(long, value_name = "NAME")]
    pub audience: Option<String>,
}

/// `history` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum HistoryFormat {
    /// A table.
    Table,
    /// A table and charts GitHub renders (mermaid).
    Markdown,
    /// One JSON document.
    Json,
}

/// Arguments of `history`.
#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// An engagement file, or (part of) an engagement's name.
    #[arg(value_name = "FILE|ENGAGEMENT")]
    pub target: String,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = HistoryFormat::Table)]
    pub format: HistoryFormat,

    /// Build the history for this audience of acctsum.yaml (default: its default_audience): what it may not see is withheld.
    #[arg(long, value_name = "NAME")]
    pub audience: Option<String>,
}

/// `leads` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LeadsFormat {
    /// A table.
    Table,
    /// One JSON document.
    Json,
}

/// Arguments of `leads`.
#[derive(Debug, Args)]
pub struct LeadsArgs {
    /// Show only engagements where someone whose name contains NAME (any case) has a role.
    #[arg(value_name = "NAME")]
    pub name: Option<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = LeadsFormat::Table)]
    pub format: LeadsFormat,
}

/// Arguments of `guide`.
#[derive(Debug, Args)]
pub struct GuideArgs {
    /// Show only this field (`status`, `leads.tech`, `account_status`, a measure key, ...).
    #[arg(value_name = "FIELD")]
    pub field: Option<String>,
}

/// `explain` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    /// Plain text for a terminal.
    Text,
    /// The section of docs/rules.md as it is written.
    Markdown,
}

/// Arguments of `explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The rule's id, as findings show it (`stale`, `missing-field`, ...).
    #[arg(value_name = "RULE")]
    pub rule: Option<String>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

/// Arguments of `schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of acctsum.yaml instead of engagement files.
    #[arg(long, conflicts_with = "review")]
    pub config: bool,

    /// The schema of review session files (reviews/REGION/DATE.yaml) instead of engagement files.
    #[arg(long)]
    pub review: bool,

    /// Write the schema to FILE (atomically) instead of printing it.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// Build the site in DIR: built beside it and swapped in whole; a DIR that holds files `acctsum site` did not write is refused.
    #[arg(short, long, value_name = "DIR")]
    pub output: PathBuf,

    /// Build for this audience of acctsum.yaml (default: default_audience; with no audiences, nothing is hidden).
    #[arg(long, value_name = "NAME")]
    pub audience: Option<String>,

    /// Show what changed since this commit (or date, YYYY-MM-DD: the last commit on or before it).
    #[arg(long, value_name = "REV|DATE")]
    pub since: Option<String>,

    /// Only this region (repeat for several).
    #[arg(long, value_name = "REGION")]
    pub region: Vec<String>,

    /// How many weeks of history the trend charts show.
    #[arg(long, value_name = "N", default_value_t = crate::history::DEFAULT_TREND_WEEKS, value_parser = clap::value_parser!(u32).range(1..=5200))]
    pub trend_weeks: u32,
}

impl Cli {
    /// What this command line asks for, as the library's options.
    #[must_use]
    pub fn invocation(&self) -> Invocation {
        let global = options::Global {
            workspace: self.workspace.clone(),
            today: self.today,
            color: match self.color {
                ColorChoice::Auto => options::ColorChoice::Auto,
                ColorChoice::Always => options::ColorChoice::Always,
                ColorChoice::Never => options::ColorChoice::Never,
            },
            quiet: self.quiet,
        };
        Invocation { global, command: self.command.options() }
    }
}

impl Command {
    fn options(&self) -> options::Command {
        use options::Command as O;
        match self {
            Self::Check(a) => O::Check(options::CheckOptions {
                paths: a.paths.clone(),
                format: a.format.into(),
                strict: a.strict,
                show_acknowledged: a.show_acknowledged,
                since: a.since.clone(),
                all: a.all,
                jobs: a.jobs.map(usize::from),
            }),
            Self::New(a) => O::New(options::NewOptions {
                name: a.name.clone(),
                client: a.client.clone(),
                region: a.region.clone(),
                account_lead: a.account_lead.clone(),
                tech_leads: a.tech_lead.clone(),
                delivery_leads: a.delivery_lead.clone(),
                output: a.output.clone(),
            }),
            Self::Init => O::Init,
            Self::Report(a) => O::Report(options::ReportOptions {
                regions: a.region.clone(),
                client: a.client.clone(),
                lead: a.lead.clone(),
                format: a.format.into(),
                output: a.output.clone(),
                since: a.since.clone(),
                attention: a.attention,
                audience: a.audience.clone(),
            }),
            Self::History(a) => O::History(options::HistoryOptions {
                target: a.target.clone(),
                format: a.format.into(),
                audience: a.audience.clone(),
            }),
            Self::Leads(a) => O::Leads(options::LeadsOptions { name: a.name.clone(), format: a.format.into() }),
            Self::Guide(a) => O::Guide(options::GuideOptions { field: a.field.clone() }),
            Self::Explain(a) => O::Explain(options::ExplainOptions {
                rule: a.rule.clone(),
                format: match a.format {
                    ExplainFormat::Text => options::ExplainFormat::Text,
                    ExplainFormat::Markdown => options::ExplainFormat::Markdown,
                },
            }),
            Self::Schema(a) => {
                O::Schema(options::SchemaOptions { config: a.config, review: a.review, output: a.output.clone() })
            }
            Self::Site(a) => O::Site(options::SiteOptions {
                output: a.output.clone(),
                audience: a.audience.clone(),
                since: a.since.clone(),
                regions: a.region.clone(),
                trend_weeks: a.trend_weeks,
            }),
            Self::Completions(a) => O::Print(completions(a.shell)),
            Self::Man => O::Print(man()),
            Self::Calendar(a) => O::Calendar(options::CalendarOptions {
                regions: a.region.clone(),
                audience: a.audience.clone(),
                output: a.output.clone(),
            }),
            Self::Review(ReviewArgs { command: ReviewCommand::New(a) }) => O::ReviewNew(options::ReviewNewOptions {
                region: a.region.clone(),
                date: a.date,
                output: a.output.clone(),
            }),
        }
    }
}

impl From<CheckFormat> for options::CheckFormat {
    fn from(f: CheckFormat) -> Self {
        match f {
            CheckFormat::Human => Self::Human,
            CheckFormat::Short => Self::Short,
            CheckFormat::Json => Self::Json,
            CheckFormat::Github => Self::Github,
            CheckFormat::Sarif => Self::Sarif,
        }
    }
}

impl From<ReportFormat> for options::ReportFormat {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Table => Self::Table,
            ReportFormat::Markdown => Self::Markdown,
            ReportFormat::Json => Self::Json,
            ReportFormat::Csv => Self::Csv,
        }
    }
}

impl From<HistoryFormat> for options::HistoryFormat {
    fn from(f: HistoryFormat) -> Self {
        match f {
            HistoryFormat::Table => Self::Table,
            HistoryFormat::Markdown => Self::Markdown,
            HistoryFormat::Json => Self::Json,
        }
    }
}

impl From<LeadsFormat> for options::LeadsFormat {
    fn from(f: LeadsFormat) -> Self {
        match f {
            LeadsFormat::Table => Self::Table,
            LeadsFormat::Json => Self::Json,
        }
    }
}

/// The process's command line as an invocation (on bad arguments, clap prints the
/// problem and exits, as a command line does).
#[must_use]
pub fn parse() -> Invocation {
    Cli::parse().invocation()
}

/// The completion script for `shell`.
#[must_use]
pub fn completions(shell: clap_complete::Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "acctsum", &mut script);
    script
}

/// The manual page (roff): the sections clap_mangen draws from the command line, then
/// EXIT STATUS and FILES.
#[must_use]
pub fn man() -> Vec<u8> {
    let mut page = Vec::new();
    // Writing to memory cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut page);
    let _ = crate::render::man::extra_sections(&mut page);
    page
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::validate::parse_date(s.trim()).ok_or_else(|| format!("`{s}` is not a real date in the form YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }
}
