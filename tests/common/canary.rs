//! The canary workspace: every field an audience can hide holds a marker of its own, so
//! that an output built for an audience that hides them can be searched for any of them.
//!
//! The fields are found by walking the format table (`format::ENGAGEMENT`, recursively,
//! with every measure of the default guide), so a field added to the format is covered
//! without a change here. Text holds `CANARY-…` markers; dates in hideable fields are
//! dates used nowhere else (listed in [`Canary::dates`]). The workspace is a git
//! repository with two commits, so that `--since` and `history` have something to say
//! about every field (items added, removed, re-dated, re-owned, completed, re-scored,
//! passed; leads handed over; scores moved), and it holds findings that quote hidden
//! values (an overdue action, a past objective, a low risk without mitigation, low scores
//! without notes, a relationship lead conflict, a status that does not tally).
//!
//! A review session of the region ([`SESSION`]) holds markers in its actions and decisions:
//! an audience that hides `actions` (or any field of it) and `review.decisions` sees none.
//!
//! `acctsum.yaml` declares three audiences: `sections` hides every top-level field that can
//! be hidden (the default), `fields` hides every field one by one (every section shown,
//! every value withheld), `leads` hides nothing. Both of the first two hide
//! `review.decisions`.

use acctsum::audience::IDENTITY;
use acctsum::format::{self, Field, Shape, key as k};
use acctsum::guide::Guide;

use super::GitRepo;

/// What every marker starts with: found in no output of an audience that hides them.
pub const MARK: &str = "CANARY";

/// The date of the base commit, and one to give to `--since` for it.
pub const BASE_DATE: &str = "2026-11-01";
/// A `--since` that picks the base commit.
pub const SINCE: &str = "2026-11-05";

/// The engagement file with every field filled, and the one with findings about hidden
/// values (low scores without notes, a low risk without mitigation, …).
pub const FULL: &str = "engagements/north/marker-works.yaml";
/// See [`FULL`].
pub const SPARSE: &str = "engagements/north/marker-sparse.yaml";

/// The region's review session, with markers in its actions and decisions.
pub const SESSION: &str = "reviews/north/2026-11-10.yaml";

/// The session's markers (its attendees and dates identify it, and are no markers), and its
/// actions' due dates: one ahead (in the calendar), one past (overdue).
const SESSION_MARKERS: [&str; 5] = [
    "CANARY-session-decision",
    "CANARY-session-action-open",
    "CANARY-session-owner-open",
    "CANARY-session-action-late",
    "CANARY-session-owner-late",
];
const SESSION_DATES: [&str; 2] = ["2032-06-15", "2023-07-07"];

fn session() -> String {
    let [decision, open, open_owner, late, late_owner] = SESSION_MARKERS;
    let [ahead, past] = SESSION_DATES;
    format!(
        "acctsum: 1
region: north
date: 2026-11-10
attendees: [Ann Example]
decisions:
  - \"{decision}\"
actions:
  - action: \"{open}\"
    owner: \"{open_owner}\"
    due: {ahead}
    engagement: Marker Works
  - action: \"{late}\"
    owner: \"{late_owner}\"
    due: {past}
next_review: 2026-12-01
"
    )
}

/// The canary workspace.
pub struct Canary {
    /// The repository (its folder is the workspace).
    pub repo: GitRepo,
    /// The text markers of the full file at the last commit: each field's, once.
    pub markers: Vec<String>,
    /// Every date written in a hideable field, at either commit.
    pub dates: Vec<String>,
    /// The text markers of the review session ([`SESSION`]).
    pub session_markers: Vec<String>,
}

