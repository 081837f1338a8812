//! The engagement file format (version 1), declared once.
//!
//! The checker (`validate.rs`), the JSON Schema (`schema.rs`), the field guide
//! (`acctsum guide`) and the scaffold (`acctsum new`) all read this table, so they cannot
//! disagree about what a field is.

use crate::choice::{ActionStatus, Choice, RiskType, Side, Stage, Status};
use crate::finding::ACKNOWLEDGEABLE;
use crate::guide::Guide;

/// Every key of the format, named once: the table below and the model (`model.rs`) both
/// use these, so a misspelt key does not compile.
pub mod key {
    /// `acctsum`: the format version.
    pub const ACCTSUM: &str = "acctsum";
    /// `engagement`: the engagement's name.
    pub const ENGAGEMENT: &str = "engagement";
    /// `client`.
    pub const CLIENT: &str = "client";
    /// `region`.
    pub const REGION: &str = "region";
    /// `leads`.
    pub const LEADS: &str = "leads";
    /// `updated`.
    pub const UPDATED: &str = "updated";
    /// `status` (of the engagement, and of an action).
    pub const STATUS: &str = "status";
    /// `headline`.
    pub const HEADLINE: &str = "headline";
    /// `next_steps`.
    pub const NEXT_STEPS: &str = "next_steps";
    /// `service_review`.
    pub const SERVICE_REVIEW: &str = "service_review";
    /// `actions`.
    pub const ACTIONS: &str = "actions";
    /// `risks`.
    pub const RISKS: &str = "risks";
    /// `account_status`.
    pub const ACCOUNT_STATUS: &str = "account_status";
    /// `objectives`.
    pub const OBJECTIVES: &str = "objectives";
    /// `strategy`.
    pub const STRATEGY: &str = "strategy";
    /// `stakeholders`.
    pub const STAKEHOLDERS: &str = "stakeholders";
    /// `wins`.
    pub const WINS: &str = "wins";
    /// `opportunities`.
    pub const OPPORTUNITIES: &str = "opportunities";
    /// `leads.account`.
    pub const ACCOUNT: &str = "account";
    /// `leads.tech`.
    pub const TECH: &str = "tech";
    /// `leads.delivery`.
    pub const DELIVERY: &str = "delivery";
    /// `leads.relationship`.
    pub const RELATIONSHIP: &str = "relationship";
    /// `leads.client_practice`.
    pub const CLIENT_PRACTICE: &str = "client_practice";
    /// `service_review.last`.
    pub const LAST: &str = "last";
    /// `service_review.next`.
    pub const NEXT: &str = "next";
    /// An action's (and a measure's) `action`.
    pub const ACTION: &str = "action";
    /// `owner` of an action or a risk.
    pub const OWNER: &str = "owner";
    /// An action's `due`.
    pub const DUE: &str = "due";
    /// `title` of a risk, objective, win or opportunity.
    pub const TITLE: &str = "title";
    /// A risk's `type`.
    pub const TYPE: &str = "type";
    /// `score` of a risk or a measure.
    pub const SCORE: &str = "score";
    /// A risk's `mitigation`.
    pub const MITIGATION: &str = "mitigation";
    /// `notes` of a measure, an objective or an opportunity.
    pub const NOTES: &str = "notes";
    /// `date` of an objective or a win.
    pub const DATE: &str = "date";
    /// An objective's `comfort`.
    pub const COMFORT: &str = "comfort";
    /// A stakeholder's `name`.
    pub const NAME: &str = "name";
    /// A stakeholder's `role`.
    pub const ROLE: &str = "role";
    /// A stakeholder's `side`.
    pub const SIDE: &str = "side";
    /// An opportunity's `stage`.
    pub const STAGE: &str = "stage";
    /// `support`: an ask for help.
    pub const SUPPORT: &str = "support";
    /// `support.ask`.
    pub const ASK: &str = "ask";
    /// `support.from`.
    pub const FROM: &str = "from";
    /// `support.since`.
    pub const SINCE: &str = "since";
    /// A review session's `attendees`.
    pub const ATTENDEES: &str = "attendees";
    /// A review session's `decisions`.
    pub const DECISIONS: &str = "decisions";
    /// A review session's `next_review`.
    pub const NEXT_REVIEW: &str = "next_review";
    /// `acknowledged`: findings the leads know about, silenced until a date.
    pub const ACKNOWLEDGED: &str = "acknowledged";
    /// An acknowledgement's `rule`.
    pub const RULE: &str = "rule";
    /// An acknowledgement's `about`.
    pub const ABOUT: &str = "about";
    /// An acknowledgement's `reason`.
    pub const REASON: &str = "reason";
    /// An acknowledgement's `until`.
    pub const UNTIL: &str = "until";
    /// An acknowledgement's `by`.
    pub const BY: &str = "by";
}

