//! Issue 12: a pack for the meeting, not a data dump — the seed's word on scores at the
//! top and under the heat map, the headline in the summary, Needs attention as sentences
//! linked to their file and line (an error marked as one), the workspace's own findings
//! in one line, the first problem of a file that could not be read, and a region of six
//! engagements in at most 250 lines.

mod common;

use std::path::{Path, PathBuf};

use common::{acctsum, workspace};

const SEED: &str = "Scores are a self-assessment and an aid to focusing attention: they are not comparable between engagements, and a low score is not necessarily bad.";

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The north region's pack for the leads, who see everything (the examples' default
/// audience sees less: tests/redaction.rs).
fn north_pack() -> String {
    let ran = acctsum(&examples(), &["report", "--region", "north", "--format", "markdown", "--audience", "leads"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    ran.stdout
}

#[test]
fn the_pack_says_at_the_top_and_under_the_heat_map_that_scores_are_an_aid() {
    let pack = north_pack();
    let lines: Vec<&str> = pack.lines().collect();
    let top = lines.iter().position(|l| l.contains(SEED)).expect("the seed's word on scores");
    assert!(top < 6, "at the top: line {}", top + 1);
    let heat = lines.iter().position(|l| *l == "## Heat map").expect("a heat map");
    let under = lines[heat..].iter().position(|l| l.starts_with('|')).map(|t| heat + t).expect("its table");
    let after = lines[under..].iter().position(|l| !l.starts_with('|')).map(|a| under + a).expect("its end");
    assert!(lines[after + 1].contains(SEED), "under the heat map: {}", lines[after + 1]);
    assert_eq!(pack.matches(SEED).count(), 2, "once at the top, once under the heat map");
}

#[test]
fn the_summary_table_shows_the_headline() {
    let pack = north_pack();
    let header = pack.lines().find(|l| l.starts_with("| engagement | client |")).expect("summary");
    assert!(header.contains("| status | headline |"), "{header}");
    let row = pack.lines().find(|l| l.starts_with("| Humber Ports Vessel Scheduling |")).expect("row");
    assert!(row.contains("| The berth planner is live at Immingham"), "{row}");
}

#[test]
fn needs_attention_reads_as_sentences_linked_to_their_file_and_line() {
    let pack = north_pack();
    let note = "  - Action \"Send the updated data protection impact assessment to the DPO\" (Priya Raman) was due 2026-11-14, 6 days ago — [engagements/north/northern-mutual-open-banking.yaml#L27](engagements/north/northern-mutual-open-banking.yaml#L27)\n";
    assert!(pack.contains(note), "{pack}");
    assert!(!pack.contains("(line "), "no more \"(line 27, action-overdue)\":\n{pack}");
}

#[test]
fn a_rule_configured_as_error_is_marked_as_an_error_in_needs_attention() {
    let file =
        std::fs::read_to_string(examples().join("engagements/north/tynebridge-media-streaming.yaml")).expect("example");
    let ws = workspace(
        "regions: [north]\nrules:\n  service-review-overdue: error\n",
        &[("engagements/north/tynebridge.yaml", file)],
    );
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]).stdout;
    assert!(
        pack.contains("  - **Error**: Last service review was 2026-09-24, 57 days ago (due every 35 days) — [engagements/north/tynebridge.yaml#L22]"),
        "{pack}"
    );
}

#[test]
fn an_outdated_schema_is_one_line_of_the_pack_and_the_table() {
    let file =
        std::fs::read_to_string(examples().join("engagements/north/tynebridge-media-streaming.yaml")).expect("example");
    let ws = workspace("regions: [north]\n", &[("engagements/north/tynebridge.yaml", file)]);
    std::fs::create_dir_all(ws.path().join("schema")).expect("mkdir");
    std::fs::write(ws.path().join("schema/engagement.schema.json"), "{}").expect("schema");
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]).stdout;
    let line = pack.lines().filter(|l| l.starts_with("Workspace: ")).collect::<Vec<_>>();
    assert_eq!(line.len(), 1, "{pack}");
    assert!(line[0].contains("[schema/engagement.schema.json#L1](schema/engagement.schema.json#L1)"), "{}", line[0]);
    let table = acctsum(ws.path(), &["report"]).stdout;
    assert_eq!(table.matches("Workspace: ").count(), 1, "{table}");
    let json: serde_json::Value =
        serde_json::from_str(&acctsum(ws.path(), &["report", "--format", "json"]).stdout).expect("json");
    assert_eq!(json["workspace"][0]["rule"], "schema-outdated");
}

#[test]
fn could_not_be_read_names_each_file_s_first_problem() {
    let ws = workspace("regions: [north]\n", &[("engagements/north/broken.yaml", "acctsum: 1\nengagement: [oops\n")]);
    let pack = acctsum(ws.path(), &["report", "--format", "markdown"]).stdout;
    assert!(
        pack.contains(
            "| file | errors | first problem |\n| --- | --- | --- |\n| engagements/north/broken.yaml | 1 | syntax |\n"
        ),
        "{pack}"
    );
}

#[test]
fn a_region_of_six_engagements_fits_in_250_lines() {
    let north = std::fs::read_dir(examples().join("engagements/north")).expect("north").count();
    assert_eq!(north, 6, "the measure is of six engagements");
    let pack = north_pack();
    assert!(pack.lines().count() <= 250, "{} lines", pack.lines().count());
    // Every engagement still has its section, with every part of its file.
    assert_eq!(pack.matches("\n### ").count(), 6);
    for part in [
        "**Next steps**",
        "**Risk**",
        "**Action**",
        "**Objective**",
        "**Wins**",
        "**Stakeholders**",
        "**Opportunities**",
        "Leads: account",
    ] {
        assert!(pack.matches(part).count() >= 6, "{part}");
    }
}
