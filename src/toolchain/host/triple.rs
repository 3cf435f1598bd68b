//! A target triple read into rustc's cfg names: `x86_64-unknown-linux-gnu` is the architecture
//! `x86_64`, the operating system `linux`, the environment `gnu`, the family `unix`, 64 bits.

use super::Host;
use std::path::PathBuf;

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
    /// The host a triple names, on a toolchain of `release` (for the channel).
    pub fn from_triple(triple: &str, release: &str) -> Host {
        let (raw_arch, os, env, abi) = parts_of(triple);
        let arch = arch_of(raw_arch);
        let family = family_of(&os, &arch);
        let pointer_width = pointer_width_of(&arch, &abi);
        Host {
            triple: triple.to_string(),
            arch,
            os,
            env,
            abi,
            family,
            pointer_width,
            big_endian: is_big_endian(raw_arch),
            channel: channel_of(release),
            sysroot: PathBuf::new(),
            git_hash: false,
        }
    }
}

/// A triple's parts: its first (the raw architecture), and rustc's os, env and abi.
fn parts_of(triple: &str) -> (&str, String, String, String) {
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
    (raw_arch, os, env, abi)
}

fn family_of(os: &str, arch: &str) -> &'static str {
    match os {
        "windows" => "windows",
        "unknown" | "none" if arch.starts_with("wasm") => "wasm",
        "wasi" => "wasm",
        _ => "unix",
    }
}

fn pointer_width_of(arch: &str, abi: &str) -> u32 {
    match arch {
        "x86_64" if abi == "x32" => 32,
        "aarch64" if abi.contains("ilp32") => 32,
        "x86_64" | "aarch64" | "riscv64" | "powerpc64" | "mips64" | "s390x" | "sparc64"
        | "loongarch64" | "wasm64" | "bpf" => 64,
        _ => 32,
    }
}

fn is_big_endian(raw_arch: &str) -> bool {
    matches!(
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
    )
}

/// `stable`, `beta` or `nightly`, from the release (a local `-dev` build counts as nightly).
fn channel_of(release: &str) -> &'static str {
    if release.contains("nightly") || release.contains("-dev") {
        "nightly"
    } else if release.contains("beta") {
        "beta"
    } else {
        "stable"
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
}
