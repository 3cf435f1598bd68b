//! compiletest's `only-NAME` and `ignore-NAME` conditions, held against a host, with
//! compiletest's words for each ("when the architecture is aarch64").

use super::Host;

impl Host {
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
        // A name that holds when this host is it: "when the {what} is {name}".
        let is = |holds: bool, what: &str| (holds, "", format!("when the {what} is {name}"));
        // In order; a fact with a fixed name answers for that name, one without answers
        // for any name it holds for.
        let facts: [(bool, &str, String); 14] = [
            (true, "test", "always".into()),
            (true, "auxiliary", "used by another main test file".into()),
            is(name == self.triple, "target"),
            is(name == self.arch, "architecture"),
            is(name == self.os, "operating system"),
            is(
                !self.env.is_empty() && name == self.env,
                "target environment",
            ),
            (
                name == os_env,
                "",
                format!("when the operating system and target environment are {name}"),
            ),
            is(!self.abi.is_empty() && name == self.abi, "ABI"),
            is(name == bits, "pointer width"),
            is(name == self.family, "target family"),
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
            is(name == self.channel, "release channel"),
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
}

/// Operating systems compiletest knows (`target_os`).
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
/// Architectures compiletest knows (`target_arch`).
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
/// Target environments compiletest knows (`target_env`).
const ENVS: &[&str] = &[
    "gnu", "musl", "msvc", "sgx", "uclibc", "newlib", "ohos", "relibc", "p1", "p2", "sim", "macabi",
];

/// compiletest's words for a condition this host does not meet, by what kind of name it is.
fn words_for(name: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
