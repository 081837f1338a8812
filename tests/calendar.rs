//! `acctsum calendar` and the site's calendars: RFC 5545, all-day events, stable ids,
//! deterministic, audiences applied.

mod common;

use std::path::{Path, PathBuf};

use common::acctsum;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn uids(ics: &str) -> Vec<&str> {
    ics.lines().filter_map(|l| l.strip_prefix("UID:")).map(str::trim_end).collect()
}

#[test]
fn the_north_calendar_for_the_leads() {
    let ran = acctsum(&examples(), &["calendar", "--region", "north", "--audience", "leads"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    common::golden(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/calendar-north.ics"), &ran.stdout);
    assert!(ran.stdout.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ran.stdout.lines().all(|l| l.len() <= 75), "folded at 75 octets");
    assert!(!ran.stdout.contains("VTODO"));
    // Every kind of item: an objective, a service review, an engagement's open action, a
    // review session's open action and the next session.
    for kind in ["UID:objective-", "UID:service-review-", "UID:action-", "UID:review-action-", "UID:review-session-"] {
        assert!(ran.stdout.contains(kind), "{kind}");
    }
    let all = uids(&ran.stdout);
    let mut unique = all.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), all.len(), "ids are unique");
    // Deterministic: the same bytes again.
    assert_eq!(acctsum(&examples(), &["calendar", "--region", "north", "--audience", "leads"]).stdout, ran.stdout);
}

#[test]
fn an_edit_elsewhere_keeps_every_event_id() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path();
    std::fs::copy(examples().join("acctsum.yaml"), ws.join("acctsum.yaml")).expect("config");
    std::fs::create_dir_all(ws.join("engagements/north")).expect("mkdir");
    let file = "engagements/north/pennine-freight-route-planning.yaml";
    let text = std::fs::read_to_string(examples().join(file)).expect("example");
    std::fs::write(ws.join(file), &text).expect("write");
    let before = acctsum(ws, &["calendar", "--audience", "leads"]).stdout;
    let edited = text.replacen("status: red", "status: amber", 1).replacen("headline: ", "headline: Better. ", 1);
    assert_ne!(edited, text);
    std::fs::write(ws.join(file), edited).expect("write");
    let after = acctsum(ws, &["calendar", "--audience", "leads"]).stdout;
    assert!(!uids(&before).is_empty());
    assert_eq!(uids(&before), uids(&after));
}

