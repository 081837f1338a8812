//! The typed engagement, built from the valid parts of a checked document.
//!
//! Every field remembers whether it was absent, present but invalid (already reported),
//! or valid and where: content rules need all three ("no notes" is not "bad notes").

mod support;
mod value_at;

use std::sync::Arc;

use chrono::NaiveDate;

use crate::choice::Choice;
use crate::finding::{ACKNOWLEDGEABLE, FieldPath, Loc, RuleId};
use crate::format::{Section, key as k};
use crate::validate::{self, Rec, Val};

/// A field of the model.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value<T> {
    /// Not in the file (or empty where that is allowed).
    #[default]
    Absent,
    /// In the file but invalid; a structural finding says why.
    Invalid,
    /// Valid, at this position.
    Valid(T, Loc),
}

impl<T> Value<T> {
    /// The value, when valid.
    pub fn get(&self) -> Option<&T> {
        match self {
            Self::Valid(v, _) => Some(v),
            _ => None,
        }
    }

    /// Where the valid value is.
    pub fn at(&self) -> Option<Loc> {
        match self {
            Self::Valid(_, at) => Some(*at),
            _ => None,
        }
    }

    /// Whether the field is absent.
    pub fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    /// The value and its position, when valid.
    pub fn valid(&self) -> Option<(&T, Loc)> {
        match self {
            Self::Valid(v, at) => Some((v, *at)),
            _ => None,
        }
    }
}

impl<T: Copy> Value<T> {
    /// The value, copied, when valid.
    pub fn copied(&self) -> Option<T> {
        self.get().copied()
    }
}

impl Value<String> {
    /// The text, when valid.
    pub fn str(&self) -> Option<&str> {
        self.get().map(String::as_str)
    }
}

pub use self::support::Support;
pub use crate::choice::{ActionStatus, RiskType, Side, Stage, Status};

/// Who leads an engagement.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Leads {
    /// Where the `leads` key is.
    pub at: Option<Loc>,
    /// The Account Lead.
    pub account: Value<String>,
    /// The Tech Leads.
    pub tech: Vec<String>,
    /// The Delivery Leads.
    pub delivery: Vec<String>,
    /// The Relationship Lead.
    pub relationship: Value<String>,
    /// The Client Practice Lead.
    pub client_practice: Value<String>,
}

/// A lead role, in the order of the format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Role {
    /// `leads.account`: one name.
    Account,
    /// `leads.tech`: a list of names.
    Tech,
    /// `leads.delivery`: a list of names.
    Delivery,
    /// `leads.relationship`: one name.
    Relationship,
    /// `leads.client_practice`: one name.
    ClientPractice,
}

impl Role {
    /// Every role, in the order of the format.
    pub const ALL: [Role; 5] = [Self::Account, Self::Tech, Self::Delivery, Self::Relationship, Self::ClientPractice];

    /// The field name under `leads` (`client_practice`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::Account => k::ACCOUNT,
            Self::Tech => k::TECH,
            Self::Delivery => k::DELIVERY,
            Self::Relationship => k::RELATIONSHIP,
            Self::ClientPractice => k::CLIENT_PRACTICE,
        }
    }

    /// The role in words (`client practice`).
    #[must_use]
    pub fn words(self) -> &'static str {
        match self {
            Self::ClientPractice => "client practice",
            other => other.key(),
        }
    }
}

impl Leads {
    /// The valid names in `role`, in file order.
    #[must_use]
    pub fn names(&self, role: Role) -> Vec<&str> {
        match role {
            Role::Account => self.account.str().into_iter().collect(),
            Role::Tech => self.tech.iter().map(String::as_str).collect(),
            Role::Delivery => self.delivery.iter().map(String::as_str).collect(),
            Role::Relationship => self.relationship.str().into_iter().collect(),
            Role::ClientPractice => self.client_practice.str().into_iter().collect(),
        }
    }

