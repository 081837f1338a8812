//! Text written by `acctsum new` and `acctsum init`: a new engagement file with every
//! section and measure, and a commented `acctsum.yaml` — both generated from the format
//! table and the guide, so they always match what `check` expects.

use std::fmt::Write as _;

use chrono::NaiveDate;

use crate::document::{Scalar, resolve_plain};
use crate::finding::{RuleId, RuleKind};
use crate::format::{self, Field, Shape};
use crate::guide::{DEFAULT_GLOB, DEFAULT_REVIEWS_GLOB, Guide, Measure};

/// What the person creating an engagement told us.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NewEngagement {
    /// The engagement's name.
    pub name: String,
    /// The client.
    pub client: String,
    /// The region (as configured).
    pub region: String,
    /// The Account Lead.
    pub account_lead: String,
    /// Tech Leads.
    pub tech_leads: Vec<String>,
    /// Delivery Leads.
    pub delivery_leads: Vec<String>,
    /// The client's Relationship Lead, when its other engagements agree on one.
    pub relationship_lead: Option<String>,
    /// When the client's other engagements name different Relationship Leads: each, with
    /// the files that name it (`Sam Lee (engagements/north/a.yaml)`), for the user to agree.
    pub relationship_candidates: Vec<String>,
}

/// Writes `s` as a YAML scalar that reads back as the same text: plain when that is
/// safe, double-quoted otherwise. `flow` is for values inside `[…]` or `{…}`.
#[must_use]
pub fn yaml_text(s: &str, flow: bool) -> String {
    let plain = !s.is_empty()
        && s.trim() == s
        && resolve_plain(s) == Scalar::Str
        && !s.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
        ])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(':')
        && !s.chars().any(char::is_control)
        && !(flow && s.contains([',', '[', ']', '{', '}']));
    if plain {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Appends `text` as `#` comment lines wrapped to about 88 columns.
fn comment(out: &mut String, indent: usize, text: &str) {
    let width = 88usize.saturating_sub(indent + 2).max(30);
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            let _ = writeln!(out, "{:indent$}# {line}", "");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{:indent$}# {line}", "");
    }
}

fn names(list: &[String]) -> String {
    match list {
        [] => String::new(),
        [one] => format!(" {}", yaml_text(one, false)),
        many => format!(" [{}]", many.iter().map(|n| yaml_text(n, true)).collect::<Vec<_>>().join(", ")),
    }
}

/// A placeholder for one field of a commented example item.
fn example_value(shape: Shape, guide: &Guide) -> String {
    match shape {
        Shape::Date => "YYYY-MM-DD".to_owned(),
        Shape::Score => ((guide.scale.min + guide.scale.max) / 2).to_string(),
        Shape::Choice(words) => words.first().copied().unwrap_or_default().to_owned(),
        _ => "…".to_owned(),
    }
}

fn example_item(out: &mut String, fields: &[Field], guide: &Guide) {
    let mut first = true;
    for field in fields {
        let lead = if first { "#   - " } else { "#     " };
        first = false;
        let _ = writeln!(out, "{lead}{}: {}", field.key, example_value(field.shape, guide));
    }
}

fn measures(out: &mut String, list: &[Measure]) {
    for m in list {
        let about = if m.guide.is_empty() { m.name.clone() } else { format!("{}: {}", m.name, m.guide) };
        comment(out, 2, &about);
        let _ = writeln!(out, "  {}:\n    score:\n    notes:\n    action:", m.key);
    }
}

