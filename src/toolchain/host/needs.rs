//! compiletest's `needs-*` directives, held against a host: what every host toolchain has, what
//! this one has (by its family, architecture, sysroot), and what a rustup toolchain never has.

use super::Host;
use std::path::PathBuf;

/// `needs-*` that a rustup toolchain never meets (what they need is built into rustc's own builds
/// only on request, or is a tool beside them), or that are not determined here; with compiletest's
/// reason.
const UNMET: &[(&str, &str)] = &[
    (
        "needs-rustc-debug-assertions",
        "ignored if rustc wasn't built with debug assertions",
    ),
    (
        "needs-std-debug-assertions",
        "ignored if std wasn't built with debug assertions",
    ),
    (
        "needs-sanitizer-support",
        "ignored on targets without sanitizers support (compiletest asks for RUSTC_SANITIZER_SUPPORT)",
    ),
    (
        "needs-force-clang-based-tests",
        "ignored when RUSTBUILD_FORCE_CLANG_BASED_TESTS is not set",
    ),
    ("needs-enzyme", "ignored when LLVM Enzyme is disabled"),
    ("needs-wasmtime", "ignored when wasmtime runner is not available"),
    (
        "needs-dlltool",
        "ignored when dlltool for the current architecture is not present",
    ),
    (
        "needs-xray",
        "ignored on targets without xray tracing (not determined here)",
    ),
    (
        "needs-llvm-zstd",
        "ignored if LLVM wasn't built with zstd (not determined here)",
    ),
];

/// The architectures compiletest counts as having inline assembly (`needs-asm-support`).
const ASM_ARCHS: &[&str] = &[
    "x86",
    "x86_64",
    "arm",
    "aarch64",
    "riscv32",
    "riscv64",
    "loongarch64",
    "s390x",
    "powerpc",
    "powerpc64",
    "hexagon",
    "mips",
    "mips64",
    "sparc64",
    "bpf",
    "avr",
    "msp430",
    "m68k",
    "csky",
];

impl Host {
    /// Whether this host meets `needs-NAME` (with the directive's value, for those that take
    /// one); the error is why not, in compiletest's words where it has them.
    pub fn needs(&self, name: &str, value: &str) -> Result<(), String> {
        if let Some(met) = self.has(name) {
            return met;
        }
        match name {
            "needs-target-has-atomic" => self.has_atomics(value),
            "needs-crate-type" => crate_types(value),
            "needs-backends" => met(
                value.split_whitespace().any(|b| b == "llvm"),
                "LLVM, the default backend, is not one of the required backends",
            ),
            _ => unmet(name, value),
        }
    }

    /// The `needs-*` that ask only what this host is or has; `None` for the others.
    fn has(&self, name: &str) -> Option<Result<(), String>> {
        let hosted = "a host toolchain's target has std, threads, processes and unwinding";
        Some(match name {
            // What runs rustc has them: compiletest ignores these only on targets such as
            // wasm32-unknown-unknown or embedded ones.
            "needs-threads"
            | "needs-subprocess"
            | "needs-target-std"
            | "needs-run-enabled"
            | "needs-unwind"
            | "needs-dynamic-linking" => met(
                self.family != "wasm",
                &format!("ignored on targets without it ({hosted})"),
            ),
            "needs-symlink" => met(self.family == "unix", "ignored if symlinks are unavailable"),
            "needs-relocation-model-pic" => met(
                self.family == "unix",
                "ignored on targets without PIC relocation model",
            ),
            // Layouts are randomized only in a build of rustc's own that asks for it.
            "needs-deterministic-layouts" => Ok(()),
            "needs-asm-support" => met(
                ASM_ARCHS.contains(&self.arch.as_str()),
                "ignored on targets without inline assembly support",
            ),
            "needs-git-hash" => met(
                self.git_hash,
                "ignored when git hashes have been omitted for building",
            ),
            "needs-rust-lld" => met(
                self.rustlib().join("bin").join("rust-lld").is_file(),
                "ignored on targets without Rust's LLD",
            ),
            "needs-profiler-runtime" => met(
                self.has_lib("libprofiler_builtins-"),
                "ignored when the profiler runtime is not available",
            ),
            _ => return None,
        })
    }

