//! Reading `audiences` and `default_audience` from `acctsum.yaml`: every problem a
//! located finding, like the rest of the field guide.

use std::collections::HashSet;

use super::{Audience, NAME_MAX_CHARS, Pattern, hide_path, is_name};
use crate::document::{NodeId, NodeKind};
use crate::finding::{Loc, RuleId};
use crate::guide::Guide;
use crate::suggest;
use crate::validate::Reader;

const HIDE: &str = "hide";

/// The valid audiences in file order, and the index of the default one. `audiences` is
/// the value of `audiences` and where its key is; `default` the value of
/// `default_audience`. The hide paths are checked against `guide`'s measures, so the
/// rest of the guide is read first.
pub(crate) fn read(
    r: &mut Reader<'_>,
    guide: &Guide,
    audiences: Option<(NodeId, Loc)>,
    default: Option<NodeId>,
) -> (Vec<Audience>, Option<usize>) {
    let mut declared = Vec::new();
    // Every name written, valid or not, so that a bad audience is reported once.
    let mut written: Vec<&str> = Vec::new();
    if let Some((id, key_at)) = audiences {
        for (name, name_at, value) in r.entries(id, &"`audiences`").unwrap_or_default() {
            written.push(name);
            let named = is_name(name);
            if !named {
                let why = "audience names become command-line values and file names";
                let slug = crate::slug::slug(name);
                let help = if is_name(&slug) {
                    format!("did you mean `{slug}`? {why}")
                } else {
                    format!("{why}; for example: company")
                };
                r.report(
                    RuleId::InvalidValue,
                    name_at,
                    format!("`{name}` cannot name an audience: use 1 to {NAME_MAX_CHARS} lowercase letters, digits and `-`, starting with a letter"),
                    Some(help),
                );
            }
            if let (Some(hide), true) = (body(r, guide, name, name_at, value), named) {
                declared.push(Audience { name: name.to_owned(), hide });
            }
        }
        if default.is_none() && !written.is_empty() {
            r.report(
                RuleId::MissingField,
                key_at,
                "`audiences` needs a `default_audience`: the audience a command uses when given no `--audience`"
                    .to_owned(),
                Some(format!("for example: default_audience: {}", written[0])),
            );
        }
    }
    let default = default.and_then(|id| default_index(r, id, &declared, &written));
    (declared, default)
}

/// The index of the audience `default_audience` names.
fn default_index(r: &mut Reader<'_>, id: NodeId, declared: &[Audience], written: &[&str]) -> Option<usize> {
    let at = r.doc.resolve(id).1;
    let name = r.text(id, &"`default_audience`")?;
    if let Some(i) = declared.iter().position(|a| a.name == name) {
        return Some(i);
    }
    if written.contains(&name.as_str()) {
        // The audience itself was reported.
        return None;
    }
    let (message, help) = if written.is_empty() {
        (
            format!("`default_audience` is `{name}`, but no audience is declared"),
            format!("declare it under `audiences`, for example: audiences: {{{name}: {{hide: [risks]}}}}"),
        )
    } else {
        (format!("`default_audience` is `{name}`, which is not a declared audience"), suggest::help_for(&name, written))
    };
    r.report(RuleId::InvalidValue, at, message, Some(help));
    None
}

/// The hide list of audience `name`, when its body is valid.
fn body(r: &mut Reader<'_>, guide: &Guide, name: &str, name_at: Loc, id: NodeId) -> Option<Vec<Pattern>> {
    let needs_hide = |r: &mut Reader<'_>| {
        r.report(
            RuleId::MissingField,
            name_at,
            format!("audience `{name}` needs a `hide` list"),
            Some("write `hide: []` for an audience that sees everything".to_owned()),
        );
    };
    if r.is_null(id) {
        needs_hide(r);
        return None;
    }
    let entries = r.entries(id, &format!("audience `{name}`"))?;
    let before = r.out.len();
    let mut hide = None;
    for (key, key_at, value) in entries {
        if key == HIDE {
            hide = Some((value, key_at));
        } else {
            r.report(
                RuleId::UnknownField,
                key_at,
                format!("unknown setting `{key}` in audience `{name}`"),
                Some(suggest::help_for(key, &[HIDE])),
            );
        }
    }
    match hide {
        Some((value, key_at)) => hide_list(r, guide, name, value, key_at).filter(|_| r.out.len() == before),
        None => {
            // A misspelt `hide` was reported as such.
            if r.out.len() == before {
                needs_hide(r);
            }
            None
        }
    }
}

