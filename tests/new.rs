//! `new`, `init` and `leads`: scaffolds, refusals and who leads what.

mod common;

use std::path::{Path, PathBuf};

use common::acctsum;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn workspace(config: Option<&str>) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tmp");
    if let Some(config) = config {
        std::fs::write(tmp.path().join("acctsum.yaml"), config).expect("config");
    }
    tmp
}

const ZOE: &[&str] =
    &["new", "Zoë's Café Rollout", "--client", "Café Co", "--region", "north", "--account-lead", "Zoë Hart"];

#[test]
fn scaffold_for_the_default_guide() {
    let ws = workspace(None);
    let mut args = ZOE.to_vec();
    args.extend(["--tech-lead", "Raj Patel", "--tech-lead", "Li, Wei", "--delivery-lead", "Tom Jones"]);
    let ran = acctsum(ws.path(), &args);
    assert_eq!(
        (ran.code, ran.stdout.as_str()),
        (0, "created engagements/north/zoes-cafe-rollout.yaml\n"),
        "{}",
        ran.stderr
    );
    let text = std::fs::read_to_string(ws.path().join("engagements/north/zoes-cafe-rollout.yaml")).expect("created");
    common::golden(&golden_dir().join("new-default.yaml"), &text);
}

#[test]
fn scaffold_for_a_custom_guide() {
    let config = "regions: [North, South]\nscale: {min: 0, max: 10, low: 3}\nmeasures:\n  account_status:\n    - {key: client_joy, name: Client joy, guide: Are they smiling?}\n  strategy: []\n";
    let ws = workspace(Some(config));
    let ran =
        acctsum(ws.path(), &["new", "Data Mesh", "--client", "Acme", "--region", "north", "--account-lead", "Ann"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    // The region takes its configured spelling.
    let text = std::fs::read_to_string(ws.path().join("engagements/north/data-mesh.yaml")).expect("created");
    assert!(text.contains("\nregion: North\n"));
    common::golden(&golden_dir().join("new-custom.yaml"), &text);
}

#[test]
fn check_lists_exactly_what_is_left_to_fill_in() {
    let ws = workspace(Some("regions: [north]\n"));
    assert_eq!(acctsum(ws.path(), ZOE).code, 0);
    let ran = acctsum(ws.path(), &["check", "--format", "short"]);
    assert_eq!(ran.code, 1);
    // Each line up to the rule: `path:line:col: severity[rule]`.
    let got: Vec<String> = ran.stdout.lines().map(|l| l.split(": ").take(2).collect::<Vec<_>>().join(": ")).collect();
    let file = "engagements/north/zoes-cafe-rollout.yaml";
    let text = std::fs::read_to_string(ws.path().join(file)).expect("file");
    let line_of = |needle: &str, nth: usize| {
        text.lines().enumerate().filter(|(_, l)| *l == needle).nth(nth).map(|(i, _)| i + 1).expect(needle)
    };
    let mut want = vec![
        format!("{file}:{}:1: error[missing-field]", line_of("status:", 0)),
        format!("{file}:{}:1: error[missing-field]", line_of("headline:", 0)),
        format!("{file}:{}:1: error[missing-field]", line_of("next_steps:", 0)),
        format!("{file}:{}:1: warning[service-review-missing]", line_of("service_review:", 0)),
    ];
    for nth in 0..11 {
        want.push(format!("{file}:{}:5: error[missing-field]", line_of("    score:", nth)));
    }
    assert_eq!(got, want, "\n{}", ran.stdout);
}

#[test]
fn the_modeline_points_at_the_schema_init_wrote() {
    let ws = workspace(None);
    assert_eq!(acctsum(ws.path(), &["init"]).code, 0);
    assert_eq!(acctsum(ws.path(), ZOE).code, 0);
    let file = ws.path().join("engagements/north/zoes-cafe-rollout.yaml");
    let text = std::fs::read_to_string(&file).expect("created");
    let target =
        text.lines().next().and_then(|l| l.strip_prefix("# yaml-language-server: $schema=")).expect("modeline");
    assert_eq!(target, "../../schema/engagement.schema.json");
    assert!(file.parent().expect("folder").join(target).is_file());
    // init wrote the schema for its own config: nothing to regenerate.
    let ran = acctsum(ws.path(), &["check", "--format", "short"]);
    assert!(!ran.stdout.contains("schema-outdated"), "{}", ran.stdout);
}

#[test]
fn never_overwrites() {
    let ws = workspace(None);
    assert_eq!(acctsum(ws.path(), ZOE).code, 0);
    let path = ws.path().join("engagements/north/zoes-cafe-rollout.yaml");
    std::fs::write(&path, "edited by a lead\n").expect("edit");
    let ran = acctsum(ws.path(), ZOE);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("engagements/north/zoes-cafe-rollout.yaml already exists"), "{}", ran.stderr);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "edited by a lead\n");
    let mut with_output = ZOE.to_vec();
    with_output.extend(["-o", "engagements/north/zoes-cafe-rollout.yaml"]);
    assert_eq!(acctsum(ws.path(), &with_output).code, 2);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "edited by a lead\n");
    let names: Vec<_> =
        std::fs::read_dir(path.parent().expect("dir")).expect("dir").map(|e| e.expect("e").file_name()).collect();
    assert_eq!(names.len(), 1, "no temporary file is left behind: {names:?}");
}

