//! `region-path-mismatch`: the file sits in another region's folder.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// Folders named after regions keep each review session's files together; a file in the
/// wrong one is missed by whoever browses that folder.
pub(super) struct RegionPathMismatch;

impl Rule for RegionPathMismatch {
    fn id(&self) -> RuleId {
        RuleId::RegionPathMismatch
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((region, at)) = eng.region.valid() else { return };
        let regions = &ctx.guide.regions;
        let folders: Vec<&str> = eng.path.split('/').collect();
        let folders = &folders[..folders.len().saturating_sub(1)];
        // Any folder above the file named after another configured region.
        let other = folders
            .iter()
            .find(|f| !f.eq_ignore_ascii_case(region) && regions.iter().any(|r| r.eq_ignore_ascii_case(f)));
        if let Some(folder) = other {
            out.push(finding(
                self.id(),
                &eng.path,
                at,
                FieldPath::key(k::REGION),
                format!("region is `{region}`, but the file lies in the `{folder}` folder"),
                format!("move the file to the `{region}` folder, or correct `region`"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run_with};
    use super::*;
    use crate::guide::Guide;

    #[test]
    fn only_configured_region_folders_count() {
        let mut guide = Guide::default();
        assert_eq!(run_with(&RegionPathMismatch, "engagements/south/a.yaml", BASE, &guide), vec![]);
        guide.regions = vec!["north".into(), "south".into()];
        assert_eq!(run_with(&RegionPathMismatch, "engagements/south/a.yaml", BASE, &guide), vec![(4, 9)]);
        assert_eq!(run_with(&RegionPathMismatch, "engagements/north/a.yaml", BASE, &guide), vec![]);
        assert_eq!(run_with(&RegionPathMismatch, "engagements/other/a.yaml", BASE, &guide), vec![]);
        assert_eq!(run_with(&RegionPathMismatch, "south.yaml", BASE, &guide), vec![]);
        assert_eq!(run_with(&RegionPathMismatch, "engagements/south/north/a.yaml", BASE, &guide), vec![(4, 9)]);
    }
}
