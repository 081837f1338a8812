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
