//! Generates a workspace of realistic engagement files for benchmarks and tests.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --count 10000 --out DIR [--history N] [--seed S] [--defects PCT]
//! ```
//!
//! Files vary the way real ones do: block and flow style, comments, tech leads as a name
//! or a list, non-ASCII names, multi-line notes. `--defects` plants a share of files with
//! one problem each (a typo'd key, a bad date, a score off the scale, a missing field, a
//! low score without notes, a syntax error, ...). `--history N` makes DIR a git repository
//! whose N dated commits (one a day, through one `git fast-import`) edit a fiftieth of the
//! files each — statuses, scores, `updated`.
#![allow(clippy::print_stdout, clippy::print_stderr, missing_docs)]

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// SplitMix64: small, fast, and the same sequence for the same seed on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Jane",
    "Raj",
    "Li",
    "Tom",
    "Sam",
    "Priya",
    "Zoë",
    "Siobhán",
    "José",
    "Łukasz",
    "Aisha",
    "Oluwaseun",
    "Fiona",
    "Mateusz",
    "Hannah",
    "Gareth",
    "Ewan",
    "Kirsty",
    "Anjali",
    "Marcus",
    "Helen",
    "Sofía",
    "Jonas",
    "Fatima",
    "Dmitri",
    "Eilidh",
];
const LAST: &[&str] = &[
    "Smith",
    "Patel",
    "Wei",
    "Jones",
    "Lee",
    "Shah",
    "Hart",
    "Kearney",
    "Ferreira",
    "Nowak",
    "Siddiqui",
    "Adeyemi",
    "MacLeod",
    "Wiśniewski",
    "Brierley",
    "Illingworth",
    "Mackintosh",
    "Drummond",
    "Deshmukh",
    "Bell",
    "Okafor",
    "García",
    "Bergström",
    "Benali",
    "Volkov",
    "Buchanan",
];
const CLIENT_A: &[&str] = &[
    "Acme",
    "Northern",
    "Pennine",
    "Harbour",
    "Solent",
    "Wessex",
    "Caledonian",
    "Lothian",
    "Tynebridge",
    "Glenmorven",
    "Strathallan",
    "Severn",
    "Mercia",
    "Cambrian",
    "Thames",
    "Humber",
    "Chiltern",
    "Cotswold",
    "Fenland",
    "Dales",
];
const CLIENT_B: &[&str] = &[
    "Bank",
    "Building Society",
    "Freight",
    "Water",
    "Energy",
    "Health NHS Trust",
    "Council",
    "Media Group",
    "Retail",
    "Insurance",
    "Logistics",
    "Rail",
    "Distillers",
    "University",
    "Housing",
];
const WORK: &[&str] = &[
    "Payments Platform",
    "Data Platform",
    "Mobile App",
    "Customer Portal",
    "Route Planning",
    "Asset Data",
    "Open Banking APIs",
    "Smart Meter Data",
    "Patient Flow",
    "Streaming Platform",
    "Loyalty App",
    "Store Operations",
    "Customs Declarations",
    "Claims Automation",
    "Pricing Engine",
    "Identity Service",
    "Digital Front Door",
    "Field Workforce App",
    "Data Mesh",
];
const REGIONS: &[&str] = &["north", "south", "scotland", "wales", "midlands"];
const VERBS: &[&str] = &["Agree", "Review", "Ship", "Plan", "Book", "Draft", "Chase", "Close", "Run", "Present"];
const THINGS: &[&str] = &[
    "the Q1 roadmap",
    "the rate card",
    "the data mapping",
    "the release plan",
    "a service review",
    "the security audit",
    "the succession plan",
    "the architecture decision",
    "the discovery findings",
    "the handover plan",
];
const NOTES: &[&str] = &[
    "Sponsor happy with pace and the quality of the last release",
    "Two rotations pending in January; successors identified and pairing",
    "Margin 18% against a 25% target after the rate review",
    "MSA and SOW signed and filed; data mapping closed within 30 days",
    "Team stretched by weekend support during the cutover",
    "Strong relationship with the CTO; little access to the CFO",
    "Pipeline beyond Q1 is thin; discovery proposal in draft",
    "Delivery quality review scored well; test automation improving",
];
const MEASURES: &[(&str, &[&str])] = &[
    ("account_status", &["customer", "team", "delivery", "commercial", "governance", "capability"]),
    ("strategy", &["relationships", "alignment", "growth", "value_add", "exit_plan"]),
];

