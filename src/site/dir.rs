//! The site's folder: built whole in a temporary folder beside it, then swapped in, so a
//! reader (or a static host) sees the old site or the new one, never half of one.
//!
//! A folder acctsum built holds a marker file ([`MARKER`]); a folder that holds anything
//! and no marker is someone else's and is refused, as is a symbolic link or a file. The
//! temporary folders (`.NAME.acctsum-new-XXXXXX`, and the old site renamed away,
//! `.NAME.acctsum-old-XXXXXX`) carry the marker too, so that what a killed run left is
//! recognised and removed by the next one.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use crate::error::{Error, Result};
use crate::output::STALE_TEMP_AFTER;

/// The marker file at the top of every folder `acctsum site` writes.
pub const MARKER: &str = ".acctsum-site";

/// What the marker file says.
fn marker_text() -> String {
    format!(
        "Written by `acctsum site` (acctsum {}). The next `acctsum site` replaces this whole folder: keep nothing else in it.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// A site being built: files go into a temporary folder beside the target until
/// [`Building::finish`] swaps it in. Dropped unfinished, the temporary folder is removed
/// and the target left as it was.
#[derive(Debug)]
pub struct Building {
    target: PathBuf,
    temp: Option<tempfile::TempDir>,
    written: AtomicUsize,
}

/// The prefixes of the temporary folders beside `target` (`.NAME.acctsum-new-`,
/// `.NAME.acctsum-old-`).
fn prefixes(target: &Path) -> (String, String) {
    let name = target.file_name().map_or_else(|| "site".into(), |n| n.to_string_lossy());
    (format!(".{name}.acctsum-new-"), format!(".{name}.acctsum-old-"))
}

fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Write { path: path.to_path_buf(), source }
}

/// Whether a folder is one `acctsum site` wrote: it holds the marker file.
fn has_marker(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.file_type().is_file())
}

/// Refuses a target that is not ours to replace: a symbolic link, a file, or a folder
/// that holds anything but has no marker.
fn check_target(target: &Path) -> Result<()> {
    let Ok(meta) = std::fs::symlink_metadata(target) else { return Ok(()) };
    let shown = target.display();
    if meta.file_type().is_symlink() {
        return Err(Error::usage(
            format!("{shown} is a symbolic link; acctsum site does not replace links"),
            Some("give the path of the folder itself"),
        ));
    }
    if !meta.is_dir() {
        return Err(Error::usage(
            format!("{shown} is a file, not a folder; acctsum site builds a folder"),
            Some("give the path of a new folder, or of a site acctsum built before"),
        ));
    }
    let empty = std::fs::read_dir(target)
        .map_err(|source| Error::Read { path: target.to_path_buf(), source })?
        .next()
        .is_none();
    if !empty && !has_marker(target) {
        return Err(Error::usage(
            format!(
                "{shown} holds files that acctsum site did not write (it has no {MARKER} marker); nothing was written"
            ),
            Some("acctsum site replaces the whole folder: give a new or empty folder, or one it built before"),
        ));
    }
    Ok(())
}

