//! Issue 16: `check --format human` draws each finding itself, byte for byte as miette's
//! graphical handler draws it, and has miette draw only what it declines. These tests
//! hold the drawing to miette's on every finding of the rule fixtures, the examples, the
//! golden workspace and generated workspaces, with and without colour, at several widths;
//! on hand-made edge cases; and on every character below U+20000 in a snippet line.

mod common;

#[allow(dead_code, unreachable_pub)]
#[path = "../bench/gen_corpus.rs"]
mod gen_corpus;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use acctsum::engine::{self, Options};
use acctsum::error::Error;
use acctsum::facts::WorkspaceFacts;
use acctsum::finding::{Finding, Loc, RuleId, Severity};
use acctsum::render::Style;
use acctsum::render::human::BothWays;
use acctsum::workspace::Workspace;

/// The widths drawn at: the narrowest a terminal gets, common ones, and wide.
const WIDTHS: [usize; 5] = [40, 80, 100, 120, 200];

/// Every style the tests draw in.
fn styles() -> Vec<Style> {
    [false, true].into_iter().flat_map(|color| WIDTHS.map(|width| Style { color, width, fit: false })).collect()
}

/// A finding to draw: the finding, its file's text (none: no snippet) and whether its help
/// ends with the pointer to `acctsum explain` (as for engagement files, not the config).
type Case = (Finding, Option<String>, bool);

/// A file's text as `check` reads it: UTF-8, without a byte-order mark.
fn text_of(path: &Path) -> Option<String> {
    let text = String::from_utf8(std::fs::read(path).ok()?).ok()?;
    Some(text.strip_prefix('\u{feff}').map_or_else(|| text.clone(), str::to_owned))
}

/// Every finding `check` gives on the workspace at `root` (the acknowledged ones too, as
/// `--show-acknowledged` shows them), with its file's text; or the findings about its
/// configuration, when that stops the check.
fn cases_of(root: &Path) -> Vec<Case> {
    let ws = match Workspace::discover(Some(root), root) {
        Ok(ws) => ws,
        Err(Error::Config { text, findings, .. }) => {
            return findings.into_iter().map(|f| (f, Some(text.clone()), false)).collect();
        }
        Err(e) => panic!("{}: {e}", root.display()),
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let sources = ws.sources(&[], root).unwrap_or_default();
    let (_, sources): (Vec<_>, Vec<_>) =
        sources.into_iter().partition(|s| acctsum::review::is_review(&ws.guide, &s.display));
    let sessions = acctsum::review::sources(&ws);
    let mut files = engine::read(
        &ws.guide,
        &sources,
        Options { today, keep_excerpts: false, models: engine::Models::Whole, jobs: 1 },
    );
    let (reviews, mut review_findings) = acctsum::review::read(&ws.guide, &sessions);
    files.findings.append(&mut review_findings);
    let facts = WorkspaceFacts { schema: ws.schema_state(), base: None, reviews, engagement_names: None };
    let outcome = engine::finish(&ws.guide, files, &facts);
    let paths: HashMap<Arc<str>, PathBuf> =
        sources.iter().chain(&sessions).map(|s| (s.display.clone(), s.path.clone())).collect();
    let mut findings = outcome.findings;
    findings.extend(acctsum::render::acknowledged_shown(&outcome.acknowledged));
    findings
        .into_iter()
        .map(|f| {
            let text = paths.get(&f.path).and_then(|p| text_of(p));
            (f, text, true)
        })
        .collect()
}

/// Draws every case both ways in every style; asserts that `check` writes what miette
/// draws. Returns how many were drawn, and how many of them directly.
fn assert_drawn_as_miette_draws(cases: &[Case]) -> (usize, usize) {
    let (mut drawn, mut direct) = (0, 0);
    for style in styles() {
        let mut both = BothWays::new(style);
        for (finding, text, pointer) in cases {
            let d = both.draw(finding, text.as_deref(), *pointer).expect("draw");
            assert!(
                d.written == d.miette,
                "{style:?}, {finding:?}\n--- miette\n{}\n--- written\n{}",
                d.miette,
                d.written
            );
            drawn += 1;
            direct += usize::from(d.direct);
        }
    }
    (drawn, direct)
}

/// Every workspace under `dir` (a folder with `acctsum.yaml`), `dir` included.
fn workspaces(dir: &Path, out: &mut Vec<PathBuf>) {
    if dir.join("acctsum.yaml").is_file() {
        out.push(dir.to_owned());
    }
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("read dir").filter_map(|e| Some(e.ok()?.path())).collect();
    entries.sort();
    for entry in entries.into_iter().filter(|e| e.is_dir() && !e.ends_with("engagements")) {
        workspaces(&entry, out);
    }
}

#[test]
fn every_finding_of_the_fixtures_examples_and_golden_workspace_is_drawn_as_miette_draws_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = Vec::new();
    workspaces(&root.join("tests/fixtures"), &mut dirs);
    dirs.push(root.join("examples"));
    dirs.push(root.join("tests/golden/workspace"));
    assert!(dirs.len() > 200, "the fixture workspaces are found: {}", dirs.len());
    let cases: Vec<Case> = dirs.iter().flat_map(|d| cases_of(d)).collect();
    assert!(cases.len() > 150, "findings to draw: {}", cases.len());
    assert!(cases.iter().any(|c| c.1.is_none()), "findings without a snippet are among them");
    let (drawn, direct) = assert_drawn_as_miette_draws(&cases);
    // Nearly all are drawn directly: the proof is of the drawing, not of the fallback.
    assert!(direct * 100 >= drawn * 95, "{direct} of {drawn} drawn directly");
}