fn person(rng: &mut Rng) -> String {
    format!("{} {}", rng.pick(FIRST), rng.pick(LAST))
}

fn date(day: i64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap_or_default();
    (base + chrono::Duration::days(day)).to_string()
}

/// One engagement file. `day` is the day (from 2025-01-01) it was last updated.
#[allow(clippy::too_many_lines)]
fn engagement(rng: &mut Rng, i: usize, day: i64, defect: Option<usize>) -> (String, String) {
    let region = REGIONS[i % REGIONS.len()];
    let (a, b) = ((i / 7) % CLIENT_A.len(), (i / 3) % CLIENT_B.len());
    let client = format!("{} {}", CLIENT_A[a], CLIENT_B[b]);
    // One Relationship Lead per client, as the role requires.
    let relationship = format!("{} {}", FIRST[(a * 3 + b) % FIRST.len()], LAST[(a + b * 7) % LAST.len()]);
    let name = format!("{} {} {i:05}", client.split(' ').next().unwrap_or("X"), rng.pick(WORK));
    let flow = rng.chance(50);
    let status = ["green", "amber", "amber", "red"][rng.below(4)];
    let mut t = String::with_capacity(4500);
    let _ = writeln!(t, "# yaml-language-server: $schema=../../schema/engagement.schema.json");
    let _ = writeln!(t, "acctsum: 1\nengagement: {name}\nclient: {client}\nregion: {region}\nleads:");
    let _ = writeln!(t, "  account: {}", person(rng));
    if rng.chance(50) {
        let _ = writeln!(t, "  tech: [{}, {}]", person(rng), person(rng));
    } else {
        let _ = writeln!(t, "  tech: {}", person(rng));
    }
    let _ = writeln!(t, "  delivery: {}", person(rng));
    let _ = writeln!(t, "  relationship: {relationship}");
    if rng.chance(40) {
        let _ = writeln!(t, "  client_practice: {}", person(rng));
    }
    let _ = writeln!(t, "updated: {}  # reviewed with the team", date(day));
    let _ = writeln!(t, "status: {status}");
    let _ = writeln!(
        t,
        "headline: >-\n  {} is {} after {}; {}.",
        rng.pick(WORK),
        ["on track", "behind plan", "ahead of plan"][rng.below(3)],
        rng.pick(THINGS),
        rng.pick(NOTES).to_lowercase()
    );
    t.push_str("next_steps:\n");
    for _ in 0..2 + rng.below(3) {
        let _ = writeln!(t, "  - {} {} with {}", rng.pick(VERBS), rng.pick(THINGS), person(rng));
    }
    let _ = writeln!(
        t,
        "service_review:\n  last: {}\n  next: {}",
        date(day - i64::try_from(rng.below(15)).unwrap_or(0)),
        date(day + 20)
    );
    t.push_str("actions:\n");
    for _ in 0..3 + rng.below(4) {
        let due = day + if rng.chance(10) { -3 } else { 21 + i64::try_from(rng.below(40)).unwrap_or(0) };
        let state = ["open", "open", "done", "blocked"][rng.below(4)];
        let _ = writeln!(
            t,
            "  - action: {} {}\n    owner: {}\n    due: {}\n    status: {state}",
            rng.pick(VERBS),
            rng.pick(THINGS),
            person(rng),
            date(due)
        );
    }
    t.push_str("# The most important risks first.\nrisks:\n");
    for _ in 0..2 + rng.below(4) {
        let score = 2 + rng.below(4);
        let kind = if rng.chance(30) { "issue" } else { "risk" };
        let _ = writeln!(
            t,
            "  - title: {} may slip {}\n    type: {kind}\n    score: {score}\n    mitigation: {}\n    owner: {}",
            rng.pick(THINGS),
            rng.pick(THINGS),
            rng.pick(NOTES),
            person(rng)
        );
    }
    for (section, keys) in MEASURES {
        let _ = writeln!(t, "{section}:");
        for key in *keys {
            let score = 2 + rng.below(4);
            let notes = rng.pick(NOTES);
            let action =
                if score <= 2 { format!(", action: {} {}", rng.pick(VERBS), rng.pick(THINGS)) } else { String::new() };
            if flow {
                let _ = writeln!(t, "  {key}: {{score: {score}, notes: {notes}{action}}}");
            } else {
                let _ = writeln!(
                    t,
                    "  {key}:\n    score: {score}\n    notes: |\n      {notes}.\n      Discussed at the last review."
                );
                if let Some(a) = action.strip_prefix(", action: ") {
                    let _ = writeln!(t, "    action: {a}");
                }
            }
        }
    }
    t.push_str("objectives:\n");
    for _ in 0..1 + rng.below(3) {
        let _ = writeln!(
            t,
            "  - title: {} {}\n    date: {}\n    comfort: {}\n    notes: {}",
            rng.pick(VERBS),
            rng.pick(THINGS),
            date(day + 30 + i64::try_from(rng.below(90)).unwrap_or(0)),
            3 + rng.below(3),
            rng.pick(NOTES)
        );
    }
    t.push_str("stakeholders:\n");
    for role in ["CTO", "Product owner", "Head of delivery"] {
        let _ = writeln!(t, "  - {{name: {}, role: {role}, side: client}}", person(rng));
    }
    let _ = writeln!(t, "wins:\n  - {{date: {}, title: {} went live}}", date(day - 20), rng.pick(WORK));
    let _ = writeln!(
        t,
        "opportunities:\n  - {{title: {} discovery, stage: {}, notes: {}}}",
        rng.pick(WORK),
        ["idea", "qualified", "proposed"][rng.below(3)],
        rng.pick(NOTES)
    );
    if let Some(kind) = defect {
        t = plant(&t, kind);
    }
    (format!("engagements/{region}/e{i:05}.yaml"), t)
}