/// The checked paths of a `hide` list (its key at `key_at`); `None` when any is refused.
fn hide_list(r: &mut Reader<'_>, guide: &Guide, name: &str, id: NodeId, key_at: Loc) -> Option<Vec<Pattern>> {
    let what = format!("`hide` of audience `{name}`");
    if !r.tag_ok(id, &what) {
        return None;
    }
    let doc = r.doc;
    let (node, at) = doc.resolve(id);
    let NodeKind::Seq(items) = &node.kind else {
        // An empty value is pointed at by its key.
        let (at, help) = if r.is_null(id) {
            (key_at, "write `hide: []` for an audience that sees everything")
        } else {
            (at, "for example: hide: [risks, account_status.commercial]")
        };
        r.report(
            RuleId::InvalidType,
            at,
            format!("{what} must be a list of field paths, found {}", doc.describe(id)),
            Some(help.to_owned()),
        );
        return None;
    };
    let items = doc.items_of(*items);
    let before = r.out.len();
    let item_what = format!("an item of {what}");
    let mut seen = HashSet::new();
    let mut patterns = Vec::with_capacity(items.len());
    for &item in items {
        let item_at = doc.resolve(item).1;
        let Some(text) = r.text(item, &item_what) else { continue };
        match hide_path::parse(&text, guide) {
            Ok(pattern) if seen.insert(text) => patterns.push(pattern),
            Ok(pattern) => {
                r.report(RuleId::InvalidValue, item_at, format!("`{pattern}` is listed twice in {what}"), None);
            }
            Err(problem) => r.report(RuleId::InvalidValue, item_at, problem.message, problem.help),
        }
    }
    (r.out.len() == before).then_some(patterns)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::audience::Scope;
    use crate::document::load;
    use crate::finding::RuleId;
    use crate::guide::Guide;

    /// The issue's example.
    const EXAMPLE: &str = "audiences:
  company:                       # what everyone may see
    hide: [risks, actions, account_status.commercial, \"account_status.*.notes\", \"strategy.*.action\"]
  leads:
    hide: []                     # sees everything
default_audience: company
";

    fn parse(text: &str) -> Result<Guide, Vec<(RuleId, u32, u32, String)>> {
        let loaded = load(Arc::from("acctsum.yaml"), text.as_bytes());
        assert!(loaded.findings.is_empty(), "{:?}", loaded.findings);
        Guide::parse(&loaded.doc.expect("doc"))
            .map_err(|f| f.into_iter().map(|f| (f.rule, f.loc.line, f.loc.col, f.message)).collect())
    }

    fn problems(text: &str) -> Vec<(RuleId, u32, u32, String)> {
        parse(text).expect_err(text)
    }

    #[test]
    fn the_issue_example_is_read_with_its_default() {
        let guide = parse(EXAMPLE).expect("valid");
        let names: Vec<&str> = guide.audiences().iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["company", "leads"]);
        let company = guide.audience(None).expect("default").expect("declared");
        assert_eq!(company.name, "company");
        let hidden: Vec<(&str, Scope)> = company.hide.iter().map(|p| (p.as_str(), p.scope())).collect();
        assert_eq!(
            hidden,
            [
                ("risks", Scope::Section),
                ("actions", Scope::Section),
                ("account_status.commercial", Scope::Items),
                ("account_status.*.notes", Scope::Field),
                ("strategy.*.action", Scope::Field),
            ]
        );
        let leads = guide.audience(Some("leads")).expect("known").expect("declared");
        assert!(leads.hide.is_empty());
        let unknown = guide.audience(Some("compnay")).expect_err("unknown");
        assert_eq!(unknown.help, "did you mean `company`?");
    }

    #[test]
    fn without_audiences_nothing_is_hidden() {
        let guide = parse("regions: [north]\n").expect("valid");
        assert!(guide.audiences().is_empty());
        assert_eq!(guide.audience(None), Ok(None));
        assert!(guide.audience(Some("company")).is_err());
        assert_eq!(parse("audiences:\n"), Ok(Guide::default()));
    }

    #[test]
    fn hide_paths_name_the_measures_configured_below_them() {
        let text = "audiences:\n  company:\n    hide: [account_status.morale]\ndefault_audience: company\nmeasures:\n  account_status:\n    - key: morale\n";
        assert!(parse(text).is_ok());
        let unknown =
            problems("audiences:\n  company:\n    hide: [account_status.morale]\ndefault_audience: company\n");
        assert_eq!(unknown.len(), 1);
        assert_eq!(unknown[0].3, "`account_status.morale`: `morale` is not a measure of `account_status`");
    }

    #[test]
    fn every_problem_is_located_at_its_item() {
        let text = "audiences:
  company:
    hide:
      - risks
      - acount_status.commercial
      - client
  Board:
    hide: [risks, risks]
  leads:
    hid: []
  public:
  team:
    hide: risks
  all:
    hide: [wins, {x: 1}, \"\"]
default_audience: compnay
";
        let found = problems(text);
        let at: Vec<(RuleId, u32, u32)> = found.iter().map(|f| (f.0, f.1, f.2)).collect();
        assert_eq!(
            at,
            [
                (RuleId::InvalidValue, 5, 9),
                (RuleId::InvalidValue, 6, 9),
                (RuleId::InvalidValue, 7, 3),
                (RuleId::InvalidValue, 8, 19),
                (RuleId::UnknownField, 10, 5),
                (RuleId::MissingField, 11, 3),
                (RuleId::InvalidType, 13, 11),
                (RuleId::InvalidType, 15, 18),
                (RuleId::InvalidValue, 15, 26),
                (RuleId::InvalidValue, 16, 19),
            ],
            "{found:#?}"
        );
        assert!(found[7].3.starts_with("an item of `hide` of audience `all` must be text"), "{}", found[7].3);
        assert_eq!(found[9].3, "`default_audience` is `compnay`, which is not a declared audience");
    }

    #[test]
    fn a_default_is_needed_and_must_be_declared() {
        let found = problems("audiences:\n  company:\n    hide: [risks]\n");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].0, found[0].1, found[0].2), (RuleId::MissingField, 1, 1));
        let found = problems("default_audience: company\n");
        assert_eq!(found[0].3, "`default_audience` is `company`, but no audience is declared");
        // A default naming an audience that is itself refused is reported once.
        let found = problems("audiences:\n  Company:\n    hide: [risks]\ndefault_audience: Company\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, 2);
    }

    #[test]
    fn audiences_and_the_rest_of_the_guide_are_reported_together() {
        let found = problems("stale_after_dayz: 3\naudiences: [company]\n");
        let rules: Vec<(RuleId, u32)> = found.iter().map(|f| (f.0, f.1)).collect();
        assert_eq!(rules, [(RuleId::UnknownField, 1), (RuleId::InvalidType, 2)]);
    }
}
