//! Issue 16: past the per-file stage `check` keeps of each file only what its later stages
//! read — the model's fields the workspace stage reads, and the lines its findings'
//! snippets show. What it finds and shows must be what it finds and shows with the whole
//! model and the whole text, on every rule's fixtures, the golden workspace, the example
//! and a generated workspace.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use acctsum::engine::{self, Checked, Models, Options, Outcome};
use acctsum::facts::WorkspaceFacts;
use acctsum::finding::{Finding, RuleId};
use acctsum::render::{self, Style};
use acctsum::workspace::Workspace;

mod common;
#[allow(dead_code, unreachable_pub)]
#[path = "../bench/gen_corpus.rs"]
mod gen_corpus;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date")
}

/// Every rule's fixture cases, the golden workspace and the example.
fn workspaces() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = vec![root.join("examples"), root.join("tests/golden/workspace")];
    let mut rules: Vec<PathBuf> =
        std::fs::read_dir(root.join("tests/fixtures")).expect("fixtures").map(|e| e.expect("rule").path()).collect();
    rules.sort();
    for rule in rules {
        let mut cases: Vec<PathBuf> =
            std::fs::read_dir(rule).expect("cases").map(|e| e.expect("case").path()).filter(|p| p.is_dir()).collect();
        cases.sort();
        all.extend(cases);
    }
    all
}

/// A generated workspace with planted defects, in a temporary folder.
fn generated() -> tempfile::TempDir {
    common::files::workspace_of(gen_corpus::WORKSPACE_CONFIG, gen_corpus::generate(150, 5, 10))
}

/// `check`'s two stages over the workspace at `dir`, its review sessions included.
fn check(dir: &Path, keep_excerpts: bool, models: Models) -> Option<Outcome> {
    let ws = Workspace::discover(Some(dir), dir).ok()?;
    let sources = ws.sources(&[], dir).ok()?;
    let (reviews, mut findings) = acctsum::review::read(&ws.guide, &acctsum::review::sources(&ws));
    let options = Options { today: today(), keep_excerpts, models, jobs: 2 };
    let mut files = engine::read(&ws.guide, &sources, options);
    files.findings.append(&mut findings);
    let facts = WorkspaceFacts { reviews, ..WorkspaceFacts::default() };
    Some(engine::finish(&ws.guide, files, &facts))
}

#[test]
fn trimmed_models_give_check_the_findings_whole_models_give() {
    let tmp = generated();
    let mut compared = 0;
    for dir in workspaces().iter().map(PathBuf::as_path).chain([tmp.path()]) {
        let Some(whole) = check(dir, false, Models::Whole) else { continue };
        let trimmed = check(dir, false, Models::WorkspaceStage).expect("checked once, checked twice");
        assert_eq!(trimmed.findings, whole.findings, "{}", dir.display());
        assert_eq!(trimmed.acknowledged, whole.acknowledged, "{}", dir.display());
        assert_eq!(trimmed.files.len(), whole.files.len());
        for (t, w) in trimmed.files.iter().zip(&whole.files) {
            assert_eq!((&t.source, t.digest), (&w.source, w.digest));
            assert_eq!(t.engagement.is_some(), w.engagement.is_some());
            if let Some(t) = &t.engagement {
                assert!(t.objectives.is_empty() && t.headline.is_absent(), "{}: not trimmed", t.path);
            }
        }
        compared += 1;
    }
    assert!(compared > 100, "{compared} workspaces");
}

/// The human output of `findings` with each file's whole text, as `check` drew it before
/// it kept excerpts.
fn human_from_whole_texts(outcome: &Outcome, findings: &[Finding]) -> Vec<u8> {
    let texts: Vec<(String, String)> = outcome
        .files
        .iter()
        .filter(|f| f.source.refused.is_none())
        .filter_map(|f| {
            let bytes = acctsum::workspace::read_limited(&f.source.path).ok()?;
            let doc = acctsum::document::load(f.source.display.clone(), &bytes).doc?;
            Some((f.source.display.to_string(), doc.text))
        })
        .collect();
    let texts: HashMap<&str, &str> = texts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let mut out = Vec::new();
    render::human::findings(&mut out, findings, &texts, Style::PLAIN).expect("render");
    out
}

