//! Test inputs found on disk: the files under a folder, the YAML test suite.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Every file under `dir` (recursively) that `keep` accepts, in no particular order; a
/// folder that cannot be read adds nothing.
pub fn files_under(dir: &Path, keep: &dyn Fn(&Path) -> bool, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, keep, out);
        } else if keep(&path) {
            out.push(path);
        }
    }
}

/// Whether a path names a YAML file (`.yaml` or `.yml`).
pub fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

#[derive(Deserialize)]
struct Suite {
    cases: Vec<Case>,
}

/// One case of the official YAML test suite (vendored in `tests/yaml-test-suite/` by
/// `scripts/yaml_test_suite.py`).
#[derive(Deserialize)]
pub struct Case {
    /// The suite's id of the case.
    pub id: String,
    /// The input.
    pub yaml: String,
    /// Whether the input is invalid YAML.
    pub fail: bool,
    /// How many documents a valid input holds.
    pub documents: Option<usize>,
}

/// Every case of the YAML test suite.
pub fn yaml_suite() -> Vec<Case> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/yaml-test-suite/cases.json");
    let text = std::fs::read_to_string(path).expect("tests/yaml-test-suite/cases.json");
    serde_json::from_str::<Suite>(&text).expect("cases.json").cases
}

/// A workspace in a new temporary folder: `config` as its `acctsum.yaml` and each
/// `(relative path, text)` of `files` (a generated corpus, say) written under it.
pub fn workspace_of(config: &str, files: Vec<(String, String)>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    std::fs::write(tmp.path().join("acctsum.yaml"), config).expect("config");
    for (path, text) in files {
        let path = tmp.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    tmp
}
