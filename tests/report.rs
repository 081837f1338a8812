//! `report`: golden files per format on `examples/`, escaping of hostile text, filters,
//! unreadable files, determinism, and a 1,000-engagement workspace.

mod common;

use std::path::{Path, PathBuf};

use common::acctsum;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn examples() -> PathBuf {
    root().join("examples")
}

/// The golden file `name` of `args` on the examples, built for the leads, who see
/// everything (the examples' default audience, `company`, sees less: tests/redaction.rs).
fn golden(name: &str, args: &[&str]) {
    let ran = acctsum(&examples(), &[args, &["--audience", "leads"]].concat());
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert_eq!(ran.stderr, "");
    common::golden(&root().join("tests/golden").join(name), &ran.stdout);
}

#[test]
fn table() {
    golden("report.table", &["report"]);
}

#[test]
fn markdown_pack_for_a_region() {
    golden("report-north.md", &["report", "--region", "north", "--format", "markdown"]);
}

#[test]
fn markdown_pack_for_a_client() {
    golden("report-client.md", &["report", "--client", "caledonian", "--format", "markdown"]);
}

#[test]
fn json() {
    golden("report.json", &["report", "--format", "json"]);
}

#[test]
fn csv() {
    golden("report.csv", &["report", "--format", "csv"]);
}

/// Table rows of a Markdown document: every row of a table has as many cells as its
/// header (pipes escaped in user text do not count).
fn assert_tables_hold(markdown: &str) -> usize {
    let cells = |line: &str| {
        let body = &line.trim()[1..line.trim().len() - 1];
        let mut count = 1;
        let mut escaped = false;
        for c in body.chars() {
            match c {
                '\\' if !escaped => escaped = true,
                '|' if !escaped => count += 1,
                _ => escaped = false,
            }
        }
        count
    };
    let mut header = None;
    let mut tables = 0;
    for (n, line) in markdown.lines().enumerate() {
        if line.starts_with('|') {
            match header {
                None => {
                    header = Some(cells(line));
                    tables += 1;
                }
                Some(h) => assert_eq!(cells(line), h, "line {}: {line}", n + 1),
            }
        } else {
            header = None;
        }
    }
    tables
}

#[test]
fn user_text_cannot_break_the_pack() {
    let ws = root().join("tests/report/hostile");
    let ran = acctsum(&ws, &["report", "--format", "markdown"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let pack = ran.stdout;
    // The client's roll-up puts the hostile text in tables of its own.
    let client = acctsum(&ws, &["report", "--client", "cmd", "--format", "markdown"]);
    assert_eq!(client.code, 0, "{}", client.stderr);
    assert!(assert_tables_hold(&pack) + assert_tables_hold(&client.stdout) >= 8);
    for pack in [&pack, &client.stdout] {
        for (i, _) in pack.match_indices('<') {
            assert!(
                pack[..i].ends_with('\\'),
                "unescaped `<` at byte {i}: {}",
                &pack[i.saturating_sub(30)..(i + 30).min(pack.len())]
            );
        }
    }
    // Only the pack's own headings start lines with `#`, and no user line starts a list.
    for line in pack.lines() {
        if let Some(rest) = line.strip_prefix('#') {
            assert!(rest.starts_with(' ') || rest.starts_with("# ") || rest.starts_with("## "), "{line}");
        }
    }
    // The next steps are one list item, each step escaped where it would start a list.
    assert!(pack.contains("- **Next steps**: \\- not a list item; 1\\. not a numbered item; \\> not a quote"));
    assert!(pack.contains("Line one \\| with a pipe \\<script\\>alert(\"pack\")\\</script\\> \\# not a heading"));
    assert!(pack.contains("https\\://evil.example/x and www\\.example.com"));
    // The CSV guards against formulas; the JSON keeps the text as it is.
    let csv = acctsum(&ws, &["report", "--format", "csv"]).stdout;
    assert!(csv.contains("\nAcme | Ltd. <b>bold</b> #1,'=cmd|' /C calc'!A0,north,"), "{csv}");
    let json: serde_json::Value =
        serde_json::from_str(&acctsum(&ws, &["report", "--format", "json"]).stdout).expect("json");
    assert_eq!(json["engagements"][0]["engagement"], "Acme | Ltd. <b>bold</b> #1");
}

use common::workspace;

fn example(name: &str) -> String {
    std::fs::read_to_string(examples().join("engagements").join(name)).expect("example")
}

#[test]
fn unreadable_files_are_listed_apart_in_every_format() {
    let files = vec![
        ("engagements/north/good.yaml".to_owned(), example("north/pennine-freight-route-planning.yaml")),
        ("engagements/north/broken.yaml".to_owned(), "acctsum: 1\nengagement: [oops\n".to_owned()),
        (
            "engagements/north/typo.yaml".to_owned(),
            example("north/tynebridge-media-streaming.yaml").replace("client:", "cleint:"),
        ),
    ];
    let ws = workspace("regions: [north]\n", &files);
    let table = acctsum(ws.path(), &["report"]);
    assert_eq!(table.code, 0);
    assert!(table.stdout.contains("Could not be read, so not summarised: engagements/north/broken.yaml (1 error), engagements/north/typo.yaml (2 errors)"), "{}", table.stdout);
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]).stdout;
    assert!(pack.contains("## Could not be read"));
    assert!(pack.contains("| engagements/north/typo.yaml | 2 | missing-field |"));
    let json: serde_json::Value =
        serde_json::from_str(&acctsum(ws.path(), &["report", "--format", "json"]).stdout).expect("json");
    assert_eq!(
        json["invalid"],
        serde_json::json!([
            {"path": "engagements/north/broken.yaml", "errors": 1, "first": "syntax"},
            {"path": "engagements/north/typo.yaml", "errors": 2, "first": "missing-field"},
        ])
    );
    assert_eq!(json["engagements"].as_array().map(Vec::len), Some(1));
    let csv = acctsum(ws.path(), &["report", "--format", "csv"]).stdout;
    assert!(csv.ends_with(",,,,,,,unreadable,,,,2,engagements/north/typo.yaml,,,\r\n"), "{csv}");
}

