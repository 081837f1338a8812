//! Trend charts as SVG (issue 13): golden files, well-formed XML (checked with
//! `roxmltree`), titles that tell the numbers, escaped user text, the same bytes every time.

mod common;

use std::path::PathBuf;

use acctsum::guide::Scale;
use acctsum::model::Status;
use acctsum::render::svg::{Series, Table, score_chart, score_table, status_chart, status_table};
use chrono::NaiveDate;

const FIVE: Scale = Scale { min: 1, max: 5, low: 2 };

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
}

fn golden(name: &str, svg: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden/svg").join(name);
    common::golden(&path, svg);
}

/// Parses `svg` as XML, failing the test when it is not well-formed.
fn parse(svg: &str) -> roxmltree::Document<'_> {
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{svg}"))
}

/// Every status in turn, with two versions without one, over a year.
fn statuses() -> Vec<(NaiveDate, Option<Status>)> {
    [
        ("2026-01-05", Some(Status::Green)),
        ("2026-02-02", Some(Status::Green)),
        ("2026-02-20", Some(Status::Amber)),
        ("2026-03-10", None),
        ("2026-04-01", Some(Status::Red)),
        ("2026-04-01", Some(Status::Amber)),
        ("2026-06-15", Some(Status::Amber)),
        ("2026-08-30", None),
        ("2026-09-01", Some(Status::Green)),
        ("2026-12-24", Some(Status::Red)),
    ]
    .into_iter()
    .map(|(d, s)| (day(d), s))
    .collect()
}

fn scores(values: &[Option<i64>]) -> Vec<(NaiveDate, Option<i64>)> {
    let first = day("2026-01-05");
    values
        .iter()
        .enumerate()
        .map(|(i, v)| (first + chrono::Duration::days(i64::try_from(i).expect("i") * 17), *v))
        .collect()
}

/// Every chart the golden files hold: (file name, chart).
fn charts() -> Vec<(&'static str, String)> {
    let one = [(day("2026-10-01"), Some(Status::Amber))];
    let customer = scores(&[Some(4), Some(4), Some(3), None, Some(2), Some(1), Some(3), Some(5)]);
    let team = scores(&[Some(3), None, None, Some(2), Some(2), Some(3), Some(4), Some(4)]);
    let delivery = scores(&[Some(5), Some(5), Some(5), Some(5), Some(4), Some(5), None, Some(5)]);
    let gappy = [
        Series { name: "Customer happiness", points: &customer },
        Series { name: "Team happiness", points: &team },
        Series { name: "Delivery", points: &delivery },
    ];
    let single = scores(&[Some(2)]);
    let ten = scores(&[Some(0), Some(4), Some(7), Some(10), Some(9), Some(5), Some(3)]);
    let long: Vec<(NaiveDate, Option<Status>)> = (0..40)
        .map(|i| {
            (
                day("2025-11-01") + chrono::Duration::days(i * 9),
                Some([Status::Green, Status::Amber, Status::Red][(i % 7 % 3) as usize]),
            )
        })
        .collect();
    vec![
        ("status-empty.svg", status_chart(&[], "e1-status", "Status of Acme Payments")),
        ("status-one.svg", status_chart(&one, "e1-status", "Status of Acme Payments")),
        ("status-all.svg", status_chart(&statuses(), "e1-status", "Status of Acme Payments")),
        ("status-long.svg", status_chart(&long, "e1-status", "Status of Acme Payments")),
        (
            "scores-empty.svg",
            score_chart(&[Series { name: "Customer happiness", points: &[] }], FIVE, "e1-as", "Account status"),
        ),
        (
            "scores-one.svg",
            score_chart(&[Series { name: "Customer happiness", points: &single }], FIVE, "e1-as", "Account status"),
        ),
        ("scores-gaps.svg", score_chart(&gappy, FIVE, "e1-as", "Account status")),
        (
            "scores-0-10.svg",
            score_chart(
                &[Series { name: "Growth", points: &ten }],
                Scale { min: 0, max: 10, low: 4 },
                "e1-st",
                "Strategy",
            ),
        ),
    ]
}

#[test]
fn charts_match_their_golden_files() {
    for (name, svg) in charts() {
        parse(&svg);
        golden(name, &svg);
    }
}

#[test]
fn charts_are_labelled_images_whose_ids_carry_the_prefix() {
    for (name, svg) in charts() {
        let doc = parse(&svg);
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg", "{name}");
        assert_eq!(root.attribute("role"), Some("img"), "{name}");
        let title = root.attribute("aria-labelledby").expect("labelled");
        let desc = root.attribute("aria-describedby").expect("described");
        let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id)).map(|n| n.tag_name().name());
        assert_eq!(by_id(title), Some("title"), "{name}");
        assert_eq!(by_id(desc), Some("desc"), "{name}");
        let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
        let prefix = if name.starts_with("status") { "e1-status-" } else { "e1-" };
        assert!(ids.iter().all(|id| id.starts_with(prefix)), "{name}: {ids:?}");
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{name}: {ids:?}");
        // Every `url(#…)` points inside the chart.
        for n in doc.descendants() {
            if let Some(fill) = n.attribute("fill").and_then(|f| f.strip_prefix("url(#")) {
                assert!(ids.contains(&fill.trim_end_matches(')')), "{name}: {fill}");
            }
        }
    }
}

