//! The YAML mistakes leads make most (issue 15), each typed once into a copy of an example
//! file (`examples/engagements/north/humber-ports-vessel-scheduling.yaml`) under
//! `tests/fixtures/<rule>/bad-*/`: the finding's rule, line, column, message and help are
//! pinned here, since a fixture's `expected.out` holds no help.

mod common;

use std::path::Path;

use serde_json::Value;

/// (rule, line, column, message, help) of the one finding of fixture `rule/case`.
fn finding(rule: &str, case: &str) -> (String, u64, u64, String, String) {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(rule).join(case);
    let ran = common::acctsum(&ws, &["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&ran.stdout).unwrap_or_else(|e| panic!("{e}: {}", ran.stdout));
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), 1, "{rule}/{case}: {findings:#?}");
    let f = &findings[0];
    let text = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
    let num = |k: &str| f[k].as_u64().unwrap_or_default();
    (text("rule"), num("line"), num("column"), text("message"), text("help"))
}

fn pinned(rule: &str, line: u64, column: u64, message: &str, help: &str) -> (String, u64, u64, String, String) {
    (rule.to_owned(), line, column, message.to_owned(), help.to_owned())
}

#[test]
fn a_colon_and_space_in_plain_text_says_to_quote_the_text() {
    assert_eq!(
        finding("syntax", "bad-colon-in-text"),
        pinned(
            "syntax",
            13,
            17,
            "the text of `headline` has a colon followed by a space, which YAML reads as the start of another \
             `key: value` (YAML parser: mapping values are not allowed in this context)",
            "put the text in quotes: headline: \"Status: Hull waits on the tide-gauge feed\"",
        )
    );
}

#[test]
fn a_list_item_read_as_a_mapping_says_why_and_to_quote_it() {
    assert_eq!(
        finding("invalid-type", "bad-item-read-as-mapping"),
        pinned(
            "invalid-type",
            19,
            5,
            "an item of `next_steps` must be text, but YAML read it as `key: value` because of the colon after \
             `Harbour master`",
            "put the item in quotes: - \"Harbour master: write up the Immingham berth utilisation figures for the \
             port director\"",
        )
    );
}

#[test]
fn a_tab_as_indentation_is_reported_at_the_tab_not_the_line_before() {
    assert_eq!(
        finding("syntax", "bad-tab-before-key"),
        pinned(
            "syntax",
            29,
            1,
            "tabs can't indent YAML; use spaces (YAML parser: while scanning a plain scalar, found a tab)",
            "replace the tab at the start of this line with spaces, lining it up with the lines it belongs with \
             (most editors can insert spaces when Tab is pressed)",
        )
    );
}

#[test]
fn items_under_an_empty_flow_list_say_to_remove_the_brackets_at_the_brackets() {
    assert_eq!(
        finding("syntax", "bad-items-under-empty-list"),
        pinned(
            "syntax",
            70,
            7,
            "`wins: []` says `wins` is empty, so the lines below it can't be added to it (YAML parser: while \
             parsing a block mapping, did not find expected key)",
            "remove the `[]`: write `wins:` and keep the items below it",
        )
    );
}

#[test]
fn a_key_between_two_indentations_names_its_section_and_the_indentation() {
    assert_eq!(
        finding("syntax", "bad-key-between-indents"),
        pinned(
            "syntax",
            29,
            4,
            "`due` is indented 3 spaces, which lines up with no section above it (YAML parser: while parsing a \
             block collection, did not find expected '-' indicator)",
            "it probably belongs with `owner` (line 28) in `actions`: indent it 4 spaces",
        )
    );
    assert_eq!(
        finding("syntax", "bad-key-indented-further"),
        pinned(
            "syntax",
            29,
            6,
            "`due` is indented 5 spaces, further than `owner` on the line above, so YAML reads it as more of the \
             text of `owner` (YAML parser: mapping values are not allowed in this context)",
            "indent it 4 spaces like `owner` (line 28)",
        )
    );
}

#[test]
fn a_date_written_day_first_or_with_a_month_name_suggests_the_iso_date() {
    assert_eq!(
        finding("invalid-value", "bad-date-day-month"),
        pinned(
            "invalid-value",
            26,
            10,
            "`due` of action 1 is `1/12/2026`, not a date in the form YYYY-MM-DD",
            "write 2026-12-01: `1/12/2026` was read as day/month (the UK order), 1 December 2026; YYYY-MM-DD \
             avoids the ambiguity (if you meant the other order, swap day and month)",
        )
    );
    assert_eq!(
        finding("invalid-value", "bad-date-month-name"),
        pinned(
            "invalid-value",
            26,
            10,
            "`due` of action 1 is `12 Nov 2026`, not a date in the form YYYY-MM-DD",
            "write 2026-11-12 (12 November 2026): dates are written YYYY-MM-DD, which no one can misread",
        )
    );
}

#[test]
fn a_misspelt_key_says_did_you_mean_once_and_the_missing_field_points_to_it() {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/missing-field/bad-misspelt-key");
    let ran = common::acctsum(&ws, &["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&ran.stdout).expect("json");
    let got: Vec<(String, u64, u64, String, String)> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let text = |k: &str| f[k].as_str().unwrap_or_default().to_owned();
            (
                text("rule"),
                f["line"].as_u64().unwrap_or(0),
                f["column"].as_u64().unwrap_or(0),
                text("message"),
                text("help"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            // Line 1: SPEC.md reports a field missing from the whole document there.
            pinned(
                "missing-field",
                1,
                1,
                "missing required field `client`: `cleint` at line 4 looks like it misspelt",
                "see the unknown field `cleint` at line 4",
            ),
            pinned("unknown-field", 4, 1, "unknown field `cleint` at the top level", "did you mean `client`?"),
        ]
    );
    assert_eq!(ran.stdout.matches("did you mean").count(), 1, "said once");
}