/// The text of a new engagement file. `schema` is the modeline's path to the schema.
#[must_use]
pub fn engagement(new: &NewEngagement, guide: &Guide, today: NaiveDate, schema: &str) -> String {
    let s = guide.scale;
    let mut out = String::with_capacity(6000);
    let _ = writeln!(out, "# yaml-language-server: $schema={schema}");
    comment(
        &mut out,
        0,
        &format!(
            "Account Summary of {}. Fill in every empty value, then run `acctsum check`: it lists what is left to do, line by line. `acctsum guide FIELD` explains any field. Review the whole summary and set `updated` at least every {} days.",
            new.name, guide.stale_after_days
        ),
    );
    for field in format::ENGAGEMENT {
        out.push('\n');
        let doc = match field.shape {
            Shape::Measures(_) => format!(
                "{} Scores run from {} (worst) to {} (best); {} or less is low and needs notes and an action.",
                field.doc, s.min, s.max, s.low
            ),
            Shape::List(fields) if fields.iter().any(|f| matches!(f.shape, Shape::Score)) => {
                format!("{} Comfort runs from {} (very uncomfortable) to {} (comfortable).", field.doc, s.min, s.max)
            }
            _ => field.doc.to_owned(),
        };
        comment(&mut out, 0, &doc);
        let key = field.key;
        match (key, field.shape) {
            ("acctsum", _) => out.push_str("acctsum: 1\n"),
            ("engagement", _) => {
                let _ = writeln!(out, "engagement: {}", yaml_text(&new.name, false));
            }
            ("client", _) => {
                let _ = writeln!(out, "client: {}", yaml_text(&new.client, false));
            }
            ("region", _) => {
                let _ = writeln!(out, "region: {}", yaml_text(&new.region, false));
            }
            ("leads", _) => {
                let _ = writeln!(out, "leads:\n  account: {}", yaml_text(&new.account_lead, false));
                let _ = writeln!(out, "  tech:{}", names(&new.tech_leads));
                let _ = writeln!(out, "  delivery:{}", names(&new.delivery_leads));
                if !new.relationship_candidates.is_empty() {
                    comment(
                        &mut out,
                        2,
                        &format!(
                            "This client's other engagements name different Relationship Leads: {}. A client has one; agree who, then write that name here.",
                            new.relationship_candidates.join("; ")
                        ),
                    );
                }
                match &new.relationship_lead {
                    Some(lead) => {
                        let _ = writeln!(out, "  relationship: {}", yaml_text(lead, false));
                    }
                    None => out.push_str("  relationship:\n"),
                }
                out.push_str("  client_practice:\n");
            }
            ("updated", _) => {
                let _ = writeln!(out, "updated: {today}");
            }
            // Asking for help is the exception: commented out, to uncomment when needed.
            (format::key::SUPPORT, Shape::Record(fields)) => {
                comment(&mut out, 0, "Uncomment the lines below when you need help.");
                let _ = writeln!(out, "# {key}:");
                for sub in fields {
                    let mut doc = String::new();
                    comment(&mut doc, 2, sub.doc);
                    for line in doc.lines() {
                        let _ = writeln!(out, "# {line}");
                    }
                    let _ = writeln!(out, "#   {}: {}", sub.key, example_value(sub.shape, guide));
                }
            }
            (_, Shape::Record(fields)) => {
                let _ = writeln!(out, "{key}:");
                for sub in fields {
                    let _ = writeln!(out, "  {}:", sub.key);
                }
            }
            (_, Shape::List(fields)) => {
                example_item(&mut out, fields, guide);
                let _ = writeln!(out, "{key}: []");
            }
            (_, Shape::Measures(section)) => {
                let list = guide.measures(section);
                if list.is_empty() {
                    let _ = writeln!(out, "{key}: {{}}");
                } else {
                    let _ = writeln!(out, "{key}:");
                    measures(&mut out, list);
                }
            }
            _ => {
                let _ = writeln!(out, "{key}:");
            }
        }
    }
    out
}

/// The text of a commented `acctsum.yaml` holding the built-in defaults.
#[must_use]
pub fn config(guide: &Guide) -> String {
    let s = guide.scale;
    let mut out = String::with_capacity(6000);
    comment(
        &mut out,
        0,
        "acctsum.yaml: the field guide for this workspace. Every key is optional; what is shown here is the built-in default. `acctsum check` validates this file strictly, and `acctsum schema -o schema/engagement.schema.json` regenerates the schema after you change it.",
    );
    out.push_str("acctsum: 1\n\n");
    comment(&mut out, 0, "Engagement files: a glob relative to this folder (a `.yaml` glob also matches `.yml`).");
    let _ = writeln!(out, "engagements: \"{DEFAULT_GLOB}\"\n");
    comment(
        &mut out,
        0,
        "Review session files, one per regional review session (`reviews/<region>/<YYYY-MM-DD>.yaml`; `acctsum review new --region REGION` starts one): a glob relative to this folder.",
    );
    let _ = writeln!(out, "reviews: \"{DEFAULT_REVIEWS_GLOB}\"\n");
    comment(&mut out, 0, "Regions with a review session, e.g. [north, south, scotland]. Empty: any region.");
    let regions: Vec<String> = guide.regions.iter().map(|r| yaml_text(r, true)).collect();
    let _ = writeln!(out, "regions: [{}]\n", regions.join(", "));
    comment(
        &mut out,
        0,
        "Scores and comforts are whole numbers from min (worst) to max (best); a score of `low` or less is low.",
    );
    let _ = writeln!(out, "scale: {{min: {}, max: {}, low: {}}}\n", s.min, s.max, s.low);
    comment(&mut out, 0, "Summaries are reviewed and `updated` at least this often (\"every two weeks\").");
    let _ = writeln!(out, "stale_after_days: {}\n", guide.stale_after_days);
    comment(&mut out, 0, "A monthly service review with the client, with some slack.");
    let _ = writeln!(out, "service_review_days: {}\n", guide.service_review_days);
    comment(&mut out, 0, "Keep headlines concise.");
    let _ = writeln!(out, "headline_max_chars: {}\n", guide.headline_max_chars);
    comment(&mut out, 0, "An ask for help (`support`) open longer than this has been open long: escalate it.");
    let _ = writeln!(out, "support_stale_days: {}\n", guide.support_stale_days);
    comment(&mut out, 0, "An acknowledged finding is silenced for at most this many days ahead.");
    let _ = writeln!(out, "max_acknowledge_days: {}\n", guide.max_acknowledge_days);
    comment(
        &mut out,
        0,
        "The measures scored under account_status and strategy, from the Account Lead role. Listing a section replaces its built-in measures; keys are lowercase words joined by `_`.",
    );
    out.push_str("measures:\n");
    for section in format::Section::ALL {
        let _ = writeln!(out, "  {}:", section.key());
        for m in guide.measures(section) {
            let _ = writeln!(out, "    - key: {}\n      name: {}", m.key, yaml_text(&m.name, false));
            if !m.guide.is_empty() {
                let _ = writeln!(out, "      guide: {}", yaml_text(&m.guide, false));
            }
        }
    }
    out.push('\n');
    comment(&mut out, 0, "Severity of each content rule: error, warning or off. Structural rules are always errors.");
    out.push_str("rules:\n");
    for rule in RuleId::ALL {
        if let RuleKind::Content(_) = rule.kind() {
            let level = guide.severity(*rule).map_or("off", |s| s.as_str());
            let _ = writeln!(out, "  {}: {level}", rule.as_str());
        }
    }
    out.push('\n');
    audiences(&mut out, guide);
    out
}

