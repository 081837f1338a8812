//! Naming the field of `duplicate-key` findings, which the loader reports before any
//! field is known.

use std::collections::HashMap;

use crate::document::{Document, NodeId, NodeKind};
use crate::field_path::Segment;
use crate::finding::{FieldPath, Finding, Loc, RuleId};

/// Names the field of each `duplicate-key` finding: the loader reports them before any
/// field is known. One walk of the tree (aliases are not followed), whatever their number.
pub fn name_duplicate_keys(doc: &Document, findings: &mut [Finding]) {
    let mut wanted: HashMap<Loc, Vec<usize>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.rule == RuleId::DuplicateKey && f.field.is_none() {
            wanted.entry(f.loc).or_default().push(i);
        }
    }
    let Some(root) = doc.root().filter(|_| !wanted.is_empty()) else { return };
    let mut found: Vec<(usize, FieldPath)> = Vec::new();
    let mut path = Vec::new();
    walk_keys(doc, root, &mut path, &mut |key_loc, path| {
        for &i in wanted.get(&key_loc).into_iter().flatten() {
            found.push((i, FieldPath::from_segments(path.to_vec())));
        }
    });
    for (i, field) in found {
        findings[i].field = Some(field);
    }
}

/// Calls `f` with the position and path of every mapping key under `id`.
fn walk_keys(doc: &Document, id: NodeId, path: &mut Vec<Segment>, f: &mut dyn FnMut(Loc, &[Segment])) {
    match &doc.node(id).kind {
        NodeKind::Map(entries) => {
            for entry in doc.entries_of(*entries) {
                let key = doc.scalar(entry.key).map_or_else(String::new, |(_, s)| s.to_owned());
                path.push(Segment::Key(key.into()));
                f(doc.node(entry.key).loc, path);
                walk_keys(doc, entry.value, path, f);
                path.pop();
            }
        }
        NodeKind::Seq(items) => {
            for (n, &item) in doc.items_of(*items).iter().enumerate() {
                path.push(Segment::Index(n));
                walk_keys(doc, item, path, f);
                path.pop();
            }
        }
        NodeKind::Scalar(..) | NodeKind::Alias(_) => {}
    }
}
