//! The `acctsum` binary: parse the command line, run it, exit with its code.

use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let invocation = acctsum::cli::parse();
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let stdout = std::io::stdout();
    let out_terminal = stdout.is_terminal();
    let width = terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    // Standard output is line-buffered: a large report would cost a system call per line.
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut io =
        acctsum::run::Io { out: &mut out, err: &mut std::io::stderr().lock(), out_terminal, width, interactive };
    let exit = acctsum::run::main(&invocation, &cwd, &mut io);
    // A closed pipe (`acctsum report | head`) is not a failure of acctsum's.
    let _ = out.flush();
    exit.into()
}