    /// The roles held by someone whose name contains `who` (by [name key](crate::name_key):
    /// without case, accents or extra spaces): the one look-up behind `leads NAME` and
    /// `report --lead NAME`.
    #[must_use]
    pub fn roles_of(&self, who: &str) -> Vec<Role> {
        let who = crate::name_key::name_key(who);
        Role::ALL
            .into_iter()
            .filter(|&role| self.names(role).iter().any(|n| crate::name_key::name_key(n).contains(who.as_str())))
            .collect()
    }
}

/// `service_review`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ServiceReview {
    /// The section itself: absent, invalid, or present with its key's position.
    pub section: Value<()>,
    /// The last review.
    pub last: Value<NaiveDate>,
    /// The next review.
    pub next: Value<NaiveDate>,
}

/// One top action.
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    /// Its 0-based position in the file's `actions` (what findings' field paths count).
    pub index: usize,
    /// The item's first line.
    pub at: Loc,
    /// What is to be done.
    pub action: Value<String>,
    /// Who.
    pub owner: Value<String>,
    /// By when.
    pub due: Value<NaiveDate>,
    /// open (when absent), done or blocked.
    pub status: Value<ActionStatus>,
}

impl Action {
    /// Whether the action is still to do (`open` or `blocked`); `None` if its status is invalid.
    #[must_use]
    pub fn is_open(&self) -> Option<bool> {
        match &self.status {
            Value::Absent => Some(true),
            Value::Invalid => None,
            Value::Valid(s, _) => Some(*s != ActionStatus::Done),
        }
    }
}

/// One risk or issue.
#[derive(Clone, Debug, PartialEq)]
pub struct Risk {
    /// Its 0-based position in the file's `risks`.
    pub index: usize,
    /// The item's first line.
    pub at: Loc,
    /// What it is.
    pub title: Value<String>,
    /// risk (when absent) or issue.
    pub kind: Value<RiskType>,
    /// Comfort score.
    pub score: Value<i64>,
    /// What we do about it.
    pub mitigation: Value<String>,
    /// Who owns it.
    pub owner: Value<String>,
}

/// One scored measure.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// The measure key.
    pub key: String,
    /// Where the key is.
    pub key_at: Loc,
    /// The score.
    pub score: Value<i64>,
    /// Why.
    pub notes: Value<String>,
    /// What we do to improve it.
    pub action: Value<String>,
}

impl Score {
    /// The path of this entry in `section` (`account_status.commercial`).
    #[must_use]
    pub fn field(&self, section: Section) -> FieldPath {
        FieldPath::key(section.key()).field(self.key.clone())
    }
}

/// `account_status` or `strategy`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// The section itself: absent, invalid, or present at its key.
    pub section: Value<()>,
    /// The entries for configured measures, in file order.
    pub entries: Vec<Score>,
}

impl Scores {
    /// The entry for a measure key.
    #[must_use]
    pub fn get(&self, key: &str) -> Option<&Score> {
        self.entries.iter().find(|s| s.key == key)
    }
}

/// One objective or upcoming event.
#[derive(Clone, Debug, PartialEq)]
pub struct Objective {
    /// Its 0-based position in the file's `objectives`.
    pub index: usize,
    /// The item's first line.
    pub at: Loc,
    /// What.
    pub title: Value<String>,
    /// When.
    pub date: Value<NaiveDate>,
    /// How comfortable we are.
    pub comfort: Value<i64>,
    /// What it depends on.
    pub notes: Value<String>,
}

/// One stakeholder.
#[derive(Clone, Debug, PartialEq)]
pub struct Stakeholder {
    /// Its 0-based position in the file's `stakeholders`.
    pub index: usize,
    /// Who.
    pub name: Value<String>,
    /// Their role.
    pub role: Value<String>,
    /// client or ours.
    pub side: Value<Side>,
}

/// One win.
#[derive(Clone, Debug, PartialEq)]
pub struct Win {
    /// Its 0-based position in the file's `wins`.
    pub index: usize,
    /// When.
    pub date: Value<NaiveDate>,
    /// What.
    pub title: Value<String>,
}

