//! The loader against the official YAML test suite (vendored in `tests/yaml-test-suite/`
//! by `scripts/yaml_test_suite.py`): strict indentation must keep accepting valid YAML 1.2,
//! and the invalid inputs the parser catches must stay caught.
#![allow(clippy::print_stderr, reason = "the figures are the point of this test; cargo shows them with --nocapture")]

mod common;

use std::sync::Arc;

use acctsum::document::{self, Loaded};
use acctsum::finding::RuleId;
use common::files::{Case, yaml_suite as suite};

/// Valid inputs of the suite may be refused by strict indentation, at most this share (%).
const MAX_VALID_REJECTED_PERCENT: usize = 2;
/// Invalid inputs of the suite (94) the loader rejects as invalid YAML, with strict
/// indentation on. Lenient (PyYAML-compatible) indentation rejected 90 and accepted
/// `9C9N`, `DK95/01` and `QB6E`; `QLJ7` is refused only for its second document either way.
const MIN_INVALID_REJECTED: usize = 93;

fn load(case: &Case) -> Loaded {
    document::load(Arc::from(case.id.as_str()), case.yaml.as_bytes())
}

/// The syntax findings of a load, less the refusal of a second document (a rule of the
/// format, not of YAML).
fn syntax_errors(loaded: &Loaded) -> Vec<String> {
    loaded
        .findings
        .iter()
        .filter(|f| f.rule == RuleId::Syntax && !f.message.starts_with("more than one YAML document"))
        .map(|f| format!("{}:{}: {}", f.loc.line, f.loc.col, f.message))
        .collect()
}

#[test]
fn valid_yaml_is_still_accepted_under_strict_indentation() {
    let cases = suite();
    let valid: Vec<&Case> = cases.iter().filter(|c| !c.fail).collect();
    let mut rejected = Vec::new();
    let mut multi = 0;
    for case in &valid {
        let loaded = load(case);
        let errors = syntax_errors(&loaded);
        if !errors.is_empty() {
            rejected.push(format!("{} ({})", case.id, errors.join("; ")));
        } else if case.documents.unwrap_or(0) > 1 {
            // Refused as a second document, by design: counted apart.
            multi += 1;
        }
    }
    eprintln!(
        "valid cases: {} — accepted {}, refused for holding several documents {multi}, rejected {}: {rejected:#?}",
        valid.len(),
        valid.len() - multi - rejected.len(),
        rejected.len()
    );
    assert!(
        rejected.len() * 100 <= valid.len() * MAX_VALID_REJECTED_PERCENT,
        "{} of {} valid YAML inputs rejected (more than {MAX_VALID_REJECTED_PERCENT} %): {rejected:#?}",
        rejected.len(),
        valid.len()
    );
}

#[test]
fn invalid_yaml_the_parser_catches_stays_caught() {
    let cases = suite();
    let invalid: Vec<&Case> = cases.iter().filter(|c| c.fail).collect();
    let mut missed = Vec::new();
    let mut only_as_second_document = Vec::new();
    for case in &invalid {
        let loaded = load(case);
        if !syntax_errors(&loaded).is_empty() {
            continue;
        }
        if loaded.findings.iter().any(|f| f.rule == RuleId::Syntax) {
            only_as_second_document.push(case.id.as_str());
        } else {
            missed.push(case.id.as_str());
        }
    }
    let caught = invalid.len() - missed.len() - only_as_second_document.len();
    eprintln!(
        "invalid cases: {} — rejected as invalid YAML {caught}, refused only for a second document {} {only_as_second_document:?}, accepted {} {missed:?}",
        invalid.len(),
        only_as_second_document.len(),
        missed.len()
    );
    assert!(
        caught >= MIN_INVALID_REJECTED,
        "only {caught} of {} invalid YAML inputs rejected (at least {MIN_INVALID_REJECTED} expected); accepted: {missed:?}",
        invalid.len()
    );
}
