//! History: for each case, the distinct variants of its outcome and structured diagnostics,
//! and which toolchains gave each. Kept in `history/<topic>/<name>.json`, committed.
//!
//! Recording a toolchain only ever changes that toolchain's entry: the other entries, and the
//! ids of the variants they point at, stay as they are. A variant that no toolchain points at
//! any more is dropped.

use crate::engine::check::{self, Options};
use crate::engine::compile::{Kind, Mode, Outcome};
use crate::engine::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::input::case::Case;
use crate::toolchain::{Toolchain, Version};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod record;
#[cfg(test)]
mod tests;
mod verify;

pub use record::*;
pub use verify::*;

/// The toolchains the committed history tracks: every stable release from 1.70.0 to the pinned
/// one, and the installed nightly.
pub fn tracked() -> Vec<String> {
    let pinned = Version::parse(crate::toolchain::pinned()).expect("the pin is a release");
    let mut out: Vec<String> = (70..=pinned.minor).map(|m| format!("1.{m}.0")).collect();
    out.push("nightly".into());
    out
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// `pass` (compiles), `fail`, or `ice`.
    pub outcome: String,
    pub codes: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Compiled with clippy (a lint case): which lints fire is part of the variant.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub linted: bool,
}

impl Variant {
    pub(crate) fn of(outcome: &Outcome) -> Variant {
        Variant {
            outcome: outcome.kind.name().into(),
            codes: outcome.codes().into_iter().collect(),
            diagnostics: outcome.diagnostics.clone(),
            linted: outcome.mode == Mode::Lint,
        }
    }

    /// The lints that fired (see [`crate::engine::diagnostic::lints`]).
    pub(crate) fn lints(&self) -> Vec<String> {
        crate::engine::diagnostic::lints(&self.diagnostics)
            .into_iter()
            .collect()
    }

    /// `fail E0277`, or for a lint case `pass, lint clippy::rc_mutex` (`pass, no lint`).
    pub fn summary(&self) -> String {
        let mut out = if self.codes.is_empty() {
            self.outcome.clone()
        } else {
            format!("{} {}", self.outcome, self.codes.join(" "))
        };
        if self.linted {
            let lints = self.lints();
            if lints.is_empty() {
                out.push_str(", no lint");
            } else {
                out.push_str(&format!(", lint {}", lints.join(" ")));
            }
        }
        out
    }

    pub(crate) fn headlines(&self) -> Vec<String> {
        crate::engine::diagnostic::headlines(&self.diagnostics)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub(crate) release: String,
    pub(crate) commit_date: String,
    /// A variant id, or `n/a` below the case's `min-rust`.
    pub variant: String,
}

/// The version of the history files' shape. 2: complete structured diagnostics (every span
/// with its extent and suggestion, children recursively).
pub(crate) const SCHEMA: u32 = 2;

/// How many nightlies a history keeps: recording a nightly drops all but the newest ones.
pub(crate) const NIGHTLIES_KEPT: usize = 3;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// [`SCHEMA`] when written; files without it are version 1.
    #[serde(default = "schema_1")]
    pub(crate) schema: u32,
    pub case: String,
    /// Keyed by [`key_of`]: `1.80.0`, or `nightly-2026-05-19`.
    pub toolchains: BTreeMap<String, Entry>,
    pub variants: BTreeMap<String, Variant>,
}

/// A run of consecutive toolchains with the same variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    pub from: String,
    pub to: String,
    pub variant: String,
}

/// How a toolchain is named in the history: its release for a stable release, else its
/// channel and commit date, so that each nightly is a toolchain of its own.
pub fn key_of(tc: &Toolchain) -> String {
    match tc.release.split_once('-') {
        None => tc.release.clone(),
        Some((_, channel)) => {
            let channel = channel.split('.').next().unwrap_or(channel);
            format!("{channel}-{}", tc.commit_date)
        }
    }
}

fn schema_1() -> u32 {
    1
}

/// Chronological order: by release, then nightly before beta before stable (a 1.97 nightly
/// comes before the 1.97.0 release), then by date.
pub(crate) fn order(entry: &Entry) -> (Version, u8, String) {
    let v = Version::parse(&entry.release).unwrap_or(Version::new(0, 0, 0));
    let channel = if entry.release.contains("nightly") {
        0
    } else if entry.release.contains("beta") {
        1
    } else {
        2
    };
    (v, channel, entry.commit_date.clone())
}

impl History {
    pub fn new(case: &str) -> History {
        History {
            schema: SCHEMA,
            case: case.to_string(),
            toolchains: BTreeMap::new(),
            variants: BTreeMap::new(),
        }
    }

    pub fn path(root: &Path, case: &Case) -> PathBuf {
        root.join(&case.topic).join(format!("{}.json", case.name))
    }

    pub fn load(path: &Path) -> Result<Option<History>> {
        if !path.exists() {
            return Ok(None);
        }
        let text = crate::fs::read_text(path)?;
        let bad = |e: serde_json::Error| {
            Error::input(path, Some(e.line()), format!("not a sendsync history: {e}"))
        };
        let value: serde_json::Value = serde_json::from_str(&text).map_err(bad)?;
        let schema = value.get("schema").and_then(|s| s.as_u64()).unwrap_or(1);
        if schema > u64::from(SCHEMA) {
            return Err(Error::input(
                path,
                None,
                format!("written by a newer sendsync (history schema {schema}; this one reads {SCHEMA}): update sendsync rather than overwrite it"),
            ));
        }
        if schema < u64::from(SCHEMA) {
            return Err(Error::input(
                path,
                None,
                format!("recorded by an older sendsync (history schema {schema}, with less detail than {SCHEMA}): record it again with `sendsync history record`"),
            ));
        }
        serde_json::from_value(value).map(Some).map_err(bad)
    }