/// One opportunity.
#[derive(Clone, Debug, PartialEq)]
pub struct Opportunity {
    /// Its 0-based position in the file's `opportunities`.
    pub index: usize,
    /// What.
    pub title: Value<String>,
    /// Its stage.
    pub stage: Value<Stage>,
    /// Notes.
    pub notes: Value<String>,
}

/// One acknowledgement: findings of a rule the leads know about, silenced until a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Acknowledgement {
    /// Its 0-based position in the file's `acknowledged`.
    pub index: usize,
    /// The item's first line.
    pub at: Loc,
    /// The rule whose findings it silences (one of [`crate::finding::ACKNOWLEDGEABLE`]).
    pub rule: Value<RuleId>,
    /// The measure key, risk title or action text the findings are about (or a field
    /// path, as findings name fields); absent: all the rule's findings.
    pub about: Value<String>,
    /// Why.
    pub reason: Value<String>,
    /// The last day it silences anything.
    pub until: Value<NaiveDate>,
    /// Who acknowledged it.
    pub by: Value<String>,
}

impl Acknowledgement {
    /// The field path of this item (`acknowledged.1`).
    #[must_use]
    pub fn field(&self) -> FieldPath {
        FieldPath::item(k::ACKNOWLEDGED, self.index)
    }
}

/// An engagement: the valid parts of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Engagement {
    /// The file, as shown to the user.
    pub path: Arc<str>,
    /// The engagement's name.
    pub engagement: Value<String>,
    /// The client.
    pub client: Value<String>,
    /// The region.
    pub region: Value<String>,
    /// The leads.
    pub leads: Leads,
    /// Last reviewed.
    pub updated: Value<NaiveDate>,
    /// Overall status.
    pub status: Value<Status>,
    /// Headline.
    pub headline: Value<String>,
    /// Next steps.
    pub next_steps: Vec<String>,
    /// Service review.
    pub service_review: ServiceReview,
    /// Top actions.
    pub actions: Vec<Action>,
    /// Risks and issues.
    pub risks: Vec<Risk>,
    /// Account status scores.
    pub account_status: Scores,
    /// Objectives.
    pub objectives: Vec<Objective>,
    /// Strategy scores.
    pub strategy: Scores,
    /// Stakeholders.
    pub stakeholders: Vec<Stakeholder>,
    /// Wins.
    pub wins: Vec<Win>,
    /// Opportunities.
    pub opportunities: Vec<Opportunity>,
    /// The ask for help.
    pub support: Support,
    /// Acknowledged findings.
    pub acknowledged: Vec<Acknowledgement>,
}

