//! `schema-outdated`: the workspace's JSON Schema no longer matches `acctsum.yaml`.

use std::path::Path;
use std::sync::Arc;

use crate::finding::{Finding, Loc, RuleId};
use crate::guide::Guide;
use crate::schema::{SCHEMA_PATH, engagement_schema};
use crate::workspace::read_limited;

/// Editors validate with `schema/engagement.schema.json`; once the config changes (a new
/// region, another scale) an old schema flags good files and passes bad ones.
/// Returns the finding when the workspace has a schema file that validates differently
/// from the one its guide generates (wording — titles and descriptions — aside).
#[must_use]
pub fn check(root: &Path, guide: &Guide) -> Option<Finding> {
    // Read like an engagement file: a regular file only, bounded, never a pipe or device.
    let written = String::from_utf8(read_limited(&root.join(SCHEMA_PATH)).ok()?).ok()?;
    let written: Option<serde_json::Value> = serde_json::from_str(&written).ok();
    if written.map(without_wording) == Some(without_wording(engagement_schema(guide))) {
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

/// The schema without its `title` and `description` annotations, which do not change
/// what validates (a property *named* `title`, like a risk's, stays).
fn without_wording(value: serde_json::Value) -> serde_json::Value {
    strip(value, false)
}

fn strip(value: serde_json::Value, property_names: bool) -> serde_json::Value {
    match value {
        serde_json::Value::Object(map) => map
            .into_iter()
            .filter(|(k, _)| property_names || (k != "title" && k != "description"))
            .map(|(k, v)| {
                let names = !property_names && (k == "properties" || k == "patternProperties");
                (k, strip(v, names))
            })
            .collect(),
        serde_json::Value::Array(items) => items.into_iter().map(|v| strip(v, false)).collect(),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wording_does_not_count_but_property_names_do() {
        let a =
            serde_json::json!({"description": "x", "properties": {"title": {"type": "string", "description": "d"}}});
        let b = serde_json::json!({"properties": {"title": {"type": "string"}}});
        let c = serde_json::json!({"properties": {}});
        assert_eq!(without_wording(a.clone()), without_wording(b));
        assert_ne!(without_wording(a), without_wording(c));
    }
}
