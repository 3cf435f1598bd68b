//! Toolchains: which rustc to run, and what it is.
//!
//! A toolchain is named as rustup names it (`1.80.0`, `stable`, `nightly`) or by the path of a
//! rustc. Rustup names are resolved once to the rustc binary inside the toolchain (`rustup which
//! rustc --toolchain T`), which is then run directly: no proxy on every compile, no
//! `rust-toolchain.toml` override, and never an implicit install.

pub mod host;
pub mod process;
pub mod sysroot;

use process::bare_command;

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
    const TOML: &str = include_str!("../../rust-toolchain.toml");
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
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Toolchain {
    /// As given: `1.80.0`, `stable`, a path, or the active toolchain's release.
    pub name: String,
    pub release: String,
    pub commit_hash: String,
    pub commit_date: String,
    pub host: String,
    #[serde(skip)]
    pub rustc: PathBuf,
    /// The toolchain's own sysroot, as `rustc --print sysroot` gives it.
    #[serde(skip)]
    pub sysroot: PathBuf,
    /// What every compile sees as its sysroot: a view without std's sources (see
    /// [`crate::toolchain::sysroot`]).
    #[serde(skip)]
    pub view: PathBuf,
    /// The compiler binaries' identity (size and modification time of rustc and its
    /// `librustc_driver`): two local builds that both say `commit-hash: unknown` differ here.
    #[serde(skip)]
    pub binary_id: String,
    /// The toolchain's `clippy-driver`, beside its rustc, when the clippy component is
    /// installed: lint cases are compiled with it.
    #[serde(skip)]
    pub clippy: Option<PathBuf>,
}

