//! The whole pipeline on arbitrary bytes, for the fuzz targets in `fuzz/` and for the
//! regression inputs in `tests/fuzz-regressions/`: nothing here may panic, hang or
//! exhaust memory, whatever the bytes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::digest::Digest;
use crate::engine::{self, Checked, Files, Outcome, PerFile, Steps, check_bytes};
use crate::facts::{BaseFacts, BaseFile, SchemaState, WorkspaceFacts};
use crate::finding::Tally;
use crate::guide::Guide;
use crate::render::text::is_hidden;
use crate::render::{self, Style};
use crate::report::{Filters, Request, build};
use crate::rules::Context;
use crate::view::Pack;
use crate::workspace::Source;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap_or_default()
}

/// A report of everything, as of [`today`].
fn request<'a>(guide: &'a Guide, filters: &'a Filters) -> Request<'a> {
    Request { guide, today: today(), filters, since: None, attention: false, audience: None }
}

/// An audience that hides some sections whole, some measures and some fields of others.
fn audience() -> crate::audience::Audience {
    use crate::audience::{Pattern, Scope};
    let hide = [
        ("risks", Scope::Section),
        ("headline", Scope::Section),
        ("next_steps", Scope::Section),
        ("leads.relationship", Scope::Field),
        ("actions.owner", Scope::Field),
        ("account_status.commercial", Scope::Items),
        ("account_status.*.notes", Scope::Field),
        ("objectives.title", Scope::Field),
        ("service_review.next", Scope::Field),
    ];
    crate::audience::Audience {
        name: "company".to_owned(),
        hide: hide.iter().map(|&(text, scope)| Pattern::new(text.to_owned(), scope)).collect(),
    }
}

/// What changed since an imagined base commit at which `eng` (at `path`) was empty: every
/// field of it a change; plus an engagement gone and one moved to another region, both
/// named after it. Every change of every output then carries the fuzzed text.
fn since(path: &str, eng: Option<&crate::model::Engagement>) -> crate::history::Since {
    use crate::history::{Changes, RegionMove, Removed, Since, Unread, compare};
    let mut changes = eng.map_or_else(Changes::default, |e| compare(&crate::model::Engagement::default(), e));
    changes.base_unread = Some(Unread::Invalid(crate::finding::RuleId::Syntax));
    changes.moved_from = Some(path.to_owned());
    let name = eng.map_or(path, crate::model::Engagement::name).to_owned();
    let region = eng.and_then(|e| e.region.str()).unwrap_or("north").to_owned();
    Since {
        commit: crate::git::Commit { id: "0".repeat(40), date: today(), asked: name.clone() },
        changes: std::collections::BTreeMap::from([(path.to_owned(), changes)]),
        removed: vec![Removed { path: format!("{path}.old"), engagement: eng.cloned(), unread: None }],
        moves: vec![RegionMove { path: format!("{path}.moved"), name, from: region.clone(), to: format!("{region}!") }],
        base: std::collections::BTreeMap::new(),
    }
}

