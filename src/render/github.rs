//! `github`: GitHub Actions workflow commands, one annotation per finding.

use std::io::{self, Write};

use crate::finding::{Finding, Severity, Tally};

/// Escapes the message part of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one `::error`/`::warning` line per finding, then a plain summary line.
///
/// # Errors
/// When writing fails.
pub fn findings(out: &mut dyn Write, findings: &[Finding], tally: Tally, quiet: bool) -> io::Result<()> {
    for f in findings {
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = f.message.clone();
        if let Some(help) = &f.help {
            message.push_str("\n\nhelp: ");
            message.push_str(help);
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            property(&f.path),
            f.loc.line,
            f.loc.col,
            property(&format!("acctsum {}", f.rule)),
            data(&message)
        )?;
    }
    if !quiet {
        writeln!(out, "{} files checked: {} errors, {} warnings", tally.files, tally.errors, tally.warnings)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }
}
