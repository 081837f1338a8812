//! Why a file or folder is not read: no permission, not a regular file, or a symbolic
//! link. Such a path becomes one `unreadable` finding (for `acctsum.yaml`, an exit-2
//! error) that names the path and the reason, and never anything of what it leads to.

use std::fs::FileType;
use std::io;
use std::sync::Arc;

use crate::error::Error;
use crate::finding::{Finding, Loc, RuleId};

/// Why a path is not read.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unreadable {
    /// Opening or reading it failed (no permission, an I/O error, a link that leads nowhere).
    Failed {
        /// Whether it is a folder (a walk could not list it).
        folder: bool,
        /// The reason, in lower case ("permission denied").
        why: String,
    },
    /// It is not a regular file: what it is instead ("a named pipe (FIFO)").
    NotRegular(&'static str),
    /// It is, or lies under, a symbolic link whose target is outside the workspace.
    LinkOutside {
        /// Whether the path itself is the link (else a folder above it is).
        direct: bool,
    },
    /// A symbolic link found while walking the workspace: never followed.
    LinkFound {
        /// Whether it leads to a folder.
        folder: bool,
    },
}

impl Unreadable {
    /// The reason an I/O error gives, for a file or (`folder`) a folder.
    #[must_use]
    pub fn io(error: &io::Error, folder: bool) -> Self {
        let why = match error.kind() {
            io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            io::ErrorKind::NotFound => "it does not exist (a symbolic link that leads nowhere?)".to_owned(),
            _ => {
                // The operating system's words ("Input/output error (os error 5)"), in lower case.
                let text = error.to_string();
                let mut chars = text.chars();
                chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or(text)
            }
        };
        Self::Failed { folder, why }
    }

    /// The reason for a path of this type that is not a regular file.
    #[must_use]
    pub fn of_type(kind: FileType) -> Self {
        Self::NotRegular(describe(kind))
    }

    /// What is wrong, following the path: "`<path>` cannot be read: permission denied".
    #[must_use]
    pub fn message(&self) -> String {
        const NOT_FOLLOWED: &str = "acctsum does not follow links found while walking the workspace";
        match self {
            Self::Failed { folder: false, why } => format!("cannot be read: {why}"),
            Self::Failed { folder: true, why } => format!("is a folder that cannot be read: {why}"),
            Self::NotRegular(what) => format!("is {what}, not a regular file"),
            Self::LinkOutside { direct: true } => {
                "is a symbolic link that leads outside the workspace; acctsum does not read it".to_owned()
            }
            Self::LinkOutside { direct: false } => {
                "lies under a symbolic link that leads outside the workspace; acctsum does not read it".to_owned()
            }
            Self::LinkFound { folder: false } => format!("is a symbolic link; {NOT_FOLLOWED}"),
            Self::LinkFound { folder: true } => format!("is a symbolic link to a folder; {NOT_FOLLOWED}"),
        }
    }

    /// How to fix it.
    #[must_use]
    pub fn help(&self) -> &'static str {
        match self {
            Self::Failed { folder: false, why } if why == "permission denied" => {
                "give the user that runs acctsum read permission on the file (chmod a+r), or move it out of the engagement files"
            }
            Self::Failed { folder: true, why } if why == "permission denied" => {
                "give the user that runs acctsum read and search permission on the folder (chmod a+rx), or move it out of the engagement files"
            }
            Self::Failed { .. } => "check that the path exists and can be read; the other files were still checked",
            Self::NotRegular(_) => {
                "engagement files are regular files: remove this one, or rename it so that the engagements glob does not select it"
            }
            Self::LinkOutside { .. } => {
                "commit the file itself inside the workspace instead of a link to somewhere else"
            }
            Self::LinkFound { .. } => {
                "commit the file itself instead of a link, or name the link on the command line if it leads inside the workspace"
            }
        }
    }

    /// The `unreadable` finding for `path` (as shown): at line 1, column 1, with no content.
    #[must_use]
    pub fn finding(&self, path: Arc<str>) -> Finding {
        Finding::new(RuleId::Unreadable, path, Loc::START, self.message()).with_help(self.help())
    }

    /// The fatal error for `path` (as shown), for a file that must be read (`acctsum.yaml`).
    #[must_use]
    pub fn error(&self, path: &str) -> Error {
        let help = match self {
            Self::NotRegular(_) => {
                "the configuration must be a regular file; replace it with one (`acctsum init` writes a commented example), or remove it to use the built-in field guide"
            }
            other => other.help(),
        };
        Error::Unreadable { path: path.to_owned(), message: self.message(), help: help.to_owned() }
    }
}

/// "a named pipe (FIFO)", "a folder", …: what a path that is not a regular file is.
fn describe(kind: FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else if kind.is_symlink() {
        "a symbolic link"
    } else {
        "a special file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_say_what_the_path_is_and_never_where_a_link_leads() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        assert_eq!(Unreadable::io(&denied, false).message(), "cannot be read: permission denied");
        assert_eq!(Unreadable::io(&denied, true).message(), "is a folder that cannot be read: permission denied");
        assert!(Unreadable::io(&denied, true).help().contains("chmod a+rx"));
        let eio = io::Error::from_raw_os_error(5);
        assert!(Unreadable::io(&eio, false).message().starts_with("cannot be read: input/output error"));
        assert_eq!(
            Unreadable::LinkOutside { direct: true }.message(),
            "is a symbolic link that leads outside the workspace; acctsum does not read it"
        );
        let finding = Unreadable::LinkFound { folder: false }.finding(Arc::from("engagements/a.yaml"));
        assert_eq!((finding.rule, finding.loc), (RuleId::Unreadable, Loc::START));
        assert!(finding.help.is_some());
    }

    #[cfg(unix)]
    #[test]
    fn types_are_named() {
        let dir = tempfile::tempdir().expect("tmp");
        let kind = std::fs::metadata(dir.path()).expect("meta").file_type();
        assert_eq!(Unreadable::of_type(kind).message(), "is a folder, not a regular file");
        let null = std::fs::metadata("/dev/null").expect("meta").file_type();
        assert_eq!(Unreadable::of_type(null).message(), "is a character device, not a regular file");
    }
}
