//! Reading and checking the review session files: each through the loader and the
//! review format table, every problem a located finding, as for engagement files.

use std::sync::Arc;

use glob::Pattern;

use super::Session;
use crate::document;
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::guide::Guide;
use crate::validate;
use crate::workspace::{Source, Workspace, glob_matches, patterns_match, read_limited};

/// The review session files of the workspace: those the `reviews` globs select.
#[must_use]
pub fn sources(ws: &Workspace) -> Vec<Source> {
    ws.sources_of(&ws.guide.reviews)
}

/// Whether the file shown as `display` is a review session file (selected by the
/// `reviews` globs), not an engagement file.
#[must_use]
pub fn is_review(guide: &Guide, display: &str) -> bool {
    glob_matches(&guide.reviews, display)
}

/// [`is_review`] for many paths: the `reviews` globs are compiled once.
pub fn review_test(guide: &Guide) -> impl Fn(&str) -> bool + use<> {
    let patterns: Vec<Pattern> = guide.reviews.iter().filter_map(|g| Pattern::new(g).ok()).collect();
    move |display| patterns_match(&patterns, display)
}

/// Reads and checks every session file: the model of each one that is a mapping, and
/// every file's findings at the rules' default severities.
#[must_use]
pub fn read(guide: &Guide, sources: &[Source]) -> (Vec<Session>, Vec<Finding>) {
    let mut sessions = Vec::new();
    let mut findings = Vec::new();
    for source in sources {
        let bytes = match &source.refused {
            Some(why) => Err(why.clone()),
            None => read_limited(&source.path),
        };
        match bytes {
            Ok(bytes) => {
                if let Some(session) = check_bytes(source.display.clone(), &bytes, guide, &mut findings) {
                    sessions.push(session);
                }
            }
            Err(why) => findings.push(why.finding(source.display.clone())),
        }
    }
    (sessions, findings)
}

/// One session file's bytes: loaded, checked against the review format, modelled.
#[must_use]
pub fn check_bytes(path: Arc<str>, bytes: &[u8], guide: &Guide, out: &mut Vec<Finding>) -> Option<Session> {
    let mut loaded = document::load(path.clone(), bytes);
    out.append(&mut loaded.findings);
    let doc = loaded.doc.as_ref()?;
    validate::name_duplicate_keys(doc, out);
    if !loaded.complete {
        return None;
    }
    let (rec, mut structural) = validate::review(doc, guide);
    out.append(&mut structural);
    let session = Session::from_rec(path, rec?);
    region_folder(&session, guide, out);
    Some(session)
}

/// `region-path-mismatch` for a session: it lies in a folder named after another
/// configured region, so that region's pack would not open with it.
fn region_folder(session: &Session, guide: &Guide, out: &mut Vec<Finding>) {
    let Some((region, at)) = session.region.valid() else { return };
    let folders: Vec<&str> = session.path.split('/').collect();
    let folders = &folders[..folders.len().saturating_sub(1)];
    let other = folders
        .iter()
        .find(|f| !f.eq_ignore_ascii_case(region) && guide.regions.iter().any(|r| r.eq_ignore_ascii_case(f)));
    if let Some(folder) = other {
        out.push(
            Finding::new(
                RuleId::RegionPathMismatch,
                session.path.clone(),
                at,
                format!("region is `{region}`, but the session file lies in the `{folder}` folder"),
            )
            .with_help(format!("move the file to `reviews/{region}/`, or correct `region`"))
            .with_field(FieldPath::key(k::REGION)),
        );
    }
}

/// The text of each session file that `findings` name, for their snippets: read as
/// before (a refused file is not opened), kept when it is UTF-8.
#[must_use]
pub fn texts(sources: &[Source], findings: &[Finding]) -> Vec<(Arc<str>, String)> {
    sources
        .iter()
        .filter(|s| s.refused.is_none() && findings.iter().any(|f| f.path == s.display))
        .filter_map(|s| Some((s.display.clone(), String::from_utf8(read_limited(&s.path).ok()?).ok()?)))
        .collect()
}
