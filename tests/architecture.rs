//! Issue 12: the library takes options, not clap types, and only `render/` writes output.
//! Checked on the source text, so that a new shortcut fails here rather than in review.

use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every source file of the crate, with its path relative to `src/`.
fn files() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    sources(&src, &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let rel = p.strip_prefix(&src).expect("inside").to_string_lossy().replace('\\', "/");
            (rel, std::fs::read_to_string(&p).expect("read"))
        })
        .collect()
}

/// The lines of `text` outside comments that contain `needle`.
fn code_lines<'a>(text: &'a str, needle: &str) -> Vec<&'a str> {
    text.lines().filter(|l| !l.trim_start().starts_with("//") && l.contains(needle)).collect()
}

#[test]
fn only_cli_rs_knows_clap() {
    let mut offenders = Vec::new();
    for (rel, text) in files() {
        if rel == "cli.rs" {
            continue;
        }
        for needle in ["clap::", "clap_complete", "clap_mangen", "crate::cli", "use clap"] {
            for line in code_lines(&text, needle) {
                offenders.push(format!("{rel}: {}", line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "clap outside cli.rs:\n{}", offenders.join("\n"));
}

#[test]
fn only_render_writes_to_the_output_streams() {
    let mut offenders = Vec::new();
    for (rel, text) in files() {
        if rel.starts_with("render/") {
            continue;
        }
        let needles =
            ["writeln!(io.", "write!(io.", "io.out.write", "io.err.write", "println!", "print!(", "eprint", "dbg!"];
        for needle in needles {
            for line in code_lines(&text, needle) {
                offenders.push(format!("{rel}: {}", line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "output written outside render/:\n{}", offenders.join("\n"));
}

/// The renderers that draw the view model (report, history, leads).
fn draws_the_view(rel: &str) -> bool {
    matches!(
        rel,
        "render/table.rs"
            | "render/markdown.rs"
            | "render/json.rs"
            | "render/csv.rs"
            | "render/history.rs"
            | "render/leads.rs"
            | "render/words.rs"
    ) || rel.starts_with("render/markdown/")
        || rel.starts_with("render/json/")
        // The site's pages; its field guide draws the configuration, as `render/guide.rs` does.
        || (rel.starts_with("render/site/") && rel != "render/site/guide.rs")
}

#[test]
fn renderers_do_not_decide_facts() {
    // Issue 12: facts are decided once (the rules, then the report and the view); the
    // renderers map the view's enums to words, symbols and colours. They never ask the
    // guide for thresholds or bands, compare dates, pick findings by rule, or reach past
    // the view into the report, the model or the history.
    let needles = [
        "is_low(",
        ".band(",
        "scale.",
        "stale_after_days",
        "service_review_days",
        "support_stale_days",
        "today()",
        "today -",
        "- today",
        "num_days",
        "Local::now",
        ".rule ==",
        "crate::report",
        "crate::model",
        "crate::history",
        "crate::guide",
        "crate::engine",
    ];
    let mut offenders = Vec::new();
    let mut seen = 0;
    for (rel, text) in files() {
        if !draws_the_view(&rel) {
            continue;
        }
        seen += 1;
        // Unit tests may build whatever they draw.
        let text = text.split("#[cfg(test)]").next().unwrap_or_default();
        for needle in needles {
            for line in code_lines(text, needle) {
                offenders.push(format!("{rel}: `{needle}` in {}", line.trim()));
            }
        }
        // A rule named by its variant (`RuleId::Stale`): a fact picked out of the findings.
        for line in code_lines(text, "RuleId::") {
            if line.split("RuleId::").skip(1).any(|rest| rest.starts_with(|c: char| c.is_ascii_uppercase())) {
                offenders.push(format!("{rel}: a rule by name in {}", line.trim()));
            }
        }
    }
    assert!(seen >= 10, "the renderers moved: {seen} found");
    assert!(offenders.is_empty(), "a renderer decides a fact:\n{}", offenders.join("\n"));
}

#[test]
fn one_query_says_who_leads_what() {
    // Issue 12: `render/leads.rs` held a query that duplicated `report::people`.
    for (rel, text) in files() {
        if rel.starts_with("render/") {
            assert!(code_lines(&text, "to_lowercase").is_empty(), "{rel} matches names itself");
            assert!(code_lines(&text, "fn rows").is_empty(), "{rel} selects rows itself");
        }
    }
}
