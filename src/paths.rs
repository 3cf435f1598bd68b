//! Where sendsync reads and writes: every path it decides lives here, so that the modules that
//! use them (corpus, history, cache, sysroot views, reports) depend on this one and not on
//! each other.
//!
//! Environment variables point the writable places elsewhere (for tests, and for users who
//! keep build output apart): `CARGO_TARGET_DIR`, `SENDSYNC_CACHE_DIR`, `SENDSYNC_SYSROOT_DIR`,
//! `SENDSYNC_HISTORY_DIR`.

use std::path::{Path, PathBuf};

/// The package root: what paths in pinned output are relative to.
pub fn package_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled corpus, beside this package's manifest.
pub fn bundled_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("cases")
}

/// The committed history folder.
pub fn history_root() -> PathBuf {
    if let Some(dir) = std::env::var_os("SENDSYNC_HISTORY_DIR") {
        return PathBuf::from(dir);
    }
    package_root().join("history")
}

/// Cargo's target folder: `CARGO_TARGET_DIR`, else the package's `target/`.
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| package_root().join("target"))
}

/// The result cache.
pub fn cache_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SENDSYNC_CACHE_DIR") {
        return PathBuf::from(dir);
    }
    target_dir().join("sendsync").join("cache")
}

/// Where sysroot views are kept.
pub(crate) fn sysroot_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("SENDSYNC_SYSROOT_DIR") {
        return PathBuf::from(dir);
    }
    target_dir().join("sendsync").join("sysroot")
}

/// The HTML report of the last `check` on a toolchain (its name made safe for a file name).
pub fn check_report(toolchain: &str) -> PathBuf {
    let safe: String = toolchain
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    target_dir()
        .join("sendsync")
        .join(format!("check-{safe}.html"))
}