/// Every `report` format of `outcome`, plain and with [`since`] and `--attention` for the
/// file at `path` in `region`, into `outputs`.
fn reports(outcome: &Outcome, guide: &Guide, path: &str, style: Style, outputs: &mut Vec<(&'static str, Vec<u8>)>) {
    let eng = outcome.files.first().and_then(|f| f.engagement.as_ref());
    let changed = since(path, eng);
    let region = eng.and_then(|e| e.region.str()).unwrap_or("north").to_owned();
    let plain = Filters::default();
    let regional = Filters { regions: vec![region], ..Filters::default() };
    let audience = audience();
    for (filters, since, audience) in
        [(&plain, None, None), (&regional, Some(&changed), None), (&regional, Some(&changed), Some(&audience))]
    {
        let report = build(outcome, Request { since, attention: since.is_some(), audience, ..request(guide, filters) });
        let calendar = render::calendar::ics(&crate::view::calendar::calendar(&report, &[], "fuzz".to_owned()));
        assert!(
            !calendar.chars().any(|c| c.is_control() && c != '\r' && c != '\n'),
            "a control character reached the calendar"
        );
        let view = Pack::of(&report);
        let mut out = Vec::new();
        let _ = render::table::report(&mut out, &view, style);
        outputs.push(("report table", out));
        outputs.push(("csv", render::csv::report(&view).into_bytes()));
        let pack = render::markdown::pack(&view);
        assert!(!pack.contains("<script"), "user text reached the pack unescaped");
        outputs.push(("markdown", pack.into_bytes()));
        outputs.push(("report json", render::json::report::render(&view).unwrap_or_default().into_bytes()));
    }
}

/// `data` as an engagement file: load → validate → model → per-file rules → the
/// workspace-level rules (the file twice, for the cross-file rules; an older version, for
/// `updated-not-bumped`; an outdated schema) → every renderer of `check` and `report`.
/// Returns the number of findings.
#[must_use]
pub fn engagement(data: &[u8]) -> usize {
    let guide = Guide::default();
    let ctx = Context { today: today(), guide: &guide };
    let path: Arc<str> = Arc::from("engagements/north/fuzz.yaml");
    let PerFile { engagement, mut findings, text } =
        check_bytes(path.clone(), data, &ctx, Steps { rules: true, keep_text: true });
    // The same bytes as a review session file, for its checker and rules.
    let session = crate::review::check_bytes(Arc::from("reviews/north/fuzz.yaml"), data, &guide, &mut findings);
    let digest = Some(Digest::of(data));
    let twin_path: Arc<str> = Arc::from("engagements/south/twin.yaml");
    let twin = engagement.clone().map(|mut e| {
        e.path = twin_path.clone();
        e
    });
    let mut base = BaseFacts::default();
    let updated = engagement.as_ref().and_then(|e| e.updated.copied());
    base.insert(&*path, BaseFile { digest: Some(Digest::of(b"")), updated });
    let facts = WorkspaceFacts {
        schema: SchemaState::Written(serde_json::json!({})),
        base: Some(base),
        reviews: session.into_iter().collect(),
        engagement_names: None,
    };
    let files = vec![
        Checked { source: Source::new(path.clone(), PathBuf::from("fuzz.yaml")), excerpt: None, engagement, digest },
        Checked { source: Source::new(twin_path, PathBuf::from("twin.yaml")), excerpt: None, engagement: twin, digest },
    ];
    let outcome = engine::finish(&guide, Files { today: today(), jobs: 1, files, findings }, &facts);
    let findings = &outcome.findings;
    let acknowledged = &outcome.acknowledged;
    let tally = Tally::of(1, facts.reviews.len(), findings, acknowledged.len());
    let shown = render::acknowledged_shown(acknowledged);
    let mut out = Vec::new();
    let texts: HashMap<&str, &str> = text.as_deref().map(|t| (&*path, t)).into_iter().collect();
    let _ = render::human::findings(&mut out, findings, &texts, Style::PLAIN);
    let _ = render::human::findings(&mut out, &shown, &texts, Style::PLAIN);
    let _ = render::short::findings(&mut out, findings, 1);
    let _ = render::short::findings(&mut out, &shown, 1);
    let _ = render::json::findings(&mut out, findings, acknowledged, tally, None);
    let _ = render::github::findings(&mut out, findings, &shown, tally, false);
    let _ = render::sarif::findings(&mut out, findings, acknowledged, &guide, None);
    let count = findings.len();
    let _ =
        crate::view::LastReview::of(&facts.reviews, "north", today(), findings, crate::view::Mask::new(None, &guide));
    reports(&outcome, &guide, &path, Style::PLAIN, &mut Vec::new());
    count
}

/// `data` as `acctsum.yaml`: load → validate the guide → the schema and scaffold it makes.
pub fn config(data: &[u8]) {
    let loaded = crate::document::load(Arc::from("acctsum.yaml"), data);
    let Some(doc) = loaded.doc else { return };
    if let Ok(guide) = Guide::parse(&doc) {
        let _ = crate::schema::engagement_schema_text(&guide);
        let _ = crate::scaffold::config(&guide);
        let new = crate::scaffold::NewEngagement {
            name: "Fuzz".into(),
            client: "Client".into(),
            region: guide.regions.first().cloned().unwrap_or_else(|| "north".into()),
            account_lead: "Lead".into(),
            ..Default::default()
        };
        let _ = crate::scaffold::engagement(&new, &guide, today(), "schema.json");
    }
}

/// The engagement file [`terminal`] fills with user text: `@Q` stands for it, in a name,
/// titles, notes, a key and every other place that holds text.
const TEMPLATE: &str = "acctsum: 1
engagement: @Q
client: @Q
region: north
leads: {account: @Q, tech: [@Q, Li], delivery: @Q, relationship: @Q, client_practice: @Q}
updated: 2026-11-18
status: red
headline: @Q
next_steps: [@Q]
service_review: {last: 2026-11-03}
actions: [{action: @Q, owner: @Q, due: 2026-11-01}]
risks: [{title: @Q, score: 1, mitigation: @Q, owner: @Q}, {title: @Q, score: 3}]
account_status:
  customer: {score: 1, notes: @Q, action: @Q}
  team: {score: 1}
objectives: [{title: @Q, date: 2026-11-01, comfort: 1, notes: @Q}]
strategy:
  growth: {score: 1, notes: @Q}
stakeholders: [{name: @Q, role: @Q, side: client}]
wins: [{date: 2026-10-30, title: @Q}]
opportunities: [{title: @Q, notes: @Q}]
support: {ask: @Q, from: @Q, since: 2026-10-01}
@Q: an unknown key
";

/// `text` as a YAML double-quoted scalar: printable ASCII as it is, everything else
/// escaped, so that any text makes valid YAML.
fn quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => out.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

/// Panics when `out`, the output of `format`, holds a character that must not reach a
/// terminal raw. Line feeds are fine, and so is CSV's CRLF line end.
fn assert_visible(format: &str, out: &str) {
    let raw = out
        .char_indices()
        .find(|&(i, c)| is_hidden(c) && c != '\n' && !(c == '\r' && format == "csv" && out[i + 1..].starts_with('\n')));
    if let Some((at, c)) = raw {
        let from = out[..at].char_indices().rev().nth(40).map_or(0, |(i, _)| i);
        panic!("{format} output holds {c:?} raw: {:?}", &out[from..at]);
    }
}

/// The guide [`terminal`] uses: a measure named and explained with `q`, when that makes a
/// valid configuration.
fn hostile_guide(q: &str) -> Guide {
    let text = format!(
        "acctsum: 1\nregions: [north, south]\nmeasures:\n  account_status:\n    - {{key: customer, name: {q}, guide: {q}}}\n    - {{key: team, name: Team}}\n  strategy:\n    - {{key: growth, name: Growth, guide: {q}}}\n"
    );
    let loaded = crate::document::load(Arc::from("acctsum.yaml"), text.as_bytes());
    loaded.doc.and_then(|doc| Guide::parse(&doc).ok()).unwrap_or_default()
}

/// `data` as user text in every place an engagement file holds text (and in a measure of
/// the field guide), then as a whole file: through every text renderer of `check`,
/// `report`, `leads`, `history` and `guide`, and a fatal error quoting it. No control
/// character may reach any output raw: text formats show them escaped, JSON as `\u`
/// escapes.
pub fn terminal(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    let q = quoted(&raw);
    let guide = hostile_guide(&q);
    let ctx = Context { today: today(), guide: &guide };
    let style = Style::PLAIN;
    let path: Arc<str> = Arc::from("engagements/north/fuzz.yaml");
    for bytes in [TEMPLATE.replace("@Q", &q).into_bytes(), data.to_vec()] {
        let PerFile { engagement, findings, text } =
            check_bytes(path.clone(), &bytes, &ctx, Steps { rules: true, keep_text: true });
        let source = Source::new(path.clone(), PathBuf::from("fuzz.yaml"));
        let digest = Some(Digest::of(&bytes));
        let files = vec![Checked { source, excerpt: None, engagement, digest }];
        let Outcome { files, findings, acknowledged } =
            engine::finish(&guide, Files { today: today(), jobs: 1, files, findings }, &WorkspaceFacts::default());
        let engagement = files.into_iter().next().and_then(|f| f.engagement);
        let tally = Tally::of(1, 0, &findings, acknowledged.len());
        let shown = render::acknowledged_shown(&acknowledged);
        let texts: HashMap<&str, &str> = text.as_deref().map(|t| (&*path, t)).into_iter().collect();
        let mut outputs: Vec<(&str, Vec<u8>)> = Vec::new();
        let mut out = Vec::new();
        let _ = render::human::findings(&mut out, &findings, &texts, style);
        let _ = render::human::findings(&mut out, &shown, &texts, style);
        let _ = render::human::summary(&mut out, tally);
        outputs.push(("human", std::mem::take(&mut out)));
        let _ = render::short::findings(&mut out, &findings, 1);
        let _ = render::short::findings(&mut out, &shown, 1);
        outputs.push(("short", std::mem::take(&mut out)));
        let _ = render::github::findings(&mut out, &findings, &shown, tally, false);
        outputs.push(("github", std::mem::take(&mut out)));
        let _ = render::json::findings(&mut out, &findings, &acknowledged, tally, None);
        outputs.push(("json", std::mem::take(&mut out)));
        let _ = render::sarif::findings(&mut out, &findings, &acknowledged, &guide, None);
        outputs.push(("sarif", std::mem::take(&mut out)));
        let source = Source::new(path.clone(), PathBuf::from("fuzz.yaml"));
        let digest = Some(Digest::of(&bytes));
        let mut timeline = crate::history::Timeline::new(&path);
        for (i, engagement) in [engagement.as_ref(), None].into_iter().enumerate() {
            let version = crate::git::Version {
                commit: format!("{i:040x}"),
                date: today(),
                path: path.to_string(),
                object: crate::git::Object::File { id: format!("{i:040x}"), size: Some(0) },
            };
            timeline.push(version, engagement.ok_or_else(|| crate::history::Unread::invalid(&findings)));
        }
        let outcome =
            Outcome { files: vec![Checked { source, excerpt: None, engagement, digest }], findings, acknowledged };
        reports(&outcome, &guide, &path, style, &mut outputs);
        let engagements: Vec<_> = outcome.files.iter().filter_map(|f| f.engagement.as_ref()).collect();
        let rows = crate::view::leads::rows(&engagements, None);
        let _ = render::leads::table(&mut out, &rows, style);
        let _ = render::leads::json(&mut out, &rows);
        outputs.push(("leads", std::mem::take(&mut out)));
        let audience = audience();
        let hidden = crate::view::history::History::of(&timeline, &guide, Some(&audience));
        outputs.push(("history json for an audience", render::history::json(&hidden).unwrap_or_default().into_bytes()));
        let history = crate::view::history::History::of(&timeline, &guide, None);
        outputs.push(("history table", render::history::table(&history, style).into_bytes()));
        outputs.push(("history markdown", render::history::markdown(&history).into_bytes()));
        let history_json = render::history::json(&history).unwrap_or_default();
        outputs.push(("history json", history_json.into_bytes()));
        let _ = render::guide::whole(&mut out, &guide, style.width);
        let paths = render::guide::field_paths();
        if let Some(topic) = render::guide::find("customer", &guide, &paths) {
            let _ = render::guide::topic(&mut out, topic, &guide, style.width);
        }
        outputs.push(("guide", std::mem::take(&mut out)));
        let error = crate::error::Error::usage(format!("`{raw}` is not a field"), Some(&raw));
        let _ = render::human::diagnostic(&mut out, &error, style);
        outputs.push(("diagnostic", out));
        for (format, bytes) in &outputs {
            assert_visible(format, &String::from_utf8_lossy(bytes));
        }
    }
}

/// Where `history` splits its input into versions of one file.
pub const VERSION_SEPARATOR: &[u8] = b"\n--8<--\n";

/// Most versions one `history` input stands for.
const MAX_VERSIONS: usize = 64;

/// `data` as the successive versions of one engagement file (split on
/// [`VERSION_SEPARATOR`]), through the git path: each version's model as `history` and
/// `--since` build it (a version over the size limit is `file-too-large`), the comparison
/// of each version with the one before, and the history in every format. Returns the
/// number of versions.
#[must_use]
pub fn history(data: &[u8]) -> usize {
    use crate::git::{Object, Version};
    use crate::history::{self, Timeline, Unread};

    let guide = Guide::default();
    let path = "engagements/north/fuzz.yaml";
    let mut timeline = Timeline::new(path);
    let mut before: Option<(crate::model::Engagement, Vec<crate::finding::Loc>)> = None;
    let mut count = 0;
    for (i, bytes) in split(data, VERSION_SEPARATOR).take(MAX_VERSIONS).enumerate() {
        let content = if bytes.len() > crate::document::MAX_FILE_BYTES {
            Err(Unread::TooLarge(bytes.len() as u64))
        } else {
            Ok(bytes)
        };
        let date = today() - chrono::Days::new(u64::try_from(MAX_VERSIONS - i).unwrap_or(0));
        let checked = history::checked(path, content, &Context { today: date, guide: &guide })
            .map(|(eng, findings)| (eng, history::past_objectives(&findings)));
        if let (Some((old, old_past)), Ok((new, new_past))) = (&before, &checked) {
            let changes = history::compare(old, new);
            let _ = (changes.brief(), changes.score_moves(), changes.is_empty());
            let _ = history::passed(old, old_past, new, new_past);
            assert_eq!(history::compare(new, new), history::Changes::default(), "a version differs from itself");
        }
        let version = Version {
            commit: format!("{i:040x}"),
            date,
            path: path.to_owned(),
            object: Object::File { id: format!("{i:040x}"), size: Some(bytes.len() as u64) },
        };
        timeline.push(version, checked.as_ref().map(|(eng, _)| eng).map_err(|why| *why));
        before = checked.ok();
        count += 1;
    }
    assert_eq!(timeline.points.len(), count);
    let view = crate::view::history::History::of(&timeline, &guide, None);
    let _ = render::history::table(&view, Style::PLAIN);
    let _ = render::history::markdown(&view);
    let _ = render::history::json(&view);
    count
}

/// The parts of `data` between occurrences of `separator`.
fn split<'a>(data: &'a [u8], separator: &'a [u8]) -> impl Iterator<Item = &'a [u8]> {
    let mut rest = Some(data);
    std::iter::from_fn(move || {
        let data = rest?;
        match data.windows(separator.len()).position(|w| w == separator) {
            Some(at) => {
                rest = Some(&data[at + separator.len()..]);
                Some(&data[..at])
            }
            None => {
                rest = None;
                Some(data)
            }
        }
    })
}
