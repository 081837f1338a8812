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
    /// Every exit status, in the order of their codes.
    pub const ALL: [Exit; 3] = [Self::Success, Self::Findings, Self::Failure];

    /// What the status means, in one sentence (for the manual page).
    #[must_use]
    pub fn meaning(self) -> &'static str {
        match self {
            Self::Success => {
                "The command did its job; for check, no finding of error severity (warnings may have been reported)."
            }
            Self::Findings => "check found at least one error; with --strict, at least one finding of any severity.",
            Self::Failure => {
                "acctsum could not do its job: bad arguments, an unreadable or invalid acctsum.yaml, a path that does not exist, no engagement files found, or a refusal to overwrite a file."
            }
        }
    }

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