/// The human output of `findings`, a file at a time, each file's text made from what was kept.
fn human_from_kept_lines(outcome: &Outcome, findings: &[Finding]) -> Vec<u8> {
    let files: HashMap<&str, &Checked> = outcome.files.iter().map(|f| (&*f.source.display, f)).collect();
    let mut out = Vec::new();
    for group in findings.chunk_by(|a, b| a.path == b.path) {
        let text = files.get(&*group[0].path).and_then(|f| f.snippet_text(group));
        let texts: HashMap<&str, &str> = text.as_deref().map(|t| (&*group[0].path, t)).into_iter().collect();
        render::human::findings(&mut out, group, &texts, Style::PLAIN).expect("render");
    }
    out
}

#[test]
fn snippets_drawn_from_the_kept_lines_are_those_drawn_from_the_whole_files() {
    let tmp = generated();
    let (mut compared, mut read_again) = (0, 0);
    for dir in workspaces().iter().map(PathBuf::as_path).chain([tmp.path()]) {
        let Some(outcome) = check(dir, true, Models::WorkspaceStage) else { continue };
        // Review session files are read again for their snippets, as before: not here.
        let engagement_findings: Vec<Finding> = outcome
            .findings
            .iter()
            .filter(|f| outcome.files.iter().any(|c| c.source.display == f.path))
            .cloned()
            .collect();
        let whole = human_from_whole_texts(&outcome, &engagement_findings);
        let kept = human_from_kept_lines(&outcome, &engagement_findings);
        assert!(
            whole == kept,
            "{}:\n--- whole\n{}\n--- kept\n{}",
            dir.display(),
            String::from_utf8_lossy(&whole),
            String::from_utf8_lossy(&kept)
        );
        read_again += engagement_findings
            .iter()
            .filter(|f| {
                let file = outcome.files.iter().find(|c| c.source.display == f.path);
                file.and_then(|c| c.excerpt.as_ref()).is_some_and(|e| !e.covers(f.loc.offset))
            })
            .count();
        compared += 1;
    }
    assert!(compared > 100, "{compared} workspaces");
    // Workspace-level findings (duplicate engagements, acknowledgements, ...) point at
    // lines no finding of the file's own did: their files were read again.
    assert!(read_again > 10, "{read_again} findings drawn from files read again");
}

#[test]
fn a_file_changed_since_it_was_checked_shows_a_workspace_finding_without_a_snippet() {
    let tmp = tempfile::tempdir().expect("tmp");
    let file = |name: &str| {
        format!(
            "acctsum: 1\nengagement: Acme Payments\nclient: Acme Bank\nregion: north\nleads:\n  account: Jane Smith\nupdated: 2026-11-18\nstatus: green\nheadline: {name}\nnext_steps:\n  - Agree the roadmap\nservice_review:\n  last: 2026-11-03\n"
        )
    };
    std::fs::write(tmp.path().join("acctsum.yaml"), "acctsum: 1\n").expect("config");
    std::fs::create_dir_all(tmp.path().join("engagements/north")).expect("mkdir");
    for name in ["a", "b"] {
        std::fs::write(tmp.path().join(format!("engagements/north/{name}.yaml")), file(name)).expect("write");
    }
    let outcome = check(tmp.path(), true, Models::WorkspaceStage).expect("check");
    let of = |name: &str| -> (&Checked, Vec<&Finding>) {
        let path = format!("engagements/north/{name}.yaml");
        let checked = outcome.files.iter().find(|c| *c.source.display == *path).expect("file");
        (checked, outcome.findings.iter().filter(|f| *f.path == *path).collect())
    };
    let (a, found) = of("a");
    let duplicate = found.iter().copied().find(|f| f.rule == RuleId::DuplicateEngagement).expect("a duplicate");
    // It points at a line no finding of the file's own did: the file is read again.
    assert!(!a.excerpt.as_ref().expect("text").covers(duplicate.loc.offset));
    assert_eq!(a.snippet_text(found.iter().copied()).as_deref(), Some(file("a").as_str()));
    // Changed since: no snippet rather than a wrong one. The other file still has its own.
    std::fs::write(&a.source.path, file("a").replace("Acme Payments", "Acme Payments Platform")).expect("write");
    assert_eq!(a.snippet_text(found.iter().copied()), None);
    let (b, found) = of("b");
    assert_eq!(b.snippet_text(found.iter().copied()).as_deref(), Some(file("b").as_str()));
    // Without a text, the finding says where it is in its message.
    let mut out = Vec::new();
    render::human::findings(&mut out, std::slice::from_ref(duplicate), &HashMap::new(), Style::PLAIN).expect("render");
    assert!(String::from_utf8_lossy(&out).contains("engagements/north/a.yaml:2:13: engagement"), "{out:?}");
}
