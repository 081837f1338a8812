//! Every command the README shows on `examples/` runs as written, as of the date the
//! examples describe (issue 15).

use std::path::Path;
use std::process::Command;

/// The README's one command for the main job, kept literally working from a fresh clone.
const MAIN_JOB: &str = "cargo run --release -- -C examples --today 2026-11-20 check";

/// The command lines of `markdown`: each line of a fenced code block (a `console` block's
/// `$ ` prompt removed) and each inline code span, that starts with `acctsum ` or
/// `cargo run --release -- `.
fn command_lines(markdown: &str) -> Vec<String> {
    let mut commands = Vec::new();
    let mut prose = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            commands.push(line.strip_prefix("$ ").unwrap_or(line).to_owned());
        } else {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    // Odd pieces between backticks are inline code; a span may wrap onto the next line.
    commands
        .extend(prose.split('`').skip(1).step_by(2).map(|span| span.split_whitespace().collect::<Vec<_>>().join(" ")));
    commands.retain(|c| c.starts_with("acctsum ") || c.starts_with("cargo run --release -- "));
    commands
}

/// Splits a command line as a POSIX shell would for the simple lines a README shows:
/// words, double and single quotes, and a trailing `# comment`. Anything more (pipes,
/// redirections, substitutions) is refused, so that no line passes untried.
fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '#' if word.is_none() => break,
            c if c.is_whitespace() => words.extend(word.take()),
            '"' | '\'' => {
                let quoted: String = chars.by_ref().take_while(|&q| q != c).collect();
                word.get_or_insert_with(String::new).push_str(&quoted);
            }
            '|' | '&' | ';' | '>' | '<' | '$' | '\\' | '`' | '*' => {
                panic!("the README test cannot run shell syntax `{c}` in: {line}")
            }
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// Whether the command line runs acctsum on `examples/` (`-C examples`).
fn on_examples(words: &[String]) -> bool {
    words.windows(2).any(|w| w[0] == "-C" && w[1] == "examples")
}

#[test]
fn every_readme_command_on_the_examples_runs_as_written_as_of_their_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    assert!(readme.lines().any(|l| l == MAIN_JOB), "the README's main job must read `{MAIN_JOB}`");
    let examples = root.join("examples");
    // Files the commands write (`-o north.md`) land here, not in the repository.
    let cwd = tempfile::tempdir().expect("tmp");
    let mut ran = 0;
    // Only lines that may name examples/ are split: the others may use any shell syntax.
    for line in command_lines(&readme).into_iter().filter(|l| l.contains("examples")) {
        let words = words(&line);
        if !on_examples(&words) {
            continue;
        }
        assert!(
            words.windows(2).any(|w| w[0] == "--today" && w[1] == "2026-11-20"),
            "a README command on examples/ must pin the date they describe (--today 2026-11-20): {line}"
        );
        let cargo_run = words.len() > 4 && words[..4] == ["cargo", "run", "--release", "--"];
        let args = if cargo_run { &words[4..] } else { &words[1..] };
        let args: Vec<&Path> =
            args.iter().map(|a| if a == "examples" { examples.as_path() } else { Path::new(a.as_str()) }).collect();
        let out = Command::new(env!("CARGO_BIN_EXE_acctsum"))
            .args(&args)
            .current_dir(cwd.path())
            .env_remove("ACCTSUM_TODAY")
            .env("NO_COLOR", "1")
            .output()
            .expect("run acctsum");
        let code = out.status.code();
        assert!(
            matches!(code, Some(0 | 1)),
            "README command exits {code:?} (0, or 1 for findings, expected): {line}\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    // The main job, the reviewer's five, the terminal and pack examples.
    assert!(ran >= 8, "only {ran} README commands on examples/ found");
}

#[test]
fn command_lines_are_found_in_blocks_and_spans_and_split_like_a_shell() {
    let markdown = "Run `acctsum -C examples\ncheck` now.\n\n```sh\nacctsum leads \"Siobhán Ó\"   # who\nls\n```\n";
    let lines = command_lines(markdown);
    assert_eq!(lines, ["acctsum leads \"Siobhán Ó\"   # who", "acctsum -C examples check"]);
    assert_eq!(words(&lines[0]), ["acctsum", "leads", "Siobhán Ó"]);
    assert!(on_examples(&words(&lines[1])));
}