/// A commented example of `audiences`: none are declared by default, so nothing is hidden.
fn audiences(out: &mut String, guide: &Guide) {
    comment(
        out,
        0,
        "Audiences: who a published view (`report`, `history`, `site`) is built for, and the fields of engagement files it hides, as dotted paths: a section (`risks`), a measure (`account_status.commercial`), a field of every measure (`account_status.*.notes`) or of every item of a list (`actions.owner`). engagement, client, region, status and updated identify an engagement and are always shown. `--audience NAME` picks one, else `default_audience`. None are declared here, so nothing is hidden. This filters what acctsum publishes, nothing more: whoever can read this repository reads everything. For example:",
    );
    let mut hide = vec!["risks", "actions"];
    if guide.measures(format::Section::AccountStatus).iter().any(|m| m.key == "commercial") {
        hide.push("account_status.commercial");
    }
    hide.extend(["\"account_status.*.notes\"", "\"strategy.*.action\""]);
    out.push_str("#\n");
    let _ = writeln!(out, "# audiences:\n#   company:\n#     hide: [{}]", hide.join(", "));
    out.push_str("#   leads:\n#     hide: []\n# default_audience: company\n");
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::document::load;

    #[test]
    fn text_round_trips() {
        for s in [
            "plain",
            "Zoë's Café",
            "1",
            "true",
            "yes",
            "a: b",
            "#x",
            "- x",
            "x #y",
            "tab\there",
            "q\"uote",
            " pad",
            "a,b",
            "2026-11-20",
            "",
        ] {
            let text = format!("k: [{}]\nv: {}\n", yaml_text(s, true), yaml_text(s, false));
            let loaded = load(Arc::from("t"), text.as_bytes());
            let doc = loaded.doc.expect("doc");
            let root = doc.root().expect("root");
            let v = doc.get(root, "v").expect("v");
            assert_eq!(doc.scalar(v.value), Some((Scalar::Str, s)), "{s:?} → {text}");
            let k = doc.get(root, "k").expect("k");
            let crate::document::NodeKind::Seq(items) = &doc.node(k.value).kind else { panic!("seq for {s:?}") };
            assert_eq!(doc.scalar(doc.items_of(*items)[0]), Some((Scalar::Str, s)), "{s:?} in flow → {text}");
        }
    }

    #[test]
    fn the_default_config_reads_back_as_the_default_guide() {
        let text = config(&Guide::default());
        let loaded = load(Arc::from("acctsum.yaml"), text.as_bytes());
        assert!(loaded.findings.is_empty());
        assert_eq!(Guide::parse(&loaded.doc.expect("doc")), Ok(Guide::default()));
    }

    #[test]
    fn the_commented_audiences_are_a_valid_config_once_uncommented() {
        let text = config(&Guide::default());
        let example =
            text.split_once("\n# audiences:").map(|(_, rest)| format!("# audiences:{rest}")).expect("example");
        let uncommented: String = example.lines().map(|l| format!("{}\n", l.strip_prefix("# ").unwrap_or(l))).collect();
        let loaded = load(Arc::from("acctsum.yaml"), uncommented.as_bytes());
        let guide = Guide::parse(&loaded.doc.expect("doc")).expect(&uncommented);
        let company = guide.audience(None).expect("default").expect("company");
        let hidden: Vec<&str> = company.hide.iter().map(crate::audience::Pattern::as_str).collect();
        assert_eq!(
            hidden,
            ["risks", "actions", "account_status.commercial", "account_status.*.notes", "strategy.*.action"]
        );
        assert!(guide.audience(Some("leads")).expect("leads").is_some_and(|l| l.hide.is_empty()));
    }
}
