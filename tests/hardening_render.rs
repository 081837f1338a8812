//! Issue 11, the renderers: no input reaches a panic in the human renderer, human output
//! grows with the number of findings and not with the size of the file, control
//! characters never reach a terminal raw, CSV guards formulas, and the smaller fixes.

mod common;

use std::path::Path;
use std::process::Command as Process;

use common::{acctsum, workspace};

const CONFIG: &str = "acctsum: 1\nregions: [north, south]\n";

/// Whether `c` must never reach a terminal raw (the set of `render::text::is_hidden`,
/// written out independently).
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Fails when `out` holds a hidden character other than a line feed (and, for CSV, the
/// CR of its CRLF line ends).
fn assert_visible(what: &str, out: &str) {
    for (i, c) in out.char_indices() {
        let line_end = c == '\n' || (c == '\r' && what.contains("csv") && out[i + 1..].starts_with('\n'));
        if hidden(c) && !line_end {
            let from = out[..i].char_indices().rev().nth(60).map_or(0, |(j, _)| j);
            panic!("{what}: {c:?} reaches the output raw, after {:?}", &out[from..i]);
        }
    }
}

fn long_line(pad: usize) -> String {
    format!("{{acctsum: 1, x-pad: \"{}\", bogus: 1}}\n", "a".repeat(pad))
}

#[test]
fn long_line_column_past_65536_does_not_panic() {
    // In an engagement file: a finding at column 65,625.
    let ws = workspace(CONFIG, &[("engagements/x.yaml", long_line(65_600))]);
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert!(ran.stdout.contains("[engagements/x.yaml:1:65625]"), "{}", ran.stdout);
    assert!(ran.stdout.contains(" │ …aaaa"), "the line is cut before the span: {}", ran.stdout);
    assert!(ran.stdout.contains("\", bogus: 1}\n"), "{}", ran.stdout);
    // In acctsum.yaml, where it stopped every command.
    let config = format!("{{acctsum: 1, x-pad: \"{}\", bogus: 1}}\n", "a".repeat(65_600));
    let ws = workspace(&config, &[("engagements/x.yaml", "acctsum: 1\n")]);
    for command in [&["check"][..], &["report"], &["leads"], &["guide"]] {
        let ran = acctsum(ws.path(), command);
        assert_eq!(ran.code, 2, "{command:?}: {}", ran.stderr);
        assert!(ran.stderr.contains("unknown setting `bogus`"), "{}", ran.stderr);
        assert!(ran.stderr.contains("[acctsum.yaml:1:65625]"), "{}", ran.stderr);
    }
}

/// The size of `check`'s human output for `count` findings (`~` items of `next_steps`)
/// on one line that goes on for `pad` more bytes.
fn human_size(count: usize, pad: usize) -> (usize, String) {
    let items = vec!["~"; count].join(",");
    let text = format!("{{acctsum: 1, next_steps: [{items}], x-pad: \"{}\"}}\n", "a".repeat(pad));
    let ws = workspace(CONFIG, &[("engagements/x.yaml", text)]);
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    (ran.stdout.len(), ran.stdout)
}

#[test]
fn human_output_is_linear_in_findings() {
    let (short, out) = human_size(1_000, 0);
    let findings = out.matches("\n  × ").count() + out.matches("\n  ⚠ ").count();
    assert!(findings > 1_000, "{}", &out[out.len().saturating_sub(200)..]);
    // The same findings on a line 200 KB longer: each snippet is cut to a window, so the
    // output hardly grows (before, every snippet held the whole line: 200 MB).
    let (long, _) = human_size(1_000, 200_000);
    assert!(long <= short + findings * 3 * 130, "{long} bytes with a long line, {short} without");
    assert!(long < findings * 2_000, "{long} bytes for {findings} findings");
}

/// The snippet block of the finding whose message contains `needle`.
fn block<'a>(out: &'a str, needle: &str) -> &'a str {
    let start = out.find(needle).unwrap_or_else(|| panic!("no {needle:?} in {out}"));
    let end = out[start..].find("╰────").map_or(out.len(), |e| start + e);
    &out[start..end]
}

