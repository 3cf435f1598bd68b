//! What a toolchain's host is, for compiletest's `only-*`, `ignore-*` and `needs-*` lines.
//!
//! The host is the target triple on the `host:` line of the toolchain's `rustc -vV` (the
//! compiles here are host compiles: no `--target`). The condition names and the reasons
//! follow compiletest's own (`src/tools/compiletest/src/directives/cfg.rs` and
//! `directives/needs.rs` in rust-lang/rust): the triple, architecture, operating system,
//! environment, `<os>-<env>`, ABI, pointer width (`64bit`), family (`unix`), `apple`, `elf`,
//! the release channel, `endian-big`, and `test` (always true, so `ignore-test` always
//! ignores). A name none of these is matches nothing.
//!
//! The folder, by job: `triple.rs` reads a triple into rustc's cfg names; `condition.rs` answers
//! `only-*` and `ignore-*`; `needs.rs` answers `needs-*`.

mod condition;
mod needs;
mod triple;

use crate::toolchain::Toolchain;
use std::path::PathBuf;

/// A host as compiletest's directives ask about it. The triple and the pointer width are read
/// outside (the reasons name the triple, the pointer width picks a `.stderr`); the rest is
/// only asked through [`Host::condition`] and [`Host::needs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Host {
    pub triple: String,
    /// rustc's `target_arch`: `x86_64`, `x86` (for i686), `aarch64`, `arm`, ...
    arch: String,
    os: String,
    env: String,
    abi: String,
    family: &'static str,
    pub pointer_width: u32,
    big_endian: bool,
    /// `stable`, `beta` or `nightly` (a local `-dev` build counts as nightly, as in compiletest).
    channel: &'static str,
    /// The toolchain's sysroot, where `needs-rust-lld` and `needs-profiler-runtime` look.
    sysroot: PathBuf,
    /// Whether `rustc -vV` names a commit (`needs-git-hash`).
    git_hash: bool,
}

impl Host {
    pub fn of(toolchain: &Toolchain) -> Host {
        let mut host = Host::from_triple(&toolchain.host, &toolchain.release);
        host.sysroot = toolchain.sysroot.clone();
        host.git_hash = !toolchain.commit_hash.is_empty() && toolchain.commit_hash != "unknown";
        host
    }
}
