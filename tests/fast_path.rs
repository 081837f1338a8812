//! The YAML fast path (src/document/fast.rs) against the full parser: wherever the fast
//! path reads a file, it must give exactly the full parser's events at the same places —
//! on every fixture, example and golden input, every case of the YAML test suite, a
//! generated workspace, and hand-made texts at the edges of what it reads. Where it gives
//! up, the full parser reads the file, so giving up is always safe; reading the common
//! files (the point of it) is pinned too.
#![allow(clippy::print_stderr, reason = "the figures are the point of this test; cargo shows them with --nocapture")]

mod common;
#[allow(dead_code, unreachable_pub)]
#[path = "../bench/gen_corpus.rs"]
mod gen_corpus;

use std::path::Path;

use acctsum::document::{FastPath, fast_path_agrees};
use common::files::{files_under, is_yaml, yaml_suite};

/// Compares the two on `text`; returns whether the fast path read it.
fn agrees(name: &str, text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match fast_path_agrees(text) {
        Ok(FastPath::Agrees { .. }) => true,
        Ok(FastPath::GaveUp) => false,
        Err(difference) => panic!("{name}: {difference}\n--- text ---\n{text}"),
    }
}

#[test]
fn fast_path_gives_the_full_parsers_events_on_every_file_of_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["tests", "examples", "fuzz/corpus", "fuzz/regressions"] {
        files_under(&root.join(dir), &is_yaml, &mut files);
    }
    let mut read = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        read += usize::from(agrees(&path.display().to_string(), &text));
    }
    eprintln!("fast path read {read} of {} YAML files of the repository", files.len());
    assert!(files.len() > 300, "the fixtures were not found");
    // Most fixtures are plain engagement files; those with a planted YAML mistake go to
    // the full parser.
    assert!(read * 2 > files.len(), "the fast path read only {read} of {} files", files.len());
}

#[test]
fn fast_path_reads_every_example_and_agrees() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("examples/engagements"), &is_yaml, &mut files);
    assert!(!files.is_empty());
    for path in &files {
        let text = std::fs::read_to_string(path).expect("example");
        assert!(agrees(&path.display().to_string(), &text), "{}: the fast path gave up", path.display());
    }
}

#[test]
fn fast_path_agrees_on_the_yaml_test_suite() {
    let cases = yaml_suite();
    let read = cases.iter().filter(|c| agrees(&c.id, &c.yaml)).count();
    eprintln!("fast path read {read} of {} cases of the YAML test suite", cases.len());
}

#[test]
fn fast_path_reads_a_generated_workspace_and_agrees() {
    let files = gen_corpus::generate(600, 3, 10);
    let read = files.iter().filter(|(path, text)| agrees(path, text)).count();
    eprintln!("fast path read {read} of {} generated files", files.len());
    // Only the files with a planted YAML mistake (a share of the 10% with defects) go to
    // the full parser.
    assert!(read * 100 >= files.len() * 95, "the fast path read only {read} of {}", files.len());
}