/// The audiences, as `acctsum.yaml` declares them.
fn config() -> String {
    let sections: Vec<&str> =
        format::ENGAGEMENT.iter().map(|f| f.key).filter(|key| !IDENTITY.contains(key) && *key != k::ACCTSUM).collect();
    let mut fields = Vec::new();
    for field in format::ENGAGEMENT.iter().filter(|f| sections.contains(&f.key)) {
        leaves(field, field.key.to_owned(), &mut fields);
    }
    fields.push("review.decisions".to_owned());
    let quote = |list: &[String]| list.iter().map(|p| format!("\"{p}\"")).collect::<Vec<_>>().join(", ");
    let mut sections: Vec<String> = sections.iter().map(|s| (*s).to_owned()).collect();
    sections.push("review.decisions".to_owned());
    format!(
        "regions: [north]\naudiences:\n  sections:\n    hide: [{}]\n  fields:\n    hide: [{}]\n  leads:\n    hide: []\ndefault_audience: sections\n",
        quote(&sections),
        quote(&fields)
    )
}

/// Every field below `field` (at `path`) that holds a value, as a hide path.
fn leaves(field: &Field, path: String, out: &mut Vec<String>) {
    match field.shape {
        Shape::Record(inner) | Shape::List(inner) => {
            for f in inner {
                leaves(f, format!("{path}.{}", f.key), out);
            }
        }
        Shape::Measures(_) => {
            for f in format::MEASURE {
                out.push(format!("{path}.*.{}", f.key));
            }
        }
        _ => out.push(path),
    }
}

/// Writes one version (1: the base, 2: now) of the full file.
struct Writer<'g> {
    guide: &'g Guide,
    version: u32,
    markers: Vec<String>,
    dates: Vec<String>,
    n: u32,
}

impl Writer<'_> {
    /// A marker for the text at `path`; the first two items of a list keep their main text
    /// across versions (so that they pair, and their other fields' changes show).
    fn text(&mut self, path: &str) -> String {
        let slug: String = path.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
        let paired = [
            "actions-0-action",
            "actions-1-action",
            "risks-0-title",
            "risks-1-title",
            "objectives-0-title",
            "objectives-1-title",
        ];
        let marker = if paired.contains(&slug.as_str()) {
            format!("{MARK}-{slug}")
        } else {
            format!("{MARK}-{}-{slug}", self.version)
        };
        self.markers.push(marker.clone());
        marker
    }

    /// A date used nowhere else, in the past (or far ahead for the next service review).
    fn date(&mut self, path: &str) -> String {
        self.n += 1;
        let date = match path {
            "service_review.next" => format!("2031-0{}-1{}", self.version, self.n % 10),
            // Passed between the two commits: both versions have it. Not a round date: the
            // trend charts label their time axis every fifth day (11-05, 11-10, 11-15).
            "objectives.0.date" => "2026-11-13".to_owned(),
            _ => format!("2024-{:02}-{:02}", self.version * 2 + self.n / 28, 1 + self.n % 28),
        };
        self.dates.push(date.clone());
        date
    }

    fn score(&self, path: &str) -> i64 {
        let scale = self.guide.scale;
        if path.starts_with("account_status") || path.starts_with("strategy") || path.starts_with("risks") {
            // Every score moves between the versions; the last one is low.
            if self.version == 1 { scale.max - 1 } else { scale.min + 1 }
        } else {
            scale.max
        }
    }

    fn choice(&self, path: &str, words: &[&str]) -> String {
        let word = match path {
            "actions.1.status" if self.version == 2 => "done",
            p if p.starts_with("actions") => "open",
            _ => words[path.len() % words.len()],
        };
        word.to_owned()
    }

    /// The lines of a mapping with `fields` at `path` (`""`: the top level).
    fn record(&mut self, fields: &[Field], path: &str) -> Vec<String> {
        let mut lines = Vec::new();
        for field in fields {
            let path = if path.is_empty() { field.key.to_owned() } else { format!("{path}.{}", field.key) };
            let identity = IDENTITY.contains(&field.key) && !path.contains('.');
            match field.shape {
                Shape::Record(inner) => {
                    lines.push(format!("{}:", field.key));
                    lines.extend(self.record(inner, &path).into_iter().map(|l| format!("  {l}")));
                }
                Shape::List(inner) => {
                    lines.push(format!("{}:", field.key));
                    for i in 0..3 {
                        let item = self.record(inner, &format!("{path}.{i}"));
                        for (j, line) in item.into_iter().enumerate() {
                            lines.push(if j == 0 { format!("  - {line}") } else { format!("    {line}") });
                        }
                    }
                }
                Shape::Measures(section) => {
                    lines.push(format!("{}:", field.key));
                    for measure in self.guide.measures(section) {
                        lines.push(format!("  {}:", measure.key));
                        let inner = self.record(format::MEASURE, &format!("{path}.{}", measure.key));
                        lines.extend(inner.into_iter().map(|l| format!("    {l}")));
                    }
                }
                Shape::Names | Shape::TextList => {
                    lines.push(format!("{}:", field.key));
                    for i in 0..2 {
                        lines.push(format!("  - \"{}\"", self.text(&format!("{path}.{i}"))));
                    }
                }
                Shape::Version => lines.push(format!("{}: 1", field.key)),
                Shape::Region => lines.push(format!("{}: north", field.key)),
                _ if identity => lines.push(format!("{}: {}", field.key, self.identity(field))),
                Shape::Text => lines.push(format!("{}: \"{}\"", field.key, self.text(&path))),
                Shape::Date => lines.push(format!("{}: {}", field.key, self.date(&path))),
                Shape::Score => lines.push(format!("{}: {}", field.key, self.score(&path))),
                Shape::Choice(words) => lines.push(format!("{}: {}", field.key, self.choice(&path, words))),
            }
        }
        lines
    }

    /// The fields no audience can hide: nothing of them is a marker.
    fn identity(&self, field: &Field) -> String {
        match field.key {
            k::ENGAGEMENT => "Marker Works".to_owned(),
            k::CLIENT => "Marker Client".to_owned(),
            k::UPDATED => ["2026-10-30", "2026-11-18"][usize::from(self.version == 2)].to_owned(),
            k::STATUS => ["amber", "red"][usize::from(self.version == 2)].to_owned(),
            other => panic!("not an identifying field: {other}"),
        }
    }
}