#[test]
fn every_finding_of_generated_workspaces_is_drawn_as_miette_draws_it() {
    for seed in 1..=3 {
        let tmp = common::files::workspace_of(gen_corpus::WORKSPACE_CONFIG, gen_corpus::generate(300, seed, 30));
        let cases = cases_of(tmp.path());
        assert!(cases.len() > 150, "findings to draw: {}", cases.len());
        let (drawn, direct) = assert_drawn_as_miette_draws(&cases);
        assert!(direct * 100 >= drawn * 99, "{direct} of {drawn} drawn directly");
    }
}

/// A finding of `rule` in `path` over `len` bytes at `offset` of the text, with `help`.
fn finding(rule: RuleId, offset: usize, len: usize, message: &str, help: Option<&str>) -> Finding {
    let loc =
        Loc { line: 3, col: 7, offset: u32::try_from(offset).expect("offset"), len: u32::try_from(len).expect("len") };
    let mut f = Finding::new(rule, Arc::from("engagements/north/a.yaml"), loc, message);
    f.help = help.map(|h| h.to_owned().into());
    f
}

/// Where `needle` starts in `text`.
fn at(text: &str, needle: &str) -> usize {
    text.find(needle).unwrap_or_else(|| panic!("{needle:?} in {text:?}"))
}

