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
