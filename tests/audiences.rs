//! Audiences in `acctsum.yaml`: the issue's example is accepted, every mistake is a
//! located config error (exit 2) through the real binary, the config schema describes
//! the keys, and the declared audiences hide what they name.

use std::path::Path;

use acctsum::document::load;
use acctsum::field_path::FieldPath;
use acctsum::guide::Guide;
use assert_cmd::Command;

mod common;

use common::workspace;

const CLEAN: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

/// The issue's example, exactly.
const EXAMPLE: &str = "audiences:
  company:                       # what everyone may see
    hide: [risks, actions, account_status.commercial, \"account_status.*.notes\", \"strategy.*.action\"]
  leads:
    hide: []                     # sees everything
default_audience: company
";

fn acctsum(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("acctsum").expect("binary");
    cmd.current_dir(dir).env_remove("ACCTSUM_TODAY").env("NO_COLOR", "1").args(["--today", "2026-11-20"]);
    cmd
}

/// `check` on a workspace with `config` exits 2 and says each of `said` on standard error.
fn refused(config: &str, said: &[&str]) {
    let ws = workspace(config, &[("engagements/north/a.yaml", CLEAN)]);
    let out = acctsum(ws.path()).arg("check").output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{config}");
    // Messages as written, not as wrapped to the terminal.
    let stderr = String::from_utf8_lossy(&out.stderr).replace("\n  │ ", " ");
    for text in said.iter().chain(&["acctsum.yaml is not a valid configuration"]) {
        assert!(stderr.contains(text), "{config}\nshould say: {text}\nsaid: {stderr}");
    }
}

fn example_guide() -> Guide {
    let text = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acctsum.yaml")).expect("read");
    let loaded = load("acctsum.yaml".into(), &text);
    Guide::parse(&loaded.doc.expect("doc")).expect("the examples' config is valid")
}

#[test]
fn the_issue_example_is_a_valid_config() {
    let ws = workspace(EXAMPLE, &[("engagements/north/a.yaml", CLEAN)]);
    acctsum(ws.path()).arg("check").assert().code(0).stdout("1 file checked: 0 errors, 0 warnings\n");
}

#[test]
fn an_unknown_hide_path_is_located_with_did_you_mean() {
    refused(
        "audiences:\n  company:\n    hide: [risks, acount_status.commercial]\ndefault_audience: company\n",
        &[
            "acctsum.yaml:3:19",
            "`acount_status.commercial`: the engagement format has no field `acount_status`",
            "did you mean `account_status.commercial`?",
        ],
    );
    refused(
        "audiences:\n  company:\n    hide:\n      - account_status.commercials\ndefault_audience: company\n",
        &[
            "acctsum.yaml:4:9",
            "`commercials` is not a measure of `account_status`",
            "did you mean `account_status.commercial`?",
        ],
    );
}

#[test]
fn review_decisions_is_a_hide_path_and_a_mistyped_one_is_located_with_did_you_mean() {
    let config = "audiences:\n  company:\n    hide: [actions, review.decisions]\ndefault_audience: company\n";
    let ws = workspace(config, &[("engagements/north/a.yaml", CLEAN)]);
    acctsum(ws.path()).arg("check").assert().code(0);
    refused(
        "audiences:\n  company:\n    hide: [actions, review.decison]\ndefault_audience: company\n",
        &[
            "acctsum.yaml:3:21",
            "`review.decison`: review sessions have no field `decison` that can be hidden",
            "did you mean `review.decisions`?",
        ],
    );
}

#[test]
fn an_identifying_field_cannot_be_hidden_and_the_error_says_why() {
    for key in ["engagement", "client", "region", "status", "updated"] {
        refused(
            &format!("audiences:\n  company:\n    hide: [risks, {key}]\ndefault_audience: company\n"),
            &[
                "acctsum.yaml:3:19",
                &format!(
                    "`{key}` cannot be hidden: engagement, client, region, status and updated identify the engagement"
                ),
            ],
        );
    }
}

#[test]
fn default_audience_must_name_a_declared_audience() {
    refused(
        "audiences:\n  company:\n    hide: [risks]\ndefault_audience: compnay\n",
        &[
            "acctsum.yaml:4:19",
            "`default_audience` is `compnay`, which is not a declared audience",
            "did you mean `company`?",
        ],
    );
    refused(
        "default_audience: company\n",
        &["acctsum.yaml:1:19", "`default_audience` is `company`, but no audience is declared"],
    );
    refused(
        "audiences:\n  company:\n    hide: [risks]\n",
        &["acctsum.yaml:1:1", "`audiences` needs a `default_audience`", "for example: default_audience: company"],
    );
}

#[test]
fn a_bad_audience_name_is_refused() {
    refused(
        "audiences:\n  Company Wide:\n    hide: [risks]\ndefault_audience: company\n",
        &[
            "acctsum.yaml:2:3",
            "`Company Wide` cannot name an audience",
            "did you mean `company-wide`?",
            "`default_audience` is `company`, which is not a declared audience",
        ],
    );
    refused(
        "audiences:\n  ../etc:\n    hide: [risks]\ndefault_audience: ../etc\n",
        &["acctsum.yaml:2:3", "`../etc` cannot name an audience"],
    );
}

#[test]
fn an_unknown_key_under_an_audience_suggests_hide() {
    refused(
        "audiences:\n  company:\n    hid: [risks]\ndefault_audience: company\n",
        &["acctsum.yaml:3:5", "unknown setting `hid` in audience `company`", "did you mean `hide`?"],
    );
    refused(
        "audiences:\n  company: {hide: [risks], show: [headline]}\ndefault_audience: company\n",
        &["acctsum.yaml:2:28", "unknown setting `show` in audience `company`"],
    );
}

#[test]
fn hide_must_be_a_list() {
    refused(
        "audiences:\n  company:\n    hide: risks\ndefault_audience: company\n",
        &["acctsum.yaml:3:11", "`hide` of audience `company` must be a list of field paths, found text"],
    );
    refused(
        "audiences:\n  company:\n    hide:\ndefault_audience: company\n",
        &[
            "acctsum.yaml:3:5",
            "`hide` of audience `company` must be a list of field paths, found nothing (null)",
            "write `hide: []` for an audience that sees everything",
        ],
    );
    refused(
        "audiences:\n  company:\ndefault_audience: company\n",
        &["acctsum.yaml:2:3", "audience `company` needs a `hide` list"],
    );
}

#[test]
fn the_config_schema_describes_audiences() {
    let tmp = tempfile::tempdir().expect("tmp");
    let out = acctsum(tmp.path()).args(["schema", "--config"]).output().expect("run");
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let audiences = &schema["properties"]["audiences"];
    assert_eq!(audiences["additionalProperties"]["required"], serde_json::json!(["hide"]));
    assert_eq!(audiences["additionalProperties"]["properties"]["hide"]["type"], "array");
    assert!(audiences["propertyNames"]["pattern"].is_string());
    assert!(schema["properties"]["default_audience"]["pattern"].is_string());
    assert_eq!(schema["then"]["required"], serde_json::json!(["default_audience"]));
}

#[test]
fn the_examples_company_audience_hides_what_it_names_and_leads_see_everything() {
    let guide = example_guide();
    let company = guide.audience(None).expect("default").expect("declared");
    assert_eq!(company.name, "company");
    let measure = |section: &'static str, key: &'static str| FieldPath::key(section).field(key);
    let hidden = [
        FieldPath::item("risks", 0).field("title"),
        FieldPath::item("actions", 2),
        measure("account_status", "commercial").field("score"),
        measure("account_status", "team").field("notes"),
        measure("strategy", "growth").field("action"),
    ];
    let shown = [
        FieldPath::key("headline"),
        FieldPath::key("leads").field("account"),
        measure("account_status", "team").field("score"),
        measure("strategy", "growth").field("notes"),
        FieldPath::item("objectives", 0).field("title"),
    ];
    for path in &hidden {
        assert!(company.hides(path), "company should not see {path}");
    }
    for path in &shown {
        assert!(!company.hides(path), "company should see {path}");
    }
    assert!(company.hides_section("risks") && company.hides_section("actions"));
    assert!(!company.hides_section("account_status"), "only some of it is hidden");
    assert!(company.hides_within(&FieldPath::key("account_status")));
    let leads = guide.audience(Some("leads")).expect("declared").expect("leads");
    assert!(hidden.iter().chain(&shown).all(|path| !leads.hides(path)));
}

#[test]
fn an_unknown_audience_asked_for_is_a_usage_error_with_did_you_mean() {
    let guide = example_guide();
    let error = guide.audience(Some("Company")).expect_err("unknown");
    match acctsum::error::Error::from(error) {
        acctsum::error::Error::Usage { message, help } => {
            assert_eq!(message, "unknown audience `Company`");
            assert_eq!(help.as_deref(), Some("did you mean `company`?"));
        }
        other => panic!("not a usage error: {other:?}"),
    }
    assert_eq!(Guide::default().audience(None), Ok(None), "no audiences: nothing is hidden");
}

#[test]
fn a_megabyte_hide_path_is_refused_with_its_location() {
    // "Did you mean" once compared every character of the path with every candidate
    // (11 s for this file in a debug build); the lengths now rule it out at once. No timing
    // here: a generous timeout only stops a hang.
    let long = "x".repeat(1_000_000);
    let config = format!("audiences:\n  company:\n    hide: [{long}]\ndefault_audience: company\n");
    let ws = workspace(&config, &[("engagements/north/a.yaml", CLEAN)]);
    let out = acctsum(ws.path()).arg("check").timeout(std::time::Duration::from_secs(120)).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("acctsum.yaml:3:12"));
}