    /// Like [`History::load`], but a file of an older schema is started afresh (its entries
    /// cannot be compared with new ones): what `record` wants.
    pub(crate) fn load_for_update(path: &Path, case: &str) -> Result<History> {
        if path.exists() {
            let text = crate::fs::read_text(path)?;
            let old = serde_json::from_str::<serde_json::Value>(&text)
                .ok()
                .and_then(|v| v.get("schema").map_or(Some(1), |s| s.as_u64()))
                .is_some_and(|schema| schema < u64::from(SCHEMA));
            if old {
                return Ok(History::new(case));
            }
        }
        Ok(History::load(path)?.unwrap_or_else(|| History::new(case)))
    }

    pub fn save(&self, path: &Path) -> Result<()> {
        let mut json = serde_json::to_string_pretty(self).expect("plain data serializes");
        json.push('\n');
        crate::fs::write_atomic(path, json.as_bytes())
    }

    /// Records what `key` gave: `None` for not applicable. Touches no other entry.
    pub fn record(&mut self, key: &str, tc: &Toolchain, variant: Option<Variant>) {
        let id = match variant {
            None => "n/a".to_string(),
            Some(v) => match self.variants.iter().find(|(_, x)| **x == v) {
                Some((id, _)) => id.clone(),
                None => {
                    let id = self.next_id();
                    self.variants.insert(id.clone(), v);
                    id
                }
            },
        };
        self.toolchains.insert(
            key.to_string(),
            Entry {
                release: tc.release.clone(),
                commit_date: tc.commit_date.clone(),
                variant: id,
            },
        );
        if key.starts_with("nightly-") {
            // Keep the newest nightlies only: they come daily, and old ones teach nothing
            // that the releases do not.
            let mut nightlies: Vec<(String, String)> = self
                .toolchains
                .iter()
                .filter(|(k, _)| k.starts_with("nightly-"))
                .map(|(k, e)| (e.commit_date.clone(), k.clone()))
                .collect();
            nightlies.sort();
            let excess = nightlies.len().saturating_sub(NIGHTLIES_KEPT);
            for (_, old) in &nightlies[..excess] {
                self.toolchains.remove(old);
            }
        }
        let used: Vec<String> = self
            .toolchains
            .values()
            .map(|e| e.variant.clone())
            .collect();
        self.variants.retain(|id, _| used.contains(id));
    }

    fn next_id(&self) -> String {
        (0..)
            .map(|mut n: usize| {
                let mut id = String::new();
                loop {
                    id.insert(0, (b'A' + (n % 26) as u8) as char);
                    if n < 26 {
                        break id;
                    }
                    n = n / 26 - 1;
                }
            })
            .find(|id| !self.variants.contains_key(id))
            .expect("an unused id")
    }

    /// The toolchains in chronological order, merged into runs of the same variant.
    pub fn spans(&self) -> Vec<Span> {
        let mut entries: Vec<(&String, &Entry)> = self.toolchains.iter().collect();
        entries.sort_by_key(|(_, e)| order(e));
        let mut spans: Vec<Span> = Vec::new();
        for (key, entry) in entries {
            match spans.last_mut() {
                Some(last) if last.variant == entry.variant => last.to = key.clone(),
                _ => spans.push(Span {
                    from: key.clone(),
                    to: key.clone(),
                    variant: entry.variant.clone(),
                }),
            }
        }
        spans
    }

    /// The variant recorded for a toolchain key (`1.95.0`), if the case applied to it.
    pub fn variant_on(&self, key: &str) -> Option<&Variant> {
        self.variants.get(&self.toolchains.get(key)?.variant)
    }

    /// Where the obligation chains changed, in chronological order: each toolchain whose
    /// chains differ from the toolchain recorded before it, with the first differing link
    /// named. `source` is the case's program (see [`crate::engine::chain::chains`]).
    pub fn chain_changes(&self, source: Option<&str>) -> Vec<(String, String)> {
        let mut changes = Vec::new();
        let mut before: Option<(String, Vec<crate::engine::chain::Chain>)> = None;
        for span in self.spans() {
            let Some(v) = self.variants.get(&span.variant) else {
                continue;
            };
            let now = crate::engine::chain::chains(&v.diagnostics, source);
            if let Some((_, was)) = &before {
                if let Some(what) = crate::engine::chain::difference(was, &now) {
                    changes.push((span.from.clone(), what));
                }
            }
            before = Some((span.to.clone(), now));
        }
        changes
    }

    /// "1.70.0 to 1.74.0: A (fail E0282 E0283); 1.75.0 to nightly-2026-05-19: B (fail E0283)".
    pub fn describe(&self) -> String {
        self.spans()
            .iter()
            .map(|s| {
                let range = if s.from == s.to {
                    s.from.clone()
                } else {
                    format!("{} to {}", s.from, s.to)
                };
                match self.variants.get(&s.variant) {
                    Some(v) => format!("{range}: {} ({})", s.variant, v.summary()),
                    None => format!("{range}: {}", s.variant),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}
