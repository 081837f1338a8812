//! What a command is asked to do, as plain library types: `cli.rs` turns the command line
//! into an [`Invocation`], and `run.rs` carries it out. Nothing here knows about clap, so
//! the library can be driven without a command line.

use std::path::PathBuf;

use chrono::NaiveDate;

/// One run of acctsum: the global options and the command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invocation {
    /// Options every command takes.
    pub global: Global,
    /// What to do.
    pub command: Command,
}

/// Options every command takes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Global {
    /// The workspace root, when given (else found from the working folder).
    pub workspace: Option<PathBuf>,
    /// The date to work as of, when given (else the local clock's).
    pub today: Option<NaiveDate>,
    /// When to use colour.
    pub color: ColorChoice,
    /// Findings and results only: no summary lines or notes.
    pub quiet: bool,
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorChoice {
    /// When writing to a terminal and `NO_COLOR` is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// The commands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Check engagement files.
    Check(CheckOptions),
    /// Create a new engagement file.
    New(NewOptions),
    /// Start a workspace.
    Init,
    /// Summarise engagements for a review.
    Report(ReportOptions),
    /// One engagement's history in git.
    History(HistoryOptions),
    /// Who leads what.
    Leads(LeadsOptions),
    /// The field guide.
    Guide(GuideOptions),
    /// A rule's documentation, or the list of rules.
    Explain(ExplainOptions),
    /// The JSON Schema.
    Schema(SchemaOptions),
    /// The company-wide static website.
    Site(SiteOptions),
    /// Write these bytes to standard output as they are: a completion script or the
    /// manual page, which only the command line can describe.
    Print(Vec<u8>),
    /// Start the file of a region's review session.
    ReviewNew(ReviewNewOptions),
    /// The iCalendar file of what is coming.
    Calendar(CalendarOptions),
}

/// What `calendar` is asked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalendarOptions {
    /// Only these regions (any of them); empty: every region.
    pub regions: Vec<String>,
    /// For this audience (else `default_audience`).
    pub audience: Option<String>,
    /// Where to write, instead of standard output.
    pub output: Option<PathBuf>,
}

/// What `review new` is asked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewNewOptions {
    /// The region.
    pub region: String,
    /// The session's date (default: today).
    pub date: Option<chrono::NaiveDate>,
    /// Where to write, instead of `reviews/<region>/<date>.yaml`.
    pub output: Option<PathBuf>,
}

/// `check` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckFormat {
    /// Diagnostics with the source snippet, then a summary line.
    Human,
    /// One line per finding.
    Short,
    /// One JSON document.
    Json,
    /// GitHub Actions workflow commands.
    Github,
    /// SARIF 2.1.0.
    Sarif,
}

/// What `check` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckOptions {
    /// Files or folders to check instead of the workspace's engagement files.
    pub paths: Vec<PathBuf>,
    /// Output format.
    pub format: CheckFormat,
    /// Fail on warnings too.
    pub strict: bool,
    /// Also list the acknowledged findings (`human`, `short`, `github`; `json` and
    /// `sarif` always carry them).
    pub show_acknowledged: bool,
    /// A revision or date: show the findings about the files changed since then (and
    /// count the others), and warn when a file changed but `updated` did not.
    pub since: Option<String>,
    /// With `since`: show every finding, as without it (`updated-not-bumped` stays).
    pub all: bool,
    /// Threads to use (default: one per core).
    pub jobs: Option<usize>,
}

/// What `new` is asked; a value left out is asked for at a terminal.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewOptions {
    /// The engagement's name.
    pub name: Option<String>,
    /// The client.
    pub client: Option<String>,
    /// The region.
    pub region: Option<String>,
    /// The Account Lead.
    pub account_lead: Option<String>,
    /// The Tech Leads.
    pub tech_leads: Vec<String>,
    /// The Delivery Leads.
    pub delivery_leads: Vec<String>,
    /// Where to write, instead of the default path.
    pub output: Option<PathBuf>,
}

/// `report` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    /// A table for the terminal.
    Table,
    /// The review pack.
    Markdown,
    /// One JSON document.
    Json,
    /// The summary table as CSV.
    Csv,
}

/// What `report` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportOptions {
    /// Only these regions (any of them).
    pub regions: Vec<String>,
    /// Only engagements whose client's name contains this.
    pub client: Option<String>,
    /// Only engagements where someone whose name contains this has a lead role.
    pub lead: Option<String>,
    /// Output format.
    pub format: ReportFormat,
    /// Write to this file (atomically) instead of standard output.
    pub output: Option<PathBuf>,
    /// A revision or date: show what changed since then.
    pub since: Option<String>,
    /// Only the engagements that need attention: red, amber, stale, with findings, or
    /// changed since `since`.
    pub attention: bool,
    /// The audience to build the report for, instead of `default_audience`.
    pub audience: Option<String>,
}

/// `history` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryFormat {
    /// A table.
    Table,
    /// A table and mermaid charts.
    Markdown,
    /// One JSON document.
    Json,
}

/// What `history` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistoryOptions {
    /// An engagement file, or (part of) an engagement's name.
    pub target: String,
    /// Output format.
    pub format: HistoryFormat,
    /// The audience to build the history for, instead of `default_audience`.
    pub audience: Option<String>,
}

/// `leads` output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeadsFormat {
    /// A table.
    Table,
    /// One JSON document.
    Json,
}

/// What `leads` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeadsOptions {
    /// Only engagements where someone whose name contains this has a role.
    pub name: Option<String>,
    /// Output format.
    pub format: LeadsFormat,
}

/// What `guide` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideOptions {
    /// Only this field or measure.
    pub field: Option<String>,
}

/// How `explain` shows a rule's section of docs/rules.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExplainFormat {
    /// Plain text for a terminal.
    Text,
    /// The section as it is written, in markdown.
    Markdown,
}

/// What `explain` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExplainOptions {
    /// The rule id; `None` lists every rule.
    pub rule: Option<String>,
    /// How to show it.
    pub format: ExplainFormat,
}

/// What `schema` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemaOptions {
    /// The schema of `acctsum.yaml` instead of engagement files.
    pub config: bool,
    /// The schema of review session files instead of engagement files.
    pub review: bool,
    /// Write to this file (atomically) instead of standard output.
    pub output: Option<PathBuf>,
}

/// What `site` is asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteOptions {
    /// The folder to build the site in (replaced whole; refused when it holds anything
    /// `site` did not write).
    pub output: PathBuf,
    /// The audience to build for (else `default_audience`).
    pub audience: Option<String>,
    /// A revision or date: show what changed since then.
    pub since: Option<String>,
    /// Only these regions (any of them); empty means every region.
    pub regions: Vec<String>,
    /// How many weeks of history the trend charts show.
    pub trend_weeks: u32,
}
