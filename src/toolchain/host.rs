//! What a toolchain's host is, for compiletest's `only-*`, `ignore-*` and `needs-*` lines.
//!
//! The host is the target triple on the `host:` line of the toolchain's `rustc -vV` (the
//! compiles here are host compiles: no `--target`). The condition names and the reasons
//! follow compiletest's own (`src/tools/compiletest/src/directives/cfg.rs` and
//! `directives/needs.rs` in rust-lang/rust): the triple, architecture, operating system,
//! environment, `<os>-<env>`, ABI, pointer width (`64bit`), family (`unix`), `apple`, `elf`,
//! the release channel, `endian-big`, and `test` (always true, so `ignore-test` always
//! ignores). A name none of these is matches nothing.

use crate::toolchain::Toolchain;
use std::path::PathBuf;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Host {
    pub triple: String,
    /// rustc's `target_arch`: `x86_64`, `x86` (for i686), `aarch64`, `arm`, ...
    pub arch: String,
    pub os: String,
    pub env: String,
    pub abi: String,
    pub family: &'static str,
    pub pointer_width: u32,
    pub big_endian: bool,
    /// `stable`, `beta` or `nightly` (a local `-dev` build counts as nightly, as in compiletest).
    pub channel: &'static str,
    /// The toolchain's sysroot, where `needs-rust-lld` and `needs-profiler-runtime` look.
    pub sysroot: PathBuf,
    /// Whether `rustc -vV` names a commit (`needs-git-hash`).
    pub git_hash: bool,
}

/// Vendors as the second part of a triple (`x86_64-unknown-linux-gnu`); a three-part triple
/// without one is `<arch>-<os>-<env>` (`aarch64-linux-android`).
const VENDORS: &[&str] = &[
    "unknown",
    "pc",
    "apple",
    "nvidia",
    "fortanix",
    "wrs",
    "sun",
    "uwp",
    "win7",
    "sony",
    "nintendo",
    "esp",
    "espressif",
    "kmc",
    "risc0",
    "openwrt",
];

impl Host {
    pub fn of(toolchain: &Toolchain) -> Host {
        let mut host = Host::from_triple(&toolchain.host, &toolchain.release);
        host.sysroot = toolchain.sysroot.clone();
        host.git_hash = !toolchain.commit_hash.is_empty() && toolchain.commit_hash != "unknown";
        host
    }

    /// The host a triple names, on a toolchain of `release` (for the channel).
    pub fn from_triple(triple: &str, release: &str) -> Host {
        let parts: Vec<&str> = triple.split('-').collect();
        let raw_arch = parts.first().copied().unwrap_or("");
        let rest = match parts.get(1) {
            Some(vendor) if VENDORS.contains(vendor) => &parts[2.min(parts.len())..],
            _ => &parts[1.min(parts.len())..],
        };
        let mut os = rest.first().copied().unwrap_or("none").to_string();
        let raw_env = rest.get(1).copied().unwrap_or("");
        if os == "darwin" {
            os = "macos".into();
        }
        // `aarch64-linux-android`, `armv7-linux-androideabi`: rustc's os is `android`.
        let (env, abi) = match raw_env.strip_prefix("android") {
            Some(abi) => {
                os = "android".into();
                (String::new(), abi.to_string())
            }
            None => split_env(raw_env),
        };
        let arch = arch_of(raw_arch);
        let family = match os.as_str() {
            "windows" => "windows",
            "unknown" | "none" if arch.starts_with("wasm") => "wasm",
            "wasi" => "wasm",
            _ => "unix",
        };
        let pointer_width = match arch.as_str() {
            "x86_64" if abi == "x32" => 32,
            "aarch64" if abi.contains("ilp32") => 32,
            "x86_64" | "aarch64" | "riscv64" | "powerpc64" | "mips64" | "s390x" | "sparc64"
            | "loongarch64" | "wasm64" | "bpf" => 64,
            _ => 32,
        };
        let big_endian = matches!(
            raw_arch,
            "s390x"
                | "powerpc"
                | "powerpc64"
                | "sparc"
                | "sparc64"
                | "mips"
                | "mips64"
                | "aarch64_be"
                | "armeb"
                | "armebv7r"
                | "thumbeb"
        );
        let channel = if release.contains("nightly") || release.contains("-dev") {
            "nightly"
        } else if release.contains("beta") {
            "beta"
        } else {
            "stable"
        };
        Host {
            triple: triple.to_string(),
            arch,
            os,
            env,
            abi,
            family,
            pointer_width,
            big_endian,
            channel,
            sysroot: PathBuf::new(),
            git_hash: false,
        }
    }

