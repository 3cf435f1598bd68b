//! Toolchains: which rustc to run, and what it is.
//!
//! A toolchain is named as rustup names it (`1.80.0`, `stable`, `nightly`) or by the path of a
//! rustc. Rustup names are resolved once to the rustc binary inside the toolchain (`rustup which
//! rustc --toolchain T`), which is then run directly: no proxy on every compile, no
//! `rust-toolchain.toml` override, and never an implicit install.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A release number, such as 1.80.0. Pre-release tags (`-nightly`, `-beta.3`) are kept apart
/// and do not take part in comparisons: `min-rust: 1.97` holds on a 1.97 nightly.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    pub const fn new(major: u64, minor: u64, patch: u64) -> Self {
        Version {
            major,
            minor,
            patch,
        }
    }

    /// Parses `1.80`, `1.80.0` or `1.97.0-nightly`.
    pub fn parse(s: &str) -> Option<Version> {
        let core = s.trim().split(['-', '+']).next()?;
        let mut parts = core.split('.');
        let major = parts.next()?.parse().ok()?;
        let minor = parts.next()?.parse().ok()?;
        let patch = match parts.next() {
            Some(p) => p.parse().ok()?,
            None => 0,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Version::new(major, minor, patch))
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.major, self.minor, self.patch).cmp(&(other.major, other.minor, other.patch))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// The pinned toolchain: the channel of `rust-toolchain.toml`, the one the committed `.stderr`
/// and snapshot files belong to.
pub fn pinned() -> &'static str {
    const TOML: &str = include_str!("../rust-toolchain.toml");
    TOML.lines()
        .filter_map(|l| l.trim().strip_prefix("channel"))
        .filter_map(|l| l.trim().strip_prefix('='))
        .map(|l| l.trim().trim_matches('"'))
        .next()
        .expect("rust-toolchain.toml names a channel")
}

/// What a user asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spec {
    /// A rustup toolchain name.
    Rustup(String),
    /// A path to a rustc binary.
    Path(PathBuf),
    /// Whatever `rustc` is active here (rustup's default or override, else `rustc` on PATH).
    Active,
}

/// A toolchain resolved to a rustc binary, with its identity from `rustc -vV`.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Toolchain {
    /// As given: `1.80.0`, `stable`, a path, or the active toolchain's release.
    pub name: String,
    pub release: String,
    pub commit_hash: String,
    pub commit_date: String,
    pub host: String,
    #[serde(skip)]
    pub rustc: PathBuf,
}

impl Toolchain {
    /// Resolves a spec to an installed toolchain. A missing toolchain is an
    /// [`Error::Environment`] that says how to install it.
    pub fn resolve(spec: &Spec) -> Result<Toolchain> {
        let (name, rustc) = match spec {
            Spec::Path(path) => {
                if !path.is_file() {
                    return Err(Error::env(format!(
                        "no rustc at {}: --rustc needs the path of a rustc binary",
                        path.display()
                    )));
                }
                (path.display().to_string(), path.clone())
            }
            Spec::Rustup(name) => (name.clone(), rustup_which(Some(name))?),
            Spec::Active => {
                let rustc = rustup_which(None).unwrap_or_else(|_| PathBuf::from("rustc"));
                (String::new(), rustc)
            }
        };
        let mut toolchain = identify(&rustc)?;
        toolchain.name = if name.is_empty() {
            toolchain.release.clone()
        } else {
            name
        };
        Ok(toolchain)
    }

    /// The release as a version (nightly and beta tags dropped).
    pub fn version(&self) -> Version {
        Version::parse(&self.release).unwrap_or(Version::new(0, 0, 0))
    }

    /// A compact identity for cache keys: release, commit and host.
    pub fn identity(&self) -> String {
        format!(
            "{} {} {} {}",
            self.release, self.commit_hash, self.commit_date, self.host
        )
    }

    /// Whether this is the toolchain the pinned `.stderr` files belong to.
    pub fn is_pinned(&self) -> bool {
        self.release == pinned() || self.name == pinned()
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.rustc);
        // A rustc inside a rustup toolchain finds its own sysroot; these would only confuse it.
        cmd.env_remove("RUSTUP_TOOLCHAIN")
            .env_remove("RUSTC_WRAPPER");
        cmd
    }
}

/// Asks rustup where a toolchain's rustc lies, without ever installing it.
fn rustup_which(name: Option<&str>) -> Result<PathBuf> {
    let mut cmd = Command::new("rustup");
    cmd.args(["which", "rustc"]).env("RUSTUP_AUTO_INSTALL", "0");
    if let Some(name) = name {
        cmd.args(["--toolchain", name]);
    }
    let out = cmd.output().map_err(|e| {
        Error::env(format!(
            "cannot run rustup to find toolchain `{}`: {e}; pass --rustc PATH instead",
            name.unwrap_or("(active)")
        ))
    })?;
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if !out.status.success() || !path.is_file() {
        let name = name.unwrap_or("(active)");
        return Err(Error::env(format!(
            "toolchain `{name}` is not installed; install it with `rustup toolchain install {name} --profile minimal`"
        )));
    }
    Ok(path)
}

/// Runs `rustc -vV` and reads the toolchain's identity from it.
pub fn identify(rustc: &Path) -> Result<Toolchain> {
    let out = Command::new(rustc)
        .arg("-vV")
        .env_remove("RUSTUP_TOOLCHAIN")
        .output()
        .map_err(|e| Error::env(format!("cannot run {}: {e}", rustc.display())))?;
    if !out.status.success() {
        return Err(Error::env(format!(
            "`{} -vV` failed: {}",
            rustc.display(),
            String::from_utf8_lossy(&out.stderr).trim()
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let toolchain = Toolchain {
        name: String::new(),
        release: field("release:"),
        commit_hash: field("commit-hash:"),
        commit_date: field("commit-date:"),
        host: field("host:"),
        rustc: rustc.to_path_buf(),
    };
    if toolchain.release.is_empty() {
        return Err(Error::env(format!(
            "`{} -vV` did not name a release",
            rustc.display()
        )));
    }
    Ok(toolchain)
}

/// Parses the `--toolchains A,B,C` list.
pub fn parse_list(list: &str) -> Vec<String> {
    list.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_order() {
        assert_eq!(Version::parse("1.80"), Some(Version::new(1, 80, 0)));
        assert_eq!(
            Version::parse("1.97.0-nightly"),
            Some(Version::new(1, 97, 0))
        );
        assert_eq!(Version::parse("1.80.1"), Some(Version::new(1, 80, 1)));
        assert_eq!(Version::parse("soon"), None);
        assert_eq!(Version::parse("1.2.3.4"), None);
        assert!(Version::new(1, 80, 0) > Version::new(1, 79, 9));
        assert!(Version::new(1, 100, 0) > Version::new(1, 99, 0));
    }

    #[test]
    fn pinned_reads_rust_toolchain_toml() {
        assert!(Version::parse(pinned()).is_some(), "{}", pinned());
    }

    #[test]
    fn a_missing_toolchain_says_how_to_install_it() {
        let err = Toolchain::resolve(&Spec::Rustup("1.2.0".into())).unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.contains("`1.2.0` is not installed")
                && msg.contains("rustup toolchain install 1.2.0")
                || msg.contains("cannot run rustup"),
            "{msg}"
        );
    }
}
