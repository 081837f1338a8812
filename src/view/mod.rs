//! The view model: what every output of `report`, `history` and `leads` shows, as plain
//! data — sections, rows, levels (status, score bands, staleness, overdue) and changes as
//! enums, never as emoji, markup or colour. It is built once, from the [report](crate::report)
//! (which selects and orders the engagements and reads the rules' findings), the changes
//! since a commit and the field guide; the renderers in [`render`](crate::render) only map
//! it to words, symbols and colours.
//!
//! Every user value that a file may leave out is a [`Shown`], so that an output can tell
//! "not recorded" from a value and from "withheld". The view is built for one audience
//! (`--audience`): its [`Mask`] withholds what the audience may not see while the view is
//! built, so renderers never receive a hidden value — a hidden field is
//! [`Shown::Withheld`], a hidden section `None`, a finding or change about one counted.

mod acknowledgement;
mod attention;
pub mod calendar;
mod change;
mod client;
mod entry;
pub mod history;
pub mod last_review;
pub mod leads;
mod mask;
mod pack;
mod shown;
pub mod site;
mod support;
mod trend;

pub use self::acknowledgement::{AcknowledgementRow, CoveringRow};
pub use self::attention::{Cause, Note, Place, Withheld};
pub use self::change::{
    AcknowledgementMove, Change, ChangeSummary, Gone, LeadMove, Left, ScoreMove, SinceView, Trend, lines,
};
pub use self::client::{Client, ClientAction, ClientRisk, ClientRow};
pub use self::entry::{
    ActionRow, Entry, LowScore, Mark, MeasureScore, ObjectiveRow, OpportunityRow, RiskRow, ServiceReview,
    StakeholderRow, WinRow,
};
pub use self::last_review::LastReview;
pub use self::leads::Leads;
pub use self::mask::Mask;
pub use self::pack::{Legend, Measure, Pack, Unreadable, legend, measures};
pub use self::shown::Shown;
pub use self::site::Site;
pub use self::support::{Ask, asks};
pub use self::trend::{MeasureTrend, TrendView, trend};
pub use crate::choice::{ActionStatus, RiskType, Side, Stage, Status};
pub use crate::finding::{Finding, RuleId, Severity};
pub use crate::format::Section;
pub use crate::guide::Band;
pub use crate::history::Unread;
pub use crate::model::Role;