/// The file with findings that quote hidden values, at `version`.
fn sparse(version: u32) -> String {
    format!(
        "acctsum: 1
engagement: Marker Sparse
client: Marker Client
region: north
leads:
  account: \"{MARK}-{version}-sparse-account\"
  relationship: \"{MARK}-{version}-sparse-relationship\"
updated: 2026-11-1{version}
status: green
headline: \"{MARK}-{version}-sparse-headline\"
next_steps: [\"{MARK}-{version}-sparse-step\"]
account_status:
  customer: {{score: 1}}
risks:
  - {{title: \"{MARK}-sparse-risk\", score: 1}}
objectives:
  - {{title: \"{MARK}-sparse-objective\", date: 2024-05-05, comfort: 1}}
"
    )
}

/// Builds the canary workspace: both files at the base commit ([`BASE_DATE`]) and now.
#[must_use]
pub fn canary() -> Canary {
    let guide = Guide::default();
    let repo = GitRepo::new(&config());
    let mut dates = vec!["2024-05-05".to_owned()];
    dates.extend(SESSION_DATES.map(str::to_owned));
    let mut markers = Vec::new();
    for (version, date) in [(1, BASE_DATE), (2, "2026-11-19")] {
        let mut w = Writer { guide: &guide, version, markers: Vec::new(), dates: Vec::new(), n: 0 };
        let text = w.record(format::ENGAGEMENT, "").join("\n") + "\n";
        repo.write(FULL, &text);
        repo.write(SPARSE, &sparse(version));
        repo.write(SESSION, &session());
        repo.commit(date, &format!("version {version}"));
        dates.extend(w.dates);
        markers = w.markers;
    }
    dates.sort();
    dates.dedup();
    Canary { repo, markers, dates, session_markers: SESSION_MARKERS.map(str::to_owned).to_vec() }
}

impl Canary {
    /// The first marker or hidden date that `text` holds, if any.
    #[must_use]
    pub fn leak<'t>(&self, text: &'t str) -> Option<&'t str> {
        if let Some(at) = text.find(MARK) {
            let end =
                text[at..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).map_or(text.len(), |e| at + e);
            return Some(&text[at..end]);
        }
        self.dates.iter().find_map(|d| text.find(d.as_str()).map(|at| &text[at..at + d.len()]))
    }
}