/// The text of the chart's `<title>`, entities decoded.
fn title(svg: &str) -> String {
    let doc = parse(svg);
    let node = doc.root_element().children().find(|n| n.has_tag_name("title")).expect("title");
    node.text().unwrap_or_default().to_owned()
}

#[test]
fn titles_tell_the_numbers_in_words() {
    assert_eq!(
        title(&status_chart(&statuses(), "s", "Status")),
        "Status: green from 2026-01-05 (2 commits), amber on 2026-02-20, no status on 2026-03-10, red on 2026-04-01, amber from 2026-04-01 (2 commits), no status on 2026-08-30, green on 2026-09-01, red on 2026-12-24"
    );
    let customer = [(day("2026-10-01"), Some(3)), (day("2026-11-01"), Some(4)), (day("2026-11-20"), None)];
    assert_eq!(
        title(&score_chart(&[Series { name: "Customer happiness", points: &customer }], FIVE, "c", "Scores")),
        "Scores: Customer happiness: 3 on 2026-10-01, 4 on 2026-11-01, no score on 2026-11-20"
    );
    // A long series is shortened: its first runs, how many are left out, its last runs.
    let long: Vec<(NaiveDate, Option<i64>)> =
        (0..30).map(|i| (day("2026-01-01") + chrono::Duration::days(i), Some(1 + i % 2))).collect();
    let told = title(&score_chart(&[Series { name: "Growth", points: &long }], FIVE, "g", "Scores"));
    assert!(
        told.starts_with(
            "Scores: Growth: 1 on 2026-01-01, 2 on 2026-01-02, 1 on 2026-01-03, … 20 more changes …, 2 on 2026-01-24,"
        ),
        "{told}"
    );
    assert!(told.ends_with(", 2 on 2026-01-30"), "{told}");
    assert_eq!(title(&status_chart(&[], "s", "Status")), "Status: no commits yet");
}

#[test]
fn tables_hold_every_number() {
    let table = status_table(&statuses()[..4]);
    assert_eq!(
        table,
        Table {
            header: vec!["Date".into(), "Status".into()],
            rows: vec![
                vec!["2026-01-05".into(), "green".into()],
                vec!["2026-02-02".into(), "green".into()],
                vec!["2026-02-20".into(), "amber".into()],
                vec!["2026-03-10".into(), "no status".into()],
            ],
        }
    );
    let a = scores(&[Some(4), None]);
    let b = scores(&[Some(1), Some(2)]);
    let table =
        score_table(&[Series { name: "Customer happiness", points: &a }, Series { name: "Growth", points: &b }]);
    assert_eq!(table.header, ["Date", "Customer happiness", "Growth"]);
    assert_eq!(table.rows, [["2026-01-05", "4", "1"], ["2026-01-22", "no score", "2"]]);
}

#[test]
fn hostile_names_and_prefixes_are_escaped() {
    let name = "</title><script>alert(1)</script> & \"q\" 'a' \u{1b}[2J\u{0}\u{7}\u{85}\u{202e}\u{fffe}\n";
    let points = scores(&[Some(1), Some(5)]);
    let svg = score_chart(&[Series { name, points: &points }], FIVE, "x\" onload=\"alert(1)", name);
    let doc = parse(&svg);
    assert!(doc.descendants().all(|n| !n.has_tag_name("script")), "{svg}");
    assert!(doc.root_element().attributes().all(|a| a.name() != "onload"), "{svg}");
    for c in svg.chars() {
        assert!(!c.is_control() || c == '\n', "a raw control character {c:?} in {svg}");
        assert_ne!(c, '\u{fffe}');
    }
    let told = title(&svg);
    assert!(
        told.starts_with(
            "</title><script>alert(1)</script> & \"q\" 'a' \\e[2J\\u{0}\\u{7}\\u{85}\\u{202e}\u{fffd}\\n: "
        ),
        "{told}"
    );
    let ids: Vec<&str> = doc.descendants().filter_map(|n| n.attribute("id")).collect();
    assert!(ids.iter().all(|id| id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')), "{ids:?}");
    // A prefix that does not start with a letter is given one.
    let svg = status_chart(&statuses(), "1st", "Status");
    assert!(svg.contains("aria-labelledby=\"c1st-title\""), "{svg}");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let first: Vec<String> = charts().into_iter().map(|(_, svg)| svg).collect();
    let again: Vec<String> =
        std::thread::spawn(|| charts().into_iter().map(|(_, svg)| svg).collect()).join().expect("thread");
    assert_eq!(first, again);
}

#[test]
fn each_status_has_its_own_marker_shape() {
    let svg = status_chart(&statuses(), "s", "Status");
    let doc = parse(&svg);
    let shape = |status: &str| -> Vec<&str> {
        let class = format!("acctsum-marker status-{status}");
        let mut shapes: Vec<&str> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some(class.as_str()))
            .map(|n| n.tag_name().name())
            .collect();
        shapes.dedup();
        shapes
    };
    assert_eq!(shape("green"), ["circle"]);
    assert_eq!(shape("amber"), ["path"]);
    assert_eq!(shape("red"), ["rect"]);
    // The rows are labelled in words, not only by colour or position.
    let labels: Vec<&str> =
        doc.descendants().filter(|n| n.attribute("class") == Some("acctsum-label")).filter_map(|n| n.text()).collect();
    assert_eq!(&labels[..3], ["green", "amber", "red"]);
}
