//! `headline-too-long`: the headline is not concise.

use super::{Context, Rule, finding};
use crate::finding::{FieldPath, Finding, RuleId};
use crate::format::key as k;
use crate::model::Engagement;

/// "The headline and next steps are concise, accurate and relevant."
pub(super) struct HeadlineTooLong;

impl Rule for HeadlineTooLong {
    fn id(&self) -> RuleId {
        RuleId::HeadlineTooLong
    }

    fn check(&self, eng: &Engagement, ctx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((headline, at)) = eng.headline.valid() else { return };
        let length = headline.trim().chars().count();
        let limit = ctx.guide.headline_max_chars;
        if length > limit {
            out.push(finding(
                self.id(),
                &eng.path,
                at,
                FieldPath::key(k::HEADLINE),
                format!("headline is {length} characters long; the limit is {limit}"),
                "keep the headline to a sentence or two; move detail into notes and next steps",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{BASE, run};
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        let ok = BASE.replace("On track.", &"é".repeat(280));
        assert_eq!(run(&HeadlineTooLong, &ok), vec![]);
        let long = BASE.replace("On track.", &"é".repeat(281));
        assert_eq!(run(&HeadlineTooLong, &long), vec![(9, 11)]);
    }
}
