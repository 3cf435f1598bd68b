//! One error type for the whole crate, one variant per cause, mapped to its message (the
//! `Display` text) and its exit code ([`Error::exit_code`]) here and nowhere else. Every error
//! that comes from something a user wrote names the file, and the line where there is one.
//!
//! Where the places that raise one cause word it differently (a missing clippy and a missing
//! Miri say how to add each), the variant keeps that text in `message` beside the fields that
//! tell the cause apart; where they all say it one way, the text is made here from the fields.
//! Callers and tests that need the cause match the variant, never the text.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

// Clone: a manifest read or a crates build is done once per process and its error handed to
// every case that waits on it; the I/O errors inside are shared for that (`Arc`).
#[derive(Clone, Debug)]
pub enum Error {
    /// A problem in a file the user wrote (a case, a pinned file, a history record).
    Input {
        path: PathBuf,
        line: Option<usize>,
        message: String,
    },
    /// An I/O failure on a named path.
    Io {
        path: PathBuf,
        source: Arc<std::io::Error>,
    },
    /// Bad arguments, or a bad combination of them (`--bless` on a toolchain the pins are not
    /// for, an unknown `--format`, `--baseline` naming none of the toolchains).
    Usage(String),
    /// A toolchain rustup does not have; `baseline` when it is the one a matrix is classified
    /// against. The message gives the `rustup toolchain install` command.
    ToolchainNotInstalled { name: String, baseline: bool },
    /// `--rustc PATH` where there is no file.
    NoRustcAt { path: PathBuf },
    /// A toolchain without a component a command needs (`clippy`, `miri`, `rust-src`, `cargo`);
    /// `message` says how to add it (the `rustup component add` command, when rustup can).
    ComponentMissing {
        toolchain: String,
        component: String,
        message: String,
    },
    /// A tool (rustup, cargo, rustc, cargo-miri) could not be run, or failed, or said something
    /// this crate cannot read.
    ToolFailed { tool: String, message: String },
    /// The crates of `manifest` do not compile with `toolchain` (too old for them, say): a
    /// matrix records the cases that use them as not applicable there.
    CratesDoNotBuild {
        manifest: PathBuf,
        toolchain: String,
        message: String,
    },
    /// The manifest that gives programs their crates cannot be used; the error inside says
    /// where and why. Not the program's own input: a program's error names no file for it.
    BadManifest(Box<Error>),
    /// Something run (`what`) did not finish within `after`.
    TimedOut {
        what: String,
        after: Duration,
        message: String,
    },
    /// SIGINT or SIGTERM came: nothing more is started.
    Interrupted,
    /// A case name the bundled corpus does not have, with the nearest names it does.
    NoSuchCase { name: String, near: Vec<String> },
    /// A case that could not be checked on a toolchain, where a result is needed (a matrix).
    CaseFailed {
        case: String,
        toolchain: String,
        reason: String,
    },
    /// Merged matrix files that disagree about `toolchain`: `message` names both files.
    MergeConflict { toolchain: String, message: String },
    /// Replacing the folder `path` failed halfway: the new one could not be put in place
    /// (`put`), nor the old one, set `aside`, put back (`back`).
    FolderNotReplaced {
        path: PathBuf,
        aside: PathBuf,
        put: Arc<std::io::Error>,
        back: Arc<std::io::Error>,
    },
    /// The system refused something that names no file: a temporary folder, the interrupt
    /// handler, a `PATH`.
    System { what: &'static str, message: String },
    /// `explain` needs the corpus's history on the pinned toolchain, and `root` holds none.
    NoHistory { toolchain: String, root: PathBuf },
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
            source: Arc::new(source),
        }
    }

    /// A tool (named by its path or name) that could not be run or failed.
    pub fn tool(tool: impl fmt::Display, message: impl Into<String>) -> Self {
        Error::ToolFailed {
            tool: tool.to_string(),
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage(message.into())
    }

    /// The process's exit code for this error: 130 for an interrupt (as shells report a
    /// SIGINT), 2 for everything else (bad input or environment). A subcommand that ran has
    /// its own 0 or 1.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Interrupted => 130,
            Error::Input { .. }
            | Error::Io { .. }
            | Error::Usage(_)
            | Error::ToolchainNotInstalled { .. }
            | Error::NoRustcAt { .. }
            | Error::ComponentMissing { .. }
            | Error::ToolFailed { .. }
            | Error::CratesDoNotBuild { .. }
            | Error::BadManifest(_)
            | Error::TimedOut { .. }
            | Error::NoSuchCase { .. }
            | Error::CaseFailed { .. }
            | Error::MergeConflict { .. }
            | Error::FolderNotReplaced { .. }
            | Error::System { .. }
            | Error::NoHistory { .. } => 2,
        }
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
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::ToolchainNotInstalled { name, baseline } => write!(
                f,
                "{}toolchain `{name}` is not installed; install it with `rustup toolchain install {name} --profile minimal`",
                if *baseline { "the baseline " } else { "" }
            ),
            Error::NoRustcAt { path } => write!(
                f,
                "no rustc at {}: --rustc needs the path of a rustc binary",
                path.display()
            ),
            Error::BadManifest(inner) => inner.fmt(f),
            Error::Interrupted => f.write_str("interrupted"),
            Error::NoSuchCase { name, near } => {
                write!(f, "no case named `{name}` in the corpus")?;
                if !near.is_empty() {
                    write!(f, "; did you mean {}?", near.join(", "))?;
                }
                f.write_str(" (see `sendsync list`)")
            }
            Error::CaseFailed {
                case,
                toolchain,
                reason,
            } => write!(f, "{case} on {toolchain}: {reason}"),
            Error::FolderNotReplaced {
                path,
                aside,
                put,
                back,
            } => write!(
                f,
                "{}: cannot put the new folder in place ({put}) nor the old one back ({back}): the old one is {}",
                path.display(),
                aside.display()
            ),
            Error::System { what, message } => write!(f, "{what}: {message}"),
            Error::NoHistory { toolchain, root } => write!(
                f,
                "no history of the corpus on the pinned toolchain {toolchain} is recorded in {}: explain matches your errors against it; record it with `sendsync history record --toolchains {toolchain}`",
                root.display()
            ),
            Error::Usage(message)
            | Error::ComponentMissing { message, .. }
            | Error::ToolFailed { message, .. }
            | Error::CratesDoNotBuild { message, .. }
            | Error::TimedOut { message, .. }
            | Error::MergeConflict { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(&**source),
            Error::FolderNotReplaced { put, .. } => Some(&**put),
            Error::BadManifest(inner) => Some(&**inner),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::ErrorKind;

    fn io_error(text: &str) -> Arc<std::io::Error> {
        Arc::new(std::io::Error::other(text))
    }

    /// One value of every variant, with the message each must print: the shapes the call
    /// sites printed before the variants existed, byte for byte.
    fn every_variant() -> Vec<(Error, &'static str)> {
        let msg = |s: &str| s.to_string();
        vec![
            (
                Error::input(Path::new("cases/a.rs"), Some(3), "bad header"),
                "cases/a.rs:3: bad header",
            ),
            (
                Error::input(Path::new("cases/a.rs"), None, "bad header"),
                "cases/a.rs: bad header",
            ),
            (
                Error::Io {
                    path: "p/x.stderr".into(),
                    source: io_error("denied"),
                },
                "p/x.stderr: denied",
            ),
            (Error::usage("--toolchains needs at least one toolchain"), "--toolchains needs at least one toolchain"),
            (
                Error::ToolchainNotInstalled { name: msg("1.2.0"), baseline: false },
                "toolchain `1.2.0` is not installed; install it with `rustup toolchain install 1.2.0 --profile minimal`",
            ),
            (
                Error::ToolchainNotInstalled { name: msg("1.2.0"), baseline: true },
                "the baseline toolchain `1.2.0` is not installed; install it with `rustup toolchain install 1.2.0 --profile minimal`",
            ),
            (
                Error::NoRustcAt { path: "/no/rustc".into() },
                "no rustc at /no/rustc: --rustc needs the path of a rustc binary",
            ),
            (
                Error::ComponentMissing {
                    toolchain: msg("1.80.0"),
                    component: msg("clippy"),
                    message: msg("clippy is not installed on toolchain `1.80.0`; add it with `rustup component add clippy --toolchain 1.80.0`"),
                },
                "clippy is not installed on toolchain `1.80.0`; add it with `rustup component add clippy --toolchain 1.80.0`",
            ),
            (Error::tool("rustc", "`rustc -vV` failed: no"), "`rustc -vV` failed: no"),
            (
                Error::CratesDoNotBuild {
                    manifest: "Cargo.toml".into(),
                    toolchain: msg("1.70.0"),
                    message: msg("building the crates of Cargo.toml with 1.70.0 failed:\nE"),
                },
                "building the crates of Cargo.toml with 1.70.0 failed:\nE",
            ),
            (
                Error::BadManifest(Box::new(Error::input(Path::new("Cargo.toml"), Some(1), "not a valid Cargo.toml"))),
                "Cargo.toml:1: not a valid Cargo.toml",
            ),
            (
                Error::TimedOut {
                    what: msg("the claims check"),
                    after: Duration::from_secs(120),
                    message: msg("rustc did not finish the claims check in time"),
                },
                "rustc did not finish the claims check in time",
            ),
            (Error::Interrupted, "interrupted"),
            (
                Error::NoSuchCase { name: msg("rc_into"), near: vec![msg("rc_a"), msg("rc_b")] },
                "no case named `rc_into` in the corpus; did you mean rc_a, rc_b? (see `sendsync list`)",
            ),
            (
                Error::NoSuchCase { name: msg("zz"), near: vec![] },
                "no case named `zz` in the corpus (see `sendsync list`)",
            ),
            (
                Error::CaseFailed { case: msg("a"), toolchain: msg("1.80.0"), reason: msg("boom") },
                "a on 1.80.0: boom",
            ),
            (
                Error::MergeConflict { toolchain: msg("t"), message: msg("x.rs on `t` differs between s1.json and s2.json: a against b") },
                "x.rs on `t` differs between s1.json and s2.json: a against b",
            ),
            (
                Error::FolderNotReplaced {
                    path: "history".into(),
                    aside: "history-old".into(),
                    put: io_error("busy"),
                    back: io_error("gone"),
                },
                "history: cannot put the new folder in place (busy) nor the old one back (gone): the old one is history-old",
            ),
            (
                Error::System { what: "cannot build PATH", message: msg("bad") },
                "cannot build PATH: bad",
            ),
            (
                Error::NoHistory {
                    toolchain: "1.95.0".into(),
                    root: "/p/history".into(),
                },
                "no history of the corpus on the pinned toolchain 1.95.0 is recorded in /p/history: explain matches your errors against it; record it with `sendsync history record --toolchains 1.95.0`",
            ),
        ]
    }

    #[test]
    fn every_variant_prints_the_message_of_its_call_sites() {
        for (e, text) in every_variant() {
            assert_eq!(e.to_string(), text, "{e:?}");
        }
    }

    #[test]
    fn an_interrupt_exits_130_and_every_other_error_2() {
        for (e, _) in every_variant() {
            let want = if matches!(e, Error::Interrupted) {
                130
            } else {
                2
            };
            assert_eq!(e.exit_code(), want, "{e:?}");
        }
    }

    #[test]
    fn a_cloned_error_prints_the_same_and_keeps_its_source() {
        let e = Error::io(
            Path::new("a"),
            std::io::Error::new(ErrorKind::NotFound, "nope"),
        );
        let copy = e.clone();
        assert_eq!(copy.to_string(), e.to_string());
        let Error::Io { source, .. } = &copy else {
            panic!("{copy:?}")
        };
        assert_eq!(source.kind(), ErrorKind::NotFound);
        let wrapped = Error::BadManifest(Box::new(copy));
        let inner = std::error::Error::source(&wrapped).expect("the manifest's own error");
        assert_eq!(inner.to_string(), "a: nope");
    }
}
