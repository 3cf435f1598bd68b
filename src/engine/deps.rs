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

/// Bumped whenever the generated package or what `built.json` holds changes shape.
const SCHEMA: &str = "sendsync-deps-v2";

/// Built dependencies: what rustc needs to compile a program against them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Built {
    /// `--extern` name to the library file (an `.rlib`, or a proc-macro's shared library).
    pub externs: BTreeMap<String, PathBuf>,
    /// The folders of the dependencies' artifacts (`-L dependency=`): one, or for a build for
    /// another target (Miri's) the target's and the host's, where proc macros lie.
    pub deps_dirs: Vec<PathBuf>,
    /// What identifies this build in result-cache keys.
    pub key: String,
}

impl Built {
    /// rustc's arguments for a program that uses `crates` (all of them when empty is not
    /// meant: the caller names them). A crate the manifest does not provide is `Err(name)`.
    pub fn args(&self, crates: &[String]) -> std::result::Result<Vec<String>, String> {
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
pub fn key(toolchain: &Toolchain, manifest: &Manifest) -> String {
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
pub fn key_with(builder: Builder, manifest: &Manifest) -> String {
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
pub fn build_with(builder: Builder, source: &Source) -> Result<Built> {
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
pub fn try_build(builder: Builder, source: &Source) -> std::result::Result<Built, Failure> {
    build_with(builder, source).map_err(|e| match e {
        Error::CratesDoNotBuild { message, .. } => Failure::DoesNotBuild(message),
        e => Failure::Other(e.to_string()),
    })
}

fn build_once(builder: Builder, manifest: &Manifest, key: &str) -> Result<Built> {
    let toolchain = builder.toolchain();
    let dir = crate::paths::target_dir()
        .join("sendsync/deps")
        .join(&key[..16]);
    let record = dir.join("built.json");
    if let Some(built) = std::fs::read(&record)
        .ok()
        .and_then(|b| serde_json::from_slice::<Built>(&b).ok())
        .filter(|b| b.key == key && b.externs.values().all(|f| f.is_file()))
    {
        return Ok(built);
    }
    let project = dir.join("project");
    std::fs::create_dir_all(&project).map_err(|e| Error::io(&project, e))?;
    crate::fs::write_atomic(&project.join("Cargo.toml"), manifest.generated().as_bytes())?;
    crate::fs::write_atomic(&project.join("lib.rs"), b"")?;
    let cargo = cargo_of(toolchain)?;
    let lock_path = project.join("Cargo.lock");
    match &manifest.lock {
        Some(lock) => crate::fs::write_atomic(&lock_path, lock_for(lock, toolchain).as_bytes())?,
        None => {
            let _ = std::fs::remove_file(&lock_path);
        }
    }
    let target = dir.join("target");
    let what = format!(
        "building the crates of {} with {}{}",
        manifest.source.manifest.display(),
        toolchain.name,
        if matches!(builder, Builder::Miri { .. }) {
            " for Miri (cargo miri test --no-run)"
        } else {
            ""
        }
    );
    let mut cmd = match builder {
        Builder::Rustc(_) => {
            let mut cmd = crate::toolchain::process::bare_command(&cargo);
            let mut flags = std::ffi::OsString::new();
            if !toolchain.view.as_os_str().is_empty() {
                flags.push("--sysroot\x1f");
                flags.push(&toolchain.view);
            }
            cmd.args(["build", "--lib", "--message-format=json-render-diagnostics"])
                .env("RUSTC", &toolchain.rustc)
                .env("CARGO_ENCODED_RUSTFLAGS", flags);
            cmd
        }
        Builder::Miri { sysroot, .. } => {
            let bin = toolchain.sysroot.join("bin");
            let mut cmd = crate::toolchain::process::bare_command(&bin.join("cargo-miri"));
            let path = crate::toolchain::process::path_with_bin_first(&bin)?;
            cmd.args([
                "miri",
                "test",
                "--no-run",
                "--lib",
                "--message-format=json-render-diagnostics",
            ])
            .env("PATH", path)
            .env("MIRI_SYSROOT", sysroot)
            .env("RUSTUP_AUTO_INSTALL", "0");
            cmd
        }
    };
    pass_cargo_environment(&mut cmd);
    cmd.env("CARGO_TARGET_DIR", &target)
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_TERM_COLOR", "never")
        .current_dir(&project);
    let log = dir.join("cargo.json");
    let limit = std::time::Duration::from_secs(1200);
    let done = crate::toolchain::process::run(
        &mut cmd,
        crate::toolchain::process::Output::File(&log),
        crate::toolchain::process::Bounds {
            time: limit,
            memory: None,
        },
    )?;
    let text = std::fs::read_to_string(&log).map_err(|e| Error::io(&log, e))?;
    if done.timed_out || !done.status.is_some_and(|s| s.success()) {
        let message = format!(
            "{what} failed{}:\n{}",
            if done.timed_out { " (timed out)" } else { "" },
            failure_lines(&text)
        );
        // A crate that rustc rejected is the crates' own failure on this toolchain; anything
        // else, cargo's (a registry out of reach, say).
        return Err(if done.timed_out {
            Error::TimedOut {
                what,
                after: limit,
                message,
            }
        } else if has_compile_error(&text) {
            Error::CratesDoNotBuild {
                manifest: manifest.source.manifest.clone(),
                toolchain: toolchain.name.clone(),
                message,
            }
        } else {
            Error::tool(cmd.get_program().to_string_lossy(), message)
        });
    }
    let direct = direct_dependencies(&cargo, &toolchain.host, &project, &target)?;
    let mut externs = BTreeMap::new();
    let mut deps_dirs = std::collections::BTreeSet::new();
    for line in text.lines() {
        let Ok(msg) = serde_json::from_str::<Message>(line) else {
            continue;
        };
        if msg.reason != "compiler-artifact" {
            continue;
        }
        for file in &msg.filenames {
            if let Some(parent) = file.parent() {
                deps_dirs.insert(parent.to_path_buf());
            }
        }
        let Some(name) = direct.get(&msg.package_id) else {
            continue;
        };
        let kinds = &msg.target.kind;
        if !kinds
            .iter()
            .any(|k| k == "lib" || k == "rlib" || k == "proc-macro")
        {
            continue;
        }
        let file = msg
            .filenames
            .iter()
            .find(|f| {
                let ext = f.extension().and_then(|e| e.to_str());
                ext == Some("rlib")
                    || (kinds.iter().any(|k| k == "proc-macro") && ext == Some("so"))
            })
            .cloned();
        if let Some(file) = file {
            externs.insert(name.clone(), file);
        }
    }
    let built = Built {
        externs,
        deps_dirs: deps_dirs.into_iter().collect(),
        key: key.to_string(),
    };
    let json = serde_json::to_vec_pretty(&built).expect("plain data serializes");
    crate::fs::write_atomic(&record, &json)?;
    Ok(built)
}

/// The toolchain's own cargo, beside its rustc.
fn cargo_of(toolchain: &Toolchain) -> Result<PathBuf> {
    let cargo = toolchain.rustc.with_file_name("cargo");
    if cargo.is_file() {
        Ok(cargo)
    } else {
        Err(Error::ComponentMissing {
            toolchain: toolchain.name.clone(),
            component: "cargo".into(),
            message: format!(
                "no cargo beside {}: cases that use crates build them with the toolchain's own cargo",
                toolchain.rustc.display()
            ),
        })
    }
}

/// A lock that the toolchain's cargo can read: cargo before 1.78 knows lock files up to
/// version 3, which differs from 4 only in how git URLs are encoded.
fn lock_for(lock: &str, toolchain: &Toolchain) -> String {
    let v = toolchain.version();
    if v < crate::toolchain::Version::new(1, 78, 0) && lock.contains("\nversion = 4\n") {
        lock.replacen("\nversion = 4\n", "\nversion = 3\n", 1)
    } else {
        lock.to_string()
    }
}

/// What cargo needs from the caller's environment to reach its registry and its cache.
fn pass_cargo_environment(cmd: &mut std::process::Command) {
    for (name, value) in std::env::vars_os() {
        let Some(n) = name.to_str() else { continue };
        let wanted = n == "CARGO_HOME"
            || n.starts_with("CARGO_NET_")
            || n.starts_with("CARGO_HTTP_")
            || n.starts_with("CARGO_REGISTR")
            || n.starts_with("CARGO_SOURCE_")
            || matches!(
                n,
                "HTTP_PROXY"
                    | "HTTPS_PROXY"
                    | "http_proxy"
                    | "https_proxy"
                    | "NO_PROXY"
                    | "no_proxy"
                    | "SSL_CERT_FILE"
                    | "SSL_CERT_DIR"
            );
        if wanted {
            cmd.env(&name, &value);
        }
    }
}

/// Whether rustc rejected a crate: an error among cargo's `compiler-message`s.
fn has_compile_error(text: &str) -> bool {
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .any(|v| {
            v.get("reason").and_then(|r| r.as_str()) == Some("compiler-message")
                && v.pointer("/message/level").and_then(|l| l.as_str()) == Some("error")
        })
}

/// The last lines of what cargo said: its errors (rendered in the JSON stream) and plain text.
fn failure_lines(text: &str) -> String {
    let mut lines = Vec::new();
    for line in text.lines() {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => {
                if let Some(r) = v.pointer("/message/rendered").and_then(|r| r.as_str()) {
                    if v.pointer("/message/level").and_then(|l| l.as_str()) == Some("error") {
                        lines.extend(r.lines().map(str::to_string));
                    }
                }
            }
            Err(_) => lines.push(line.to_string()),
        }
    }
    let tail: Vec<String> = lines
        .into_iter()
        .filter(|l| !l.trim().is_empty())
        .rev()
        .take(20)
        .collect();
    tail.into_iter().rev().collect::<Vec<_>>().join("\n")
}

#[derive(Deserialize)]
struct Message {
    reason: String,
    #[serde(default)]
    package_id: String,
    #[serde(default)]
    target: Target,
    #[serde(default)]
    filenames: Vec<PathBuf>,
}

#[derive(Deserialize, Default)]
struct Target {
    #[serde(default)]
    kind: Vec<String>,
}

/// The generated package's direct dependencies: package id to the name its code uses for it
/// (renames and `-` to `_` applied by cargo), from `cargo metadata`.
fn direct_dependencies(
    cargo: &Path,
    host: &str,
    project: &Path,
    target: &Path,
) -> Result<HashMap<String, String>> {
    let mut cmd = crate::toolchain::process::bare_command(cargo);
    pass_cargo_environment(&mut cmd);
    // Offline, and for the host only: the build has fetched every package it needs, and
    // other platforms' packages (windows-sys, …) were never downloaded.
    let out = cmd
        .args([
            "metadata",
            "--format-version",
            "1",
            "--offline",
            "--filter-platform",
            host,
        ])
        .env("CARGO_TARGET_DIR", target)
        .current_dir(project)
        .output()
        .map_err(|e| {
            Error::tool(
                cargo.display(),
                format!("cannot run {}: {e}", cargo.display()),
            )
        })?;
    if !out.status.success() {
        return Err(Error::tool(
            cargo.display(),
            format!(
                "cargo metadata failed in {}: {}",
                project.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| Error::tool(cargo.display(), format!("cargo metadata gave no JSON: {e}")))?;
    let root = meta
        .pointer("/resolve/root")
        .and_then(|r| r.as_str())
        .unwrap_or_default();
    let mut direct = HashMap::new();
    for node in meta
        .pointer("/resolve/nodes")
        .and_then(|n| n.as_array())
        .into_iter()
        .flatten()
    {
        if node.get("id").and_then(|i| i.as_str()) != Some(root) {
            continue;
        }
        for dep in node
            .get("deps")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
        {
            if let (Some(name), Some(pkg)) = (
                dep.get("name").and_then(|n| n.as_str()),
                dep.get("pkg").and_then(|p| p.as_str()),
            ) {
                direct.insert(pkg.to_string(), name.to_string());
            }
        }
    }
    Ok(direct)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(dir: &Path, text: &str, sections: Sections) -> Source {
        std::fs::write(dir.join("Cargo.toml"), text).unwrap();
        Source {
            manifest: dir.join("Cargo.toml"),
            sections,
        }
    }

    #[test]
    fn old_cargo_reads_a_version_4_lock_as_version_3() {
        let lock = "# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4\n\n[[package]]\nname = \"a\"\n";
        let tc = |release: &str| Toolchain {
            release: release.into(),
            ..Toolchain::default()
        };
        assert!(lock_for(lock, &tc("1.70.0")).contains("\nversion = 3\n"));
        assert_eq!(lock_for(lock, &tc("1.95.0")), lock);
    }

    #[test]
    fn the_key_follows_the_specs_and_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let tc = Toolchain::default();
        let a = Manifest::read(&source(
            dir.path(),
            "[dependencies]\ntokio = \"1\"\n",
            Sections::All,
        ))
        .unwrap();
        let b = Manifest::read(&source(
            dir.path(),
            "[dependencies]\ntokio = { version = \"1\", features = [\"rt\"] }\n",
            Sections::All,
        ))
        .unwrap();
        assert_ne!(key(&tc, &a), key(&tc, &b));
        let mut c = a.clone();
        c.lock = Some("version = 4\n".into());
        assert_ne!(key(&tc, &a), key(&tc, &c));
        assert_eq!(key(&tc, &a), key(&tc, &a.clone()));
    }
}