/// Texts at the edges of what the fast path reads: each must either be read exactly as
/// the full parser reads it, or left to it.
const EDGES: &[&str] = &[
    "a: 1\n",
    "a: 1",
    "a:\n",
    "a:",
    "a:   # comment\nb: x\n",
    "a: x # comment\n",
    "a: x#y\n",
    "a: C#  \n",
    "a: 'it''s'\n",
    "a: ''\n",
    "a: \"\"\n",
    "a: \"q: x\"\n",
    "a: \"esc\\n\"\n",
    "a: 'x' y\n",
    "a: \"x\"y\n",
    "a: b: c\n",
    "a: b:\n",
    "a: http://x\n",
    "a:: b\n",
    "a:b: c\n",
    "a : b\n",
    "? a\n: b\n",
    "a: -5\n",
    "a: - x\n",
    "a: [x, y]\n",
    "a: []\n",
    "a: {}\n",
    "a: [ ]\n",
    "a: {k: v}\n",
    "a: {k: v,}\n",
    "a: {k: v , l: w}\n",
    "a: {k: 'v', l: \"w\"}\n",
    "a: {k: v}#c\n",
    "a: {k: v} # c\n",
    "a: {k: {x: y}}\n",
    "a: {k: [x]}\n",
    "a: {k}\n",
    "a: {k:v}\n",
    "a: {k: }\n",
    "a: [x, y\n  ]\n",
    "a: {k: v\n",
    "a: [a:b]\n",
    "a: [C#]\n",
    "a: {name: Zoë Ł, role: CTO}\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "--- \na: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: 1\n...\n",
    "%YAML 1.2\n---\na: 1\n",
    "# only a comment\n",
    "",
    "- a\n- b\n",
    "a\n",
    "a:\n  - x\n  -\n  - y # c\n",
    "a:\n  -\n  - \n  -   # c\n  -  \nb:\nc: \nd:  # c\ne:\n",
    "a:\n  - # comment\nb: 1\n",
    "a:\n- x\n- y\n",
    "a:\n  - x\n  b: y\n",
    "a:\n  - - x\n",
    "a:\n  -   x\n",
    "a:\n  -\n    k: v\n",
    "a:\n  - k: 1\n    j: 2\n  - k: 3\n",
    "a:\n  - k:\n      - x\n",
    "a:\n  - k:\n    - x\n",
    "a:\n  - k: 1\n   j: 2\n",
    "a:\n  - k: 1\n      j: 2\n",
    "a:\n  b: 1\n c: 2\n",
    "a:\n  b: 1\n    c: 2\n",
    "a: x\n  continued\n",
    "a: x\n    # deeper comment\nb: y\n",
    "a:\n  # comment\n  b: 1\n",
    "a:\n# comment\n  b: 1\n",
    "a:\n  b\n",
    "a: |\n  l1\n\n    more\n  l3\n\n\n# c\nd: x\n",
    "a: |\n  x\n  y",
    "a: |-\n  end",
    "a: |+\n  x\n\n",
    "a: |2\n   x\n",
    "a: |\n\n  x\n",
    "a: |\n  x\n   \n  y\n",
    "a: |\n  x\n \n  y\n",
    "a: |\nb: 1\n",
    "a: |\n",
    "a: | # c\n  x\n",
    "a: |#c\n  x\n",
    "a: >\n  f1\n  f2\n\n  f3\n  # not comment\ne: 1\n",
    "a: >-\n  x\n\n\n  y\n",
    "a: >\n  x\n   y\n",
    "a:\n  b: |\n    x\n  c: 1\n",
    "a:\n  b: |\n    x\n   c: 1\n",
    "a:\n  - |\n    x\n  - y\n",
    "a: >\n  text\n# comment\n",
    "a: x\t\n",
    "a:\tx\n",
    "a: x\r\nb: y\r\n",
    "a: x\u{85}y\n",
    "a: x\u{feff}y\n",
    "a: x\u{2028}y\n",
    "a: x\u{a0}\n",
    "a: Zoë\nb: x\n",
    "é: 1\nü: {x: ä, y: ö}\n",
    "a: 'x\n  y'\n",
    "a: \"x\n  y\"\n",
    "a: 'x\n",
    "a: \"x\n",
    "a: 1\na: 2\n",
    "a: ---\n",
    "a: |\n  x\n---\n",
    "-a: 1\n",
    "a-: 1\n",
    "a: -\n",
    "a: ?x\n",
    "a: :x\n",
    "a: x:\n",
    "a: @x\n",
    "a: %x\n",
    "a: `x\n",
    "a: ,x\n",
    "a: x,y\n",
    "a: [x]y\n",
    "a: x ]\n",
    "  a: 1\n  b: 2\n",
    "  a: 1\nb: 2\n",
    "a:\n  b:\n    c:\n      d: 1\n",
];

#[test]
fn fast_path_agrees_at_the_edges() {
    let read = EDGES.iter().filter(|text| agrees(&format!("{text:?}"), text)).count();
    eprintln!("fast path read {read} of {} edge texts", EDGES.len());
}

/// Columns count characters from where the last value on the line was counted: long
/// lines of many values, wide characters between them, and values counted out of order
/// (an empty list item is placed at its line's end before the next line) must all land
/// where the full parser puts them.
#[test]
fn fast_path_counts_columns_as_the_full_parser_on_long_lines() {
    let flow = format!("a: {{{}}}\n", (0..2000).map(|i| format!("k{i}: é{i}")).collect::<Vec<_>>().join(", "));
    let list = format!("a: [{}]\nb: x\n", (0..2000).map(|i| format!("Zoë {i}")).collect::<Vec<_>>().join(", "));
    let items = "a:\n  - é: ü\n    ø: {x: ä, y: ö}\n  -\n  - 'ß': 1\n  - ñ # c\n  -   # c\nb: Łukasz\n";
    for text in [flow.as_str(), list.as_str(), items] {
        agrees("long line", text);
    }
    assert!(agrees("flow", &flow) && agrees("list", &list), "the fast path gave up on a long line");
}

#[test]
fn fast_path_reads_what_leads_write() {
    for text in [
        "a: 1\n",
        "a: x # comment\n",
        "a: 'it''s'\n",
        "a: {k: v, l: 'w'}\n",
        "a: []\n",
        "a:\n  - k: 1\n    j: 2\n  - k: 3\n",
        "a: |\n  l1\n\n  l3\n",
        "a: >-\n  x\n  y\n",
        "# comment\na:\n  # comment\n  b: Zoë Ł\n",
    ] {
        assert!(agrees(text, text), "the fast path gave up on {text:?}");
    }
}
