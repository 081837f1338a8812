//! `github`: GitHub Actions workflow commands, one annotation per finding.

use std::io::{self, Write};

use super::human::checked;
use super::text::terminal;
use crate::finding::{Finding, Severity, Tally};
use crate::scope::LeftOut;

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Escapes the message part of a workflow command, as GitHub reads it back: `%`, CR, LF.
fn data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escapes a property value of a workflow command: as [`data`], and `:` and `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one `::error`/`::warning` line per finding, one `::notice` line per finding in
/// `notices` (acknowledged findings, when shown), then a plain summary line.
///
/// # Errors
/// When writing fails.
pub fn findings(
    out: &mut dyn Write,
    findings: &[Finding],
    notices: &[Finding],
    tally: Tally,
    quiet: bool,
) -> io::Result<()> {
    let levelled = findings.iter().map(|f| (f, level(f.severity))).chain(notices.iter().map(|f| (f, "notice")));
    for (f, level) in levelled {
        // Control characters are shown escaped (GitHub's log viewer runs ANSI sequences);
        // the only line breaks left are those put before the help.
        let mut message = terminal(&f.message).into_owned();
        if let Some(help) = &f.help {
            message.push_str("\n\nhelp: ");
            message.push_str(&terminal(help));
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},title={}::{}",
            property(&terminal(&f.path)),
            f.loc.line,
            f.loc.col,
            property(&format!("acctsum {}", f.rule)),
            data(&message)
        )?;
    }
    if !quiet {
        writeln!(out, "{}", checked(tally))?;
    }
    Ok(())
}

/// With `check --since`, a final `::notice` line saying how many findings in other files
/// were left out: an annotation of its own kind, which the limit on warnings leaves alone.
///
/// # Errors
/// When writing fails.
pub fn left_out(out: &mut dyn Write, left_out: Option<&LeftOut>) -> io::Result<()> {
    match left_out {
        Some(l) => {
            let line = super::words::left_out(l, |s| terminal(s).into_owned());
            writeln!(out, "::notice title={}::{}", property("acctsum check --since"), data(&line))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
        assert_eq!(data("::set-env 100%\r\n"), "::set-env 100%25%0D%0A");
    }
}
