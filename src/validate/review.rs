//! Checking a review session document against its own format table
//! ([`format::REVIEW`]), with the same located findings as an engagement file.

use super::{At, Checker, Place, Reader};
use crate::document::{Document, NodeKind};
use crate::finding::{Finding, Loc, RuleId};
use crate::format;
use crate::guide::Guide;

/// Checks one review session document; returns its valid parts and every structural
/// finding.
#[must_use]
pub fn review(doc: &Document, guide: &Guide) -> (Option<super::Rec>, Vec<Finding>) {
    let mut checker = Checker { r: Reader::new(doc), guide, entries: Vec::new() };
    let help = Some("start from `acctsum review new --region REGION`, or see `acctsum guide`".to_owned());
    let rec = match doc.root() {
        Some(root) if matches!(doc.resolve(root).0.kind, NodeKind::Map(_)) => {
            checker.record(root, format::REVIEW, Loc::START, &Place::Top, At::Top)
        }
        Some(root) => {
            let found = doc.describe(root);
            checker.r.report(
                RuleId::InvalidType,
                Loc::START,
                format!("a review session file must be a mapping of fields, found {found}"),
                help,
            );
            None
        }
        None => {
            checker.r.report(RuleId::InvalidType, Loc::START, "the file is empty".to_owned(), help);
            None
        }
    };
    (rec, checker.r.out)
}
