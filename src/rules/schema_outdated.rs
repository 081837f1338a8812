//! `schema-outdated`: the workspace's JSON Schema no longer matches `acctsum.yaml`.

use std::path::Path;
use std::sync::Arc;

use crate::finding::{Finding, Loc, RuleId};
use crate::guide::Guide;
use crate::schema::{SCHEMA_PATH, engagement_schema_text};

/// Editors validate with `schema/engagement.schema.json`; once the config changes (a new
/// region, another scale) an old schema flags good files and passes bad ones.
/// Returns the finding when the workspace has a schema file that differs from the one
/// its guide generates.
#[must_use]
pub fn check(root: &Path, guide: &Guide) -> Option<Finding> {
    let written = std::fs::read_to_string(root.join(SCHEMA_PATH)).ok()?;
    if written == engagement_schema_text(guide) {
        return None;
    }
    Some(
        Finding::new(
            RuleId::SchemaOutdated,
            Arc::from(SCHEMA_PATH),
            Loc::START,
            "the schema no longer matches acctsum.yaml, so editors validate against an old field guide",
        )
        .with_help(format!("regenerate it: acctsum schema -o {SCHEMA_PATH}")),
    )
}
