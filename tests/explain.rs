//! Issue 15, part 4: `acctsum explain RULE` prints the rule's section of docs/rules.md,
//! built into the binary; `explain` alone lists the rules.

mod common;

use acctsum::explain::{PARTS, section};
use acctsum::finding::RuleId;
use common::acctsum;

/// `explain` needs no workspace: an empty folder will do.
fn run(args: &[&str]) -> common::Ran {
    let tmp = tempfile::tempdir().expect("tmp");
    acctsum(tmp.path(), args)
}

#[test]
fn every_rule_has_a_section_with_what_why_fix_and_example_and_explain_prints_it() {
    for &rule in RuleId::ALL {
        let id = rule.as_str();
        let text = section(rule).unwrap_or_else(|| panic!("docs/rules.md has no section ## `{id}`"));
        assert!(text.starts_with(&format!("## `{id}`\n")), "{id}");
        // The four parts open their paragraphs, in this order, once each.
        let mut last = 0;
        for part in PARTS {
            let starts: Vec<usize> = text.match_indices(&format!("\n{part} ")).map(|(i, _)| i).collect();
            assert_eq!(starts.len(), 1, "{id}: `{part}` opens {} paragraphs", starts.len());
            assert!(starts[0] > last, "{id}: `{part}` is out of order");
            last = starts[0];
        }

        let shown = run(&["explain", id]);
        assert_eq!(shown.code, 0, "{id}: {}", shown.stderr);
        assert!(shown.stdout.starts_with(&format!("{id}\n{}\n", "=".repeat(id.len()))), "{id}: {}", shown.stdout);
        for part in ["What.", "Why.", "How to fix.", "Example."] {
            assert!(shown.stdout.contains(&format!("\n{part} ")), "{id}: {part} missing from\n{}", shown.stdout);
        }
        for markup in ["**", "```", "](", "``"] {
            assert!(!shown.stdout.contains(markup), "{id}: markdown `{markup}` leaks into\n{}", shown.stdout);
        }
        for line in shown.stdout.lines().filter(|l| !l.starts_with("    ")) {
            assert!(line.chars().count() <= 100, "{id}: a prose line is wider than the terminal: {line}");
        }

        let markdown = run(&["explain", "--format", "markdown", id]);
        assert_eq!((markdown.code, markdown.stdout), (0, format!("{text}\n")), "{id}");
    }
}

#[test]
fn a_section_ends_where_the_next_rule_begins() {
    let stale = section(RuleId::Stale).expect("stale");
    assert!(!stale.contains("## `future-date`"));
    // The last rule's section runs to the end of the page, its example included.
    let last = RuleId::ALL.last().expect("rules");
    assert!(section(*last).expect("last").contains("**Example.**"));
}

#[test]
fn an_unknown_rule_exits_2_with_did_you_mean() {
    let typo = run(&["explain", "stael"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stdout.is_empty());
    assert!(typo.stderr.contains("`stael` is not a rule of acctsum"), "{}", typo.stderr);
    assert!(typo.stderr.contains("did you mean `stale`?"), "{}", typo.stderr);

    let far = run(&["explain", "nothing-like-it"]);
    assert_eq!(far.code, 2);
    assert!(far.stderr.contains("run `acctsum explain` to list every rule"), "{}", far.stderr);
}

#[test]
fn a_rule_is_found_whatever_its_case_and_spacing() {
    let shown = run(&["explain", " Missing-Field "]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(shown.stdout.starts_with("missing-field\n"));
}

#[test]
fn explain_alone_lists_every_rule_with_its_summary_and_default_severity() {
    let listed = run(&["explain"]);
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    for &rule in RuleId::ALL {
        let line = listed
            .stdout
            .lines()
            .find(|l| l.split_whitespace().next() == Some(rule.as_str()))
            .unwrap_or_else(|| panic!("{rule} is not listed:\n{}", listed.stdout));
        let words: Vec<&str> = line.split_whitespace().collect();
        assert_eq!(words[1], rule.default_severity().as_str(), "{line}");
        let first_words = rule.summary().split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        assert!(line.contains(&first_words), "{line}");
    }
}

#[test]
fn every_human_finding_ends_its_help_with_the_explain_pointer_and_no_other_format_has_it() {
    let ws = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/workspace");
    let human = acctsum(&ws, &["check"]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    // Each finding is a block of lines that starts `severity[rule]`; the summary line ends
    // the output.
    let mut findings: Vec<(&str, Vec<&str>)> = Vec::new();
    for line in human.stdout.lines().filter(|l| !l.trim().is_empty() && !l.contains(" checked: ")) {
        let header = line.strip_prefix("error[").or_else(|| line.strip_prefix("warning["));
        match (header.and_then(|h| h.strip_suffix(']')), findings.last_mut()) {
            (Some(rule), _) => findings.push((rule, Vec::new())),
            (None, Some((_, lines))) => lines.push(line),
            (None, None) => panic!("output before the first finding: {line}"),
        }
    }
    assert_eq!(findings.len(), 13, "{}", human.stdout);
    for (rule, lines) in &findings {
        let last = lines.last().expect("a finding has lines").trim_start();
        assert_eq!(last.trim_start_matches("help: "), format!("see: acctsum explain {rule}"), "{rule}: {lines:#?}");
    }
    assert!(
        human.stdout.contains("  help: see: acctsum explain"),
        "a finding without help gets the pointer as its help"
    );
    for format in ["short", "json", "github", "sarif"] {
        let other = acctsum(&ws, &["check", "--format", format]);
        assert_eq!(other.code, 1, "{format}");
        assert!(!other.stdout.contains("acctsum explain"), "{format} output carries the pointer");
    }
}

#[test]
fn findings_about_acctsum_yaml_carry_no_explain_pointer() {
    let ws = common::workspace("acctsum: 1\nrules: {stale: eror}\n", &[] as &[(&str, &str)]);
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("invalid-value"), "{}", ran.stderr);
    assert!(!ran.stderr.contains("acctsum explain"), "{}", ran.stderr);
}
