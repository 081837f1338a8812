//! The whole pipeline on arbitrary bytes, for the fuzz targets in `fuzz/` and for the
//! regression inputs in `tests/fuzz-regressions/`: nothing here may panic, hang or
//! exhaust memory, whatever the bytes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::engine::{Checked, Outcome, check_bytes};
use crate::finding::{Finding, Tally};
use crate::guide::Guide;
use crate::render::{self, Style};
use crate::report::{Filters, build};
use crate::rules::{self, Context};
use crate::workspace::Source;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default()
}

/// `data` as an engagement file: load → validate → model → per-file and cross-file rules
/// → every renderer of `check` and `report`. Returns the number of findings.
#[must_use]
pub fn engagement(data: &[u8]) -> usize {
    let guide = Guide::default();
    let ctx = Context { today: today(), guide: &guide };
    let path: Arc<str> = Arc::from("engagements/north/fuzz.yaml");
    let (engagement, mut findings, text) = check_bytes(path.clone(), data, &ctx, true);
    // The same file twice exercises the cross-file rules.
    let twin = engagement.clone().map(|mut e| {
        e.path = Arc::from("engagements/south/twin.yaml");
        e
    });
    let all: Vec<_> = engagement.iter().chain(twin.iter()).collect();
    findings.extend(rules::check_across(&all, &ctx));
    rules::apply_severities(&mut findings, &guide);
    findings.sort_by(Finding::order);
    let tally = Tally::of(1, &findings);
    let mut out = Vec::new();
    let texts: HashMap<&str, &str> = text.as_deref().map(|t| (&*path, t)).into_iter().collect();
    let _ = render::human::findings(&mut out, &findings, &texts, Style::PLAIN);
    let _ = render::short::findings(&mut out, &findings);
    let _ = render::json::findings(&mut out, &findings, tally);
    let _ = render::github::findings(&mut out, &findings, tally, false);
    let _ = render::sarif::findings(&mut out, &findings, &guide);
    let count = findings.len();
    let source = Source { display: path, path: PathBuf::from("fuzz.yaml") };
    let outcome = Outcome { files: vec![Checked { source, text: None, engagement }], findings };
    let filters = Filters::default();
    let report = build(&outcome, &guide, today(), &filters);
    let _ = render::table::report(&mut out, &report, Style::PLAIN);
    let pack = render::markdown::pack(&report);
    assert!(!pack.contains("<script"), "user text reached the pack unescaped");
    let _ = render::json::report::render(&report);
    let _ = render::csv::report(&report);
    count
}

/// `data` as `acctsum.yaml`: load → validate the guide → the schema and scaffold it makes.
pub fn config(data: &[u8]) {
    let loaded = crate::document::load(Arc::from("acctsum.yaml"), data);
    let Some(doc) = loaded.doc else { return };
    if let Ok(guide) = Guide::parse(&doc) {
        let _ = crate::schema::engagement_schema_text(&guide);
        let _ = crate::scaffold::config(&guide);
        let new = crate::scaffold::NewEngagement {
            name: "Fuzz".into(),
            client: "Client".into(),
            region: guide.regions.first().cloned().unwrap_or_else(|| "north".into()),
            account_lead: "Lead".into(),
            ..Default::default()
        };
        let _ = crate::scaffold::engagement(&new, &guide, today(), "schema.json");
    }
}

/// Where `history` splits its input into versions of one file.
pub const VERSION_SEPARATOR: &[u8] = b"\n--8<--\n";

/// Most versions one `history` input stands for.
const MAX_VERSIONS: usize = 64;

/// `data` as the successive versions of one engagement file (split on
/// [`VERSION_SEPARATOR`]), through the git path: each version's model as `history` and
/// `--since` build it (a version over the size limit is `file-too-large`), the comparison
/// of each version with the one before, and the history in every format. Returns the
/// number of versions.
#[must_use]
pub fn history(data: &[u8]) -> usize {
    use crate::git::{Object, Version};
    use crate::history::{self, Timeline, Unread};

    let guide = Guide::default();
    let path = "engagements/north/fuzz.yaml";
    let mut timeline = Timeline::new(path);
    let mut before: Option<crate::model::Engagement> = None;
    let mut count = 0;
    for (i, bytes) in split(data, VERSION_SEPARATOR).take(MAX_VERSIONS).enumerate() {
        let content = if bytes.len() > crate::document::MAX_FILE_BYTES {
            Err(Unread::TooLarge(bytes.len() as u64))
        } else {
            Ok(bytes)
        };
        let model = history::model(path, content, &guide);
        if let (Some(old), Ok(new)) = (&before, &model) {
            let changes = history::compare(old, new);
            let _ = (changes.brief(), changes.score_moves(), changes.is_empty());
            assert_eq!(history::compare(new, new), history::Changes::default(), "a version differs from itself");
        }
        let version = Version {
            commit: format!("{i:040x}"),
            date: today() - chrono::Days::new(u64::try_from(MAX_VERSIONS - i).unwrap_or(0)),
            path: path.to_owned(),
            object: Object::File { id: format!("{i:040x}"), size: Some(bytes.len() as u64) },
        };
        timeline.push(version, model.as_ref().map_err(|why| *why));
        before = model.ok();
        count += 1;
    }
    assert_eq!(timeline.points.len(), count);
    let _ = render::history::table(&timeline, &guide, Style::PLAIN);
    let _ = render::history::markdown(&timeline, &guide);
    let _ = render::history::json(&timeline, &guide);
    count
}

/// The parts of `data` between occurrences of `separator`.
fn split<'a>(data: &'a [u8], separator: &'a [u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut rest = Some(data);
    std::iter::from_fn(move || {
        let data = rest?;
        match data.windows(separator.len()).position(|w| w == separator) {
            Some(at) => {
                rest = Some(&data[at + separator.len()..]);
                Some(&data[..at])
            }
            None => {
                rest = None;
                Some(data)
            }
        }
    })
}
