//! `support`: an ask for help, open while the section is in the file.

use chrono::NaiveDate;

use super::Value;

/// `support`: what help the engagement asks for, from whom, since when.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Support {
    /// The section itself: absent, invalid, or present with its key's position.
    pub section: Value<()>,
    /// What help is needed.
    pub ask: Value<String>,
    /// Who the ask is addressed to.
    pub from: Value<String>,
    /// When it was first asked.
    pub since: Value<NaiveDate>,
}

impl Support {
    /// Whether the file records an open ask: the section is there and its `ask` is valid.
    #[must_use]
    pub fn is_open(&self) -> bool {
        self.ask.get().is_some()
    }

    /// Days since the ask was first made, when `since` is valid.
    #[must_use]
    pub fn age_days(&self, today: NaiveDate) -> Option<i64> {
        self.since.get().map(|s| (today - *s).num_days())
    }
}