/// One problem of a kind (0..8) in an otherwise valid file.
fn plant(text: &str, kind: usize) -> String {
    match kind {
        0 => text.replacen("  account:", "  acount:", 1),
        1 => text.replacen("status: ", "status: purple\nx-old-status: ", 1),
        2 => text.replacen("    score: ", "    score: 9\n    x-was: ", 1).replacen("{score: ", "{score: 9, x-was: ", 1),
        3 => text.replacen("client: ", "x-client: ", 1),
        4 => {
            let updated = text.find("updated: ").unwrap_or(0);
            format!(
                "{}updated: 2025-02-30\n{}",
                &text[..updated],
                &text[updated..].split_once('\n').map_or("", |(_, r)| r)
            )
        }
        5 => text.replacen("tech: [", "tech: [[", 1).replacen("tech: ", "tech: [unclosed, ", 1),
        6 => text.replacen("    mitigation: ", "    x-mitigation: ", 1),
        _ => text.replacen("headline: >-", "headline: 42\nx-headline: >-", 1),
    }
}

struct Args {
    count: usize,
    out: PathBuf,
    history: usize,
    seed: u64,
    defects: usize,
}

fn args() -> Result<Args, String> {
    let mut a = Args { count: 1000, out: PathBuf::new(), history: 0, seed: 1, defects: 5 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--count" => a.count = value()?.parse().map_err(|e| format!("--count: {e}"))?,
            "--out" => a.out = PathBuf::from(value()?),
            "--history" => a.history = value()?.parse().map_err(|e| format!("--history: {e}"))?,
            "--seed" => a.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--defects" => a.defects = value()?.parse().map_err(|e| format!("--defects: {e}"))?,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if a.out.as_os_str().is_empty() {
        return Err("--out DIR is required".to_owned());
    }
    Ok(a)
}

const CONFIG: &str = "acctsum: 1\nregions: [north, south, scotland, wales, midlands]\n";

fn write_tree(out: &Path, files: &[(String, String)]) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("acctsum.yaml"), CONFIG)?;
    for (path, text) in files {
        let path = out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, text)?;
    }
    Ok(())
}

/// Writes `path` inline into a fast-import stream.
fn blob(stream: &mut Vec<u8>, path: &str, text: &str) {
    let _ = write!(stream, "M 100644 inline {path}\ndata {}\n{text}\n", text.len());
}

