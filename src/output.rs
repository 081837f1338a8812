//! Writing files safely: whole or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use crate::error::{Error, Result};

/// Temporary files are named `.acctsum-XXXXXX.tmp`, with this many random letters and digits.
const TEMP_PREFIX: &str = ".acctsum-";
const TEMP_SUFFIX: &str = ".tmp";
const TEMP_RANDOM: usize = 6;
/// A temporary file untouched for this long was left by a writer that was killed: a live
/// writer creates, fills and renames its file within moments.
pub const STALE_TEMP_AFTER: Duration = Duration::from_secs(60 * 60);

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so
/// that readers see the old file or the new one, never half of one. Creates missing
/// parent folders. With `overwrite` false, an existing file is refused and left untouched.
/// A symbolic link at `path` is refused either way, and temporary files that killed
/// writers left in the folder are removed.
///
/// # Errors
/// When `path` is a symbolic link, when the file exists (and `overwrite` is false), or
/// when it cannot be written.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<()> {
    refuse_link(path)?;
    if !overwrite && path.exists() {
        return Err(Error::Exists { path: path.display().to_string() });
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |source| Error::Write { path: path.to_path_buf(), source };
    std::fs::create_dir_all(&parent).map_err(fail)?;
    remove_stale_temps(&parent, SystemTime::now());
    // Only Unix sets the permissions below.
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = temp_builder();
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

/// A builder of our temporary files (`.acctsum-XXXXXX.tmp`), which a later write to the
/// same folder removes once they are stale.
pub(crate) fn temp_builder<'a>() -> tempfile::Builder<'a, 'a> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX).rand_bytes(TEMP_RANDOM);
    builder
}

/// Refuses a symbolic link as an output file: replacing the link would silently cut it,
/// and writing through it would change a file elsewhere.
///
/// # Errors
/// When `path` is a symbolic link (even one that points nowhere).
pub fn refuse_link(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::usage(
            format!("{} is a symbolic link; acctsum does not replace links", path.display()),
            Some("give the path of the file the link points to"),
        ));
    }
    Ok(())
}

