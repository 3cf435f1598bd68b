//! Sysroot views: what rustc sees of its toolchain, made the same on every machine.
//!
//! rustc renders what it says about std differently when the optional `rust-src` component is
//! installed: it shows std's source lines under a note (`| F: Send + 'static,`), spells std's
//! paths as `…/lib/rustlib/src/rust/library/…` instead of `/rustc/<hash>/library/…`, and even
//! adds notes it otherwise leaves out (`note: deref defined here`). A pin made on one machine
//! would then break on the next, depending on what rust-analyzer happened to ask rustup for.
//!
//! So every compile runs with `--sysroot VIEW`, where the view is a folder of symbolic links to
//! the toolchain's own sysroot that leaves out the std sources (`lib/rustlib/src` and
//! `lib/rustlib/rustc-src`). rustc finds std's libraries, its linker and everything else through
//! the links, but never the sources, whether or not they are installed. The view is made once
//! per sysroot and per set of installed components, atomically, so parallel compiles and
//! concurrent runs can share it.
//!
//! Why hide the sources rather than require them (`components = ["rust-src"]` in
//! `rust-toolchain.toml`)? Requiring them would hold only for the pinned toolchain: the history
//! tracks 27 toolchains, and a developer who removes the component, or a toolchain installed
//! with `--profile minimal`, would see every pin break again. Hiding them is one rule that
//! holds for every toolchain and every machine, and needs nothing installed.

use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Entries of `lib/rustlib` that a view leaves out: std's sources and the compiler's.
const HIDDEN: [&str; 2] = ["src", "rustc-src"];

/// Summarizes the view policy for cache keys: a change here must invalidate cached results.
pub const POLICY: &str = "sysroot-view: lib/rustlib/{src,rustc-src} hidden";

/// Where views are kept: `SENDSYNC_SYSROOT_DIR`, else `<target>/sendsync/sysroot`.
pub fn default_dir() -> PathBuf {
    crate::paths::sysroot_dir()
}

/// Whether a sysroot has std's sources installed (the `rust-src` component).
pub fn has_std_sources(sysroot: &Path) -> bool {
    sysroot
        .join("lib/rustlib/src/rust/library/std/src/lib.rs")
        .is_file()
}

/// The entries a view of `sysroot` links to: every entry of `lib/` but `rustlib`, and every
/// entry of `lib/rustlib/` but the hidden ones, as paths relative to the view, sorted.
fn entries(sysroot: &Path) -> Result<Vec<PathBuf>> {
    let list = |dir: &Path| -> Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        Ok(names)
    };
    let lib = sysroot.join("lib");
    let mut out = Vec::new();
    for name in list(&lib)? {
        if name != "rustlib" {
            out.push(Path::new("lib").join(name));
        }
    }
    let rustlib = lib.join("rustlib");
    if rustlib.is_dir() {
        for name in list(&rustlib)? {
            if !HIDDEN.contains(&name.as_str()) {
                out.push(Path::new("lib/rustlib").join(name));
            }
        }
    }
    if sysroot.join("bin").is_dir() {
        out.push(PathBuf::from("bin"));
    }
    Ok(out)
}

/// The view of `sysroot` under `dir`, made if it is not there yet. Its name hashes the sysroot's
/// path and the entries it shows, so adding a target or a component (other than the hidden
/// ones) gives a new view, while adding or removing `rust-src` does not.
pub fn view(sysroot: &Path, dir: &Path) -> Result<PathBuf> {
    let sysroot = std::path::absolute(sysroot).map_err(|e| Error::io(sysroot, e))?;
    let entries = entries(&sysroot)?;
    let mut h = Sha256::new();
    h.update(POLICY.as_bytes());
    h.update(sysroot.as_os_str().as_encoded_bytes());
    for e in &entries {
        h.update([0]);
        h.update(e.as_os_str().as_encoded_bytes());
    }
    let hash: String = h.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let name = sysroot
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let view = dir.join(format!("{name}-{hash}"));
    if view.join("lib").is_dir() {
        return Ok(view);
    }
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    // Built beside its final place and renamed into it: a reader sees a whole view or none.
    let tmp = tempfile::Builder::new()
        .prefix(".view-")
        .tempdir_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    std::fs::create_dir_all(tmp.path().join("lib/rustlib"))
        .map_err(|e| Error::io(tmp.path(), e))?;
    for e in &entries {
        let link = tmp.path().join(e);
        std::os::unix::fs::symlink(sysroot.join(e), &link).map_err(|err| Error::io(&link, err))?;
    }
    let built = tmp.keep();
    if let Err(e) = std::fs::rename(&built, &view) {
        let _ = std::fs::remove_dir_all(&built);
        // Another process made the same view first: use it.
        if !view.join("lib").is_dir() {
            return Err(Error::io(&view, e));
        }
    }
    Ok(view)
}

/// Asks a rustc where its sysroot is.
pub fn of_rustc(rustc: &Path) -> Result<PathBuf> {
    let out = crate::toolchain::process::bare_command(rustc)
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| {
            Error::tool(
                rustc.display(),
                format!("cannot run {}: {e}", rustc.display()),
            )
        })?;
    let text = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || text.is_empty() {
        return Err(Error::tool(
            rustc.display(),
            format!(
                "`{} --print sysroot` failed: {}",
                rustc.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        ));
    }
    Ok(PathBuf::from(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_sysroot(with_src: bool) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for d in [
            "bin",
            "lib/rustlib/x86_64-unknown-linux-gnu/lib",
            "lib/rustlib/etc",
        ] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        std::fs::write(root.join("lib/librustc_driver-x.so"), b"").unwrap();
        if with_src {
            std::fs::create_dir_all(root.join("lib/rustlib/src/rust/library/std/src")).unwrap();
            std::fs::write(
                root.join("lib/rustlib/src/rust/library/std/src/lib.rs"),
                b"",
            )
            .unwrap();
        }
        dir
    }

    #[test]
    fn a_view_shows_everything_but_the_sources() {
        let sysroot = fake_sysroot(true);
        assert!(has_std_sources(sysroot.path()));
        let dir = tempfile::tempdir().unwrap();
        let view = view(sysroot.path(), dir.path()).unwrap();
        assert!(view
            .join("lib/rustlib/x86_64-unknown-linux-gnu/lib")
            .is_dir());
        assert!(view.join("lib/librustc_driver-x.so").is_file());
        assert!(view.join("bin").is_dir());
        assert!(!view.join("lib/rustlib/src").exists());
        assert!(!has_std_sources(&view));
        // Made once: asking again gives the same folder.
        assert_eq!(super::view(sysroot.path(), dir.path()).unwrap(), view);
    }

    #[test]
    fn sources_do_not_change_the_view_but_targets_do() {
        let dir = tempfile::tempdir().unwrap();
        let with = fake_sysroot(true);
        let a = view(with.path(), dir.path()).unwrap();
        std::fs::remove_dir_all(with.path().join("lib/rustlib/src")).unwrap();
        assert_eq!(view(with.path(), dir.path()).unwrap(), a);
        std::fs::create_dir_all(with.path().join("lib/rustlib/wasm32-unknown-unknown")).unwrap();
        let b = view(with.path(), dir.path()).unwrap();
        assert_ne!(a, b);
        assert!(b.join("lib/rustlib/wasm32-unknown-unknown").is_dir());
    }
}
