//! `schema-outdated`: the workspace's JSON Schema no longer matches `acctsum.yaml`.

use std::sync::Arc;

use super::{Context, FileFacts, WorkspaceRule};
use crate::facts::{SchemaState, WorkspaceFacts};
use crate::finding::{Finding, Loc, RuleId};
use crate::schema::{SCHEMA_PATH, engagement_schema};

/// Editors validate with `schema/engagement.schema.json`; once the config changes (a new
/// region, another scale) an old schema flags good files and passes bad ones. Fires when
/// the workspace has a schema file (as the caller read it) that validates differently
/// from the one its guide generates (wording — titles and descriptions — aside).
pub(super) struct SchemaOutdated;

impl WorkspaceRule for SchemaOutdated {
    fn id(&self) -> RuleId {
        RuleId::SchemaOutdated
    }

    fn check(&self, _files: &[FileFacts<'_>], facts: &WorkspaceFacts, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let current = match &facts.schema {
            SchemaState::Missing | SchemaState::Unreadable => return,
            SchemaState::NotJson => false,
            SchemaState::Written(written) => {
                without_wording(written.clone()) == without_wording(engagement_schema(ctx.guide))
            }
        };
        if !current {
            out.push(
                Finding::new(
                    self.id(),
                    Arc::from(SCHEMA_PATH),
                    Loc::START,
                    "the schema no longer matches acctsum.yaml, so editors validate against an old field guide",
                )
                .with_help(format!("regenerate it: acctsum schema -o {SCHEMA_PATH}")),
            );
        }
    }
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
    use super::super::testing::today;
    use super::*;
    use crate::guide::Guide;

    #[test]
    fn wording_does_not_count_but_property_names_do() {
        let a =
            serde_json::json!({"description": "x", "properties": {"title": {"type": "string", "description": "d"}}});
        let b = serde_json::json!({"properties": {"title": {"type": "string"}}});
        let c = serde_json::json!({"properties": {}});
        assert_eq!(without_wording(a.clone()), without_wording(b));
        assert_ne!(without_wording(a), without_wording(c));
    }

    #[test]
    fn only_a_written_schema_that_differs_is_outdated() {
        let guide = Guide::default();
        let ctx = Context { today: today(), guide: &guide };
        let run = |schema: SchemaState| {
            let mut out = Vec::new();
            SchemaOutdated.check(&[], &WorkspaceFacts { schema, ..WorkspaceFacts::default() }, &ctx, &mut out);
            out.len()
        };
        assert_eq!(run(SchemaState::Missing), 0);
        assert_eq!(run(SchemaState::Unreadable), 0);
        assert_eq!(run(SchemaState::NotJson), 1);
        assert_eq!(run(SchemaState::Written(engagement_schema(&guide))), 0);
        assert_eq!(run(SchemaState::Written(serde_json::json!({}))), 1);
    }
}
