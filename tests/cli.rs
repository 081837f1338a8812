//! CLI cases: arguments, output and exit codes of the real binary.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

const CLEAN: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

fn acctsum(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(dir).env_remove("ACCTSUM_TODAY").env("NO_COLOR", "1").args(["--today", "2026-11-20"]);
    cmd
}

mod common;

use common::workspace;

#[test]
fn clean_workspace_exits_0_with_a_summary() {
    let ws = workspace("acctsum: 1\n", &[("engagements/north/a.yaml", CLEAN)]);
    acctsum(ws.path()).arg("check").assert().code(0).stdout("1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn errors_exit_1() {
    let ws = workspace("", &[("engagements/north/a.yaml", &CLEAN.replace("status: amber", "status: purple"))]);
    acctsum(ws.path())
        .args(["check", "--format", "short"])
        .assert()
        .code(1)
        .stdout("engagements/north/a.yaml:12:9: error[invalid-value]: `status` must be one of green, amber, red; found `purple`\n");
}

#[test]
fn warnings_exit_0_unless_strict() {
    let stale = CLEAN.replace("updated: 2026-11-18", "updated: 2026-10-01");
    let ws = workspace("", &[("engagements/north/a.yaml", &stale)]);
    acctsum(ws.path()).arg("check").assert().code(0).stdout(contains("1 file checked: 0 errors, 1 warnings"));
    acctsum(ws.path()).args(["check", "--strict"]).assert().code(1);
}

#[test]
fn today_comes_from_the_flag_or_the_environment() {
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(ws.path()).env("ACCTSUM_TODAY", "2027-03-01").args(["check", "--format", "short"]);
    cmd.assert().code(0).stdout(contains("warning[stale]")).stdout(contains("warning[past-objective]"));
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(ws.path()).env("ACCTSUM_TODAY", "2027-03-01").args(["--today", "2026-11-20", "check"]);
    cmd.assert().code(0);
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(ws.path()).args(["--today", "2026-02-30", "check"]);
    cmd.assert().code(2).stderr(contains("not a real date"));
}

#[test]
fn missing_path_exits_2() {
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    acctsum(ws.path())
        .args(["check", "nope.yaml"])
        .assert()
        .code(2)
        .stderr(contains("nope.yaml: no such file or folder"));
    acctsum(ws.path()).args(["-C", "no/such/dir", "check"]).assert().code(2).stderr(contains("no such file or folder"));
}

#[test]
fn no_engagement_files_exits_2() {
    let ws = workspace::<&str, &str>("acctsum: 1\n", &[]);
    acctsum(ws.path()).arg("check").assert().code(2).stderr(contains("no engagement files found"));
}

#[test]
fn check_on_a_freshly_initialised_workspace_exits_0_in_every_format() {
    let ws = tempfile::tempdir().expect("tmp");
    acctsum(ws.path()).arg("init").assert().code(0);
    acctsum(ws.path())
        .arg("check")
        .assert()
        .code(0)
        .stdout(contains("no engagement files yet (looking for engagements/**/*.yaml"))
        .stderr("");
    acctsum(ws.path()).args(["check", "--format", "short"]).assert().code(0).stdout("");
    let json = acctsum(ws.path()).args(["check", "--format", "json"]).assert().code(0).get_output().stdout.clone();
    let json: serde_json::Value = serde_json::from_slice(&json).expect("json");
    assert_eq!(json["findings"], serde_json::json!([]));
    assert_eq!(json["summary"]["files"], 0);
    let sarif = acctsum(ws.path()).args(["check", "--format", "sarif"]).assert().code(0).get_output().stdout.clone();
    let sarif: serde_json::Value = serde_json::from_slice(&sarif).expect("sarif");
    assert_eq!(sarif["runs"][0]["results"], serde_json::json!([]));
    acctsum(ws.path())
        .args(["check", "--format", "github"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("::").not());
}

#[test]
fn globs_naming_a_folder_that_is_not_there_still_exit_2() {
    // The folders of a fresh workspace exist; a glob that misses them is a mistake.
    let ws = tempfile::tempdir().expect("tmp");
    acctsum(ws.path()).arg("init").assert().code(0);
    std::fs::write(ws.path().join("acctsum.yaml"), "engagements: \"engagment/**/*.yaml\"\n").expect("config");
    acctsum(ws.path()).arg("check").assert().code(2).stderr(contains("no engagement files found"));
    // Without acctsum.yaml this may be the wrong folder: exit 2 too.
    let bare = tempfile::tempdir().expect("tmp");
    std::fs::create_dir(bare.path().join("engagements")).expect("mkdir");
    acctsum(bare.path()).arg("check").assert().code(2).stderr(contains("no engagement files found"));
}

#[test]
fn invalid_config_is_located_and_exits_2() {
    let ws =
        workspace("acctsum: 1\nstale_after_dayz: 3\nrules:\n  syntax: off\n", &[("engagements/north/a.yaml", CLEAN)]);
    acctsum(ws.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(contains("acctsum.yaml:2:1"))
        .stderr(contains("did you mean `stale_after_days`?"))
        .stderr(contains("acctsum.yaml:4:3"))
        .stderr(contains("structural rule"))
        .stderr(contains("acctsum.yaml is not a valid configuration (2 problems)"));
    let ws = workspace("regions: [north\n", &[("engagements/north/a.yaml", CLEAN)]);
    acctsum(ws.path()).arg("check").assert().code(2).stderr(contains("syntax"));
}

#[test]
fn discovery_walks_up_from_a_subfolder() {
    let ws = workspace(
        "regions: [north]\n",
        &[("engagements/north/a.yaml", &CLEAN.replace("region: north", "region: west"))],
    );
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(ws.path().join("engagements/north")).args(["--today", "2026-11-20", "check", "--format", "short"]);
    cmd.assert().code(1).stdout(contains("engagements/north/a.yaml:5:9: error[unknown-region]"));
}

#[test]
fn explicit_paths_override_the_glob() {
    let ws = workspace(
        "",
        &[
            ("engagements/north/a.yaml", CLEAN),
            ("engagements/north/.hidden/b.yaml", "acctsum: 2\n"),
            ("other/c.yml", &CLEAN.replace("Acme Payments Platform", "Other")),
        ],
    );
    acctsum(ws.path()).arg("check").assert().code(0).stdout(contains("1 file checked"));
    acctsum(ws.path()).args(["check", "other"]).assert().code(0).stdout(contains("1 file checked"));
    acctsum(ws.path())
        .args(["check", "--format", "short", "engagements/north/.hidden/b.yaml"])
        .assert()
        .code(1)
        .stdout(contains("engagements/north/.hidden/b.yaml:1:10: error[unsupported-version]"));
}

#[test]
fn files_outside_the_workspace_are_shown_as_given() {
    let ws = workspace("", &[("engagements/north/a.yaml", CLEAN)]);
    let outside = tempfile::tempdir().expect("tmp");
    std::fs::write(outside.path().join("x.yaml"), "acctsum: 1\n").expect("write");
    let given = outside.path().join("x.yaml");
    acctsum(ws.path())
        .args(["check", "--format", "json"])
        .arg(&given)
        .assert()
        .code(1)
        .stdout(contains(format!("\"path\": \"{}\"", given.display())));
}

#[test]
fn parallel_output_is_identical_to_serial() {
    let files: Vec<(String, String)> = (0..60)
        .map(|i| {
            let text = CLEAN
                .replace("Acme Payments Platform", &format!("Engagement {i}"))
                .replace("updated: 2026-11-18", &format!("updated: 2026-{:02}-10", 1 + i % 11))
                .replace("client: Acme Bank", &format!("client: Client {}", i % 7))
                .replace("  relationship: Sam Lee", &format!("  relationship: Lead {}", i % 3));
            (format!("engagements/r{}/e{i}.yaml", i % 4), text)
        })
        .collect();
    let ws = workspace("", &files);
    for format in ["human", "json"] {
        let serial = acctsum(ws.path()).args(["check", "-j", "1", "--format", format]).output().expect("run");
        let parallel = acctsum(ws.path()).args(["check", "-j", "4", "--format", format]).output().expect("run");
        assert_eq!(serial.status.code(), parallel.status.code());
        assert!(!serial.stdout.is_empty());
        assert_eq!(String::from_utf8_lossy(&serial.stdout), String::from_utf8_lossy(&parallel.stdout));
    }
}

#[test]
fn schema_for_the_default_guide_is_the_committed_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let committed =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/engagement.schema.json"))
            .expect("schema");
    acctsum(tmp.path()).arg("schema").assert().code(0).stdout(committed);
}

#[test]
fn schema_follows_the_config() {
    let ws = workspace::<&str, &str>(
        "regions: [north, south]\nscale: {min: 0, max: 10}\nmeasures:\n  strategy: [{key: growth}]\n",
        &[],
    );
    let out = acctsum(ws.path()).arg("schema").output().expect("run");
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(schema["properties"]["region"]["enum"], serde_json::json!(["north", "south"]));
    assert_eq!(schema["properties"]["risks"]["items"]["properties"]["score"]["maximum"], 10);
    let strategy = schema["properties"]["strategy"]["properties"].as_object().expect("measures");
    assert_eq!(strategy.keys().collect::<Vec<_>>(), vec!["growth"]);
    acctsum(ws.path()).args(["schema", "-o", "out/s.json"]).assert().code(0).stdout("");
    assert_eq!(std::fs::read(ws.path().join("out/s.json")).expect("written"), out.stdout);
}

#[test]
fn review_schema_for_the_default_guide_is_the_committed_file() {
    let tmp = tempfile::tempdir().expect("tmp");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed = std::fs::read_to_string(root.join("schema/review.schema.json")).expect("schema");
    acctsum(tmp.path()).args(["schema", "--review"]).assert().code(0).stdout(committed.clone());
    // A draft 2020-12 schema of the session format: its required keys, nothing else
    // allowed at the top level, and every key of the examples' sessions described.
    let schema: serde_json::Value = serde_json::from_str(&committed).expect("json");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["required"], serde_json::json!(["acctsum", "region", "date"]));
    assert_eq!(schema["additionalProperties"], false);
    let properties = schema["properties"].as_object().expect("properties");
    for session in ["2026-10-23.yaml", "2026-11-06.yaml"] {
        let text = std::fs::read_to_string(root.join("examples/reviews/north").join(session)).expect("session");
        let keys = text.lines().filter(|l| !l.starts_with([' ', '#', '-'])).filter_map(|l| l.split_once(':'));
        for (key, _) in keys {
            assert!(properties.contains_key(key), "{session}: `{key}` is not in the review schema");
        }
    }
    assert!(properties["actions"]["items"]["properties"].get("engagement").is_some());
}

#[test]
fn review_schema_follows_the_config() {
    let ws = workspace::<&str, &str>("regions: [north, south]\n", &[]);
    let out = acctsum(ws.path()).args(["schema", "--review"]).output().expect("run");
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(schema["properties"]["region"]["enum"], serde_json::json!(["north", "south"]));
    acctsum(ws.path()).args(["schema", "--review", "--config"]).assert().code(2);
}

#[test]
fn guide_shows_fields_and_measures() {
    let tmp = tempfile::tempdir().expect("tmp");
    acctsum(tmp.path())
        .arg("guide")
        .assert()
        .code(0)
        .stdout(contains("leads.account  (required) text"))
        .stdout(contains("status  (required) one of: green, amber, red"))
        .stdout(contains("customer  Customer happiness"));
    acctsum(tmp.path())
        .args(["guide", "account_status"])
        .assert()
        .code(0)
        .stdout(contains("exit_plan").not())
        .stdout(contains("governance  Governance"));
    acctsum(tmp.path()).args(["guide", "growth"]).assert().code(0).stdout(contains("strategy.growth  (Growth)"));
    acctsum(tmp.path()).args(["guide", "leads.tech"]).assert().code(0).stdout(contains("a name, or a list of names"));
    acctsum(tmp.path()).args(["guide", "hedline"]).assert().code(2).stderr(contains("did you mean `headline`?"));
}

#[test]
fn bad_arguments_exit_2() {
    let tmp = tempfile::tempdir().expect("tmp");
    acctsum(tmp.path()).args(["check", "--format", "xml"]).assert().code(2);
    acctsum(tmp.path()).arg("frobnicate").assert().code(2);
}

#[test]
fn hostile_files_end_in_findings_not_panics() {
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n";
    let deep = format!("a: {}{}\n", "[".repeat(5000), "]".repeat(5000));
    let ws = workspace(
        "",
        &[
            ("engagements/a-bomb.yaml", bomb),
            ("engagements/b-deep.yaml", &deep),
            ("engagements/c-tags.yaml", "!!map\nacctsum: !custom 1\n"),
            ("engagements/d-docs.yaml", "a: 1\n---\nb: 2\n"),
            ("engagements/e-list.yaml", "- 1\n- 2\n"),
            ("engagements/f-empty.yaml", ""),
            ("engagements/g-cycle.yaml", "a: &a [*a]\n"),
            ("engagements/h-key.yaml", "? [a, b]\n: 1\n"),
        ],
    );
    let assert = acctsum(ws.path()).args(["check", "--format", "short"]).assert().code(1);
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    for (file, rule) in [
        ("a-bomb.yaml", "file-too-large"),
        ("b-deep.yaml", "syntax"),
        ("c-tags.yaml", "invalid-type"),
        ("d-docs.yaml:2:1", "syntax"),
        ("e-list.yaml:1:1", "invalid-type"),
        ("f-empty.yaml:1:1", "invalid-type"),
        ("g-cycle.yaml", "syntax"),
        ("h-key.yaml", "unknown-field"),
    ] {
        assert!(
            out.lines().any(|l| l.contains(file) && l.contains(&format!("[{rule}]"))),
            "{file} {rule} not in:\n{out}"
        );
    }
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let always = acctsum(&examples).args(["--color", "always", "report"]).output().expect("run");
    assert!(String::from_utf8_lossy(&always.stdout).contains("\u{1b}["), "colour when asked for");
    // Not a terminal (and NO_COLOR set by `acctsum()`): plain.
    let auto = acctsum(&examples).arg("report").output().expect("run");
    assert!(!String::from_utf8_lossy(&auto.stdout).contains('\u{1b}'));
    let never = acctsum(&examples).args(["--color", "never", "check"]).output().expect("run");
    assert!(!String::from_utf8_lossy(&never.stdout).contains('\u{1b}'));
}

#[test]
fn every_rule_has_its_section_in_docs_rules_md() {
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md")).expect("docs/rules.md");
    let headings: Vec<&str> = docs.lines().filter_map(|l| l.strip_prefix("## `")?.strip_suffix('`')).collect();
    let ids: Vec<&str> = acctsum::finding::RuleId::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(headings, ids, "one `## \\`rule-id\\`` section per rule, in the order of finding.rs");
    for id in ids {
        let section =
            docs.split(&format!("## `{id}`")).nth(1).and_then(|s| s.split("\n## ").next()).unwrap_or_default();
        for part in ["**What.**", "**Why.**", "**How to fix.**", "**Example.**"] {
            assert!(section.contains(part), "`{id}` lacks {part}");
        }
    }
}

#[test]
fn config_schema_is_the_committed_file_and_accepts_the_init_config() {
    let tmp = tempfile::tempdir().expect("tmp");
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/acctsum.schema.json"))
        .expect("schema");
    acctsum(tmp.path()).args(["schema", "--config"]).assert().code(0).stdout(committed);
}

#[test]
fn completions_and_man_page() {
    let tmp = tempfile::tempdir().expect("tmp");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = acctsum(tmp.path()).args(["completions", shell]).output().expect("run");
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8_lossy(&out.stdout);
        for word in ["check", "report", "history", "since"] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
    // The bash script is valid bash.
    let bash = acctsum(tmp.path()).args(["completions", "bash"]).output().expect("run").stdout;
    let file = tmp.path().join("acctsum.bash");
    std::fs::write(&file, bash).expect("write");
    let syntax = std::process::Command::new("bash").arg("-n").arg(&file).status().expect("bash");
    assert!(syntax.success());
    acctsum(tmp.path())
        .arg("man")
        .assert()
        .code(0)
        .stdout(contains(".TH acctsum 1"))
        .stdout(contains("acctsum\\-check"))
        .stdout(contains("\\-\\-workspace"));
    acctsum(tmp.path()).arg("--version").assert().code(0).stdout(concat!("acctsum ", env!("CARGO_PKG_VERSION"), "\n"));
}

#[test]
fn sarif_points_at_files_and_rules() {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/workspace");
    let out = acctsum(&ws).args(["check", "--format", "sarif"]).output().expect("run");
    assert_eq!(out.status.code(), Some(1));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), acctsum::finding::RuleId::ALL.len());
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let region = &result["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64() >= Some(1) && region["startColumn"].as_u64() >= Some(1));
    }
    // past-objective is configured as an error in this workspace.
    let past = rules.iter().find(|r| r["id"] == "past-objective").expect("rule");
    assert_eq!(past["defaultConfiguration"]["level"], "error");
}
