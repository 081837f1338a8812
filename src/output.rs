//! Writing files safely: whole or not at all.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that readers see the old file or the new one, never half of one. Creates missing
/// parent folders. With `overwrite` false, an existing file is refused and left untouched.
///
/// # Errors
/// When the file exists (and `overwrite` is false) or cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<()> {
    if !overwrite && path.exists() {
        return Err(Error::Exists { path: path.display().to_string() });
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let fail = |source| Error::Write { path: path.to_path_buf(), source };
    std::fs::create_dir_all(&parent).map_err(fail)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".acctsum-").suffix(".tmp");
    #[cfg(unix)]
    {
        // A temporary file is private (0600); the file it becomes is an ordinary one,
        // or keeps the permissions of the file it replaces.
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut tmp = builder.tempfile_in(&parent).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.as_file().sync_all().map_err(fail)?;
    if overwrite {
        tmp.persist(path).map_err(|e| fail(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::Exists { path: path.display().to_string() }
            } else {
                fail(e.error)
            }
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_and_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().expect("tmp");
        let path = tmp.path().join("a/b.txt");
        write_atomic(&path, b"one", false).expect("first write");
        assert!(matches!(write_atomic(&path, b"two", false), Err(Error::Exists { .. })));
        assert_eq!(std::fs::read(&path).expect("read"), b"one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777, 0o644);
        }
        write_atomic(&path, b"three", true).expect("overwrite");
        assert_eq!(std::fs::read(&path).expect("read"), b"three");
        let names: Vec<_> =
            std::fs::read_dir(tmp.path().join("a")).expect("dir").map(|e| e.expect("entry").file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("b.txt")]);
    }
}
