//! The workspace a baseline reads, named by its first argument: its engagement files as
//! `acctsum check` finds them.

use std::path::PathBuf;
use std::process::ExitCode;

use acctsum::workspace::{Source, Workspace};

/// The engagement files of the workspace named by the first argument; on a problem, the
/// message is printed (as `name`) and the exit code to end with returned.
pub(crate) fn sources(name: &str) -> Result<Vec<Source>, ExitCode> {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: {name} DIR");
        return Err(ExitCode::from(2));
    };
    let cwd = std::env::current_dir().unwrap_or_default();
    Workspace::discover(Some(&dir), &cwd).and_then(|ws| ws.sources(&[], &cwd)).map_err(|e| {
        eprintln!("{name}: {e}");
        ExitCode::from(2)
    })
}