    fn is_elf(&self) -> bool {
        !matches!(
            self.os.as_str(),
            "macos" | "ios" | "tvos" | "watchos" | "visionos" | "windows" | "uefi" | "aix"
        ) && self.family != "wasm"
    }

    /// Whether the condition `name` (of `only-NAME` or `ignore-NAME`) holds here, and
    /// compiletest's words for it ("when the architecture is aarch64").
    pub fn condition(&self, name: &str) -> (bool, String) {
        let os_env = format!("{}-{}", self.os, self.env);
        let bits = format!("{}bit", self.pointer_width);
        let facts: [(bool, &str, String); 14] = [
            (true, "test", "always".into()),
            (true, "auxiliary", "used by another main test file".into()),
            (
                name == self.triple,
                "",
                format!("when the target is {name}"),
            ),
            (
                name == self.arch,
                "",
                format!("when the architecture is {name}"),
            ),
            (
                name == self.os,
                "",
                format!("when the operating system is {name}"),
            ),
            (
                !self.env.is_empty() && name == self.env,
                "",
                format!("when the target environment is {name}"),
            ),
            (
                name == os_env,
                "",
                format!("when the operating system and target environment are {name}"),
            ),
            (
                !self.abi.is_empty() && name == self.abi,
                "",
                format!("when the ABI is {name}"),
            ),
            (
                name == bits,
                "",
                format!("when the pointer width is {name}"),
            ),
            (
                name == self.family,
                "",
                format!("when the target family is {name}"),
            ),
            (
                self.triple.contains("apple"),
                "apple",
                "when the target vendor is Apple".into(),
            ),
            (
                self.is_elf(),
                "elf",
                "when the target binary format is ELF".into(),
            ),
            (
                name == self.channel,
                "",
                format!("when the release channel is {name}"),
            ),
            (
                self.big_endian,
                "endian-big",
                "on big-endian targets".into(),
            ),
        ];
        for (holds, fixed, words) in facts {
            if fixed.is_empty() {
                if holds {
                    return (true, words);
                }
            } else if name == fixed {
                return (holds, words);
            }
        }
        (false, words_for(name))
    }