#[test]
fn snippets_point_at_the_right_column_in_crlf_lone_cr_and_multibyte_files() {
    let files = [
        ("engagements/crlf.yaml", "acctsum: 1\r\nclient: \"zoë café\"\r\nbögus: 1\r\nx-a: 2\r\n".to_owned()),
        ("engagements/cr.yaml", "acctsum: 1\rclient: c\rbogus: 1\rx-a: 2\r".to_owned()),
        ("engagements/wide.yaml", format!("{{acctsum: 1, x-pad: \"{}\", wrong: 1}}\n", "東é".repeat(200))),
    ];
    let ws = workspace(CONFIG, &files);
    let out = acctsum(ws.path(), &["check"]).stdout;
    let crlf = block(&out, "unknown field `bögus`");
    assert!(
        crlf.contains(
            "[engagements/crlf.yaml:3:1]\n 2 │ client: \"zoë café\"\n 3 │ bögus: 1\n   · ──┬──\n   ·   ╰── unknown field\n 4 │ x-a: 2\n"
        ),
        "{crlf}"
    );
    let cr = block(&out, "unknown field `bogus`");
    assert!(
        cr.contains(
            "[engagements/cr.yaml:3:1]\n 2 │ client: c\n 3 │ bogus: 1\n   · ──┬──\n   ·   ╰── unknown field\n 4 │ x-a: 2\n"
        ),
        "{cr}"
    );
    // 424 characters (624 columns) before the key: cut 40 characters before it.
    let wide = block(&out, "unknown field `wrong`");
    let expected = format!(
        "[engagements/wide.yaml:1:425]\n 1 │ …é{}\", wrong: 1}}\n   · {}──┬──\n",
        "東é".repeat(18),
        // `…`, then 37 characters of which 18 are two columns wide, then `", `.
        " ".repeat(1 + 37 + 18 + 3)
    );
    assert!(wide.contains(&expected), "{wide}\n--- expected\n{expected}");
}

/// Text full of what a terminal would run: OSC 52 (clipboard), clear screen, blink, a
/// window title, an OSC 8 link, BEL, BS, C1 CSI (U+009B), NUL and a right-to-left override.
/// Written with YAML's double-quoted escapes.
const EVIL: &str = r"\e]52;c;ZWNobyBvd25lZA==\a\e[2J\e[5m\b\x9b31m\0\u202eevil\e]0;title\a\e]8;;http://x\e\\link";

/// An engagement with [`EVIL`] in its name, client, leads, titles and notes.
fn evil_engagement() -> String {
    let e = format!("\"{EVIL}\"");
    format!(
        "acctsum: 1
engagement: {e}
client: {e}
region: north
leads: {{account: {e}, tech: [{e}], relationship: {e}}}
updated: 2026-11-18
status: red
headline: {e}
next_steps: [{e}]
service_review: {{last: 2026-11-03}}
actions: [{{action: {e}, owner: {e}, due: 2026-11-01}}]
risks: [{{title: {e}, score: 1, mitigation: {e}}}]
account_status:
  customer: {{score: 1, notes: {e}, action: {e}}}
objectives: [{{title: {e}, date: 2026-11-01, comfort: 1, notes: {e}}}]
"
    )
}

fn evil_workspace() -> tempfile::TempDir {
    let config = format!(
        "acctsum: 1\nregions: [north, south]\nmeasures:\n  account_status:\n    - {{key: customer, name: \"{EVIL}\", guide: \"{EVIL}\"}}\n"
    );
    // [`EVIL`] in an unknown key; a raw ESC sequence in a source line, which the parser
    // stops at (it is not valid YAML) and the finding's snippet shows.
    let key = format!("acctsum: 1\n\"x\\e[2J{EVIL}\": 1\n");
    let raw = "acctsum: 1\nbogus: 1 # \u{1b}]52;c;ZWNobw==\u{7}\u{1b}[2J\u{9b}31m\u{202e}\n".to_owned();
    workspace(
        &config,
        &[
            ("engagements/north/evil.yaml", evil_engagement()),
            ("engagements/north/key.yaml", key),
            ("engagements/north/raw.yaml", raw),
        ],
    )
}

