//! `updated-not-bumped`: the file changed since `--since REV`, but its `updated` did not.

use super::finding;
use crate::finding::{Finding, RuleId};
use crate::model::Engagement;

/// "If you touched the summary, you reviewed it": a pull request that edits a summary
/// should move its `updated` date. `before` is the file's text at the base, `previous` its
/// `updated` there.
#[must_use]
pub fn check(eng: &Engagement, now: &[u8], before: &[u8], previous: Option<chrono::NaiveDate>) -> Option<Finding> {
    if now == before {
        return None;
    }
    let (updated, at) = eng.updated.valid()?;
    (*updated == previous?).then(|| {
        finding(
            RuleId::UpdatedNotBumped,
            &eng.path,
            at,
            format!("the file changed since the base commit, but `updated` is still {updated}"),
            "you touched the summary, so you reviewed it: set `updated` to today's date",
        )
    })
}