    /// Whether this host meets `needs-NAME` (with the directive's value, for those that take
    /// one); the error is why not, in compiletest's words where it has them.
    pub fn needs(&self, name: &str, value: &str) -> Result<(), String> {
        let hosted = "a host toolchain's target has std, threads, processes and unwinding";
        let met = |yes: bool, why: &str| if yes { Ok(()) } else { Err(why.to_string()) };
        match name {
            // What runs rustc has them: compiletest ignores these only on targets such as
            // wasm32-unknown-unknown or embedded ones.
            "needs-threads" | "needs-subprocess" | "needs-target-std" | "needs-run-enabled"
            | "needs-unwind" | "needs-dynamic-linking" => {
                met(self.family != "wasm", &format!("ignored on targets without it ({hosted})"))
            }
            "needs-symlink" => met(self.family == "unix", "ignored if symlinks are unavailable"),
            "needs-relocation-model-pic" => met(
                self.family == "unix",
                "ignored on targets without PIC relocation model",
            ),
            // Layouts are randomized only in a build of rustc's own that asks for it.
            "needs-deterministic-layouts" => Ok(()),
            "needs-asm-support" => met(
                matches!(
                    self.arch.as_str(),
                    "x86" | "x86_64" | "arm" | "aarch64" | "riscv32" | "riscv64" | "loongarch64"
                        | "s390x" | "powerpc" | "powerpc64" | "hexagon" | "mips" | "mips64"
                        | "sparc64" | "bpf" | "avr" | "msp430" | "m68k" | "csky"
                ),
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
            "needs-target-has-atomic" => {
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
                    &format!("the target does not have atomics of widths {}", missing.join(", ")),
                )
            }
            "needs-crate-type" => {
                let known = ["bin", "lib", "rlib", "dylib", "cdylib", "staticlib", "proc-macro"];
                let missing: Vec<&str> = value
                    .split(',')
                    .map(str::trim)
                    .filter(|t| !known.contains(t))
                    .collect();
                met(
                    missing.is_empty(),
                    &format!("the target does not support the crate types {}", missing.join(", ")),
                )
            }
            "needs-backends" => met(
                value.split_whitespace().any(|b| b == "llvm"),
                "LLVM, the default backend, is not one of the required backends",
            ),
            // Built into rustc's own builds only on request: not in a rustup toolchain.
            "needs-rustc-debug-assertions" => Err("ignored if rustc wasn't built with debug assertions".into()),
            "needs-std-debug-assertions" => Err("ignored if std wasn't built with debug assertions".into()),
            "needs-sanitizer-support" => Err("ignored on targets without sanitizers support (compiletest asks for RUSTC_SANITIZER_SUPPORT)".into()),
            "needs-force-clang-based-tests" => Err("ignored when RUSTBUILD_FORCE_CLANG_BASED_TESTS is not set".into()),
            "needs-enzyme" => Err("ignored when LLVM Enzyme is disabled".into()),
            "needs-wasmtime" => Err("ignored when wasmtime runner is not available".into()),
            "needs-dlltool" => Err("ignored when dlltool for the current architecture is not present".into()),
            "needs-xray" => Err("ignored on targets without xray tracing (not determined here)".into()),
            "needs-llvm-zstd" => Err("ignored if LLVM wasn't built with zstd (not determined here)".into()),
            "needs-llvm-components" => Err(format!("needs the LLVM components {value} (not determined here)")),
            n if n.starts_with("needs-sanitizer-") => Err(format!(
                "needs the {} sanitizer (not determined here; it takes the unstable `-Zsanitizer`)",
                &n["needs-sanitizer-".len()..]
            )),
            _ => Err("not a `needs-*` directive compiletest knows".into()),
        }
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

/// compiletest's words for a condition this host does not meet, by what kind of name it is.
fn words_for(name: &str) -> String {
    const OSES: &[&str] = &[
        "linux",
        "windows",
        "macos",
        "ios",
        "tvos",
        "watchos",
        "visionos",
        "android",
        "freebsd",
        "netbsd",
        "openbsd",
        "dragonfly",
        "solaris",
        "illumos",
        "fuchsia",
        "redox",
        "haiku",
        "emscripten",
        "wasi",
        "none",
        "hermit",
        "vxworks",
        "nto",
        "aix",
        "l4re",
        "horizon",
        "espidf",
        "uefi",
        "cuda",
        "hurd",
        "nuttx",
        "cygwin",
        "unknown",
    ];
    const ARCHS: &[&str] = &[
        "x86",
        "x86_64",
        "arm",
        "aarch64",
        "arm64ec",
        "riscv32",
        "riscv64",
        "wasm32",
        "wasm64",
        "powerpc",
        "powerpc64",
        "mips",
        "mips64",
        "mips32r6",
        "mips64r6",
        "s390x",
        "sparc",
        "sparc64",
        "loongarch32",
        "loongarch64",
        "nvptx64",
        "bpf",
        "avr",
        "msp430",
        "hexagon",
        "m68k",
        "csky",
        "xtensa",
        "spirv",
        "amdgpu",
    ];
    const ENVS: &[&str] = &[
        "gnu", "musl", "msvc", "sgx", "uclibc", "newlib", "ohos", "relibc", "p1", "p2", "sim",
        "macabi",
    ];
    if OSES.contains(&name) {
        format!("when the operating system is {name}")
    } else if ARCHS.contains(&name) {
        format!("when the architecture is {name}")
    } else if ENVS.contains(&name) {
        format!("when the target environment is {name}")
    } else if ["unix", "windows", "wasm"].contains(&name) {
        format!("when the target family is {name}")
    } else if name.ends_with("bit") && name[..name.len() - 3].bytes().all(|b| b.is_ascii_digit()) {
        format!("when the pointer width is {name}")
    } else if ["stable", "beta", "nightly"].contains(&name) {
        format!("when the release channel is {name}")
    } else if name.matches('-').count() >= 2 {
        format!("when the target is {name}")
    } else {
        format!("on {name} (a condition this host does not meet)")
    }
}

/// `gnu` → (`gnu`, ``); `gnueabihf` → (`gnu`, `eabihf`); `musl` → (`musl`, ``); `msvc`.
fn split_env(raw: &str) -> (String, String) {
    for env in [
        "gnu", "musl", "msvc", "uclibc", "newlib", "sgx", "ohos", "relibc", "nto", "p1", "p2",
        "sim", "macabi",
    ] {
        if let Some(abi) = raw.strip_prefix(env) {
            return (env.to_string(), abi.to_string());
        }
    }
    if raw.starts_with("eabi") {
        return (String::new(), raw.to_string());
    }
    (raw.to_string(), String::new())
}

/// rustc's `target_arch` for the first part of a triple.
fn arch_of(raw: &str) -> String {
    let arch = match raw {
        "i386" | "i486" | "i586" | "i686" => "x86",
        a if a.starts_with("aarch64") || a.starts_with("arm64") => "aarch64",
        a if a.starts_with("arm") || a.starts_with("thumb") => "arm",
        a if a.starts_with("riscv64") => "riscv64",
        a if a.starts_with("riscv32") => "riscv32",
        "powerpc64le" | "powerpc64" => "powerpc64",
        "mips64el" | "mips64" | "mipsisa64r6" | "mipsisa64r6el" => "mips64",
        "mipsel" | "mips" | "mipsisa32r6" | "mipsisa32r6el" => "mips",
        "sparcv9" | "sparc64" => "sparc64",
        "bpfel" | "bpfeb" => "bpf",
        a => a,
    };
    arch.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn triples_become_rustcs_cfg() {
        for (triple, arch, os, env, abi, family, bits) in [
            (
                "x86_64-unknown-linux-gnu",
                "x86_64",
                "linux",
                "gnu",
                "",
                "unix",
                64,
            ),
            (
                "aarch64-apple-darwin",
                "aarch64",
                "macos",
                "",
                "",
                "unix",
                64,
            ),
            (
                "x86_64-pc-windows-msvc",
                "x86_64",
                "windows",
                "msvc",
                "",
                "windows",
                64,
            ),
            (
                "i686-unknown-linux-musl",
                "x86",
                "linux",
                "musl",
                "",
                "unix",
                32,
            ),
            (
                "armv7-unknown-linux-gnueabihf",
                "arm",
                "linux",
                "gnu",
                "eabihf",
                "unix",
                32,
            ),
            (
                "aarch64-linux-android",
                "aarch64",
                "android",
                "",
                "",
                "unix",
                64,
            ),
            (
                "x86_64-unknown-freebsd",
                "x86_64",
                "freebsd",
                "",
                "",
                "unix",
                64,
            ),
            (
                "riscv64gc-unknown-linux-gnu",
                "riscv64",
                "linux",
                "gnu",
                "",
                "unix",
                64,
            ),
        ] {
            let h = Host::from_triple(triple, "1.95.0");
            assert_eq!(
                (
                    h.arch.as_str(),
                    h.os.as_str(),
                    h.env.as_str(),
                    h.abi.as_str(),
                    h.family,
                    h.pointer_width
                ),
                (arch, os, env, abi, family, bits),
                "{triple}"
            );
        }
    }

    #[test]
    fn conditions_are_compiletests_names() {
        let mac = Host::from_triple("aarch64-apple-darwin", "1.97.0-nightly");
        for name in [
            "aarch64-apple-darwin",
            "aarch64",
            "macos",
            "64bit",
            "unix",
            "apple",
            "nightly",
            "test",
        ] {
            assert!(mac.condition(name).0, "{name}");
        }
        for name in [
            "x86_64",
            "linux",
            "windows",
            "32bit",
            "elf",
            "stable",
            "gnu",
            "endian-big",
            "nonsense",
        ] {
            assert!(!mac.condition(name).0, "{name}");
        }
        let linux = Host::from_triple("x86_64-unknown-linux-gnu", "1.95.0");
        for name in [
            "x86_64",
            "linux",
            "gnu",
            "linux-gnu",
            "elf",
            "stable",
            "unix",
        ] {
            assert!(linux.condition(name).0, "{name}");
        }
        assert_eq!(
            linux.condition("x86_64").1,
            "when the architecture is x86_64"
        );
        assert!(!linux.condition("apple").0 && !linux.condition("nightly").0);
    }

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
