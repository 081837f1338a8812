//! The names pass: what `new`, `leads` and `history NAME` need to know about each file —
//! the engagement's name, client, region and leads — read without checking the rest of
//! the file and without running any rule.

use std::sync::Arc;

use super::par_map;
use crate::document;
use crate::format::{self, key as k};
use crate::guide::Guide;
use crate::model::Engagement;
use crate::validate;
use crate::workspace::{Source, read_limited};

/// The top-level fields the names pass reads.
const NAME_FIELDS: [&str; 4] = [k::ENGAGEMENT, k::CLIENT, k::REGION, k::LEADS];

/// One file, as the names pass sees it.
#[derive(Debug)]
pub struct Named {
    /// The file.
    pub source: Source,
    /// A model holding only the engagement's name, client, region and leads (each as
    /// `check` reads it: an invalid value is invalid here too); `None` when the file could
    /// not be read as a mapping.
    pub engagement: Option<Engagement>,
}

/// The names, clients, regions and leads of `sources`, in their order, read on up to
/// `jobs` threads.
#[must_use]
pub fn names(guide: &Guide, sources: &[Source], jobs: usize) -> Vec<Named> {
    let fields: Vec<&'static format::Field> =
        NAME_FIELDS.iter().filter_map(|key| format::field(format::ENGAGEMENT, key)).collect();
    par_map(sources, jobs, |source| Named { source: source.clone(), engagement: named(source, guide, &fields) })
}

fn named(source: &Source, guide: &Guide, fields: &[&'static format::Field]) -> Option<Engagement> {
    if source.refused.is_some() {
        return None;
    }
    let bytes = read_limited(&source.path).ok()?;
    let loaded = document::load(Arc::clone(&source.display), &bytes);
    let doc = loaded.doc.filter(|_| loaded.complete)?;
    let rec = validate::engagement_fields(&doc, guide, fields)?;
    Some(Engagement::from_rec(Arc::clone(&source.display), rec))
}
