//! Reading and writing files: text read with an error naming the file (and the line of bad
//! UTF-8), and atomic writes, so a reader never sees half a file and nothing a user wrote is
//! lost to a crash; and [`Lock`], an exclusive lock on a file, for work that two processes must
//! not do at once (recording the history, preparing a Miri sysroot).

use crate::error::{Error, Result};
use std::path::Path;

/// Reads a file to a string, with an error that names the file (and says so when the file is
/// not UTF-8 rather than giving a bare "stream did not contain valid UTF-8").
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        Error::input(path, Some(line), "the file is not valid UTF-8")
    })
}

/// Writes a file atomically: to a temporary file beside it, then renamed over it, so a reader
/// never sees half a file and a crash never leaves one.
///
/// A path that exists and is not a regular file (`/dev/stdout`, `/dev/null`, a pipe) is written
/// in place: renaming over it would replace the device with a regular file.
///
/// A symbolic link is written through, as an ordinary write would: the link stays, and the
/// file it points to (which may not exist yet) is replaced, from a temporary file beside it.
///
/// A new file gets the mode an ordinary write would give it (`0666` less the umask, so `0644`
/// under the usual umask 022); a file written over keeps its mode.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
    let target = through_links(path)?;
    let path = target.as_path();
    let mut mode = std::fs::Permissions::from_mode(0o666);
    if let Ok(meta) = std::fs::metadata(path) {
        if !meta.is_file() {
            return std::fs::write(path, contents).map_err(|e| Error::io(path, e));
        }
        mode = meta.permissions();
    }
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    let dir = dir.unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".sendsync-")
        .permissions(mode.clone())
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    // The umask already applied to a new file; a kept mode is set as it was.
    if std::fs::metadata(path).is_ok() {
        tmp.as_file()
            .set_permissions(mode)
            .map_err(|e| Error::io(path, e))?;
    }
    tmp.write_all(contents).map_err(|e| Error::io(path, e))?;
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}

/// The path that `path` names once every symbolic link at its end is followed: the link's
/// target, relative to the link's folder, until a path that is not a link (or does not exist).
/// Only the last component is resolved; links among the folders above it are fine to keep, as
/// a rename within one folder goes through them alike.
fn through_links(path: &Path) -> Result<std::path::PathBuf> {
    // As the kernel's own limit (ELOOP after 40 links).
    const MAX_LINKS: usize = 40;
    let mut at = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let to = std::fs::read_link(&at).map_err(|e| Error::io(&at, e))?;
                at = match at.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(at),
        }
    }
    Err(Error::input(
        path,
        None,
        format!("more than {MAX_LINKS} symbolic links in a row (a loop?)"),
    ))
}

/// An exclusive `flock` on a lock file, released when the file is closed (dropped).
pub struct Lock {
    _file: std::fs::File,
}

impl Lock {
    pub fn acquire(path: &Path) -> Result<Lock> {
        use std::os::fd::AsRawFd;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)
            .map_err(|e| Error::io(path, e))?;
        // SAFETY: flock on a file descriptor we own; blocks until the lock is ours.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(Error::io(path, std::io::Error::last_os_error()));
        }
        Ok(Lock { _file: file })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn write_atomic_leaves_devices_alone() {
        super::write_atomic(std::path::Path::new("/dev/null"), b"x").unwrap();
        let meta = std::fs::metadata("/dev/null").unwrap();
        assert!(!meta.is_file(), "/dev/null must stay a device");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b.txt");
        super::write_atomic(&path, b"one").unwrap();
        super::write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
    }

    #[test]
    fn write_atomic_writes_through_a_link_to_its_target() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("m.json"), "old").unwrap();
        // A link to a link, one relative and one absolute, from another folder.
        symlink("real/m.json", dir.path().join("hop.json")).unwrap();
        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        let link = other.join("link.json");
        symlink(dir.path().join("hop.json"), &link).unwrap();
        super::write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(real.join("m.json")).unwrap(), b"new");
        // The temporary file was beside the target, and is gone.
        let names = |d: &std::path::Path| {
            let mut v: Vec<String> = std::fs::read_dir(d)
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            v.sort();
            v
        };
        assert_eq!(names(&real), ["m.json"]);
        assert_eq!(names(&other), ["link.json"]);
        // A link whose target does not exist yet: the target is created, the link kept.
        let dangling = dir.path().join("dangling.json");
        symlink("real/new.json", &dangling).unwrap();
        super::write_atomic(&dangling, b"made").unwrap();
        assert_eq!(std::fs::read(real.join("new.json")).unwrap(), b"made");
        assert!(std::fs::symlink_metadata(&dangling)
            .unwrap()
            .file_type()
            .is_symlink());
        // A loop of links is an error naming the path, not a hang.
        let a = dir.path().join("a");
        symlink("b", &a).unwrap();
        symlink("a", dir.path().join("b")).unwrap();
        let err = super::write_atomic(&a, b"x").unwrap_err();
        assert!(err.to_string().contains("symbolic links"), "{err}");
    }

    #[test]
    fn write_atomic_follows_the_umask_and_keeps_a_mode() {
        use std::os::unix::fs::PermissionsExt;
        // The umask is process-wide: read it without changing it.
        let status = std::fs::read_to_string("/proc/self/status").unwrap();
        let umask = status
            .lines()
            .find_map(|l| l.strip_prefix("Umask:"))
            .map(|m| u32::from_str_radix(m.trim(), 8).unwrap())
            .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.txt");
        super::write_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask, "umask {umask:o}");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        super::write_atomic(&path, b"y").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }
}
