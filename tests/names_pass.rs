//! Issue 12: `new`, `leads` and `history NAME` read names with a cheaper pass than the
//! whole check; for the fields it reads it must agree with the check, file by file.

use std::path::Path;

use acctsum::engine::{self, Options};
use acctsum::workspace::Workspace;

#[test]
fn the_names_pass_reads_names_clients_regions_and_leads_as_check_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut compared = 0;
    let mut workspaces = vec![root.join("examples"), root.join("tests/golden/workspace")];
    for rule in ["duplicate-engagement", "relationship-lead-conflict", "unknown-region", "invalid-type", "syntax"] {
        for case in std::fs::read_dir(root.join("tests/fixtures").join(rule)).expect("fixtures") {
            workspaces.push(case.expect("case").path());
        }
    }
    for dir in workspaces {
        let ws = Workspace::discover(Some(&dir), &dir).expect("workspace");
        let sources = ws.sources(&[], &dir).expect("sources");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
        let options = Options { today, keep_excerpts: false, models: engine::Models::Whole, jobs: 2 };
        let checked = engine::check(&ws.guide, &sources, options, &Default::default()).expect("check");
        let named = engine::names(&ws.guide, &sources, 2);
        assert_eq!(named.len(), checked.files.len());
        for (n, c) in named.iter().zip(&checked.files) {
            assert_eq!(n.source, c.source);
            let (n, c) = (n.engagement.as_ref(), c.engagement.as_ref());
            assert_eq!(n.is_some(), c.is_some(), "{}: readable in one pass only", dir.display());
            let (Some(n), Some(c)) = (n, c) else { continue };
            assert_eq!(
                (&n.path, &n.engagement, &n.client, &n.region, &n.leads),
                (&c.path, &c.engagement, &c.client, &c.region, &c.leads),
                "{}",
                c.path
            );
            assert!(n.actions.is_empty() && n.status.is_absent() && n.updated.is_absent(), "nothing else is read");
            compared += 1;
        }
    }
    assert!(compared > 20, "{compared}");
}