#[test]
fn names_that_slug_alike_are_refused_clearly() {
    let ws = workspace(None);
    assert_eq!(acctsum(ws.path(), ZOE).code, 0);
    let ran =
        acctsum(ws.path(), &["new", "Zoes Cafe Rollout!", "--client", "C", "--region", "north", "--account-lead", "P"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("already exists and holds the engagement \"Zoë's Café"), "{}", ran.stderr);
    // The same name in another region's folder is a duplicate engagement.
    let ran =
        acctsum(ws.path(), &["new", "zoë's café rollout", "--client", "C", "--region", "south", "--account-lead", "P"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("an engagement named \"zoë's café rollout\" already exists:"), "{}", ran.stderr);
    assert!(ran.stderr.contains("engagements/north/zoes-cafe-rollout.yaml"), "{}", ran.stderr);
    assert!(!ws.path().join("engagements/south").exists());
}

#[test]
fn names_cannot_escape_the_engagements_folder() {
    let ws = workspace(None);
    for (name, file) in [
        ("../../etc/passwd", "etc-passwd.yaml"),
        ("..\\..\\boot.ini", "boot-ini.yaml"),
        ("/abs/olute", "abs-olute.yaml"),
    ] {
        let ran = acctsum(ws.path(), &["new", name, "--client", "C", "--region", "../north", "--account-lead", "P"]);
        assert_eq!(ran.code, 0, "{name}: {}", ran.stderr);
        assert!(ws.path().join("engagements/north").join(file).is_file(), "{name}");
    }
    let ran = acctsum(ws.path(), &["new", "...", "--client", "C", "--region", "north", "--account-lead", "P"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("cannot make a file name"), "{}", ran.stderr);
}

#[test]
fn without_a_terminal_missing_options_are_named_not_asked() {
    let ws = workspace(None);
    let ran = acctsum(ws.path(), &["new", "Data Mesh", "--client", "  "]);
    assert_eq!(ran.code, 2);
    assert!(
        ran.stderr.contains("missing --client, --region, --account-lead (standard input is not a terminal"),
        "{}",
        ran.stderr
    );
    assert!(!ws.path().join("engagements").exists());
}

#[test]
fn the_region_must_be_configured() {
    let ws = workspace(Some("regions: [north, south, scotland]\n"));
    let ran = acctsum(ws.path(), &["new", "X", "--client", "C", "--region", "nroth", "--account-lead", "P"]);
    assert_eq!(ran.code, 2);
    assert!(ran.stderr.contains("did you mean `north`?"), "{}", ran.stderr);
}

#[test]
fn init_writes_a_workspace_and_refuses_to_overwrite() {
    let ws = workspace(None);
    let ran = acctsum(ws.path(), &["init"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    for file in ["acctsum.yaml", "schema/engagement.schema.json", "engagements/.gitkeep"] {
        assert!(ws.path().join(file).is_file(), "{file}");
    }
    let config = std::fs::read(ws.path().join("acctsum.yaml")).expect("config");
    common::golden(&golden_dir().join("init-acctsum.yaml"), &String::from_utf8_lossy(&config));
    // Review sessions have their place from the start: the glob, the folder and the schema
    // that `review new`'s modeline points at, as for engagements.
    let config = String::from_utf8_lossy(&config);
    assert!(config.contains("\nreviews: \"reviews/**/*.yaml\"\n"), "{config}");
    for file in ["reviews/.gitkeep", "schema/review.schema.json"] {
        assert!(ws.path().join(file).is_file(), "{file}");
    }
    let review_schema = std::fs::read_to_string(ws.path().join("schema/review.schema.json")).expect("schema");
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/review.schema.json"));
    assert_eq!(Some(review_schema), committed.ok());
    // A fresh workspace has nothing to check yet: that is no failure (its first CI run
    // passes), said plainly (issue 15).
    let ran = acctsum(ws.path(), &["check"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(ran.stdout.starts_with("no engagement files yet"), "{}", ran.stdout);
    std::fs::write(ws.path().join("acctsum.yaml"), "regions: [north]\n").expect("edit");
    let ran = acctsum(ws.path(), &["init"]);
    assert_eq!(ran.code, 2);
    // The message as one line, whatever the width it was wrapped to.
    let said = ran.stderr.split_whitespace().filter(|w| *w != "│").collect::<Vec<_>>().join(" ");
    assert!(said.contains("acctsum init wrote nothing in"), "{said}");
    assert!(
        said.contains(
            ": acctsum.yaml already exists; schema/engagement.schema.json already exists; schema/review.schema.json already exists"
        ),
        "{said}"
    );
    assert_eq!(std::fs::read_to_string(ws.path().join("acctsum.yaml")).expect("read"), "regions: [north]\n");
}

#[test]
fn init_keeps_a_reviews_folder_that_holds_sessions_and_refuses_a_review_schema_in_the_way() {
    let ws = workspace(None);
    let session = ws.path().join("reviews/north/2026-11-06.yaml");
    std::fs::create_dir_all(session.parent().expect("parent")).expect("mkdir");
    std::fs::write(&session, "acctsum: 1\nregion: north\ndate: 2026-11-06\n").expect("session");
    let ran = acctsum(ws.path(), &["init"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(!ws.path().join("reviews/.gitkeep").exists(), "a folder with files needs no placeholder");
    assert!(ws.path().join("engagements/.gitkeep").is_file());
    // Another workspace whose review schema is in the way: init writes nothing at all.
    let other = workspace(None);
    std::fs::create_dir_all(other.path().join("schema")).expect("mkdir");
    std::fs::write(other.path().join("schema/review.schema.json"), "{}").expect("schema");
    let ran = acctsum(other.path(), &["init"]);
    assert_eq!(ran.code, 2);
    assert!(!other.path().join("acctsum.yaml").exists());
    assert!(!other.path().join("reviews").exists());
    assert_eq!(std::fs::read_to_string(other.path().join("schema/review.schema.json")).expect("read"), "{}");
}

fn leads_workspace() -> tempfile::TempDir {
    let ws = workspace(None);
    for args in [
        vec![
            "new",
            "Payments",
            "--client",
            "Acme",
            "--region",
            "north",
            "--account-lead",
            "Jane Smith",
            "--tech-lead",
            "Raj Patel",
            "--tech-lead",
            "Li Wei",
        ],
        vec![
            "new",
            "Data",
            "--client",
            "Acme",
            "--region",
            "south",
            "--account-lead",
            "Raj Patel",
            "--delivery-lead",
            "Tom Jones",
        ],
        vec!["new", "Apps", "--client", "Beta", "--region", "south", "--account-lead", "Ann Lee"],
    ] {
        assert_eq!(acctsum(ws.path(), &args).code, 0);
    }
    ws
}

#[test]
fn leads_table_and_filter() {
    let ws = leads_workspace();
    let ran = acctsum(ws.path(), &["leads"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    common::golden(&golden_dir().join("leads.table"), &ran.stdout);
    let ran = acctsum(ws.path(), &["leads", "raj"]);
    assert_eq!(ran.code, 0);
    common::golden(&golden_dir().join("leads-raj.table"), &ran.stdout);
    let ran = acctsum(ws.path(), &["leads", "nobody"]);
    assert_eq!((ran.code, ran.stdout.as_str()), (0, ""));
    assert!(ran.stderr.contains("no engagement with a lead named like `nobody`"));
}

#[test]
fn leads_json() {
    let ws = leads_workspace();
    let ran = acctsum(ws.path(), &["leads", "RAJ", "--format", "json"]);
    assert_eq!(ran.code, 0);
    let json: serde_json::Value = serde_json::from_str(&ran.stdout).expect("json");
    let rows = json["engagements"].as_array().expect("rows");
    let got: Vec<(&str, Vec<&str>)> = rows
        .iter()
        .map(|r| {
            (
                r["engagement"].as_str().expect("name"),
                r["roles"].as_array().expect("roles").iter().map(|x| x.as_str().expect("role")).collect(),
            )
        })
        .collect();
    assert_eq!(got, vec![("Data", vec!["account"]), ("Payments", vec!["tech"])]);
    assert_eq!(rows[1]["leads"]["tech"], serde_json::json!(["Raj Patel", "Li Wei"]));
}

/// A workspace whose engagements for one client spell it `Harbour Finch Ltd`, naming the
/// Relationship Leads `leads` (one per file).
fn harbour_finch(leads: &[&str]) -> tempfile::TempDir {
    let file = include_str!("golden/workspace/engagements/north/acme-payments.yaml");
    let files: Vec<(String, String)> = leads
        .iter()
        .enumerate()
        .map(|(i, lead)| {
            let text = file
                .replace("Acme Payments Platform", &format!("Harbour Finch Stream {i}"))
                .replace("client: Acme Bank", "client: Harbour Finch Ltd")
                .replace("relationship: Sam Lee", &format!("relationship: {lead}"));
            (format!("engagements/north/harbour-finch-{i}.yaml"), text)
        })
        .collect();
    common::workspace("acctsum: 1\nregions: [north, south]\n", &files)
}

const LOYALTY: &[&str] =
    &["new", "Harbour Finch Loyalty", "--client", "harbour  finch", "--region", "south", "--account-lead", "Ann Lee"];

fn loyalty(ws: &tempfile::TempDir) -> String {
    std::fs::read_to_string(ws.path().join("engagements/south/harbour-finch-loyalty.yaml")).expect("created")
}

#[test]
fn new_client_takes_the_workspace_spelling_and_its_relationship_lead() {
    let ws = harbour_finch(&["Siobhán Kearney", "siobhan kearney "]);
    let ran = acctsum(ws.path(), LOYALTY);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let text = loyalty(&ws);
    assert!(text.contains("\nclient: Harbour Finch Ltd\n"), "{text}");
    assert!(text.contains("\n  relationship: Siobhán Kearney\n"), "{text}");
    assert!(
        ran.stderr.contains(
            "note: the client \"harbour  finch\" is spelt \"Harbour Finch Ltd\" in engagements/north/harbour-finch-0.yaml, engagements/north/harbour-finch-1.yaml; the new file uses that spelling"
        ),
        "{}",
        ran.stderr
    );
    assert!(
        ran.stderr
            .contains("note: leads.relationship is Siobhán Kearney, the Relationship Lead of Harbour Finch Ltd's"),
        "{}",
        ran.stderr
    );
    // Nothing for the check to say about the client or its lead.
    let check = acctsum(ws.path(), &["check", "--format", "short"]);
    assert!(!check.stdout.contains("client-name-drift"), "{}", check.stdout);
    assert!(!check.stdout.contains("relationship-lead-conflict"), "{}", check.stdout);
}

#[test]
fn new_client_with_disagreeing_relationship_leads_names_them_and_fills_none() {
    let ws = harbour_finch(&["Sam Lee", "Kim Ode", "Sam Lee"]);
    let ran = acctsum(ws.path(), LOYALTY);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let text = loyalty(&ws);
    assert!(text.contains("\nclient: Harbour Finch Ltd\n"), "{text}");
    assert!(text.contains("\n  relationship:\n"), "{text}");
    let comment: String = text
        .lines()
        .skip_while(|l| !l.contains("different Relationship Leads"))
        .take_while(|l| l.trim_start().starts_with('#'))
        .map(|l| l.trim_start().trim_start_matches('#').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        comment.contains(
            "Sam Lee (engagements/north/harbour-finch-0.yaml, engagements/north/harbour-finch-2.yaml); Kim Ode (engagements/north/harbour-finch-1.yaml)"
        ),
        "{text}"
    );
    assert!(!ran.stderr.contains("leads.relationship is"), "{}", ran.stderr);
}

#[test]
fn new_client_that_only_looks_alike_is_kept_as_given() {
    let ws = harbour_finch(&["Sam Lee"]);
    let mut args = LOYALTY.to_vec();
    args[3] = "Harbour Finch Group";
    let ran = acctsum(ws.path(), &args);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let text = loyalty(&ws);
    assert!(text.contains("\nclient: Harbour Finch Group\n"), "{text}");
    assert!(text.contains("\n  relationship:\n"), "{text}");
    assert!(!ran.stderr.contains("note: the client"), "{}", ran.stderr);
}