impl Engagement {
    /// Builds the model from a checked record, moving its values out.
    #[must_use]
    pub fn from_rec(path: Arc<str>, mut rec: Rec) -> Self {
        let rec = &mut rec;
        let leads = match rec.take(k::LEADS) {
            Some(slot) => match slot.val {
                Some(Val::Record(mut r)) => Leads {
                    at: Some(slot.key_at),
                    account: text(&mut r, k::ACCOUNT),
                    tech: names(&mut r, k::TECH),
                    delivery: names(&mut r, k::DELIVERY),
                    relationship: text(&mut r, k::RELATIONSHIP),
                    client_practice: text(&mut r, k::CLIENT_PRACTICE),
                },
                _ => Leads { at: Some(slot.key_at), ..Leads::default() },
            },
            None => Leads::default(),
        };
        let service_review = match record(rec, k::SERVICE_REVIEW) {
            (section, Some(mut r)) => {
                ServiceReview { section, last: date(&mut r, k::LAST), next: date(&mut r, k::NEXT) }
            }
            (section, None) => ServiceReview { section, ..ServiceReview::default() },
        };
        let support = match record(rec, k::SUPPORT) {
            (section, Some(mut r)) => Support {
                section,
                ask: text(&mut r, k::ASK),
                from: text(&mut r, k::FROM),
                since: date(&mut r, k::SINCE),
            },
            (section, None) => Support { section, ..Support::default() },
        };
        Self {
            path,
            engagement: text(rec, k::ENGAGEMENT),
            client: text(rec, k::CLIENT),
            region: text(rec, k::REGION),
            leads,
            updated: date(rec, k::UPDATED),
            status: choice(rec, k::STATUS),
            headline: text(rec, k::HEADLINE),
            next_steps: names(rec, k::NEXT_STEPS),
            service_review,
            actions: items(rec, k::ACTIONS, |index, at, r| Action {
                index,
                at,
                action: text(r, k::ACTION),
                owner: text(r, k::OWNER),
                due: date(r, k::DUE),
                status: choice(r, k::STATUS),
            }),
            risks: items(rec, k::RISKS, |index, at, r| Risk {
                index,
                at,
                title: text(r, k::TITLE),
                kind: choice(r, k::TYPE),
                score: int(r, k::SCORE),
                mitigation: text(r, k::MITIGATION),
                owner: text(r, k::OWNER),
            }),
            account_status: scores(rec, k::ACCOUNT_STATUS),
            objectives: items(rec, k::OBJECTIVES, |index, at, r| Objective {
                index,
                at,
                title: text(r, k::TITLE),
                date: date(r, k::DATE),
                comfort: int(r, k::COMFORT),
                notes: text(r, k::NOTES),
            }),
            strategy: scores(rec, k::STRATEGY),
            stakeholders: items(rec, k::STAKEHOLDERS, |index, _, r| Stakeholder {
                index,
                name: text(r, k::NAME),
                role: text(r, k::ROLE),
                side: choice(r, k::SIDE),
            }),
            wins: items(rec, k::WINS, |index, _, r| Win { index, date: date(r, k::DATE), title: text(r, k::TITLE) }),
            opportunities: items(rec, k::OPPORTUNITIES, |index, _, r| Opportunity {
                index,
                title: text(r, k::TITLE),
                stage: choice(r, k::STAGE),
                notes: text(r, k::NOTES),
            }),
            support,
            acknowledged: items(rec, k::ACKNOWLEDGED, |index, at, r| Acknowledgement {
                index,
                at,
                rule: rule(r, k::RULE),
                about: text(r, k::ABOUT),
                reason: text(r, k::REASON),
                until: date(r, k::UNTIL),
                by: text(r, k::BY),
            }),
        }
    }

    /// The model as `check` needs it once the per-file rules have run: the fields that the
    /// workspace stage reads, every other one emptied (`report`, `site` and the others
    /// render the model, and keep it whole). The workspace-level rules read the path, the
    /// engagement's name, the client, the Relationship Lead and `updated`; the
    /// acknowledgement step ([`crate::rules::settle`]) reads the acknowledgements and, to
    /// match their `about`, the risks' titles and the actions' texts (of a file that has
    /// acknowledgements: it looks at no other). `check --since` compares whole models, and
    /// does not trim. Every field is named here, so that a new one is kept or dropped on
    /// purpose.
    #[must_use]
    pub fn for_workspace_stage(self) -> Self {
        let Self {
            path,
            engagement,
            client,
            region: _,
            leads,
            updated,
            status: _,
            headline: _,
            next_steps: _,
            service_review: _,
            actions,
            risks,
            account_status: _,
            objectives: _,
            strategy: _,
            stakeholders: _,
            wins: _,
            opportunities: _,
            support: _,
            acknowledged,
        } = self;
        let (actions, risks) = if acknowledged.is_empty() { (Vec::new(), Vec::new()) } else { (actions, risks) };
        Self {
            path,
            engagement,
            client,
            leads: Leads { relationship: leads.relationship, ..Leads::default() },
            updated,
            actions,
            risks,
            acknowledged,
            ..Self::default()
        }
    }

    /// The engagement's name, or its path when the name is not valid.
    #[must_use]
    pub fn name(&self) -> &str {
        self.engagement.str().unwrap_or(&self.path)
    }

