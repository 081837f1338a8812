//! Issue 12: every field of the format reaches the model. The test walks the format table
//! (`format::ENGAGEMENT`, recursively, with every measure of the default guide), writes a
//! file with every field filled with its own marker value (two items in every list), runs
//! it through the per-file pipeline and reads each value back from the model by its field
//! path. A field the model drops — a line missing from `Engagement::from_rec`, a key read
//! under the wrong name — fails it, unless the field is listed below as not modelled.

use std::sync::Arc;

use acctsum::engine::{Steps, check_bytes};
use acctsum::field_path::FieldPath;
use acctsum::format::{self, Field, Shape};
use acctsum::guide::Guide;
use acctsum::rules::Context;
use chrono::{Days, NaiveDate};

/// Fields deliberately not in the model, and why.
const NOT_MODELLED: &[(&str, &str)] = &[("acctsum", "the format version: always 1, checked and not kept")];

/// The file being written, and the value each field path should read back as.
struct Writer<'g> {
    guide: &'g Guide,
    expect: Vec<(FieldPath, Option<String>)>,
    n: u64,
}

impl Writer<'_> {
    /// The YAML of a scalar field at `path`, and the value the model should hold.
    fn scalar(&mut self, shape: Shape, path: &FieldPath) -> (String, Option<String>) {
        self.n += 1;
        let scale = self.guide.scale;
        match shape {
            Shape::Version => ("1".to_owned(), None),
            Shape::Text | Shape::Region => {
                let marker = format!("m-{path}");
                (format!("\"{marker}\""), Some(marker))
            }
            Shape::Date => {
                let date = NaiveDate::from_ymd_opt(2020, 1, 1).expect("date") + Days::new(self.n);
                (date.to_string(), Some(date.to_string()))
            }
            Shape::Score => {
                let span = u64::try_from(scale.max - scale.min + 1).expect("scale");
                let score = scale.min + i64::try_from(self.n % span).expect("score");
                (score.to_string(), Some(score.to_string()))
            }
            Shape::Choice(words) => {
                let word = words[usize::try_from(self.n).expect("n") % words.len()];
                (word.to_owned(), Some(word.to_owned()))
            }
            other => panic!("not a scalar: {other:?}"),
        }
    }

    /// The lines of a mapping with `fields` at `at` (`None`: the top level).
    fn record(&mut self, fields: &[Field], at: Option<&FieldPath>) -> Vec<String> {
        let mut lines = Vec::new();
        for field in fields {
            let path = at.map_or_else(|| FieldPath::key(field.key), |p| p.clone().field(field.key));
            match field.shape {
                Shape::Record(inner) => {
                    lines.push(format!("{}:", field.key));
                    let inner = self.record(inner, Some(&path));
                    lines.extend(inner.into_iter().map(|l| format!("  {l}")));
                }
                Shape::List(inner) => {
                    lines.push(format!("{}:", field.key));
                    for i in 0..2 {
                        let item = self.record(inner, Some(&path.clone().at(i)));
                        for (j, line) in item.into_iter().enumerate() {
                            lines.push(if j == 0 { format!("  - {line}") } else { format!("    {line}") });
                        }
                    }
                }
                Shape::Measures(section) => {
                    lines.push(format!("{}:", field.key));
                    for measure in self.guide.measures(section) {
                        lines.push(format!("  {}:", measure.key));
                        let inner = self.record(format::MEASURE, Some(&path.clone().field(measure.key.clone())));
                        lines.extend(inner.into_iter().map(|l| format!("    {l}")));
                    }
                }
                Shape::Names | Shape::TextList => {
                    lines.push(format!("{}:", field.key));
                    for i in 0..2 {
                        let item = path.clone().at(i);
                        let marker = format!("m-{item}");
                        lines.push(format!("  - \"{marker}\""));
                        self.expect.push((item, Some(marker)));
                    }
                }
                shape => {
                    let (yaml, value) = self.scalar(shape, &path);
                    lines.push(format!("{}: {yaml}", field.key));
                    self.expect.push((path, value));
                }
            }
        }
        lines
    }
}

#[test]
fn every_field_of_the_format_reaches_the_model() {
    let guide = Guide::default();
    let mut writer = Writer { guide: &guide, expect: Vec::new(), n: 0 };
    let text = writer.record(format::ENGAGEMENT, None).join("\n") + "\n";
    let today = NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
    let checked =
        check_bytes(Arc::from("engagements/m.yaml"), text.as_bytes(), &Context { today, guide: &guide }, Steps::MODEL);
    assert_eq!(checked.findings, vec![], "the generated file is valid:\n{text}");
    let eng = checked.engagement.expect("a model");
    let mut missing = Vec::new();
    for (path, want) in &writer.expect {
        let shown = path.to_string();
        match NOT_MODELLED.iter().find(|(p, _)| *p == shown) {
            Some(_) => assert_eq!(eng.value_at(path), None, "{shown} is listed as not modelled"),
            None if want.is_none() => missing.push(format!("{shown}: a value the model cannot hold")),
            None => {
                if eng.value_at(path) != *want {
                    missing.push(format!("{shown}: {:?} != {want:?}", eng.value_at(path)));
                }
            }
        }
    }
    // Every measure of every section and every kind of field was written.
    assert!(writer.expect.len() > 80, "{} fields", writer.expect.len());
    assert!(missing.is_empty(), "fields that do not reach the model:\n{}\nin:\n{text}", missing.join("\n"));
}
