//! Crates for cases: a manifest's dependencies, built once per toolchain with cargo, then handed
//! to every rustc as `--extern name=path` (the way ui_test's dependency builder does it), so that
//! each program is still one rustc and the runner stays at the rustc floor.
//!
//! - The manifest: for the bundled corpus, the package's own `[dev-dependencies]` (trybuild's
//!   generated project inherits the same, so both checkers see the same crates); for any other
//!   folder, the `[dependencies]` and `[dev-dependencies]` of `--manifest PATH`, or of the
//!   `Cargo.toml` in the checked folder. Its `Cargo.lock`, when there is one, is honoured.
//! - Only the dependencies are built: a generated package that depends on them and holds
//!   nothing else, in `target/sendsync/deps/<key>/`, built by the toolchain's own cargo with its
//!   own rustc on the sysroot view (so `rust-src` changes nothing here either).
//! - The key: the toolchain's identity, the generated manifest (the specs and features), the
//!   lock. A build that succeeded leaves `built.json`, so later runs start no cargo at all. A
//!   failed build is never stored: it is an error naming the manifest and the toolchain.

use crate::error::{Error, Result};

#[cfg(test)]
use crate::input::manifest::Sections;
use crate::input::manifest::{manifest, Manifest, Source};
use crate::toolchain::Toolchain;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

mod cargo;
#[cfg(test)]
mod tests;

pub use cargo::*;

/// Bumped whenever the generated package or what `built.json` holds changes shape.
const SCHEMA: &str = "sendsync-deps-v2";

/// Built dependencies: what rustc needs to compile a program against them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Built {
    /// `--extern` name to the library file (an `.rlib`, or a proc-macro's shared library).
    pub(crate) externs: BTreeMap<String, PathBuf>,
    /// The folders of the dependencies' artifacts (`-L dependency=`): one, or for a build for
    /// another target (Miri's) the target's and the host's, where proc macros lie.
    pub(crate) deps_dirs: Vec<PathBuf>,
    /// What identifies this build in result-cache keys.
    pub(crate) key: String,
}

impl Built {
    /// rustc's arguments for a program that uses `crates` (all of them when empty is not
    /// meant: the caller names them). A crate the manifest does not provide is `Err(name)`.
    pub(crate) fn args(&self, crates: &[String]) -> std::result::Result<Vec<String>, String> {
        let mut args = Vec::new();
        for dir in &self.deps_dirs {
            args.push("-L".to_string());
            args.push(format!("dependency={}", dir.display()));
        }
        for name in crates {
            let file = self.externs.get(name).ok_or_else(|| name.clone())?;
            args.push("--extern".into());
            args.push(format!("{name}={}", file.display()));
        }
        Ok(args)
    }
}

/// The compiler's arguments for the crates `case` uses, built by `builder`: `-L dependency=…`
/// and an `--extern` each; none for a case that uses no crate. No manifest, or a crate the
/// build does not provide, is an error naming the case.
pub fn crate_args(builder: Builder, case: &crate::input::case::Case) -> Result<Vec<String>> {
    if case.crates.is_empty() {
        return Ok(vec![]);
    }
    let Some(source) = &case.deps else {
        return Err(Error::input(
            &case.path,
            None,
            format!(
                "the program uses the crates {} but no manifest provides them: put a Cargo.toml in its folder, or give --manifest",
                case.crates.join(", ")
            ),
        ));
    };
    let built = build_with(builder, source)?;
    built.args(&case.crates).map_err(|missing| {
        Error::input(
            &case.path,
            None,
            format!(
                "`{missing}` was not built from {}: it is not a library dependency there",
                source.manifest.display()
            ),
        )
    })
}

/// The key of `manifest`'s build with `toolchain`.
pub(crate) fn key(toolchain: &Toolchain, manifest: &Manifest) -> String {
    let mut h = Sha256::new();
    for part in [
        SCHEMA,
        &toolchain.identity(),
        &manifest.generated(),
        manifest.lock.as_deref().unwrap_or("no lock"),
    ] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

type BuildSlot = Arc<OnceLock<Result<Built>>>;

/// The builds made (or found) so far in this process, by key: the cases of one run that use
/// the same crates on the same toolchain wait for one build.
fn builds() -> &'static Mutex<HashMap<String, BuildSlot>> {
    static BUILDS: OnceLock<Mutex<HashMap<String, BuildSlot>>> = OnceLock::new();
    BUILDS.get_or_init(Default::default)
}

/// What builds the dependencies: the toolchain's cargo and rustc, for programs that rustc
/// compiles; or `cargo miri`, for programs that Miri runs (Miri needs every crate built by
/// itself, against its own sysroot).
#[derive(Clone, Copy)]
pub enum Builder<'a> {
    Rustc(&'a Toolchain),
    Miri {
        toolchain: &'a Toolchain,
        /// The prepared Miri sysroot (`MIRI_SYSROOT`).
        sysroot: &'a Path,
    },
}

impl Builder<'_> {
    fn toolchain(&self) -> &Toolchain {
        match self {
            Builder::Rustc(t) | Builder::Miri { toolchain: t, .. } => t,
        }
    }

    /// What tells this builder's builds apart, beside the toolchain's identity.
    fn identity(&self) -> String {
        match self {
            Builder::Rustc(_) => String::new(),
            Builder::Miri { sysroot, .. } => format!("miri {}", sysroot.display()),
        }
    }
}

/// The key of `manifest`'s build by `builder`.
pub(crate) fn key_with(builder: Builder, manifest: &Manifest) -> String {
    let base = key(builder.toolchain(), manifest);
    match builder {
        Builder::Rustc(_) => base,
        Builder::Miri { .. } => {
            let mut h = Sha256::new();
            h.update(base.as_bytes());
            h.update([0u8]);
            h.update(builder.identity().as_bytes());
            h.finalize().iter().map(|b| format!("{b:02x}")).collect()
        }
    }
}

/// `source`'s dependencies built with `toolchain`: from this process's earlier build, from
/// `built.json` of an earlier run, or built now with cargo.
pub fn build(toolchain: &Toolchain, source: &Source) -> Result<Built> {
    build_with(Builder::Rustc(toolchain), source)
}

/// [`build`] by any [`Builder`]. A failure is kept for the rest of this process, so the cases
/// of one run wait for one attempt, and never on disk.
pub(crate) fn build_with(builder: Builder, source: &Source) -> Result<Built> {
    let manifest = manifest(source)?;
    let key = key_with(builder, &manifest);
    let slot = {
        let mut builds = builds().lock().unwrap_or_else(|e| e.into_inner());
        builds.entry(key.clone()).or_default().clone()
    };
    slot.get_or_init(|| build_once(builder, &manifest, &key))
        .clone()
}

/// Why dependencies could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A crate failed to compile with this toolchain (too old for it, say): the history
    /// records its cases as not applicable there.
    DoesNotBuild(String),
    /// Anything else: a manifest that does not resolve, a registry out of reach, a missing
    /// cargo. Never recorded: the next run tries again.
    Other(String),
}

/// [`build_with`], saying whether a failure is the crates' own (they do not compile with this
/// toolchain: [`Error::CratesDoNotBuild`]) or the setup's.
pub(crate) fn try_build(builder: Builder, source: &Source) -> std::result::Result<Built, Failure> {
    build_with(builder, source).map_err(failure_of)
}

fn failure_of(e: Error) -> Failure {
    match e {
        Error::CratesDoNotBuild { message, .. } => Failure::DoesNotBuild(message),
        e => Failure::Other(e.to_string()),
    }
}