impl Toolchain {
    /// Resolves a spec to an installed toolchain. A missing toolchain is an
    /// [`Error::ToolchainNotInstalled`], which says how to install it.
    pub fn resolve(spec: &Spec) -> Result<Toolchain> {
        let (name, rustc) = match spec {
            Spec::Path(path) => {
                if !path.is_file() {
                    return Err(Error::NoRustcAt { path: path.clone() });
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

    /// The identity for cache keys: release, commit and host, the compiler binaries, and what
    /// the compiles see of the sysroot.
    pub fn identity(&self) -> String {
        format!(
            "{} {} {} {} [{}] [{}]",
            self.release,
            self.commit_hash,
            self.commit_date,
            self.host,
            self.binary_id,
            crate::toolchain::sysroot::POLICY
        )
    }

    /// The identity of the clippy that lints cases, for cache keys: its binary's size and
    /// modification time (it is a build of its own, beside the toolchain's rustc).
    pub fn clippy_identity(&self) -> String {
        self.clippy
            .as_deref()
            .map_or_else(|| "no clippy".to_string(), stamp)
    }

    /// The `rustup` command that installs clippy on this toolchain, for messages.
    pub fn clippy_install_hint(&self) -> String {
        format!(
            "clippy is not installed on toolchain `{0}`; add it with `rustup component add clippy --toolchain {0}`",
            self.name
        )
    }

    /// Like [`Toolchain::command`], but runs the toolchain's `clippy-driver` (a rustc with
    /// clippy's lints registered) on the same sysroot view and in the same environment. An
    /// [`Error::ComponentMissing`] that says how to install clippy when it is not there.
    pub fn clippy_command(&self) -> Result<Command> {
        let clippy = self
            .clippy
            .as_deref()
            .ok_or_else(|| Error::ComponentMissing {
                toolchain: self.name.clone(),
                component: "clippy".into(),
                message: self.clippy_install_hint(),
            })?;
        let mut cmd = bare_command(clippy);
        if !self.view.as_os_str().is_empty() {
            cmd.arg("--sysroot").arg(&self.view);
        }
        Ok(cmd)
    }

    /// Whether this is the toolchain the pinned `.stderr` files belong to.
    pub fn is_pinned(&self) -> bool {
        self.release == pinned() || self.name == pinned()
    }

    /// A command that runs this rustc on the sysroot view, in a known environment: nothing
    /// from the caller's environment reaches rustc but what finding the linker and a temporary
    /// folder needs (`PATH`, `HOME`, `TMPDIR`), so no stray variable (`RUSTC_BOOTSTRAP`,
    /// `RUSTC_LOG`, `CARGO_*` read by `env!`) changes a result behind the cache's back.
    pub fn command(&self) -> Command {
        let mut cmd = bare_command(&self.rustc);
        if !self.view.as_os_str().is_empty() {
            cmd.arg("--sysroot").arg(&self.view);
        }
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
        Error::tool(
            "rustup",
            format!(
                "cannot run rustup to find toolchain `{}`: {e}; pass --rustc PATH instead",
                name.unwrap_or("(active)")
            ),
        )
    })?;
    let path = PathBuf::from(String::from_utf8_lossy(&out.stdout).trim());
    if !out.status.success() || !path.is_file() {
        return Err(Error::ToolchainNotInstalled {
            name: name.unwrap_or("(active)").to_string(),
            baseline: false,
        });
    }
    Ok(path)
}

/// Runs `rustc -vV` and reads the toolchain's identity from it, finds its sysroot and makes
/// the sysroot view every compile uses.
pub fn identify(rustc: &Path) -> Result<Toolchain> {
    let out = bare_command(rustc).arg("-vV").output().map_err(|e| {
        Error::tool(
            rustc.display(),
            format!("cannot run {}: {e}", rustc.display()),
        )
    })?;
    if !out.status.success() {
        return Err(Error::tool(
            rustc.display(),
            format!(
                "`{} -vV` failed: {}",
                rustc.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    let mut toolchain = parse_vv(&String::from_utf8_lossy(&out.stdout))
        .map_err(|e| Error::tool(rustc.display(), format!("`{} -vV` {e}", rustc.display())))?;
    toolchain.rustc = rustc.to_path_buf();
    toolchain.sysroot = crate::toolchain::sysroot::of_rustc(rustc)?;
    toolchain.view = crate::toolchain::sysroot::view(
        &toolchain.sysroot,
        &crate::toolchain::sysroot::default_dir(),
    )?;
    toolchain.binary_id = binary_id(rustc, &toolchain.sysroot);
    toolchain.clippy = rustc
        .parent()
        .map(|bin| bin.join("clippy-driver"))
        .filter(|p| p.is_file());
    Ok(toolchain)
}

/// Reads the output of `rustc -vV`. The error says what is missing.
pub fn parse_vv(text: &str) -> std::result::Result<Toolchain, String> {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    let toolchain = Toolchain {
        release: field("release:"),
        commit_hash: field("commit-hash:"),
        commit_date: field("commit-date:"),
        host: field("host:"),
        ..Toolchain::default()
    };
    if toolchain.release.is_empty() {
        return Err("did not name a release".into());
    }
    if Version::parse(&toolchain.release).is_none() {
        return Err(format!(
            "named `{}` as its release, which is not a version such as 1.80.0",
            toolchain.release
        ));
    }
    Ok(toolchain)
}

/// Size and modification time of the rustc binary and of every `librustc_driver` in the
/// sysroot: enough to tell two builds apart, without hashing 150 MB on every run.
fn binary_id(rustc: &Path, sysroot: &Path) -> String {
    let mut parts = vec![stamp(rustc)];
    if let Ok(dir) = std::fs::read_dir(sysroot.join("lib")) {
        let mut drivers: Vec<PathBuf> = dir
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with("librustc_driver"))
            })
            .collect();
        drivers.sort();
        parts.extend(drivers.iter().map(|d| stamp(d)));
    }
    parts.join(" ")
}

/// A binary's path, size and modification time.
fn stamp(p: &Path) -> String {
    let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    match std::fs::metadata(&p) {
        Ok(m) => {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{}:{mtime}", p.display(), m.len())
        }
        Err(_) => format!("{}:?", p.display()),
    }
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
    fn a_rustc_path_with_no_file_is_its_own_cause() {
        let err = Toolchain::resolve(&Spec::Path("/no/rustc".into())).unwrap_err();
        assert!(
            matches!(&err, Error::NoRustcAt { path } if path.as_os_str() == "/no/rustc"),
            "{err:?}"
        );
    }

    #[test]
    fn a_missing_toolchain_says_how_to_install_it() {
        let err = Toolchain::resolve(&Spec::Rustup("1.2.0".into())).unwrap_err();
        let msg = err.to_string();
        match &err {
            Error::ToolchainNotInstalled { name, baseline } => {
                assert_eq!((name.as_str(), *baseline), ("1.2.0", false));
                assert!(msg.contains("rustup toolchain install 1.2.0"), "{msg}");
            }
            // A machine without rustup: the other cause, with its own advice.
            Error::ToolFailed { tool, .. } if tool == "rustup" => {
                assert!(msg.contains("cannot run rustup"), "{msg}");
            }
            _ => panic!("{err:?}"),
        }
    }
}
