//! `short`: one line per finding, `path:line:col: severity[rule]: message`. The SPEC
//! gives standard output nothing else, so the count of acknowledged findings (human's
//! "N acknowledged") is a note on standard error, as is what `--since` left out.

use std::io::{self, Write};

use super::text::terminal;
use crate::finding::Finding;
use crate::scope::LeftOut;

/// Writes one line per finding; control characters (line breaks too) are shown escaped.
/// A large run's lines are made on up to `jobs` threads.
///
/// # Errors
/// When writing fails.
pub fn findings(out: &mut dyn Write, findings: &[Finding], jobs: usize) -> io::Result<()> {
    // A large run's lines are made a block at a time, blocks side by side.
    let blocks: Vec<&[Finding]> = findings.chunks(BLOCK).collect();
    crate::engine::write_in_order(out, &blocks, jobs, |block| {
        let mut lines = Vec::with_capacity(block.len() * 96);
        block.iter().try_for_each(|f| line(&mut lines, f)).map(|()| lines)
    })
}

/// Findings per block of lines made at once.
const BLOCK: usize = 4096;

fn line(out: &mut Vec<u8>, f: &Finding) -> io::Result<()> {
    let (path, message) = (terminal(&f.path), terminal(&f.message));
    writeln!(out, "{path}:{}:{}: {}[{}]: {message}", f.loc.line, f.loc.col, f.severity, f.rule)
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

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::finding::{Loc, RuleId};

    #[test]
    fn blocks_made_side_by_side_come_out_in_order_as_one_by_one() {
        let findings: Vec<Finding> = (0..3 * BLOCK + 5)
            .map(|i| {
                let at = Loc { line: u32::try_from(i).expect("line") + 1, ..Loc::START };
                Finding::new(RuleId::Stale, Arc::from(format!("f{}.yaml", i / 7)), at, format!("m\u{1b}{i}"))
            })
            .collect();
        let mut one_by_one = Vec::new();
        for f in &findings {
            line(&mut one_by_one, f).expect("line");
        }
        let mut out = Vec::new();
        super::findings(&mut out, &findings, 2).expect("written");
        assert_eq!(out, one_by_one);
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), findings.len());
        assert!(String::from_utf8(out).expect("utf8").contains("f0.yaml:1:1: warning[stale]: m\\e0\n"));
    }
}
