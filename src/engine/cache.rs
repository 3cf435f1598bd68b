//! The result cache: one JSON file per (toolchain identity, case content, flags), under
//! `target/sendsync/cache/`. A re-run with nothing changed compiles nothing; a new toolchain
//! costs only its own compiles. Entries are written atomically, so two checks running at once
//! on the same corpus never read half an entry; an unreadable entry is a miss, never an error.
//!
//! The key holds everything that changes a result, and nothing else:
//! - the toolchain's identity ([`Toolchain::identity`]): release, commit, host, the compiler
//!   binaries' size and modification time, and the sysroot view policy (std sources hidden, so
//!   installing `rust-src` changes nothing);
//! - the mode, edition, flags and run time limit; for a lint case (mode `Lint`), the identity
//!   of the `clippy-driver` that linted it;
//! - the case's content and the name its folder gives it in diagnostics
//!   ([`crate::engine::compile::display_path`]), not how its path was spelled on the command line;
//! - the source of the modules that shape a result (hashed at build time by `build.rs`).
//!
//! rustc runs in a cleared environment ([`Toolchain::command`]), so no environment variable
//! needs to be part of the key.

use crate::engine::compile::{Kind, Limits, Mode, Outcome, TRYBUILD_FLAGS};
use crate::input::case::Case;
use crate::toolchain::Toolchain;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

/// Bumped whenever what is stored changes shape.
const SCHEMA: &str = "sendsync-cache-v2";