#[test]
fn filters_combine_and_are_checked() {
    let names = |args: &[&str]| -> Vec<String> {
        let ran = acctsum(&examples(), args);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        let json: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
        json["engagements"]
            .as_array()
            .expect("list")
            .iter()
            .map(|e| e["engagement"].as_str().expect("name").to_owned())
            .collect()
    };
    let all = names(&["report", "--format", "json"]);
    assert_eq!(all.len(), 16);
    let two = names(&["report", "--format", "json", "--region", "NORTH", "--region", "scotland"]);
    assert_eq!(two.len(), 11);
    assert_eq!(names(&["report", "--format", "json", "--client", "northern mutual"]).len(), 2);
    assert_eq!(names(&["report", "--format", "json", "--client", "northern mutual", "--region", "south"]).len(), 0);
    let lead = names(&["report", "--format", "json", "--lead", "sanjay"]);
    assert!(!lead.is_empty() && lead.len() < all.len());
    let ran = acctsum(&examples(), &["report", "--region", "nrth"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("did you mean `north`?"), "{}", ran.stderr);
}

#[test]
fn output_is_byte_identical_and_written_whole() {
    let first = acctsum(&examples(), &["report", "--format", "markdown"]).stdout;
    let second = acctsum(&examples(), &["report", "--format", "markdown"]).stdout;
    assert_eq!(first, second);
    let out = tempfile::tempdir().expect("tmp");
    let file = out.path().join("packs/north.md");
    let file_arg = file.to_string_lossy().into_owned();
    let ran = acctsum(&examples(), &["report", "--format", "markdown", "-o", &file_arg]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, ""));
    assert_eq!(std::fs::read_to_string(&file).expect("written"), first);
    let names: Vec<_> =
        std::fs::read_dir(file.parent().expect("dir")).expect("dir").map(|e| e.expect("e").file_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_thousand_engagements() {
    let base = example("north/northern-mutual-open-banking.yaml");
    let statuses = ["green", "amber", "red"];
    let files: Vec<(String, String)> = (0..1000)
        .map(|i| {
            let region = ["north", "south", "scotland"][i % 3];
            let text = base
                .replace("Northern Mutual Open Banking APIs", &format!("Engagement {i:04}"))
                .replace("region: north", &format!("region: {region}"))
                .replace("status: amber", &format!("status: {}", statuses[(i / 3) % 3]))
                .replace("updated: 2026-11-18", if i % 7 == 0 { "updated: 2026-10-01" } else { "updated: 2026-11-18" })
                .replace("Margaret Lindqvist", &format!("Lead {}", i % 50));
            (format!("engagements/{region}/e{i:04}.yaml"), text)
        })
        .collect();
    let ws = workspace("regions: [north, south, scotland]\n", &files);
    let ran = acctsum(ws.path(), &["report", "--format", "json"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
    let list = json["engagements"].as_array().expect("list");
    assert_eq!(list.len(), 1000);
    let rank = |e: &serde_json::Value| {
        let status = match e["status"].as_str() {
            Some("red") => 0,
            Some("amber") => 1,
            _ => 2,
        };
        (status, !e["stale"].as_bool().unwrap_or_default(), e["engagement"].as_str().unwrap_or_default().to_lowercase())
    };
    assert!(list.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])), "order of need of attention");
    assert_eq!(list.iter().filter(|e| e["stale"] == true).count(), 143);
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]);
    assert_eq!(pack.code, 0);
    assert!(pack.stdout.contains("| 1000 | 333 | 333 | 334 | 143 |"), "{}", &pack.stdout[..600]);
    assert!(assert_tables_hold(&pack.stdout) > 1000);
    let table = acctsum(ws.path(), &["report", "--region", "south"]);
    assert!(
        table.stdout.contains("333 engagements (south): 111 red"),
        "{}",
        table.stdout.lines().last().unwrap_or_default()
    );
    let csv = acctsum(ws.path(), &["report", "--format", "csv"]).stdout;
    assert_eq!(csv.matches("\r\n").count(), 1001);
}
