//! The short messages commands print besides their output: what was created or written,
//! what to do next, and notes about files left out. User text (paths, names) is escaped
//! for the terminal.

use std::io::{self, Write};
use std::path::Path;

use super::text::terminal;

/// `new` created `shown`.
///
/// # Errors
/// When writing fails.
pub fn created(out: &mut dyn Write, shown: &str) -> io::Result<()> {
    writeln!(out, "created {}", terminal(shown))
}

/// `new`'s advice on what to do with the file it created.
///
/// # Errors
/// When writing fails.
pub fn next_fill_in(err: &mut dyn Write, shown: &str) -> io::Result<()> {
    writeln!(
        err,
        "next: fill in the empty values; `acctsum check {}` lists what is left, line by line",
        terminal(shown)
    )
}

/// `new` wrote the client `given` as the workspace spells it: `used`, in `files`.
///
/// # Errors
/// When writing fails.
pub fn client_respelt(err: &mut dyn Write, given: &str, used: &str, files: &str) -> io::Result<()> {
    writeln!(
        err,
        "note: the client \"{}\" is spelt \"{}\" in {}; the new file uses that spelling (if it is another client, give it a name that differs by more than case, accents, punctuation or Ltd/plc)",
        terminal(given),
        terminal(used),
        terminal(files)
    )
}

/// `new` filled in `leads.relationship` with `lead`, whom `client`'s other engagements name.
///
/// # Errors
/// When writing fails.
pub fn relationship_filled(err: &mut dyn Write, lead: &str, client: &str) -> io::Result<()> {
    writeln!(
        err,
        "note: leads.relationship is {}, the Relationship Lead of {}'s other engagements",
        terminal(lead),
        terminal(client)
    )
}

/// `new` wrote `shown` where the workspace's globs do not look.
///
/// # Errors
/// When writing fails.
pub fn outside_globs(err: &mut dyn Write, shown: &str, globs: &[String]) -> io::Result<()> {
    writeln!(
        err,
        "note: {} is outside the engagement files ({}); `acctsum check` finds it only when named",
        terminal(shown),
        terminal(&globs.join(", "))
    )
}

/// `new` broke the lock `lock_file` left by a `new` (`holder`, such as `pid 123`) that
/// did not finish.
///
/// # Errors
/// When writing fails.
pub fn lock_broken(err: &mut dyn Write, lock_file: &str, holder: &str) -> io::Result<()> {
    writeln!(err, "note: removed {lock_file}, left by an `acctsum new` that did not finish ({})", terminal(holder))
}

/// `init` created the workspace at `root`: the config, the engagements and reviews folders
/// and the schemas.
///
/// # Errors
/// When writing fails.
pub fn workspace_created(out: &mut dyn Write, folders: &[&str], schemas: &[&str], root: &Path) -> io::Result<()> {
    let mut made = vec!["acctsum.yaml".to_owned()];
    made.extend(folders.iter().map(|f| format!("{}/", terminal(f))));
    made.extend(schemas.iter().map(|s| terminal(s).into_owned()));
    let last = made.pop().unwrap_or_default();
    writeln!(out, "created {} and {last} in {}", made.join(", "), terminal(&root.display().to_string()))
}

/// `init`'s advice on what to do next.
///
/// # Errors
/// When writing fails.
pub fn next_regions(err: &mut dyn Write) -> io::Result<()> {
    writeln!(
        err,
        "next: set your regions in acctsum.yaml, then `acctsum new NAME --client CLIENT --region REGION --account-lead PERSON`"
    )
}

/// `leads` found no engagement (with a lead named like `who`, when given).
///
/// # Errors
/// When writing fails.
pub fn no_engagement(err: &mut dyn Write, who: Option<&str>) -> io::Result<()> {
    let about = who.map_or_else(String::new, |w| format!(" with a lead named like `{}`", terminal(w)));
    writeln!(err, "no engagement{about}")
}

/// Files that could not be read and so are left out of a listing.
///
/// # Errors
/// When writing fails.
pub fn not_listed(err: &mut dyn Write, unread: &[&str]) -> io::Result<()> {
    if unread.is_empty() {
        return Ok(());
    }
    let list: Vec<_> = unread.iter().map(|p| terminal(p)).collect();
    writeln!(
        err,
        "note: {} file(s) could not be read and are not listed: {} (`acctsum check` says why)",
        unread.len(),
        list.join(", ")
    )
}

/// An output was written to the file `path`.
///
/// # Errors
/// When writing fails.
pub fn wrote(err: &mut dyn Write, path: &Path) -> io::Result<()> {
    writeln!(err, "wrote {}", terminal(&path.display().to_string()))
}

/// Which audience a CSV report was built for (CSV has no place for a sentence).
///
/// # Errors
/// When writing fails.
pub fn built_for(err: &mut dyn Write, audience: &str, withheld: &[&str]) -> io::Result<()> {
    let escape = |s: &str| terminal(s).into_owned();
    writeln!(err, "note: {}", super::words::built_for(audience, withheld, escape))
}