#[test]
fn hand_made_edge_cases_are_drawn_as_miette_draws_them() {
    let numbered = |n: usize| (1..=n).map(|i| format!("k{i}: {i}\n")).collect::<String>();
    let long = format!("notes: \"{}\" # {}\n", "word ".repeat(40), "tail ".repeat(10));
    let exactly = format!("k: {}\n", "x".repeat(117));
    // (text, where the span starts, its length in bytes)
    let snippets: Vec<(String, usize, usize)> = vec![
        ("client: 東京海上 Holdings\nnext: 1\n".into(), 8, "東京海上".len()),
        ("client: 東京海上 Holdings\n".into(), at("client: 東京海上 Holdings", "Holdings"), 8),
        ("notes: 🚀 launch 👩\u{200d}🔬 lab\n".into(), at("notes: 🚀 launch", "launch"), 6),
        ("notes: 🚀 launch 👩\u{200d}🔬 lab\n".into(), at("notes: 🚀 launch 👩\u{200d}🔬 lab", "lab"), 3),
        ("name: Siobhán Gallagher\n".into(), 6, "Siobhán Gallagher".len()),
        ("e: e\u{301}x\n".into(), 3, 4),
        ("a: 1\n\tkey: 1\nb: 2\n".into(), 5, 1),
        ("a: 1\n\tkey: 1\nb: 2\n".into(), 6, 3),
        ("a: 1\r\nb: two\r\nc: 3\r\n".into(), 9, 3),
        ("a: 1\rbogus: 1\r\nx: 2\n".into(), 5, 5),
        ("a: x\u{1b}[2J\u{9b}y\u{202e}z: 1\n".into(), 3, 1),
        ("a: 1\nb:\nc: 3".into(), 7, 0),
        ("a: 1\nb: 2".into(), 9, 0),
        ("a: 1\nb: 2".into(), 8, 1),
        ("a: 1\n".into(), 99, 4),
        ("a: 1\n\n\n".into(), 6, 0),
        (String::new(), 0, 0),
        ("a: [1,\n  2]\n".into(), 3, 8),
        (numbered(10), at(&numbered(10), "k9:"), 2),
        (numbered(10), at(&numbered(10), "k10:"), 3),
        (numbered(100), at(&numbered(100), "k99:"), 3),
        (numbered(100), at(&numbered(100), "k100:"), 4),
        (long.clone(), at(&long, "tail"), 4),
        (long.clone(), at(&long, "notes"), 5),
        (long.clone(), 8, 150),
        (exactly.clone(), 3, 117),
        (format!("{exactly}y{exactly}"), exactly.len() + 1, 3),
        ("k: é\n".into(), 4, 1),
        ("k: ＦＵＬＬ\n".into(), 3, "ＦＵＬＬ".len()),
        ("k: \u{4dc0}\u{ff9e}x\n".into(), at("k: \u{4dc0}\u{ff9e}x", "x"), 1),
    ];
    let messages = [
        "a short message",
        "a message far longer than any width: it says what is wrong, where, and what the \
         field guide expects instead, with a path engagements/north/some-long-file-name.yaml",
        "two\nlines, a tab\there and an \u{1b}[31mescape",
        "東京海上 has 2 relationship leads: Fiona MacLeod (engagements/scotland/x.yaml); 👩\u{200d}🔬 and more words to wrap",
        "",
    ];
    let helps = [None, Some("one line of help"), Some("first\nsecond"), Some(""), Some(messages[1])];
    let mut cases = Vec::new();
    for (text, offset, len) in &snippets {
        for message in messages {
            cases.push((
                finding(RuleId::InvalidValue, *offset, *len, message, Some("fix it")),
                Some(text.clone()),
                true,
            ));
        }
        for (i, help) in helps.iter().enumerate() {
            let rule = if i % 2 == 0 { RuleId::RelationshipLeadConflict } else { RuleId::Stale };
            cases.push((finding(rule, *offset, *len, messages[0], *help), Some(text.clone()), i % 3 != 0));
        }
    }
    for message in messages {
        for help in helps {
            let mut f = finding(RuleId::Syntax, 0, 0, message, help);
            f.path = Arc::from("engagements/\u{1b}]0;x\u{7}/b.yaml");
            cases.push((f.clone(), None, true));
            f.severity = Severity::Warning;
            cases.push((f, None, false));
        }
    }
    // Findings about the configuration: no pointer to `acctsum explain`.
    let config = common::workspace::<&str, &str>(
        "acctsum: 1\nregions: [north, 東京]\nbogus: 1\nstale_after_days: \"x\"\nrules: {stale: loud}\n",
        &[],
    );
    let about_config = cases_of(config.path());
    assert!(about_config.len() >= 2 && about_config.iter().all(|c| !c.2), "{about_config:?}");
    cases.extend(about_config);
    let (drawn, direct) = assert_drawn_as_miette_draws(&cases);
    assert!(direct * 10 >= drawn * 9, "{direct} of {drawn} drawn directly");
}

/// miette measures a character with `unicode-width` 0.1, the direct drawing with the 0.2
/// that textwrap has; where they differ it must decline. Every character below U+20000.
#[test]
fn every_character_below_u20000_is_measured_as_miette_measures_it() {
    let mut both = BothWays::new(Style { color: false, width: 100, fit: false });
    let mut plane_0 = 0;
    for c in '\0'..'\u{20000}' {
        // The span ends after `c`: its end's column is the width of `c` past its start's.
        let text = format!("k: {c}x\n");
        let f = finding(RuleId::InvalidValue, 3, c.len_utf8() + 1, "m", None);
        let d = both.draw(&f, Some(&text), false).expect("draw");
        assert!(d.written == d.miette, "U+{:04X}\n--- miette\n{}\n--- written\n{}", u32::from(c), d.miette, d.written);
        plane_0 += usize::from(d.direct && c <= '\u{ffff}');
    }
    // All but the few hundred characters of the Basic Multilingual Plane where the
    // versions differ (and the controls, which the snippet escapes) are drawn directly.
    assert!(plane_0 >= 63_000, "{plane_0} drawn directly");
}

