//! `short`: one line per finding, `path:line:col: severity[rule]: message`.

use std::io::{self, Write};

use super::text::terminal;
use crate::finding::Finding;

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
