//! Building the generated package with cargo (or cargo miri), and reading what it built from its JSON.

use super::*;

pub(super) fn build_once(builder: Builder, manifest: &Manifest, key: &str) -> Result<Built> {
    let toolchain = builder.toolchain();
    let dir = crate::paths::target_dir()
        .join("sendsync/deps")
        .join(&key[..16]);
    let record = dir.join("built.json");
    if let Some(built) = recorded(&record, key) {
        return Ok(built);
    }
    let project = dir.join("project");
    write_project(&project, manifest)?;
    let cargo = cargo_of(toolchain)?;
    write_lock(&project, manifest, toolchain)?;
    let target = dir.join("target");
    let what = describe(builder, manifest, toolchain);
    let mut cmd = cargo_command(builder, &cargo, &project, &target)?;
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
        let program = cmd.get_program().to_string_lossy();
        return Err(build_failure(
            &done, what, &text, limit, manifest, toolchain, program,
        ));
    }
    let direct = direct_dependencies(&cargo, &toolchain.host, &project, &target)?;
    let (externs, deps_dirs) = artifacts(&text, &direct);
    let built = Built {
        externs,
        deps_dirs: deps_dirs.into_iter().collect(),
        key: key.to_string(),
    };
    let json = serde_json::to_vec_pretty(&built).expect("plain data serializes");
    crate::fs::write_atomic(&record, &json)?;
    Ok(built)
}

/// The build recorded for `key`, when its crates are still there.
fn recorded(record: &Path, key: &str) -> Option<Built> {
    std::fs::read(record)
        .ok()
        .and_then(|b| serde_json::from_slice::<Built>(&b).ok())
        .filter(|b| b.key == key && b.externs.values().all(|f| f.is_file()))
}

/// The generated package: its manifest and an empty library.
fn write_project(project: &Path, manifest: &Manifest) -> Result<()> {
    std::fs::create_dir_all(project).map_err(|e| Error::io(project, e))?;
    crate::fs::write_atomic(&project.join("Cargo.toml"), manifest.generated().as_bytes())?;
    crate::fs::write_atomic(&project.join("lib.rs"), b"")
}

/// The package's `Cargo.lock`: the manifest's own lock (as this toolchain's cargo reads it),
/// or none, for cargo to resolve.
fn write_lock(project: &Path, manifest: &Manifest, toolchain: &Toolchain) -> Result<()> {
    let lock_path = project.join("Cargo.lock");
    match &manifest.lock {
        Some(lock) => crate::fs::write_atomic(&lock_path, lock_for(lock, toolchain).as_bytes())?,
        None => {
            let _ = std::fs::remove_file(&lock_path);
        }
    }
    Ok(())
}

/// What the build is, for its errors.
fn describe(builder: Builder, manifest: &Manifest, toolchain: &Toolchain) -> String {
    format!(
        "building the crates of {} with {}{}",
        manifest.source.manifest.display(),
        toolchain.name,
        if matches!(builder, Builder::Miri { .. }) {
            " for Miri (cargo miri test --no-run)"
        } else {
            ""
        }
    )
}