#[test]
fn the_audience_applies_to_the_calendar() {
    // The examples' default audience (company) hides `actions`: no engagement action is
    // in its calendar, nor a review session's action (they follow `actions`); the next
    // review session is.
    let company = acctsum(&examples(), &["calendar", "--region", "north"]);
    let leads = acctsum(&examples(), &["calendar", "--region", "north", "--audience", "leads"]);
    assert!(!company.stdout.contains("UID:action-"), "{}", company.stdout);
    assert!(leads.stdout.contains("UID:action-"));
    assert!(!company.stdout.contains("UID:review-action-"), "{}", company.stdout);
    assert!(leads.stdout.contains("UID:review-action-"), "{}", leads.stdout);
    assert!(company.stdout.contains("UID:review-session-"), "{}", company.stdout);
    let unknown = acctsum(&examples(), &["calendar", "--audience", "nobody"]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn the_site_publishes_a_calendar_and_one_per_region() {
    let out = tempfile::tempdir().expect("tmp");
    let dir = out.path().join("site");
    let ran = acctsum(&examples(), &["site", "-o", dir.to_str().expect("utf-8")]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let all = std::fs::read_to_string(dir.join("calendar.ics")).expect("calendar.ics");
    assert_eq!(all, acctsum(&examples(), &["calendar"]).stdout);
    let north = std::fs::read_to_string(dir.join("r/north.ics")).expect("north.ics");
    assert_eq!(north, acctsum(&examples(), &["calendar", "--region", "north"]).stdout);
}

#[test]
fn a_hidden_date_gives_no_event_since_it_is_the_events_day() {
    let config = "regions: [north]
audiences:
  dateless:
    hide: [actions.due, objectives.date]
  leads:
    hide: []
default_audience: leads
";
    let file = "acctsum: 1
engagement: Dated
client: Acme
region: north
leads: {account: Ann Lee}
updated: 2026-11-18
status: green
headline: Fine.
next_steps: [Go on]
actions:
  - {action: Send the plan, owner: Ann Lee, due: 2027-03-03}
objectives:
  - {title: Go live, date: 2027-04-04, comfort: 4}
";
    let ws = common::workspace(config, &[("engagements/north/dated.yaml", file)]);
    let leads = acctsum(ws.path(), &["calendar", "--audience", "leads"]);
    assert_eq!(leads.code, 0, "{}", leads.stderr);
    assert!(leads.stdout.contains("DTSTART;VALUE=DATE:20270303"), "{}", leads.stdout);
    assert!(leads.stdout.contains("DTSTART;VALUE=DATE:20270404"), "{}", leads.stdout);
    let dateless = acctsum(ws.path(), &["calendar", "--audience", "dateless"]);
    assert_eq!(dateless.code, 0, "{}", dateless.stderr);
    for day in ["20270303", "20270404"] {
        assert!(!dateless.stdout.contains(day), "{}", dateless.stdout);
    }
}

#[test]
fn an_event_id_is_no_hash_of_a_title_the_audience_may_not_see() {
    let config = "regions: [north]
audiences:
  untitled:
    hide: [objectives.title, actions.action]
  leads:
    hide: []
default_audience: leads
";
    let file = "acctsum: 1
engagement: Dated
client: Acme
region: north
leads: {account: Ann Lee}
updated: 2026-11-18
status: green
headline: Fine.
next_steps: [Go on]
actions:
  - {action: Send the plan, owner: Ann Lee, due: 2027-03-03}
objectives:
  - {title: Go live, date: 2027-04-04, comfort: 4}
";
    let ws = common::workspace(config, &[("engagements/north/dated.yaml", file)]);
    let uids = |audience: &str| -> Vec<String> {
        let ran = acctsum(ws.path(), &["calendar", "--audience", audience]);
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        ran.stdout.lines().filter(|l| l.starts_with("UID:")).map(str::to_owned).collect()
    };
    let (leads, untitled) = (uids("leads"), uids("untitled"));
    assert_eq!(leads.len(), 2, "{leads:?}");
    assert_eq!(untitled.len(), 2, "{untitled:?}");
    // The leads' ids hash the titles; the other audience's must not be those same hashes.
    assert!(untitled.iter().all(|u| !leads.contains(u)), "{leads:?} {untitled:?}");
}

#[test]
fn a_session_dated_ahead_is_planned_and_a_draft_is_not_the_last_session() {
    let tmp = tempfile::tempdir().expect("tmp");
    let ws = tmp.path();
    std::fs::copy(examples().join("acctsum.yaml"), ws.join("acctsum.yaml")).expect("config");
    std::fs::create_dir_all(ws.join("reviews/north")).expect("mkdir");
    std::fs::create_dir_all(ws.join("engagements/north")).expect("mkdir");
    let file = "engagements/north/pennine-freight-route-planning.yaml";
    std::fs::copy(examples().join(file), ws.join(file)).expect("an engagement");
    let held = "acctsum: 1\nregion: north\ndate: 2026-11-06\nattendees: [A]\nnext_review: 2026-12-04\n";
    std::fs::write(ws.join("reviews/north/2026-11-06.yaml"), held).expect("held");
    // A draft of today (nobody recorded yet) books nothing; a session file dated ahead is
    // the session planned for its day.
    let draft = "acctsum: 1\nregion: north\ndate: 2026-11-20\nattendees: []\nnext_review: 2026-11-27\n";
    std::fs::write(ws.join("reviews/north/2026-11-20.yaml"), draft).expect("draft");
    std::fs::write(ws.join("reviews/north/2026-12-11.yaml"), "acctsum: 1\nregion: north\ndate: 2026-12-11\n")
        .expect("planned");
    let ran = acctsum(ws, &["calendar", "--audience", "leads"]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let sessions: Vec<(&str, &str)> = ran
        .stdout
        .split("BEGIN:VEVENT")
        .filter_map(|event| {
            let line = |key: &str| event.lines().find_map(|l| l.strip_prefix(key)).map(str::trim_end);
            Some((line("DTSTART;VALUE=DATE:")?, line("SUMMARY:").filter(|s| s.contains("review session"))?))
        })
        .collect();
    assert_eq!(
        sessions,
        vec![("20261204", "north review session"), ("20261211", "north review session (planned)")],
        "{}",
        ran.stdout
    );
}
