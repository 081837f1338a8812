//! `short`: one line per finding, `path:line:col: severity[rule]: message`.

use std::io::{self, Write};

use crate::finding::Finding;

/// Writes one line per finding.
///
/// # Errors
/// When writing fails.
pub fn findings(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let message = f.message.replace(['\n', '\r'], " ");
        writeln!(out, "{}:{}:{}: {}[{}]: {message}", f.path, f.loc.line, f.loc.col, f.severity, f.rule)?;
    }
    Ok(())
}
