//! Looking a value of the model up by its field path, as findings name fields: what
//! proves (in `tests/model_coverage.rs`) that every field of the format reaches the model,
//! and what a filter on field paths can read.

use super::{Engagement, Score, Value};
use crate::field_path::{FieldPath, Segment};
use crate::format::{Section, key as k};

impl Engagement {
    /// The valid value at `path`, written as in the file (`2026-11-20`, `3`, `done`), or
    /// `None` when it is absent or invalid, or `path` names no single value (a mapping, a
    /// list, the format version). List indices count as the file does.
    #[must_use]
    pub fn value_at(&self, path: &FieldPath) -> Option<String> {
        use Segment::{Index, Key};
        match path.segments() {
            [Key(key)] => self.top(key),
            [Key(list), Index(i)] if list == k::NEXT_STEPS => self.next_steps.get(*i).cloned(),
            [Key(leads), Key(key)] if leads == k::LEADS => self.lead(key),
            [Key(leads), Key(key), Index(i)] if leads == k::LEADS => match key.as_ref() {
                k::TECH => self.leads.tech.get(*i).cloned(),
                k::DELIVERY => self.leads.delivery.get(*i).cloned(),
                _ => None,
            },
            [Key(review), Key(key)] if review == k::SERVICE_REVIEW => match key.as_ref() {
                k::LAST => date(&self.service_review.last),
                k::NEXT => date(&self.service_review.next),
                _ => None,
            },
            [Key(support), Key(key)] if support == k::SUPPORT => match key.as_ref() {
                k::ASK => text(&self.support.ask),
                k::FROM => text(&self.support.from),
                k::SINCE => date(&self.support.since),
                _ => None,
            },
            [Key(section), Key(measure), Key(key)] => {
                let section = Section::ALL.into_iter().find(|s| s.key() == section)?;
                measure_value(self.scores(section).get(measure)?, key)
            }
            [Key(list), Index(i), Key(key)] => self.item(list, *i, key),
            _ => None,
        }
    }

    fn top(&self, key: &str) -> Option<String> {
        match key {
            k::ENGAGEMENT => text(&self.engagement),
            k::CLIENT => text(&self.client),
            k::REGION => text(&self.region),
            k::UPDATED => date(&self.updated),
            k::STATUS => word(&self.status),
            k::HEADLINE => text(&self.headline),
            _ => None,
        }
    }

    fn lead(&self, key: &str) -> Option<String> {
        let l = &self.leads;
        match key {
            k::ACCOUNT => text(&l.account),
            k::RELATIONSHIP => text(&l.relationship),
            k::CLIENT_PRACTICE => text(&l.client_practice),
            // A single name written without a list.
            k::TECH if l.tech.len() == 1 => l.tech.first().cloned(),
            k::DELIVERY if l.delivery.len() == 1 => l.delivery.first().cloned(),
            _ => None,
        }
    }

    fn item(&self, list: &str, i: usize, key: &str) -> Option<String> {
        match list {
            k::ACTIONS => {
                let a = self.actions.iter().find(|a| a.index == i)?;
                match key {
                    k::ACTION => text(&a.action),
                    k::OWNER => text(&a.owner),
                    k::DUE => date(&a.due),
                    k::STATUS => word(&a.status),
                    _ => None,
                }
            }
            k::RISKS => {
                let r = self.risks.iter().find(|r| r.index == i)?;
                match key {
                    k::TITLE => text(&r.title),
                    k::TYPE => word(&r.kind),
                    k::SCORE => number(&r.score),
                    k::MITIGATION => text(&r.mitigation),
                    k::OWNER => text(&r.owner),
                    _ => None,
                }
            }
            k::OBJECTIVES => {
                let o = self.objectives.iter().find(|o| o.index == i)?;
                match key {
                    k::TITLE => text(&o.title),
                    k::DATE => date(&o.date),
                    k::COMFORT => number(&o.comfort),
                    k::NOTES => text(&o.notes),
                    _ => None,
                }
            }
            k::STAKEHOLDERS => {
                let s = self.stakeholders.iter().find(|s| s.index == i)?;
                match key {
                    k::NAME => text(&s.name),
                    k::ROLE => text(&s.role),
                    k::SIDE => word(&s.side),
                    _ => None,
                }
            }
            k::WINS => {
                let w = self.wins.iter().find(|w| w.index == i)?;
                match key {
                    k::DATE => date(&w.date),
                    k::TITLE => text(&w.title),
                    _ => None,
                }
            }
            k::OPPORTUNITIES => {
                let o = self.opportunities.iter().find(|o| o.index == i)?;
                match key {
                    k::TITLE => text(&o.title),
                    k::STAGE => word(&o.stage),
                    k::NOTES => text(&o.notes),
                    _ => None,
                }
            }
            k::ACKNOWLEDGED => {
                let a = self.acknowledged.iter().find(|a| a.index == i)?;
                match key {
                    k::RULE => word(&a.rule),
                    k::ABOUT => text(&a.about),
                    k::REASON => text(&a.reason),
                    k::UNTIL => date(&a.until),
                    k::BY => text(&a.by),
                    _ => None,
                }
            }
            _ => None,
        }
    }
}

fn measure_value(score: &Score, key: &str) -> Option<String> {
    match key {
        k::SCORE => number(&score.score),
        k::NOTES => text(&score.notes),
        k::ACTION => text(&score.action),
        _ => None,
    }
}

fn text(v: &Value<String>) -> Option<String> {
    v.get().cloned()
}

fn date(v: &Value<chrono::NaiveDate>) -> Option<String> {
    v.get().map(ToString::to_string)
}

fn number(v: &Value<i64>) -> Option<String> {
    v.get().map(ToString::to_string)
}

fn word<T: std::fmt::Display>(v: &Value<T>) -> Option<String> {
    v.get().map(ToString::to_string)
}
