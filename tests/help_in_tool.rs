//! Issue 15, part 4: help in the tool — `guide` says what good looks like and what scores
//! are, `man` has EXIT STATUS and FILES, and `--help` and the completions know `explain`.

mod common;

use std::path::Path;

use acctsum::good::{INTRO, SELF_ASSESSMENT, TITLE, WHAT_GOOD_LOOKS_LIKE};
use common::acctsum;

/// Text with every run of white space made one space, so that wrapping does not matter.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn guide_shows_what_good_looks_like_and_the_self_assessment_caveat() {
    let tmp = tempfile::tempdir().expect("tmp");
    let guide = acctsum(tmp.path(), &["guide"]);
    assert_eq!(guide.code, 0, "{}", guide.stderr);
    let shown = flat(&guide.stdout);
    assert!(shown.contains(SELF_ASSESSMENT), "{}", guide.stdout);
    assert!(shown.contains(&format!("{TITLE} {INTRO}")), "{}", guide.stdout);
    for item in WHAT_GOOD_LOOKS_LIKE {
        assert!(shown.contains(&format!("- {item}")), "missing: {item}\n{}", guide.stdout);
    }
    // Before the fields: read first, as the process's page puts it.
    assert!(guide.stdout.find(TITLE) < guide.stdout.find("\nacctsum  (required)"));
    // The seed's words, not a paraphrase.
    assert_eq!(WHAT_GOOD_LOOKS_LIKE.len(), 8);
    assert!(SELF_ASSESSMENT.starts_with("This is a self-assessment by the people in the engagement"));
}

#[test]
fn the_sites_guide_page_lists_what_good_looks_like_with_the_caveat() {
    let ws = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/workspace");
    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("site");
    let ran = acctsum(&ws, &["site", "-o", dir.to_str().expect("utf-8")]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let page = std::fs::read_to_string(dir.join("guide.html")).expect("guide.html");
    let html = |text: &str| text.replace('&', "&amp;");
    assert!(page.contains(&html(SELF_ASSESSMENT)), "caveat");
    let list = page.split("<ul class=\"good\">").nth(1).and_then(|l| l.split("</ul>").next()).expect("the list");
    let items: Vec<String> = WHAT_GOOD_LOOKS_LIKE.iter().map(|i| format!("<li>{}</li>", html(i))).collect();
    assert_eq!(list, items.concat());
}

#[test]
fn the_manual_page_has_exit_status_and_files_after_the_generated_sections() {
    let tmp = tempfile::tempdir().expect("tmp");
    let man = acctsum(tmp.path(), &["man"]);
    assert_eq!(man.code, 0, "{}", man.stderr);
    let page = &man.stdout;
    let at = |heading: &str| page.find(heading).unwrap_or_else(|| panic!("no {heading} in\n{page}"));
    assert!(at(".SH SUBCOMMANDS") < at(".SH \"EXIT STATUS\""));
    assert!(at(".SH \"EXIT STATUS\"") < at(".SH \"FILES\""));
    let exit = &page[at(".SH \"EXIT STATUS\"")..at(".SH \"FILES\"")];
    for (code, meaning) in
        [("0", "no finding of error severity"), ("1", "at least one error"), ("2", "could not do its job")]
    {
        assert!(exit.contains(&format!(".TP\n\\fB{code}\\fR\n")), "{code}: {exit}");
        assert!(exit.contains(meaning), "{code}: {exit}");
    }
    let files = &page[at(".SH \"FILES\"")..];
    for file in ["acctsum.yaml", "engagements/**/*.yaml", "reviews/**/*.yaml", "schema/engagement.schema.json"] {
        assert!(files.contains(&format!("\\fB{}\\fR", file.replace('-', "\\-"))), "{file}: {files}");
    }
    // No line of the added text starts a roff request by accident.
    for line in files.lines().chain(exit.lines()) {
        assert!(
            !line.starts_with('\'') && (!line.starts_with('.') || line.starts_with(".TP") || line.starts_with(".SH")),
            "{line}"
        );
    }
}

#[test]
fn help_and_completions_list_explain() {
    let tmp = tempfile::tempdir().expect("tmp");
    let bin = || {
        let mut cmd = assert_cmd::Command::cargo_bin("acctsum").expect("binary");
        cmd.current_dir(tmp.path()).env("NO_COLOR", "1");
        cmd
    };
    let help = bin().arg("--help").output().expect("run");
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.lines().any(|l| l.trim_start().starts_with("explain ")), "{help}");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = acctsum(tmp.path(), &["completions", shell]);
        assert_eq!(script.code, 0, "{shell}");
        assert!(script.stdout.contains("explain"), "{shell} completion lacks explain");
    }
}
