//! `acctsum new`: the answers (from flags, or asked at a terminal), the file's path, and
//! the values checked before anything is written.

use std::path::PathBuf;

use crate::cli::NewArgs;
use crate::error::{Error, Result};
use crate::guide::{DEFAULT_GLOB, Guide};
use crate::scaffold::NewEngagement;
use crate::workspace::{self, Workspace};
use crate::{prompt, slug, suggest};

/// A trimmed, non-empty value, or `None`.
pub(crate) fn given(value: Option<&str>) -> Option<String> {
    value.map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// The configured spelling of `region`, or a usage error naming the choices.
pub(crate) fn configured_region(region: &str, guide: &Guide) -> Result<String> {
    if guide.regions.is_empty() {
        return Ok(region.to_owned());
    }
    if let Some(found) = guide.regions.iter().find(|r| r.eq_ignore_ascii_case(region)) {
        return Ok(found.clone());
    }
    let names: Vec<&str> = guide.regions.iter().map(String::as_str).collect();
    Err(Error::usage(
        format!("region `{region}` is not one of the configured regions ({})", names.join(", ")),
        Some(&suggest::help_for(region, &names)),
    ))
}

/// The answers for `new`: from the flags, else asked for at a terminal.
pub(crate) fn answers(args: &NewArgs, guide: &Guide, interactive: bool) -> Result<NewEngagement> {
    let fields = [
        (given(args.name.as_deref()), "NAME", "Engagement name"),
        (given(args.client.as_deref()), "--client", "Client"),
        (given(args.region.as_deref()), "--region", "Region"),
        (given(args.account_lead.as_deref()), "--account-lead", "Account Lead"),
    ];
    let missing: Vec<&str> = fields.iter().filter(|(v, _, _)| v.is_none()).map(|(_, flag, _)| *flag).collect();
    if !missing.is_empty() && !interactive {
        return Err(Error::usage(
            format!("missing {} (standard input is not a terminal, so acctsum cannot ask)", missing.join(", ")),
            Some("acctsum new NAME --client CLIENT --region REGION --account-lead PERSON"),
        ));
    }
    let mut values = Vec::with_capacity(4);
    for (value, flag, question) in fields {
        let answer = match value {
            Some(v) => v,
            None if flag == "--region" && !guide.regions.is_empty() => prompt::choose(question, &guide.regions)?,
            None => prompt::text(question)?,
        };
        values.push(answer);
    }
    let [name, client, region, account_lead] = <[String; 4]>::try_from(values).unwrap_or_default();
    let clean = |list: &[String]| list.iter().filter_map(|p| given(Some(p))).collect();
    Ok(NewEngagement {
        name,
        client,
        region: configured_region(&region, guide)?,
        account_lead,
        tech_leads: clean(&args.tech_lead),
        delivery_leads: clean(&args.delivery_lead),
    })
}

/// Where `new` writes by default: `<glob prefix>/<region>/<name>.yaml`, or without the
/// region folder when the globs would not find it there.
pub(crate) fn path(ws: &Workspace, new: &NewEngagement) -> Result<PathBuf> {
    let name = slug::slug(&new.name);
    if name.is_empty() {
        return Err(Error::usage(
            format!("cannot make a file name from `{}`", new.name),
            Some("give the file's path with -o FILE"),
        ));
    }
    let glob = ws.guide.engagements.first().map_or(DEFAULT_GLOB, String::as_str);
    let ext = if glob.ends_with(".yml") { "yml" } else { "yaml" };
    let prefix = workspace::literal_prefix(glob);
    let region = slug::slug(&new.region);
    let globs = ws.globs();
    let candidates = [prefix.join(&region).join(format!("{name}.{ext}")), prefix.join(format!("{name}.{ext}"))];
    let chosen =
        candidates.iter().find(|c| workspace::glob_matches(&globs, &workspace::slashed(c))).unwrap_or(&candidates[0]);
    Ok(ws.root.join(chosen))
}
