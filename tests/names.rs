//! Issue 15 part 3: names as people type them. Every place a person, client, engagement
//! or field is matched by name ignores case, accents and extra spaces.

mod common;

use common::{GitRepo, acctsum, workspace};

const FILE: &str = include_str!("golden/workspace/engagements/north/acme-payments.yaml");

/// A workspace with engagements whose names, clients and leads carry accents.
fn accented() -> tempfile::TempDir {
    let zurich = FILE
        .replace("Acme Payments Platform", "Zürich Ledger Migration")
        .replace("client: Acme Bank", "client: Crème Brûlée Bakeries")
        .replace("account: Jane Smith", "account: Siobhán Kearney")
        .replace("tech: [Raj Patel, Li Wei]", "tech: [Łukasz Nowak, Li Wei]")
        .replace("relationship: Sam Lee", "relationship: José Ferreira");
    workspace(
        "acctsum: 1\nregions: [north, south]\n",
        &[("engagements/north/acme-payments.yaml", FILE), ("engagements/north/zurich-ledger.yaml", zurich.as_str())],
    )
}

#[test]
fn leads_finds_people_without_their_accents() {
    let ws = accented();
    for (typed, person) in
        [("siobhan", "Siobhán Kearney"), ("LUKASZ", "Łukasz Nowak"), ("jose  ferreira", "José Ferreira")]
    {
        let ran = acctsum(ws.path(), &["leads", typed]);
        assert_eq!(ran.code, 0, "{typed}: {}", ran.stderr);
        assert!(ran.stdout.contains(person), "{typed}: {}", ran.stdout);
        assert!(ran.stdout.contains("Zürich Ledger Migration"), "{typed}: {}", ran.stdout);
        assert!(!ran.stdout.contains("Acme Payments Platform"), "{typed}: {}", ran.stdout);
    }
}

#[test]
fn report_lead_and_client_filters_ignore_accents() {
    let ws = accented();
    for args in [
        ["--lead", "siobhan"],
        ["--lead", "lukasz"],
        ["--lead", "jose"],
        ["--client", "creme brulee"],
        ["--client", "CREME  BRULEE bakeries"],
    ] {
        let ran = acctsum(ws.path(), &[&["report", "--format", "json"][..], &args[..]].concat());
        let json: serde_json::Value = serde_json::from_str(&ran.stdout).expect(&ran.stderr);
        let names: Vec<&str> = json["engagements"]
            .as_array()
            .expect("engagements")
            .iter()
            .filter_map(|e| e["engagement"].as_str())
            .collect();
        assert_eq!(names, ["Zürich Ledger Migration"], "{args:?}");
    }
}

#[test]
fn history_finds_an_engagement_without_its_accents() {
    let repo = GitRepo::new("acctsum: 1\nregions: [north, south]\n");
    repo.write(
        "engagements/north/zurich-ledger.yaml",
        &FILE.replace("Acme Payments Platform", "Zürich Ledger Migration"),
    );
    repo.commit("2026-11-01", "base");
    let ran = acctsum(repo.path(), &["history", "zurich ledger", "--format", "json"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("engagements/north/zurich-ledger.yaml"), "{}", ran.stdout);
}

#[test]
fn guide_finds_a_field_or_measure_in_any_case() {
    let ws = accented();
    let ran = acctsum(ws.path(), &["guide", "Customer"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("Customer happiness"), "{}", ran.stdout);
    let ran = acctsum(ws.path(), &["guide", "Leads.Relationship"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.contains("leads.relationship"), "{}", ran.stdout);
}

#[test]
fn site_rows_carry_the_name_key_for_the_search() {
    let ws = accented();
    let out = ws.path().join("site");
    let ran = acctsum(ws.path(), &["site", "-o", out.to_str().expect("utf-8")]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    let row = index.lines().find(|l| l.contains("data-search=\"zurich ledger migration")).unwrap_or_else(|| {
        panic!("no row keyed `zurich ledger migration`:\n{index}");
    });
    for key in ["creme brulee bakeries", "siobhan kearney", "lukasz nowak", "jose ferreira"] {
        assert!(row.contains(key), "{key} missing from {row}");
    }
}
