//! `review-date-mismatch`: a session file is not named after its `date`.

use chrono::NaiveDate;

use super::{Context, FileFacts, WorkspaceRule, finding};
use crate::facts::WorkspaceFacts;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;

/// A region's sessions are read in file-name order (`reviews/<region>/<YYYY-MM-DD>.yaml`):
/// a file named after another day, or after no day, is listed out of place, and
/// `review new` for the day it names would find the name taken. `region-path-mismatch`
/// covers the folder; this covers the name.
pub(super) struct ReviewDateMismatch;

impl WorkspaceRule for ReviewDateMismatch {
    fn id(&self) -> RuleId {
        RuleId::ReviewDateMismatch
    }

    fn check(&self, _files: &[FileFacts<'_>], facts: &WorkspaceFacts, _ctx: &Context<'_>, out: &mut Vec<Finding>) {
        for session in &facts.reviews {
            // An invalid or absent date is already a structural finding.
            let Some((date, at)) = session.date.valid() else { continue };
            let name = session.path.rsplit('/').next().unwrap_or_default();
            let stem = name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml")).unwrap_or(name);
            let named = (stem.len() == 10).then(|| NaiveDate::parse_from_str(stem, "%Y-%m-%d").ok()).flatten();
            let message = match named {
                Some(named) if named == *date => continue,
                Some(named) => format!("the session's date is {date}, but its file is named after {named}"),
                None => format!("the session's file name `{name}` is not a date; it should be `{date}.yaml`"),
            };
            let folder = session.path.rsplit_once('/').map_or("", |(folder, _)| folder);
            let renamed = if folder.is_empty() { format!("{date}.yaml") } else { format!("{folder}/{date}.yaml") };
            out.push(finding(
                self.id(),
                &session.path,
                at,
                FieldPath::key(k::DATE),
                message,
                format!("rename the file `{renamed}` (`git mv`), or correct `date`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::today;
    use super::*;
    use crate::guide::Guide;
    use crate::review::check_bytes;

    fn session(path: &str, date: &str) -> crate::review::Session {
        let text = format!("acctsum: 1\nregion: north\ndate: {date}\n");
        let mut found = Vec::new();
        check_bytes(path.into(), text.as_bytes(), &Guide::default(), &mut found).expect("a mapping")
    }

    #[test]
    fn the_file_name_must_be_the_sessions_date() {
        let guide = Guide::default();
        let reviews = vec![
            session("reviews/north/2026-11-06.yaml", "2026-11-06"),
            session("reviews/north/2026-11-07.yml", "2026-11-07"),
            session("reviews/north/2026-11-06.yaml", "2026-11-05"),
            session("reviews/north/minutes.yaml", "2026-11-05"),
            session("reviews/north/2026-02-30.yaml", "2026-03-02"),
            session("reviews/north/2026-11-6.yaml", "2026-11-06"),
            session("reviews/north/2026-11-06.yaml", "not a date"),
        ];
        let facts = WorkspaceFacts { reviews, ..WorkspaceFacts::default() };
        let mut out = Vec::new();
        ReviewDateMismatch.check(&[], &facts, &Context { today: today(), guide: &guide }, &mut out);
        let got: Vec<(u32, u32, &str)> = out.iter().map(|f| (f.loc.line, f.loc.col, f.message.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, 7, "the session's date is 2026-11-05, but its file is named after 2026-11-06"),
                (3, 7, "the session's file name `minutes.yaml` is not a date; it should be `2026-11-05.yaml`"),
                (3, 7, "the session's file name `2026-02-30.yaml` is not a date; it should be `2026-03-02.yaml`"),
                (3, 7, "the session's file name `2026-11-6.yaml` is not a date; it should be `2026-11-06.yaml`"),
            ]
        );
        assert_eq!(
            out[0].help.as_deref(),
            Some("rename the file `reviews/north/2026-11-05.yaml` (`git mv`), or correct `date`")
        );
    }
}
