//! The result cache: one JSON file per (toolchain identity, case content, flags), under
//! `target/sendsync/cache/`. A re-run with nothing changed compiles nothing; a new toolchain
//! costs only its own compiles. Entries are written atomically, so two checks running at once
//! on the same corpus never read half an entry; an unreadable entry is a miss, never an error.

use crate::case::Case;
use crate::compile::{Kind, Mode, Outcome, TRYBUILD_FLAGS};
use crate::toolchain::Toolchain;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// Bumped whenever what is stored, or how output is normalized, changes.
const SCHEMA: &str = "sendsync-cache-v1";

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
        if let Some(dir) = std::env::var_os("SENDSYNC_CACHE_DIR") {
            return PathBuf::from(dir);
        }
        crate::report::target_dir().join("sendsync").join("cache")
    }

    pub fn key(
        toolchain: &Toolchain,
        case: &Case,
        mode: Mode,
        root: &Path,
        run_limit_secs: u64,
    ) -> String {
        let mut h = Sha256::new();
        for part in [
            SCHEMA,
            env!("CARGO_PKG_VERSION"),
            &toolchain.identity(),
            &format!("{mode:?}"),
            &case.edition,
            &TRYBUILD_FLAGS.join(" "),
            &root.to_string_lossy(),
            &case.path.to_string_lossy(),
            &run_limit_secs.to_string(),
            &case.source,
        ] {
            h.update(part.as_bytes());
            h.update([0u8]);
        }
        h.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }

    fn path(&self, key: &str) -> PathBuf {
        self.dir.join(&key[..2]).join(format!("{key}.json"))
    }

    pub fn get(&self, key: &str) -> Option<Outcome> {
        let text = std::fs::read(self.path(key)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Stores an outcome. Timeouts are not stored: they say more about the machine's load at
    /// that moment than about the program.
    pub fn put(&self, key: &str, outcome: &Outcome) {
        if outcome.kind == Kind::Timeout {
            return;
        }
        if let Ok(json) = serde_json::to_vec(outcome) {
            // A cache that cannot be written only costs speed.
            let _ = crate::error::write_atomic(&self.path(key), &json);
        }
    }
}
