//! Every input in `tests/fuzz-regressions/` (crashes the fuzzer found, and hostile inputs
//! worth keeping) and every fixture goes through the fuzz targets' pipeline without a panic.

mod common;

use std::path::Path;

use common::files::files_under;

#[test]
fn regression_inputs_and_fixtures_pass_the_fuzz_pipeline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut inputs = Vec::new();
    files_under(&root.join("tests/fuzz-regressions"), &|_| true, &mut inputs);
    let regressions = inputs.len();
    assert!(regressions >= 5, "the regression inputs are there");
    files_under(&root.join("tests/fixtures"), &|_| true, &mut inputs);
    for path in &inputs {
        let data = std::fs::read(path).expect("read");
        let _ = acctsum::fuzzing::engagement(&data);
        acctsum::fuzzing::config(&data);
        acctsum::fuzzing::terminal(&data);
        let _ = acctsum::fuzzing::history(&data);
    }
}

#[test]
fn history_pipeline_reads_each_version() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions/history-versions.yaml");
    let data = std::fs::read(path).expect("read");
    assert_eq!(acctsum::fuzzing::history(&data), 6);
}