use self::key as k;

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
            Self::AccountStatus => k::ACCOUNT_STATUS,
            Self::Strategy => k::STRATEGY,
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

/// The leads of an engagement.
pub const LEADS: &[Field] = &[
    req(
        k::ACCOUNT,
        Shape::Text,
        "The Account Lead: accountable for the whole engagement, its relationships, commercials, team and governance.",
    ),
    opt(k::TECH, Shape::Names, "The Tech Lead(s): a name or a list of names."),
    opt(k::DELIVERY, Shape::Names, "The Delivery Lead(s): a name or a list of names."),
    opt(k::RELATIONSHIP, Shape::Text, "The Relationship Lead: one person per client, across all its engagements."),
    opt(k::CLIENT_PRACTICE, Shape::Text, "The Client Practice Lead who supports this engagement."),
];

/// `service_review`: the monthly service review with the client.
pub const SERVICE_REVIEW: &[Field] = &[
    opt(k::LAST, Shape::Date, "Date of the last service review with the client."),
    opt(k::NEXT, Shape::Date, "Date of the next service review, when booked."),
];

/// One top action.
pub const ACTION: &[Field] = &[
    req(k::ACTION, Shape::Text, "What is to be done."),
    req(k::OWNER, Shape::Text, "Who will do it."),
    req(k::DUE, Shape::Date, "When it is due."),
    opt(k::STATUS, Shape::Choice(ActionStatus::WORDS), "open (the default), done or blocked."),
];

/// One risk or issue.
pub const RISK: &[Field] = &[
    req(k::TITLE, Shape::Text, "The risk or issue, in a line."),
    opt(k::TYPE, Shape::Choice(RiskType::WORDS), "risk (may happen; the default) or issue (has happened)."),
    req(
        k::SCORE,
        Shape::Score,
        "How comfortable we are with it: the lowest score is very uncomfortable, the highest comfortable.",
    ),
    opt(k::MITIGATION, Shape::Text, "What we are doing about it."),
    opt(k::OWNER, Shape::Text, "Who owns the mitigation."),
];

/// One scored measure (`account_status` / `strategy` entry).
pub const MEASURE: &[Field] = &[
    req(k::SCORE, Shape::Score, "The score on the configured scale: the lowest is worst, the highest best."),
    opt(k::NOTES, Shape::Text, "Why the score is what it is; needed for low scores."),
    opt(k::ACTION, Shape::Text, "What we are doing to improve it; expected for low scores."),
];

/// One objective or upcoming event.
pub const OBJECTIVE: &[Field] = &[
    req(k::TITLE, Shape::Text, "The objective or event."),
    req(k::DATE, Shape::Date, "When it is due to happen."),
    req(k::COMFORT, Shape::Score, "How comfortable we are that it will go well, on the scale."),
    opt(k::NOTES, Shape::Text, "What it depends on; needed when comfort is low."),
];

/// One stakeholder.
pub const STAKEHOLDER: &[Field] = &[
    req(k::NAME, Shape::Text, "The person."),
    opt(k::ROLE, Shape::Text, "Their role (CTO, product owner, ...)."),
    opt(k::SIDE, Shape::Choice(Side::WORDS), "client or ours."),
];

/// One win.
pub const WIN: &[Field] =
    &[req(k::DATE, Shape::Date, "When it happened."), req(k::TITLE, Shape::Text, "What went well.")];

/// One opportunity.
pub const OPPORTUNITY: &[Field] = &[
    req(k::TITLE, Shape::Text, "The opportunity."),
    opt(k::STAGE, Shape::Choice(Stage::WORDS), "idea, qualified, proposed, won or lost."),
    opt(k::NOTES, Shape::Text, "Anything worth knowing."),
];

/// `support`: an ask for help, open until the section is taken out.
pub const SUPPORT: &[Field] = &[
    req(k::ASK, Shape::Text, "What help is needed, from whom, and for how long: one or two sentences."),
    opt(k::FROM, Shape::Text, "Who the ask is addressed to (a practice, a lead, a team)."),
    req(k::SINCE, Shape::Date, "When the help was first asked for; it is not moved when the ask is repeated."),
];