/// `cargo build` (or `cargo miri test --no-run`) of the package in `project` into `target`.
fn cargo_command(
    builder: Builder,
    cargo: &Path,
    project: &Path,
    target: &Path,
) -> Result<std::process::Command> {
    let toolchain = builder.toolchain();
    let mut cmd = match builder {
        Builder::Rustc(_) => {
            let mut cmd = crate::toolchain::process::bare_command(cargo);
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
    cmd.env("CARGO_TARGET_DIR", target)
        .env("CARGO_INCREMENTAL", "0")
        .env("CARGO_PROFILE_DEV_DEBUG", "0")
        .env("CARGO_TERM_COLOR", "never")
        .current_dir(project);
    Ok(cmd)
}

/// The error for a build that failed or timed out. A crate that rustc rejected is the crates'
/// own failure on this toolchain; anything else, cargo's (a registry out of reach, say).
fn build_failure(
    done: &crate::toolchain::process::Finished,
    what: String,
    text: &str,
    limit: std::time::Duration,
    manifest: &Manifest,
    toolchain: &Toolchain,
    program: std::borrow::Cow<'_, str>,
) -> Error {
    let message = format!(
        "{what} failed{}:\n{}",
        if done.timed_out { " (timed out)" } else { "" },
        failure_lines(text)
    );
    if done.timed_out {
        Error::TimedOut {
            what,
            after: limit,
            message,
        }
    } else if has_compile_error(text) {
        Error::CratesDoNotBuild {
            manifest: manifest.source.manifest.clone(),
            toolchain: toolchain.name.clone(),
            message,
        }
    } else {
        Error::tool(program, message)
    }
}

/// What cargo's JSON says it built: the direct dependencies' libraries (`--extern` names to
/// their files) and every folder an artifact lies in (for `-L dependency=`).
fn artifacts(
    text: &str,
    direct: &HashMap<String, String>,
) -> (
    BTreeMap<String, PathBuf>,
    std::collections::BTreeSet<PathBuf>,
) {
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
    (externs, deps_dirs)
}

/// The toolchain's own cargo, beside its rustc.
pub(super) fn cargo_of(toolchain: &Toolchain) -> Result<PathBuf> {
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
pub(super) fn lock_for(lock: &str, toolchain: &Toolchain) -> String {
    let v = toolchain.version();
    if v < crate::toolchain::Version::new(1, 78, 0) && lock.contains("\nversion = 4\n") {
        lock.replacen("\nversion = 4\n", "\nversion = 3\n", 1)
    } else {
        lock.to_string()
    }
}

/// What cargo needs from the caller's environment to reach its registry and its cache.
pub(super) fn pass_cargo_environment(cmd: &mut std::process::Command) {
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

/// Whether the crates themselves do not build with this toolchain: rustc rejected one (an
/// error among cargo's `compiler-message`s, or, as `--message-format=json-render-diagnostics`
/// renders rustc's messages as text, cargo's own "could not compile" line), or cargo refused one
/// for its `rust-version`. Anything else (a registry out of reach, a manifest that does not
/// resolve) is the setup's failure, never recorded.
pub(super) fn has_compile_error(text: &str) -> bool {
    text.lines()
        .any(|l| match serde_json::from_str::<serde_json::Value>(l) {
            Ok(v) => {
                v.get("reason").and_then(|r| r.as_str()) == Some("compiler-message")
                    && v.pointer("/message/level").and_then(|l| l.as_str()) == Some("error")
            }
            Err(_) => {
                let l = l.trim_start();
                l.starts_with("error: could not compile `")
                    || (l.starts_with("error: package `")
                        && l.contains("cannot be built because it requires rustc"))
                    || (l.starts_with("error: rustc ")
                        && l.contains("is not supported by the following package"))
            }
        })
}

/// The last lines of what cargo said: its errors (rendered in the JSON stream) and plain text.
pub(super) fn failure_lines(text: &str) -> String {
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
pub(super) struct Message {
    reason: String,
    #[serde(default)]
    package_id: String,
    #[serde(default)]
    target: Target,
    #[serde(default)]
    filenames: Vec<PathBuf>,
}

#[derive(Deserialize, Default)]
pub(super) struct Target {
    #[serde(default)]
    kind: Vec<String>,
}

/// The generated package's direct dependencies: package id to the name its code uses for it
/// (renames and `-` to `_` applied by cargo), from `cargo metadata`.
pub(super) fn direct_dependencies(
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

// A crate's own UI tests (`crate::uitest`, issue 28), kept apart from the rest of this file.

/// [`try_build`] for a package the caller made (`crate::uitest`'s: a crate by `path` and its
/// dev-dependencies). The key does not cover the crate's sources, which change under it, so no
/// earlier `built.json` is trusted: cargo, whose freshness check is cheap, runs once a process.
pub fn try_build_fresh(
    builder: Builder,
    manifest: &Manifest,
) -> std::result::Result<Built, Failure> {
    let key = key_with(builder, manifest);
    let slot = {
        let mut builds = builds().lock().unwrap_or_else(|e| e.into_inner());
        builds.entry(format!("fresh {key}")).or_default().clone()
    };
    slot.get_or_init(|| {
        let record = crate::paths::target_dir()
            .join("sendsync/deps")
            .join(&key[..16])
            .join("built.json");
        let _ = std::fs::remove_file(record);
        build_once(builder, manifest, &key)
    })
    .clone()
    .map_err(failure_of)
}
