//! `acctsum explain [RULE]`: a rule's section of docs/rules.md, or the list of rules. It
//! needs no workspace: the documentation is built into the binary.

use super::{Io, style};
use crate::error::{Error, Result};
use crate::exit::Exit;
use crate::finding::RuleId;
use crate::options::{ExplainFormat, ExplainOptions, Global};
use crate::{render, suggest};

pub(super) fn explain(global: &Global, args: &ExplainOptions, io: &mut Io<'_>) -> Result<Exit> {
    let width = style(global, io).width;
    let Some(name) = &args.rule else {
        render::explain::list(io.out, width)?;
        return Ok(Exit::Success);
    };
    let wanted = name.trim().to_lowercase();
    let Some(rule) = RuleId::from_id(&wanted) else {
        let ids = RuleId::ALL.iter().map(|r| r.as_str());
        let help = suggest::closest(&wanted, ids).map(|c| format!("did you mean `{c}`?"));
        return Err(Error::usage(
            format!("`{name}` is not a rule of acctsum"),
            Some(help.as_deref().unwrap_or("run `acctsum explain` to list every rule")),
        ));
    };
    // A rule without a section is a fault of the build, which a test rules out; say so
    // rather than print nothing.
    let section = crate::explain::section(rule).ok_or_else(|| {
        Error::usage(format!("docs/rules.md has no section about `{rule}`"), Some("please report this as a bug"))
    })?;
    match args.format {
        ExplainFormat::Text => render::explain::text(io.out, section, width)?,
        ExplainFormat::Markdown => render::explain::markdown(io.out, section)?,
    }
    Ok(Exit::Success)
}
