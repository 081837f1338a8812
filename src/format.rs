//! The engagement file format (version 1), declared once.
//!
//! The checker (`validate.rs`), the JSON Schema (`schema.rs`), the field guide
//! (`acctsum guide`) and the scaffold (`acctsum new`) all read this table, so they cannot
//! disagree about what a field is.

use crate::guide::Guide;

/// The two sections scored against the configured measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// `account_status`: the health of the account today.
    AccountStatus,
    /// `strategy`: where the account is heading.
    Strategy,
}

impl Section {
    /// Both sections, in file order.
    pub const ALL: [Section; 2] = [Section::AccountStatus, Section::Strategy];

    /// The field name (`account_status`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Self::AccountStatus => "account_status",
            Self::Strategy => "strategy",
        }
    }

    /// The heading used in reports.
    #[must_use]
    pub fn title(self) -> &'static str {
        match self {
            Self::AccountStatus => "Account status",
            Self::Strategy => "Strategy",
        }
    }
}

/// What a field holds.
#[derive(Clone, Copy, Debug)]
pub enum Shape {
    /// The format version: the integer 1.
    Version,
    /// Non-empty text.
    Text,
    /// A real calendar date, `YYYY-MM-DD`.
    Date,
    /// An integer on the configured scale.
    Score,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// Text naming a configured region.
    Region,
    /// A person's name, or a list of names.
    Names,
    /// A list of at least one piece of text.
    TextList,
    /// A mapping with these fields.
    Record(&'static [Field]),
    /// A list of mappings with these fields.
    List(&'static [Field]),
    /// A mapping from configured measure keys to [`MEASURE`] entries.
    Measures(Section),
}

impl Shape {
    /// What kind of value a field takes, in words.
    #[must_use]
    pub fn describe(self, guide: &Guide) -> String {
        let scale = guide.scale;
        match self {
            Shape::Version => "the number 1".to_owned(),
            Shape::Text => "text".to_owned(),
            Shape::Date => "a date, YYYY-MM-DD".to_owned(),
            Shape::Score => format!("a whole number from {} (worst) to {} (best)", scale.min, scale.max),
            Shape::Choice(words) => format!("one of: {}", words.join(", ")),
            Shape::Region if guide.regions.is_empty() => "text (any region)".to_owned(),
            Shape::Region => format!("one of: {}", guide.regions.join(", ")),
            Shape::Names => "a name, or a list of names".to_owned(),
            Shape::TextList => "a list of text, at least one item".to_owned(),
            Shape::Record(_) => "a mapping of the fields below".to_owned(),
            Shape::List(_) => "a list; each item a mapping of the fields below".to_owned(),
            Shape::Measures(section) => {
                let keys: Vec<&str> = guide.measures(section).iter().map(|m| m.key.as_str()).collect();
                format!("a mapping: each configured measure ({}) → {{score, notes, action}}", keys.join(", "))
            }
        }
    }
}

/// One field of a mapping.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The key.
    pub key: &'static str,
    /// What it holds.
    pub shape: Shape,
    /// Whether it must be present (and not empty).
    pub required: bool,
    /// The field guide's explanation: what the field is for.
    pub doc: &'static str,
}

const fn req(key: &'static str, shape: Shape, doc: &'static str) -> Field {
    Field { key, shape, required: true, doc }
}

const fn opt(key: &'static str, shape: Shape, doc: &'static str) -> Field {
    Field { key, shape, required: false, doc }
}

/// Engagement status values.
pub const STATUSES: &[&str] = &["green", "amber", "red"];
/// Action status values (default `open`).
pub const ACTION_STATUSES: &[&str] = &["open", "done", "blocked"];
/// Risk type values (default `risk`).
pub const RISK_TYPES: &[&str] = &["risk", "issue"];
/// Stakeholder sides.
pub const SIDES: &[&str] = &["client", "ours"];
/// Opportunity stages.
pub const STAGES: &[&str] = &["idea", "qualified", "proposed", "won", "lost"];

/// The leads of an engagement.
pub const LEADS: &[Field] = &[
    req(
        "account",
        Shape::Text,
        "The Account Lead: accountable for the whole engagement, its relationships, commercials, team and governance.",
    ),
    opt("tech", Shape::Names, "The Tech Lead(s): a name or a list of names."),
    opt("delivery", Shape::Names, "The Delivery Lead(s): a name or a list of names."),
    opt("relationship", Shape::Text, "The Relationship Lead: one person per client, across all its engagements."),
    opt("client_practice", Shape::Text, "The Client Practice Lead who supports this engagement."),
];

/// `service_review`: the monthly service review with the client.
pub const SERVICE_REVIEW: &[Field] = &[
    opt("last", Shape::Date, "Date of the last service review with the client."),
    opt("next", Shape::Date, "Date of the next service review, when booked."),
];

/// One top action.
pub const ACTION: &[Field] = &[
    req("action", Shape::Text, "What is to be done."),
    req("owner", Shape::Text, "Who will do it."),
    req("due", Shape::Date, "When it is due."),
    opt("status", Shape::Choice(ACTION_STATUSES), "open (the default), done or blocked."),
];

/// One risk or issue.
pub const RISK: &[Field] = &[
    req("title", Shape::Text, "The risk or issue, in a line."),
    opt("type", Shape::Choice(RISK_TYPES), "risk (may happen; the default) or issue (has happened)."),
    req(
        "score",
        Shape::Score,
        "How comfortable we are with it: the lowest score is very uncomfortable, the highest comfortable.",
    ),
    opt("mitigation", Shape::Text, "What we are doing about it."),
    opt("owner", Shape::Text, "Who owns the mitigation."),
];

/// One scored measure (`account_status` / `strategy` entry).
pub const MEASURE: &[Field] = &[
    req("score", Shape::Score, "The score on the configured scale: the lowest is worst, the highest best."),
    opt("notes", Shape::Text, "Why the score is what it is; needed for low scores."),
    opt("action", Shape::Text, "What we are doing to improve it; expected for low scores."),
];

/// One objective or upcoming event.
pub const OBJECTIVE: &[Field] = &[
    req("title", Shape::Text, "The objective or event."),
    req("date", Shape::Date, "When it is due to happen."),
    req("comfort", Shape::Score, "How comfortable we are that it will go well, on the scale."),
    opt("notes", Shape::Text, "What it depends on; needed when comfort is low."),
];

/// One stakeholder.
pub const STAKEHOLDER: &[Field] = &[
    req("name", Shape::Text, "The person."),
    opt("role", Shape::Text, "Their role (CTO, product owner, ...)."),
    opt("side", Shape::Choice(SIDES), "client or ours."),
];

/// One win.
pub const WIN: &[Field] =
    &[req("date", Shape::Date, "When it happened."), req("title", Shape::Text, "What went well.")];

/// One opportunity.
pub const OPPORTUNITY: &[Field] = &[
    req("title", Shape::Text, "The opportunity."),
    opt("stage", Shape::Choice(STAGES), "idea, qualified, proposed, won or lost."),
    opt("notes", Shape::Text, "Anything worth knowing."),
];

/// The top level of an engagement file.
pub const ENGAGEMENT: &[Field] = &[
    req("acctsum", Shape::Version, "The format version of this file: always 1."),
    req("engagement", Shape::Text, "The engagement's name, unique across the workspace."),
    req("client", Shape::Text, "The client's name, spelled the same in all its engagements."),
    req("region", Shape::Region, "The region whose review session covers this engagement."),
    req(
        "leads",
        Shape::Record(LEADS),
        "Who leads the engagement: the Account Lead, the Tech and Delivery Leads (a name or a list of names), the client's Relationship Lead and the Client Practice Lead.",
    ),
    req("updated", Shape::Date, "When the leads last reviewed the whole summary; at least every two weeks."),
    req("status", Shape::Choice(STATUSES), "The overall status: green, amber or red. It should tally with the scores."),
    req("headline", Shape::Text, "One or two sentences on how the engagement is going: concise, accurate, relevant."),
    req("next_steps", Shape::TextList, "The next steps, one per line; at least one."),
    opt("service_review", Shape::Record(SERVICE_REVIEW), "The monthly service review with the client."),
    opt("actions", Shape::List(ACTION), "The top actions, to track and resolve outstanding items."),
    opt(
        "risks",
        Shape::List(RISK),
        "The most important risks and issues, with how comfortable we are and what we do about them.",
    ),
    opt(
        "account_status",
        Shape::Measures(Section::AccountStatus),
        "The health of the account on each configured measure, with notes and actions, especially for low scores.",
    ),
    opt(
        "objectives",
        Shape::List(OBJECTIVE),
        "Future-looking objectives and events that matter to the client and us; remove old ones.",
    ),
    opt(
        "strategy",
        Shape::Measures(Section::Strategy),
        "Where the account is heading on each configured strategy measure.",
    ),
    opt("stakeholders", Shape::List(STAKEHOLDER), "Key people on the client's side and ours."),
    opt("wins", Shape::List(WIN), "Where we are doing well: shout about it."),
    opt("opportunities", Shape::List(OPPORTUNITY), "Possible new work with the client."),
];

/// Whether a key is an extension field (`x-…`), ignored everywhere.
#[must_use]
pub fn is_extension(key: &str) -> bool {
    key.starts_with("x-")
}

/// Finds a field by key.
#[must_use]
pub fn field<'a>(fields: &'a [Field], key: &str) -> Option<&'a Field> {
    fields.iter().find(|f| f.key == key)
}