/// `check` reads a file's lines once for all its findings, which come in the order of
/// their lines; one out of order (or from another file in between) starts it again.
#[test]
fn many_findings_of_one_file_in_any_order_are_drawn_as_miette_draws_them() {
    let texts = [
        "a: 1\nb: two\n\nc: 3\n",
        "é: 1\r\nzoë: café\r\n\r\nx: 2\r\n",
        "a: 1\rbogus: 1\r\nx: 2\n\r\r\n",
        "no: line break at the end",
    ];
    for text in texts {
        let offsets: Vec<usize> = (0..=text.len() + 1).collect();
        let backwards: Vec<usize> = offsets.iter().rev().copied().collect();
        let zigzag: Vec<usize> =
            offsets.iter().map(|&o| if o % 2 == 0 { o } else { text.len() - o.min(text.len()) }).collect();
        for order in [&offsets, &backwards, &zigzag] {
            let findings: Vec<Finding> = order
                .iter()
                .map(|&o| finding(RuleId::UnknownField, o, 2, "a key the format does not define", None))
                .collect();
            for style in styles() {
                let mut both = BothWays::new(style);
                let expected: String =
                    findings.iter().map(|f| both.draw(f, Some(text), true).expect("draw").miette + "\n").collect();
                let mut out = Vec::new();
                let shown = std::collections::HashMap::from([("engagements/north/a.yaml", text)]);
                acctsum::render::human::findings(&mut out, &findings, &shown, style).expect("write");
                assert!(String::from_utf8_lossy(&out) == expected, "{text:?} in the order {order:?}, {style:?}");
            }
        }
    }
}

/// The hostile inputs kept for the fuzzer (control characters, huge keys, deep nesting,
/// lines far past the snippet's window), each as an engagement file.
#[test]
fn every_finding_of_the_fuzz_regression_inputs_is_drawn_as_miette_draws_it() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut inputs: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("read dir").filter_map(|e| Some(e.ok()?.path())).collect();
    inputs.sort();
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("acctsum.yaml"), "acctsum: 1\nregions: [north]\n").expect("config");
    std::fs::create_dir_all(tmp.path().join("engagements/north")).expect("mkdir");
    for (i, input) in inputs.iter().enumerate() {
        std::fs::copy(input, tmp.path().join(format!("engagements/north/input-{i:02}.yaml"))).expect("copy");
    }
    let cases = cases_of(tmp.path());
    assert!(cases.len() > 20 && inputs.len() >= 5, "{} findings of {} inputs", cases.len(), inputs.len());
    assert_drawn_as_miette_draws(&cases);
}

#[test]
fn one_files_findings_drawn_into_a_buffer_are_what_findings_writes_and_another_files_get_no_snippet() {
    let text = "acctsum: 1\nclient: Café Co\nnext: 1\n";
    let path = "engagements/north/a.yaml";
    let ours = [
        finding(RuleId::UnknownField, at(text, "next"), 4, "unknown field `next`", Some("remove it")),
        finding(RuleId::InvalidType, at(text, "Café"), "Café Co".len(), "a message", None),
    ];
    let texts: HashMap<&str, &str> = HashMap::from([(path, text)]);
    for style in styles() {
        let mut written = Vec::new();
        acctsum::render::human::findings(&mut written, &ours, &texts, style).expect("write");
        let drawn = acctsum::render::human::file_findings(&ours, Some(text), style).expect("draw");
        assert_eq!(String::from_utf8_lossy(&drawn), String::from_utf8_lossy(&written), "{style:?}");
        assert!(String::from_utf8_lossy(&drawn).contains("Café Co"), "the snippet is drawn: {style:?}");

        // A finding about another file is not drawn over this file's text.
        let mut other = finding(RuleId::UnknownField, at(text, "client"), 6, "about b.yaml", None);
        other.path = Arc::from("engagements/north/b.yaml");
        let mixed = [ours[0].clone(), other.clone()];
        let drawn = acctsum::render::human::file_findings(&mixed, Some(text), style).expect("draw");
        let mut alone = Vec::new();
        acctsum::render::human::findings(&mut alone, &[other], &HashMap::new(), style).expect("write");
        assert!(
            String::from_utf8_lossy(&drawn).ends_with(&*String::from_utf8_lossy(&alone)),
            "the other file's finding has no snippet: {style:?}"
        );
    }
}
