//! Arbitrary bytes as an engagement file: load → validate → model → rules → every
//! renderer of `check` and `report`. Nothing may panic, hang or run out of memory.
#![no_main]

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use acctsum::engine::{Checked, Outcome, check_bytes};
use acctsum::finding::Tally;
use acctsum::guide::Guide;
use acctsum::render::{self, Style};
use acctsum::report::{Filters, build};
use acctsum::rules::{self, Context};
use acctsum::workspace::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let guide = Guide::default();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let ctx = Context { today, guide: &guide };
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
    findings.sort_by(acctsum::finding::Finding::order);
    let tally = Tally::of(1, &findings);
    let mut out = Vec::new();
    let texts: HashMap<&str, &str> = text.as_deref().map(|t| (&*path, t)).into_iter().collect();
    let _ = render::human::findings(&mut out, &findings, &texts, Style::PLAIN);
    let _ = render::short::findings(&mut out, &findings);
    let _ = render::json::findings(&mut out, &findings, tally);
    let _ = render::github::findings(&mut out, &findings, tally, false);
    let source = Source { display: path, path: PathBuf::from("fuzz.yaml") };
    let outcome = Outcome { files: vec![Checked { source, text: None, engagement }], findings };
    let filters = Filters::default();
    let report = build(&outcome, &guide, today, &filters);
    let _ = render::table::report(&mut out, &report, Style::PLAIN);
    let pack = render::markdown::pack(&report);
    assert!(!pack.contains("<script"), "user text reached the pack unescaped");
    let _ = render::json::report::render(&report);
    let _ = render::csv::report(&report);
});