    /// `needs-target-has-atomic: 8,16,ptr`: atomics of every width named.
    fn has_atomics(&self, value: &str) -> Result<(), String> {
        let have = ["8", "16", "32", "ptr"]
            .into_iter()
            .chain((self.pointer_width == 64).then_some("64"));
        let have: Vec<&str> = have.collect();
        let missing: Vec<&str> = value
            .split(',')
            .map(str::trim)
            .filter(|w| !have.contains(w))
            .collect();
        met(
            missing.is_empty(),
            &format!(
                "the target does not have atomics of widths {}",
                missing.join(", ")
            ),
        )
    }

    /// The host's own folder in the sysroot, `lib/rustlib/<triple>`.
    fn rustlib(&self) -> PathBuf {
        self.sysroot.join("lib/rustlib").join(&self.triple)
    }

    fn has_lib(&self, prefix: &str) -> bool {
        std::fs::read_dir(self.rustlib().join("lib"))
            .into_iter()
            .flatten()
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with(prefix))
    }
}

/// `needs-crate-type: dylib, proc-macro`: every crate type named is one a host target builds.
fn crate_types(value: &str) -> Result<(), String> {
    let known = [
        "bin",
        "lib",
        "rlib",
        "dylib",
        "cdylib",
        "staticlib",
        "proc-macro",
    ];
    let missing: Vec<&str> = value
        .split(',')
        .map(str::trim)
        .filter(|t| !known.contains(t))
        .collect();
    met(
        missing.is_empty(),
        &format!(
            "the target does not support the crate types {}",
            missing.join(", ")
        ),
    )
}

/// A `needs-*` no host toolchain meets here, or one compiletest does not know: why not.
fn unmet(name: &str, value: &str) -> Result<(), String> {
    if let Some((_, why)) = UNMET.iter().find(|(n, _)| *n == name) {
        return Err(why.to_string());
    }
    if name == "needs-llvm-components" {
        return Err(format!(
            "needs the LLVM components {value} (not determined here)"
        ));
    }
    match name.strip_prefix("needs-sanitizer-") {
        Some(which) => Err(format!(
            "needs the {which} sanitizer (not determined here; it takes the unstable `-Zsanitizer`)"
        )),
        None => Err("not a `needs-*` directive compiletest knows".into()),
    }
}

fn met(yes: bool, why: &str) -> Result<(), String> {
    if yes {
        Ok(())
    } else {
        Err(why.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_this_host_meets_and_those_it_does_not() {
        let linux = Host::from_triple("x86_64-unknown-linux-gnu", "1.95.0");
        for (name, value) in [
            ("needs-threads", ""),
            ("needs-unwind", ""),
            ("needs-subprocess", ""),
            ("needs-asm-support", ""),
            ("needs-target-has-atomic", "8,16,32,64,ptr"),
            ("needs-crate-type", "dylib, proc-macro"),
        ] {
            assert_eq!(linux.needs(name, value), Ok(()), "{name}");
        }
        for (name, value, why) in [
            ("needs-target-has-atomic", "128", "widths 128"),
            ("needs-xray", "", "xray"),
            ("needs-sanitizer-address", "", "address sanitizer"),
            ("needs-rustc-debug-assertions", "", "debug assertions"),
            ("needs-git-hash", "", "git hashes"),
            ("needs-nonsense", "", "knows"),
        ] {
            let err = linux.needs(name, value).unwrap_err();
            assert!(err.contains(why), "{name}: {err}");
        }
        let wasm = Host::from_triple("wasm32-unknown-unknown", "1.95.0");
        assert!(wasm.needs("needs-threads", "").is_err());
    }
}