/// Whether `name` is one of our temporary files (`.acctsum-XXXXXX.tmp`).
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Removes our temporary files in `folder` that have not been touched for
/// [`STALE_TEMP_AFTER`] before `now`: what writers killed mid-write left behind. Younger
/// ones may belong to a writer at work, and stay. Best effort: what cannot be read or
/// removed is left alone.
fn remove_stale_temps(folder: &Path, now: SystemTime) {
    let Ok(entries) = std::fs::read_dir(folder) else { return };
    for entry in entries.flatten() {
        if !entry.file_name().to_str().is_some_and(is_temp_name) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let stale = meta.file_type().is_file()
            && meta.modified().is_ok_and(|m| now.duration_since(m).is_ok_and(|age| age > STALE_TEMP_AFTER));
        if stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Creates every one of `files` (paths relative to `root`, with their bytes), with the
/// folders they need, or none of them: when one cannot be written, those already written
/// and the folders made for them are removed again. Check [`conflicts`] first; a file that
/// appears meanwhile is still never overwritten.
///
/// # Errors
/// When a folder or file cannot be created.
pub fn create_all(root: &Path, files: &[(&str, &[u8])]) -> Result<()> {
    let mut made_folders: Vec<PathBuf> = Vec::new();
    let mut made_files: Vec<PathBuf> = Vec::new();
    let mut write = || -> Result<()> {
        for (rel, bytes) in files {
            let path = root.join(rel);
            let mut missing: Vec<PathBuf> = path
                .ancestors()
                .skip(1)
                .take_while(|a| std::fs::symlink_metadata(a).is_err())
                .map(Path::to_path_buf)
                .collect();
            missing.retain(|a| !a.as_os_str().is_empty());
            for folder in missing.into_iter().rev() {
                std::fs::create_dir(&folder).map_err(|source| Error::Write { path: folder.clone(), source })?;
                made_folders.push(folder);
            }
            write_atomic(&path, bytes, false)?;
            made_files.push(path);
        }
        Ok(())
    };
    let result = write();
    if result.is_err() {
        for file in made_files.iter().rev() {
            let _ = std::fs::remove_file(file);
        }
        for folder in made_folders.iter().rev() {
            let _ = std::fs::remove_dir(folder);
        }
    }
    result
}

/// What stands in the way of [`create_all`] writing `files` under `root`: each file that
/// already exists (a link included) and each folder on the way that is not a folder. Empty
/// when every file can be created.
#[must_use]
pub fn conflicts(root: &Path, files: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    if std::fs::metadata(root).is_ok_and(|m| !m.is_dir()) {
        found.push(format!("{} is a file where a folder must be", root.display()));
        return found;
    }
    for rel in files {
        let mut folder = PathBuf::new();
        let parts: Vec<_> = Path::new(rel).components().collect();
        let Some((_, folders)) = parts.split_last() else { continue };
        let mut blocked = false;
        for part in folders {
            folder.push(part);
            let path = root.join(&folder);
            let not_a_folder =
                std::fs::symlink_metadata(&path).is_ok() && !std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
            if not_a_folder {
                let problem = format!("{} is a file where a folder must be", crate::workspace::slashed(&folder));
                if !found.contains(&problem) {
                    found.push(problem);
                }
                blocked = true;
                break;
            }
        }
        if !blocked && std::fs::symlink_metadata(root.join(rel)).is_ok() {
            found.push(format!("{rel} already exists"));
        }
    }
    found
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

    #[test]
    fn temporary_names_are_recognised_exactly() {
        assert!(is_temp_name(".acctsum-a1B2c3.tmp"));
        for other in [".acctsum-a1B2c.tmp", ".acctsum-a1B2c3d.tmp", ".acctsum-new.lock", ".acctsum-a1-2c3.tmp", "x.tmp"]
        {
            assert!(!is_temp_name(other), "{other}");
        }
    }

    #[test]
    fn only_temporary_files_older_than_the_limit_are_removed() {
        let tmp = tempfile::tempdir().expect("tmp");
        let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        for name in [".acctsum-OLD001.tmp", ".acctsum-NEW001.tmp", "keep.tmp", ".acctsum-notes.tmp"] {
            let file = std::fs::File::create(tmp.path().join(name)).expect("create");
            file.set_modified(old).expect("mtime");
        }
        std::fs::File::create(tmp.path().join(".acctsum-NEW002.tmp")).expect("create");
        let young = std::fs::File::options().write(true).open(tmp.path().join(".acctsum-NEW001.tmp")).expect("open");
        young.set_modified(old + STALE_TEMP_AFTER).expect("mtime");
        // As of one hour and a second after `old`: OLD001 is stale, NEW001 exactly at the limit.
        remove_stale_temps(tmp.path(), old + STALE_TEMP_AFTER + Duration::from_secs(1));
        let mut names: Vec<String> = std::fs::read_dir(tmp.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".acctsum-NEW001.tmp", ".acctsum-NEW002.tmp", ".acctsum-notes.tmp", "keep.tmp"]);
    }

    #[test]
    fn create_all_writes_all_or_nothing() {
        let tmp = tempfile::tempdir().expect("tmp");
        let root = tmp.path().join("ws");
        // The second file needs `a` to be a folder, but the first made it a file.
        let result = create_all(&root, &[("x/a", b"1"), ("x/a/b", b"2")]);
        assert!(matches!(result, Err(Error::Write { .. })), "{result:?}");
        assert!(!root.exists(), "the folders made are removed again");
        assert_eq!(conflicts(&root, &["x/a", "x/b/c"]), Vec::<String>::new());
        std::fs::create_dir_all(root.join("x")).expect("mkdir");
        std::fs::write(root.join("x/a"), "").expect("file");
        std::fs::write(root.join("x/b"), "").expect("file");
        assert_eq!(
            conflicts(&root, &["x/a", "x/b/c", "x/b/d"]),
            ["x/a already exists", "x/b is a file where a folder must be"]
        );
        create_all(&root, &[("y/z", b"3")]).expect("create");
        assert_eq!(std::fs::read(root.join("y/z")).expect("read"), b"3");
    }
}