/// Builds the history with `git fast-import`, then checks the last commit out.
fn history(
    out: &Path,
    files: &mut [(String, String)],
    commits: usize,
    rng: &mut Rng,
    days: &mut [i64],
) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    let git = |args: &[&str]| Command::new("git").current_dir(out).args(args).status();
    git(&["init", "-q", "-b", "main"])?;
    let mut stream = Vec::with_capacity(64 << 20);
    let first = 688 - i64::try_from(commits).unwrap_or(0) + 1;
    let start = 1_735_732_800_i64 + first * 86_400; // 2025-01-01 12:00 UTC + `first` days
    for n in 0..commits {
        let when = start + i64::try_from(n).unwrap_or(0) * 86_400;
        let message = if n == 0 { "Account summaries".to_owned() } else { format!("Review {n}") };
        let _ = write!(
            stream,
            "commit refs/heads/main\nmark :{}\ncommitter Bench <bench@example.com> {when} +0000\ndata {}\n{message}\n",
            n + 1,
            message.len()
        );
        if n == 0 {
            blob(&mut stream, "acctsum.yaml", CONFIG);
            for (path, text) in files.iter() {
                blob(&mut stream, path, text);
            }
        } else {
            let _ = writeln!(stream, "from :{n}");
            let day = first + i64::try_from(n).unwrap_or(0);
            for _ in 0..(files.len() / 50).max(1) {
                let i = rng.below(files.len());
                let (path, text) = &mut files[i];
                let old = date(days[i]);
                days[i] = day;
                *text = text.replacen(&format!("updated: {old}"), &format!("updated: {}", date(day)), 1);
                let status = ["green", "amber", "red"][rng.below(3)];
                if let Some(at) = text.find("\nstatus: ") {
                    let end = text[at + 1..].find('\n').map_or(text.len(), |e| at + 1 + e);
                    text.replace_range(at + 1..end, &format!("status: {status}"));
                }
                let bumped = format!("score: {}", 2 + rng.below(4));
                if let Some(at) = text.find("score: ") {
                    text.replace_range(at..at + 8, &bumped);
                }
                blob(&mut stream, path, text);
            }
        }
        stream.push(b'\n');
    }
    let mut child =
        Command::new("git").current_dir(out).args(["fast-import", "--quiet"]).stdin(Stdio::piped()).spawn()?;
    child.stdin.take().ok_or_else(|| std::io::Error::other("no stdin"))?.write_all(&stream)?;
    if !child.wait()?.success() {
        return Err(std::io::Error::other("git fast-import failed"));
    }
    git(&["reset", "-q", "--hard", "main"])?;
    Ok(())
}

/// `count` engagement files as (workspace-relative path, text), current as of 2026-11-20,
/// about `defects` percent of them with one planted problem each.
pub fn generate(count: usize, seed: u64, defects: usize) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    (0..count)
        .map(|i| {
            let day = 688 - i64::try_from(rng.below(16)).unwrap_or(0);
            let defect = rng.chance(defects).then(|| rng.below(8));
            engagement(&mut rng, i, day, defect)
        })
        .collect()
}

/// The configuration the generated workspace uses.
pub const WORKSPACE_CONFIG: &str = CONFIG;

fn main() -> std::process::ExitCode {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!(
                "gen_corpus: {e}\nusage: gen_corpus --count N --out DIR [--history N] [--seed S] [--defects PCT]"
            );
            return std::process::ExitCode::from(2);
        }
    };
    if a.out.exists() && std::fs::read_dir(&a.out).is_ok_and(|mut d| d.next().is_some()) {
        eprintln!("gen_corpus: {} is not empty", a.out.display());
        return std::process::ExitCode::from(2);
    }
    let mut rng = Rng(a.seed);
    // Files are current as of 2026-11-20 (day 688): check them with `--today 2026-11-20`.
    // With history, they start older and the commits (one a day, the last on that day)
    // bring some of them up to date.
    let today = 688 - i64::try_from(a.history).unwrap_or(0);
    let mut days: Vec<i64> = (0..a.count).map(|_| today - i64::try_from(rng.below(16)).unwrap_or(0)).collect();
    let mut files: Vec<(String, String)> = (0..a.count)
        .map(|i| {
            let defect = rng.chance(a.defects).then(|| rng.below(8));
            engagement(&mut rng, i, days[i], defect)
        })
        .collect();
    let result = if a.history > 0 {
        history(&a.out, &mut files, a.history, &mut rng, &mut days)
    } else {
        write_tree(&a.out, &files)
    };
    if let Err(e) = result {
        eprintln!("gen_corpus: {e}");
        return std::process::ExitCode::from(1);
    }
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    println!(
        "wrote {} engagement files ({} KB on average) to {}{}",
        files.len(),
        bytes / files.len().max(1) / 1024,
        a.out.display(),
        if a.history > 0 { format!(" with {} commits", a.history) } else { String::new() }
    );
    std::process::ExitCode::SUCCESS
}