#[test]
fn control_characters_are_escaped_in_every_text_format() {
    let ws = evil_workspace();
    let runs: &[&[&str]] = &[
        &["check"],
        &["check", "--format", "short"],
        &["check", "--format", "github"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["report"],
        &["report", "--format", "csv"],
        &["report", "--format", "markdown"],
        &["report", "--format", "json"],
        &["leads"],
        &["leads", "--format", "json"],
        &["guide"],
        &["guide", "customer"],
    ];
    for args in runs {
        let ran = acctsum(ws.path(), args);
        assert!(ran.code < 2, "{args:?}: {}", ran.stderr);
        let what = args.join(" ");
        assert_visible(&what, &ran.stdout);
        assert_visible(&what, &ran.stderr);
        // The text is there, shown: nothing was dropped.
        assert!(ran.stdout.contains("]52;c;ZWNobyBvd25lZA=="), "{what}: {}", ran.stdout);
    }
    let human = acctsum(ws.path(), &["check"]).stdout;
    assert!(human.contains(r"bogus: 1 # \e]52;c;ZWNobw==\u{7}\e[2J\u{9b}31m\u{202e}"), "{human}");
    let short = acctsum(ws.path(), &["check", "--format", "short"]).stdout;
    let key = r"unknown field `x\e[2J\e]52;c;ZWNobyBvd25lZA==\u{7}\e[2J\e[5m\u{8}\u{9b}31m\u{0}\u{202e}evil\e]0;title";
    assert!(short.contains(key), "{short}");
    let json = acctsum(ws.path(), &["check", "--format", "json"]).stdout;
    assert!(
        json.contains(r"\u001b]52;c;ZWNobyBvd25lZA==\u0007\u001b[2J\u001b[5m\b\u009b31m\u0000\u202eevil"),
        "{json}"
    );
}

#[test]
fn fatal_errors_show_control_characters_escaped() {
    let ws = evil_workspace();
    let ran = acctsum(ws.path(), &["guide", "\u{1b}]52;c;ZWNobw==\u{7}\u{9b}"]);
    assert_eq!(ran.code, 2);
    assert_visible("guide NAME", &ran.stderr);
    assert!(ran.stderr.contains(r"`\e]52;c;ZWNobw==\u{7}\u{9b}` is not a field"), "{}", ran.stderr);
    // A configuration whose problems quote control characters, in messages and snippets.
    let config = format!("acctsum: 1\n\"x{EVIL}\": 1\nregions: [\"{EVIL}\", 3] # \u{1b}[2J\n");
    let ws = workspace(&config, &[("engagements/x.yaml", "acctsum: 1\n")]);
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert_visible("config", &ran.stderr);
    assert!(ran.stderr.contains(r"# \e[2J"), "{}", ran.stderr);
}

fn git(dir: &Path, args: &[&str]) {
    let out = Process::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_DATE", "2026-11-01T12:00:00")
        .env("GIT_COMMITTER_DATE", "2026-11-01T12:00:00")
        .output()
        .expect("git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn control_characters_are_escaped_in_history() {
    let ws = evil_workspace();
    let dir = ws.path();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.email", "lead@example.com"]);
    git(dir, &["config", "user.name", "A Lead"]);
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-q", "-m", "evil"]);
    for format in ["table", "markdown", "json"] {
        let ran = acctsum(dir, &["history", "engagements/north/evil.yaml", "--format", format]);
        assert_eq!(ran.code, 0, "{format}: {}", ran.stderr);
        assert_visible(&format!("history {format}"), &ran.stdout);
        assert!(ran.stdout.contains("]52;c;ZWNobyBvd25lZA=="), "{format}: {}", ran.stdout);
    }
}

#[test]
fn csv_guards_formulas_after_space_nbsp_and_fullwidth_equals() {
    let file = |name: &str, client: &str| {
        format!(
            "acctsum: 1\nengagement: \"{name}\"\nclient: \"{client}\"\nregion: north\nleads: {{account: A}}\nupdated: 2026-11-18\nstatus: green\nheadline: H\nnext_steps: [N]\n"
        )
    };
    let ws = workspace(
        CONFIG,
        &[
            ("engagements/a.yaml", file(" =HYPERLINK(1)", "\u{a0}+cmd")),
            ("engagements/b.yaml", file("\u{ff1d}1+1", "\u{3000}@SUM(1)")),
            ("engagements/c.yaml", file("\u{200b}-2+3", "plain")),
        ],
    );
    let csv = acctsum(ws.path(), &["report", "--format", "csv"]).stdout;
    for row in [" =HYPERLINK(1)", "\u{ff1d}1+1", "\u{200b}-2+3"] {
        let line = csv.lines().find(|l| l.contains(row)).unwrap_or_else(|| panic!("no {row:?} in {csv}"));
        assert!(line.starts_with(&format!("'{row},")), "{line:?}");
    }
    assert!(csv.contains(",'\u{a0}+cmd,"), "{csv}");
    assert!(csv.contains(",'\u{3000}@SUM(1),"), "{csv}");
    assert!(csv.contains(",plain,"), "{csv}");
}

#[test]
fn also_column_lists_each_rule_once() {
    // Findings in file order: missing measure (account_status), low score without action,
    // past objective, missing measure (strategy).
    let text = "acctsum: 1
engagement: E
client: C
region: north
leads: {account: A}
updated: 2026-11-18
status: amber
headline: H
next_steps: [N]
service_review: {last: 2026-11-03}
account_status:
  customer: {score: 1, notes: why}
objectives: [{title: O, date: 2026-11-01, comfort: 3}]
strategy:
  growth: {score: 3}
";
    let ws = workspace(CONFIG, &[("engagements/north/e.yaml", text)]);
    let short = acctsum(ws.path(), &["check", "--format", "short"]).stdout;
    let rules: Vec<&str> =
        short.lines().filter_map(|l| l.split('[').nth(1)?.split(']').next()).filter(|r| *r != "stale").collect();
    assert_eq!(rules.first(), Some(&"missing-measure"), "{short}");
    assert_eq!(rules.last(), Some(&"missing-measure"), "{short}");
    let table = acctsum(ws.path(), &["report"]).stdout;
    let row = table.lines().find(|l| l.contains("│ E ")).unwrap_or_else(|| panic!("{table}"));
    assert_eq!(row.matches("missing measure").count(), 1, "{row}");
    assert!(row.contains("missing measure, low score without action, past objective"), "{row}");
}

#[test]
fn sarif_is_streamed() {
    // Many findings, their messages quoting a key with a right-to-left override.
    let mut text = String::from("acctsum: 1\n");
    for _ in 0..3_000 {
        text.push_str("\"x\u{202e}\": 1\n");
    }
    let ws = workspace(CONFIG, &[("engagements/x.yaml", text)]);
    let sarif = acctsum(ws.path(), &["check", "--format", "sarif"]).stdout;
    let json = acctsum(ws.path(), &["check", "--format", "json"]).stdout;
    assert_visible("sarif", &sarif);
    assert!(sarif.contains(r"key `x\u202e` appears twice"), "{}", &sarif[..2000.min(sarif.len())]);
    // Identity: every finding, as the log built whole in memory had it.
    let sarif: serde_json::Value = serde_json::from_str(&sarif).expect("SARIF is JSON");
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let expected: Vec<serde_json::Value> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let rule = f["rule"].as_str().unwrap_or_default();
            let index = acctsum::finding::RuleId::ALL.iter().position(|r| r.as_str() == rule).expect("rule");
            let message = f["message"].as_str().unwrap_or_default();
            let text = match f["help"].as_str() {
                Some(help) => format!("{message} (help: {help})"),
                None => message.to_owned(),
            };
            let mut result = serde_json::json!({
                "ruleId": rule,
                "ruleIndex": index,
                "level": f["severity"],
                "message": {"text": text},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "engagements/x.yaml", "uriBaseId": "%SRCROOT%"},
                    "region": {"startLine": f["line"], "startColumn": f["column"]},
                }}],
            });
            // The field a finding is about, which SARIF has no place for, is a property.
            if let Some(field) = f["field"].as_str() {
                result["properties"] = serde_json::json!({"field": field});
            }
            result
        })
        .collect();
    assert!(expected.len() > 3_000);
    assert_eq!(sarif["runs"][0]["results"].as_array().expect("results"), &expected);
    assert_eq!(
        sarif["runs"][0]["tool"]["driver"]["rules"].as_array().map(Vec::len),
        Some(acctsum::finding::RuleId::ALL.len())
    );
}

#[test]
fn summary_says_1_file_checked() {
    let ws = workspace(CONFIG, &[("engagements/x.yaml", "acctsum: 1\n")]);
    for format in ["human", "github"] {
        let out = acctsum(ws.path(), &["check", "--format", format]).stdout;
        assert!(out.ends_with("1 file checked: 8 errors, 12 warnings\n"), "{format}: {out}");
    }
}
