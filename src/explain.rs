//! `acctsum explain RULE`: each rule's section of docs/rules.md, embedded in the binary, so
//! that the page and the tool say the same thing and the tool works offline.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::finding::RuleId;

/// docs/rules.md as it was when acctsum was built.
pub const RULES_MD: &str = include_str!("../docs/rules.md");

/// The four parts every rule's section has, as they open their paragraphs in docs/rules.md.
pub const PARTS: [&str; 4] = ["**What.**", "**Why.**", "**How to fix.**", "**Example.**"];

/// The section of docs/rules.md about `rule`: from its heading (``## `id` ``) to the next
/// second-level heading, as markdown. `None` if the page has no such heading.
#[must_use]
pub fn section(rule: RuleId) -> Option<&'static str> {
    static SECTIONS: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    SECTIONS.get_or_init(|| split(RULES_MD)).get(rule.as_str()).copied()
}

/// Splits a rules page at its second-level headings that name a rule (``## `id` ``). Lines
/// inside fenced code blocks are never headings: examples hold `# path` comments.
fn split(page: &str) -> HashMap<&str, &str> {
    let mut sections = HashMap::new();
    let mut open: Option<(&str, usize)> = None;
    let mut fenced = false;
    let mut offset = 0;
    for line in page.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced || !line.starts_with("## ") {
            continue;
        }
        if let Some((id, from)) = open.take() {
            sections.insert(id, page[from..start].trim_end());
        }
        let title = line[3..].trim();
        open = title.strip_prefix('`').and_then(|t| t.strip_suffix('`')).map(|id| (id, start));
    }
    if let Some((id, from)) = open {
        sections.insert(id, page[from..].trim_end());
    }
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_runs_to_the_next_heading_and_ignores_headings_in_code() {
        let page = "# Rules\n\n## `a`\n\ntext\n\n```yaml\n## `b`\n```\n\n## Other\n\nmore\n\n## `c`\n\nlast\n";
        let sections = split(page);
        assert_eq!(sections.get("a"), Some(&"## `a`\n\ntext\n\n```yaml\n## `b`\n```"));
        assert_eq!(sections.get("b"), None);
        assert_eq!(sections.get("c"), Some(&"## `c`\n\nlast"));
        assert_eq!(sections.len(), 2);
    }
}