#[derive(Clone, Debug)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dir: PathBuf) -> Cache {
        Cache { dir }
    }

    /// `SENDSYNC_CACHE_DIR`, else `$CARGO_TARGET_DIR/sendsync/cache`, else the package's
    /// `target/sendsync/cache`.
    pub fn default_dir() -> PathBuf {
        crate::paths::cache_dir()
    }

    pub(crate) fn key(toolchain: &Toolchain, case: &Case, mode: Mode, limits: &Limits) -> String {
        let linter = match mode {
            Mode::Lint => toolchain.clippy_identity(),
            Mode::Check | Mode::Run => String::new(),
        };
        let mut h = Sha256::new();
        // A case that uses crates: the build it is compiled against (specs, features, lock,
        // toolchain). Cases without crates add nothing, and keep the keys they had.
        if !case.crates.is_empty() {
            let deps = case
                .deps
                .as_ref()
                .and_then(|s| crate::input::manifest::manifest(s).ok())
                .map_or_else(
                    || "no manifest".to_string(),
                    |m| crate::engine::deps::key(toolchain, &m),
                );
            for part in ["crates", &case.crates.join(" "), &deps] {
                h.update(part.as_bytes());
                h.update([0u8]);
            }
        }
        for part in [
            SCHEMA,
            env!("SENDSYNC_SHAPE_HASH"),
            &toolchain.identity(),
            &format!("{mode:?}"),
            &linter,
            &case.edition,
            // How the flags are chosen and the stderr normalized (ours, or compiletest's).
            &format!("{:?}", case.format),
            &TRYBUILD_FLAGS.join(" "),
            &case.flags.join(" "),
            &crate::engine::compile::display_path(case),
            &format!("{:?} {}", limits.run, limits.memory),
            &case.source,
        ] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// A key made of `parts` (the schema and the build's shape hash come first), for results
    /// other than a compile's, such as a Miri run ([`crate::learn::miri`]).
    pub fn key_of(parts: &[&str]) -> String {
        let mut h = Sha256::new();
        for part in [SCHEMA, env!("SENDSYNC_SHAPE_HASH")].iter().chain(parts) {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads any stored value; an unreadable entry is a miss.
    pub(crate) fn get_value<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<T> {
        let text = std::fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Stores any value, atomically; a cache that cannot be written only costs speed.
    pub(crate) fn put_value<T: serde::Serialize>(&self, key: &str, value: &T) {
        if let Ok(json) = serde_json::to_vec(value) {
            let _ = crate::fs::write_atomic(&self.path(key), &json);
        }
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(&key[..2]).join(format!("{key}.json"))
    }

    pub(crate) fn get(&self, key: &str) -> Option<Outcome> {
        let text = std::fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Stores an outcome. Timeouts are not stored: they say more about the machine's load at
    /// that moment than about the program. Neither are compiler crashes: a rustc killed by a
    /// signal (out of memory, say) may well succeed next time.
    pub(crate) fn put(&self, key: &str, outcome: &Outcome) {
        if matches!(outcome.kind, Kind::Timeout | Kind::Ice) {
            return;
        }
        if let Ok(json) = serde_json::to_vec(outcome) {
            // A cache that cannot be written only costs speed.
            let _ = crate::fs::write_atomic(&self.path(key), &json);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn case(path: &str) -> Case {
        Case::parse(Path::new(path), "fn main() {}\n".into(), false).unwrap()
    }

    #[test]
    fn the_key_sees_what_changes_a_result_and_nothing_else() {
        let tc = Toolchain {
            release: "1.80.0".into(),
            commit_hash: "unknown".into(),
            binary_id: "/a/rustc:1:1".into(),
            ..Toolchain::default()
        };
        let limits = Limits::default();
        let key = |tc: &Toolchain, c: &Case| Cache::key(tc, c, Mode::Check, &limits);
        let base = key(&tc, &case("cases/t/x.rs"));
        // How the path is spelled, or where the folder lies, does not matter...
        assert_eq!(base, key(&tc, &case("./cases/t/x.rs")));
        assert_eq!(base, key(&tc, &case("/elsewhere/copy/t/x.rs")));
        // ...but the folder's name is in what rustc prints, and so are these.
        assert_ne!(base, key(&tc, &case("cases/u/x.rs")));
        let other_build = Toolchain {
            binary_id: "/b/rustc:1:2".into(),
            ..tc.clone()
        };
        assert_ne!(
            base,
            key(&other_build, &case("cases/t/x.rs")),
            "same -vV, other binary"
        );
        let mut edition = case("cases/t/x.rs");
        edition.edition = "2024".into();
        assert_ne!(base, key(&tc, &edition));
        let mut flags = case("cases/t/x.rs");
        flags.flags = vec!["--cfg".into(), "foo".into()];
        assert_ne!(base, key(&tc, &flags));
        assert_ne!(
            base,
            Cache::key(&tc, &case("cases/t/x.rs"), Mode::Run, &limits)
        );
        // Linted with clippy is another result, and so is another clippy binary.
        let lint = |tc: &Toolchain| Cache::key(tc, &case("cases/t/x.rs"), Mode::Lint, &limits);
        assert_ne!(base, lint(&tc));
        let with_clippy = Toolchain {
            clippy: Some("/a/clippy-driver".into()),
            ..tc.clone()
        };
        assert_ne!(lint(&tc), lint(&with_clippy));
        assert_eq!(
            key(&with_clippy, &case("cases/t/x.rs")),
            base,
            "a case that is not linted does not depend on clippy"
        );
    }

    /// The build hashes every module that decides what is compiled and how its result is read
    /// or stored into the key (`build.rs`), and none that only renders results.
    #[test]
    fn the_shape_hash_covers_every_module_that_reaches_a_result() {
        let hashed: Vec<&str> = env!("SENDSYNC_SHAPE_FILES").split(' ').collect();
        for module in [
            "src/input/case.rs",
            "src/engine/check/run.rs",
            "src/engine/compile.rs",
            "src/input/compiletest.rs",
            "src/engine/diagnostic.rs",
            "src/learn/miri/setup.rs",
            "src/engine/normalize.rs",
            "src/toolchain/process.rs",
            "src/toolchain/sysroot.rs",
            "src/toolchain/mod.rs",
            "src/engine/compiletest.rs",
            "src/engine/deps/mod.rs",
            "src/engine/deps/cargo.rs",
            "src/input/manifest.rs",
            "Cargo.lock",
        ] {
            assert!(
                hashed.contains(&module),
                "{module} is not hashed: {hashed:?}"
            );
        }
        // Every module that stores a result in the cache.
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut stack = vec![src.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let name = format!("src/{}", path.strip_prefix(&src).unwrap().to_string_lossy());
                if text.contains(&["put_", "value("].concat()) {
                    assert!(hashed.contains(&name.as_str()), "{name} stores results");
                }
            }
        }
        for shown in [
            "src/cli/",
            "src/learn/pages/site.rs",
            "src/engine/report.rs",
            "src/main.rs",
        ] {
            // A path that moved would make this check vacuous.
            assert!(
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join(shown)
                    .exists(),
                "{shown} does not exist"
            );
            assert!(
                !hashed.iter().any(|f| f.starts_with(shown)),
                "{shown} only renders results, yet is hashed"
            );
        }
    }
}