    /// The scores of a section.
    #[must_use]
    pub fn scores(&self, section: Section) -> &Scores {
        match section {
            Section::AccountStatus => &self.account_status,
            Section::Strategy => &self.strategy,
        }
    }

    /// Every measure entry with its section: `account_status`'s, then `strategy`'s.
    pub fn measures(&self) -> impl Iterator<Item = (Section, &Score)> {
        Section::ALL.into_iter().flat_map(move |section| self.scores(section).entries.iter().map(move |s| (section, s)))
    }

    /// Days since `updated`, when valid.
    #[must_use]
    pub fn age_days(&self, today: NaiveDate) -> Option<i64> {
        self.updated.get().map(|u| (today - *u).num_days())
    }
}

fn pick<T>(rec: &mut Rec, key: &str, f: impl FnOnce(Val) -> Option<T>) -> Value<T> {
    match rec.take(key) {
        None => Value::Absent,
        Some(slot) => match slot.val.and_then(f) {
            Some(v) => Value::Valid(v, slot.at),
            None => Value::Invalid,
        },
    }
}

pub(crate) fn text(rec: &mut Rec, key: &str) -> Value<String> {
    pick(rec, key, |v| match v {
        Val::Text(t) => Some(t),
        _ => None,
    })
}

pub(crate) fn date(rec: &mut Rec, key: &str) -> Value<NaiveDate> {
    pick(rec, key, |v| match v {
        Val::Date(d) => Some(d),
        _ => None,
    })
}

fn int(rec: &mut Rec, key: &str) -> Value<i64> {
    pick(rec, key, |v| match v {
        Val::Int(i) => Some(i),
        _ => None,
    })
}

/// The value of a choice: validate found the word, at this index of the enum's words.
pub(crate) fn choice<T: Choice>(rec: &mut Rec, key: &str) -> Value<T> {
    pick(rec, key, |v| match v {
        Val::Choice(i) => T::from_index(i),
        _ => None,
    })
}

/// An acknowledgeable rule: validate found its id at this index of the list.
fn rule(rec: &mut Rec, key: &str) -> Value<RuleId> {
    pick(rec, key, |v| match v {
        Val::Choice(i) => ACKNOWLEDGEABLE.get(i).and_then(|id| RuleId::from_id(id)),
        _ => None,
    })
}

pub(crate) fn names(rec: &mut Rec, key: &str) -> Vec<String> {
    match rec.take(key).and_then(|s| s.val) {
        Some(Val::List(list)) => list.into_iter().map(|(n, _)| n).collect(),
        _ => Vec::new(),
    }
}

fn record(rec: &mut Rec, key: &str) -> (Value<()>, Option<Rec>) {
    match rec.take(key) {
        None => (Value::Absent, None),
        Some(slot) => match slot.val {
            Some(Val::Record(r)) => (Value::Valid((), slot.key_at), Some(r)),
            _ => (Value::Invalid, None),
        },
    }
}

pub(crate) fn items<T>(rec: &mut Rec, key: &str, f: impl Fn(usize, Loc, &mut Rec) -> T) -> Vec<T> {
    match rec.take(key).and_then(|s| s.val) {
        Some(Val::Items(list)) => list.into_iter().map(|mut item| f(item.index, item.at, &mut item.rec)).collect(),
        _ => Vec::new(),
    }
}

fn scores(rec: &mut Rec, key: &str) -> Scores {
    match rec.take(key) {
        None => Scores::default(),
        Some(slot) => match slot.val {
            Some(Val::Measures(list)) => Scores {
                section: Value::Valid((), slot.key_at),
                entries: list
                    .into_iter()
                    .map(|validate::Measure { key, key_at, mut rec }| Score {
                        key,
                        key_at,
                        score: int(&mut rec, k::SCORE),
                        notes: text(&mut rec, k::NOTES),
                        action: text(&mut rec, k::ACTION),
                    })
                    .collect(),
            },
            _ => Scores { section: Value::Invalid, entries: Vec::new() },
        },
    }
}