/// One acknowledgement: a known finding, silenced until a date.
pub const ACKNOWLEDGEMENT: &[Field] = &[
    req(k::RULE, Shape::Choice(ACKNOWLEDGEABLE), "The rule whose findings are acknowledged (a content rule)."),
    opt(
        k::ABOUT,
        Shape::Text,
        "The measure key, risk title or action text the findings are about (case and spacing aside); absent: every finding of the rule in this file.",
    ),
    req(k::REASON, Shape::Text, "Why the finding is known and accepted for now."),
    req(k::UNTIL, Shape::Date, "The last day the findings are acknowledged; at most `max_acknowledge_days` ahead."),
    req(k::BY, Shape::Text, "Who acknowledged it."),
];

/// The top level of an engagement file.
pub const ENGAGEMENT: &[Field] = &[
    req(k::ACCTSUM, Shape::Version, "The format version of this file: always 1."),
    req(k::ENGAGEMENT, Shape::Text, "The engagement's name, unique across the workspace."),
    req(k::CLIENT, Shape::Text, "The client's name, spelled the same in all its engagements."),
    req(k::REGION, Shape::Region, "The region whose review session covers this engagement."),
    req(
        k::LEADS,
        Shape::Record(LEADS),
        "Who leads the engagement: the Account Lead, the Tech and Delivery Leads (a name or a list of names), the client's Relationship Lead and the Client Practice Lead.",
    ),
    req(k::UPDATED, Shape::Date, "When the leads last reviewed the whole summary; at least every two weeks."),
    req(
        k::STATUS,
        Shape::Choice(Status::WORDS),
        "The overall status: green, amber or red. It should tally with the scores.",
    ),
    req(k::HEADLINE, Shape::Text, "One or two sentences on how the engagement is going: concise, accurate, relevant."),
    req(k::NEXT_STEPS, Shape::TextList, "The next steps, one per line; at least one."),
    opt(k::SERVICE_REVIEW, Shape::Record(SERVICE_REVIEW), "The monthly service review with the client."),
    opt(k::ACTIONS, Shape::List(ACTION), "The top actions, to track and resolve outstanding items."),
    opt(
        k::RISKS,
        Shape::List(RISK),
        "The most important risks and issues, with how comfortable we are and what we do about them.",
    ),
    opt(
        k::ACCOUNT_STATUS,
        Shape::Measures(Section::AccountStatus),
        "The health of the account on each configured measure, with notes and actions, especially for low scores.",
    ),
    opt(
        k::OBJECTIVES,
        Shape::List(OBJECTIVE),
        "Future-looking objectives and events that matter to the client and us; remove old ones.",
    ),
    opt(
        k::STRATEGY,
        Shape::Measures(Section::Strategy),
        "Where the account is heading on each configured strategy measure.",
    ),
    opt(k::STAKEHOLDERS, Shape::List(STAKEHOLDER), "Key people on the client's side and ours."),
    opt(k::WINS, Shape::List(WIN), "Where we are doing well: shout about it."),
    opt(k::OPPORTUNITIES, Shape::List(OPPORTUNITY), "Possible new work with the client."),
    opt(
        k::SUPPORT,
        Shape::Record(SUPPORT),
        "An ask for help, to escalate and get support: shown first in every report until it is answered; take the section out then.",
    ),
    opt(
        k::ACKNOWLEDGED,
        Shape::List(ACKNOWLEDGEMENT),
        "Findings the leads know about and accept for now, each silenced until a date, with the reason and who said so.",
    ),
];

/// One action of a review session.
pub const REVIEW_ACTION: &[Field] = &[
    req(k::ACTION, Shape::Text, "What is to be done."),
    req(k::OWNER, Shape::Text, "Who will do it."),
    req(k::DUE, Shape::Date, "When it is due."),
    opt(k::ENGAGEMENT, Shape::Text, "The engagement it is about, by its name; it must name an engagement."),
    opt(k::STATUS, Shape::Choice(ActionStatus::WORDS), "open (the default), done or blocked."),
];

/// The top level of a review session file (`reviews/<region>/<YYYY-MM-DD>.yaml`).
pub const REVIEW: &[Field] = &[
    req(k::ACCTSUM, Shape::Version, "The format version of this file: always 1."),
    req(k::REGION, Shape::Region, "The region whose review session this was; the file lies in its folder."),
    req(k::DATE, Shape::Date, "When the session was held; the file is named after it."),
    opt(
        k::ATTENDEES,
        Shape::Names,
        "Who came, a name or a list of names: the people who contribute on each engagement and take responsibility for its action points.",
    ),
    opt(
        k::DECISIONS,
        Shape::TextList,
        "What the session decided, one per line: the minutes the next session starts from.",
    ),
    opt(
        k::ACTIONS,
        Shape::List(REVIEW_ACTION),
        "The forward action plan: what the session asked people to do, by when; the next session opens with it.",
    ),
    opt(k::NEXT_REVIEW, Shape::Date, "The date of the next review, agreed as the session closes."),
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
