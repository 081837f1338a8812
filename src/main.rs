//! The `acctsum` binary: parse the command line, run it, exit with its code.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = acctsum::cli::Cli::parse();
    let cwd = std::env::current_dir().unwrap_or_else(|_| ".".into());
    let stdout = std::io::stdout();
    let out_terminal = stdout.is_terminal();
    let width = terminal_size::terminal_size().map(|(w, _)| usize::from(w.0));
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let mut io = acctsum::run::Io {
        out: &mut stdout.lock(),
        err: &mut std::io::stderr().lock(),
        out_terminal,
        width,
        interactive,
    };
    acctsum::run::main(&cli, &cwd, &mut io).into()
}
