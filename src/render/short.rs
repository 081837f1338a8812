//! `short`: one line per finding, `path:line:col: severity[rule]: message`. The SPEC
//! gives standard output nothing else, so the count of acknowledged findings (human's
//! "N acknowledged") is a note on standard error, as is what `--since` left out.

use std::io::{self, Write};

use super::text::terminal;
use crate::finding::Finding;
use crate::scope::LeftOut;

/// Writes one line per finding; control characters (line breaks too) are shown escaped.
///
/// # Errors
/// When writing fails.
pub fn findings(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let (path, message) = (terminal(&f.path), terminal(&f.message));
        writeln!(out, "{path}:{}:{}: {}[{}]: {message}", f.loc.line, f.loc.col, f.severity, f.rule)?;
    }
    Ok(())
}

/// `note: N acknowledged …` on standard error, when any finding is acknowledged: the
/// count human's summary line gives, kept off standard output, which holds findings only.
///
/// # Errors
/// When writing fails.
pub fn acknowledged(err: &mut dyn Write, count: usize, listed: bool) -> io::Result<()> {
    if count == 0 {
        return Ok(());
    }
    let how = if listed { "listed above" } else { "`--show-acknowledged` lists them" };
    writeln!(err, "note: {count} acknowledged (not errors or warnings; {how})")
}

/// `note: N findings in M other files left out …` on standard error, with `check --since`.
///
/// # Errors
/// When writing fails.
pub fn left_out(err: &mut dyn Write, left_out: Option<&LeftOut>) -> io::Result<()> {
    match left_out {
        Some(l) => writeln!(err, "note: {}", super::words::left_out(l, |s| terminal(s).into_owned())),
        None => Ok(()),
    }
}
