//! The named exit codes, the same for every command.

use std::process::ExitCode;

/// How a command ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: the job is done (for `check`: no error-severity findings).
    Success,
    /// 1: `check` found errors (or warnings, under `--strict`).
    Findings,
    /// 2: the tool could not do its job: bad arguments, an invalid config, a missing
    /// path, no engagement files, a refusal to overwrite.
    Failure,
}

impl Exit {
    /// The process exit code.
    #[must_use]
    pub fn code(self) -> u8 {
        match self {
            Self::Success => 0,
            Self::Findings => 1,
            Self::Failure => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}
