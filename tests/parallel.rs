//! Checking in parallel gives output identical to checking serially (SPEC §7), on a
//! workspace made by the corpus generator, planted defects and cross-file findings included.

mod common;

#[allow(dead_code, unreachable_pub)]
#[path = "../bench/gen_corpus.rs"]
mod gen_corpus;

#[test]
fn parallel_check_equals_serial_check_on_a_generated_workspace() {
    let tmp = common::files::workspace_of(gen_corpus::WORKSPACE_CONFIG, gen_corpus::generate(400, 11, 10));
    for format in ["json", "human", "short", "github"] {
        let serial = common::acctsum(tmp.path(), &["check", "-j", "1", "--format", format]);
        assert!(serial.stdout.contains("error"), "the planted defects are found");
        for jobs in ["2", "3", "8"] {
            let parallel = common::acctsum(tmp.path(), &["check", "-j", jobs, "--format", format]);
            assert_eq!(parallel.code, serial.code);
            assert!(parallel.stdout == serial.stdout, "{format} output with -j {jobs} differs from -j 1");
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&common::acctsum(tmp.path(), &["check", "--format", "json"]).stdout).expect("json");
    let rules: std::collections::BTreeSet<&str> =
        json["findings"].as_array().expect("list").iter().filter_map(|f| f["rule"].as_str()).collect();
    for rule in ["syntax", "unknown-field", "invalid-value", "score-out-of-range", "missing-field"] {
        assert!(rules.contains(rule), "{rule} among {rules:?}");
    }
}
