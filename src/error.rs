//! One error type for the whole crate. Every error that comes from something a user wrote
//! names the file, and the line where there is one.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub enum Error {
    /// A problem in a file the user wrote (a case, a pinned file, a history record).
    Input {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// The machine is not as needed: a toolchain that is not installed, a missing tool.
    Environment(String),
    /// An I/O failure on a named path.
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn input(path: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        Error::Input {
            path: path.to_path_buf(),
            line,
            message: message.into(),
        }
    }

    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn env(message: impl Into<String>) -> Self {
        Error::Environment(message.into())
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Input {
                path,
                line: Some(line),
                message,
            } => write!(f, "{}:{line}: {message}", path.display()),
            Error::Input {
                path,
                line: None,
                message,
            } => write!(f, "{}: {message}", path.display()),
            Error::Environment(message) => f.write_str(message),
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

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
/// A new file gets the mode an ordinary write would give it (`0666` less the umask, so `0644`
/// under the usual umask 022); a file written over keeps its mode.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;
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