/// Removes the temporary folders beside `target` that a killed run left: ours (named
/// after the target, holding the marker) and untouched for [`STALE_TEMP_AFTER`]. Younger
/// ones may belong to a run at work, and stay. Best effort.
fn remove_stale(parent: &Path, target: &Path, now: SystemTime) {
    let (new, old) = prefixes(target);
    let Ok(entries) = std::fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(&new) || name.starts_with(&old)) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let path = entry.path();
        let stale = meta.is_dir()
            && !meta.file_type().is_symlink()
            && has_marker(&path)
            && meta.modified().is_ok_and(|m| now.duration_since(m).is_ok_and(|age| age > STALE_TEMP_AFTER));
        if stale {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

impl Building {
    /// Starts building the site that will replace `target`: refuses a target that is not
    /// ours, clears what killed runs left, and makes the temporary folder beside it.
    ///
    /// # Errors
    /// When the target is refused, or the temporary folder cannot be made.
    pub fn start(target: &Path) -> Result<Self> {
        check_target(target)?;
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(write_error(&parent))?;
        remove_stale(&parent, target, SystemTime::now());
        let (new, _) = prefixes(target);
        let temp =
            tempfile::Builder::new().prefix(&new).rand_bytes(6).tempdir_in(&parent).map_err(write_error(&parent))?;
        let building = Self { target: target.to_path_buf(), temp: Some(temp), written: AtomicUsize::new(0) };
        building.write(MARKER, marker_text().as_bytes())?;
        building.written.store(0, Ordering::Relaxed);
        Ok(building)
    }

    fn root(&self) -> &Path {
        self.temp.as_ref().map_or(&self.target, |t| t.path())
    }

    /// Writes one file of the site: `path` is relative, `/`-separated, made of slugs.
    /// Files may be written from several threads at once.
    ///
    /// # Errors
    /// When it cannot be written.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let full = path.split('/').fold(self.root().to_path_buf(), |p, part| p.join(part));
        if let Some(folder) = full.parent() {
            std::fs::create_dir_all(folder).map_err(write_error(folder))?;
        }
        std::fs::write(&full, bytes).map_err(write_error(&full))?;
        self.written.fetch_add(1, Ordering::Relaxed);
        Ok(())
    }

    /// How many files were written (the marker aside).
    #[must_use]
    pub fn written(&self) -> usize {
        self.written.load(Ordering::Relaxed)
    }

    /// Swaps the new site in: the old one (if any) is renamed away, the new one renamed
    /// to the target, the old one removed. When the second rename fails, the old site is
    /// put back.
    ///
    /// # Errors
    /// When a rename fails (the old site is then where it was).
    pub fn finish(mut self) -> Result<()> {
        let Some(temp) = self.temp.take() else { return Ok(()) };
        let built = temp.keep();
        let fail = |source| Error::Write { path: self.target.clone(), source };
        #[cfg(unix)]
        {
            // A temporary folder is private (0700); a site is for a web server to read.
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&built, std::fs::Permissions::from_mode(0o755)).map_err(fail)?;
        }
        // Checked again: the target may have changed while the site was built.
        if let Err(e) = check_target(&self.target) {
            let _ = std::fs::remove_dir_all(&built);
            return Err(e);
        }
        let old = if std::fs::symlink_metadata(&self.target).is_ok() {
            let parent = built.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
            let (_, old_prefix) = prefixes(&self.target);
            // A name no other run uses: the new folder's random part.
            let random = built.file_name().map(|n| n.to_string_lossy().rsplit('-').next().unwrap_or("x").to_owned());
            let old = parent.join(format!("{old_prefix}{}", random.unwrap_or_default()));
            if let Err(e) = std::fs::rename(&self.target, &old) {
                let _ = std::fs::remove_dir_all(&built);
                return Err(fail(e));
            }
            Some(old)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(&built, &self.target) {
            if let Some(old) = &old {
                let _ = std::fs::rename(old, &self.target);
            }
            let _ = std::fs::remove_dir_all(&built);
            return Err(fail(e));
        }
        if let Some(old) = old {
            // The old site is out of sight; what cannot be removed now, the next run does.
            let _ = std::fs::remove_dir_all(old);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_own_temporary_folders_are_stale() {
        let tmp = tempfile::tempdir().expect("tmp");
        let target = tmp.path().join("site");
        let make = |name: &str, marker: bool| {
            let dir = tmp.path().join(name);
            std::fs::create_dir(&dir).expect("mkdir");
            if marker {
                std::fs::write(dir.join(MARKER), "x").expect("marker");
            }
            dir
        };
        let ours = make(".site.acctsum-new-abc123", true);
        let old = make(".site.acctsum-old-abc123", true);
        let unmarked = make(".site.acctsum-new-zzz999", false);
        let other = make(".other.acctsum-new-abc123", true);
        let later = SystemTime::now() + STALE_TEMP_AFTER + std::time::Duration::from_secs(60);
        remove_stale(tmp.path(), &target, SystemTime::now());
        assert!(ours.exists() && old.exists(), "a young folder may belong to a run at work");
        remove_stale(tmp.path(), &target, later);
        assert!(!ours.exists() && !old.exists(), "what a killed run left is removed");
        assert!(unmarked.exists(), "a folder without the marker is not ours");
        assert!(other.exists(), "another site's folders are its own");
    }
}
