//! A UI program's expectations per toolchain, in `NAME.sendsync.toml` beside `NAME.rs`: the
//! distinct variants of its outcome and normalized stderr (A, B, …), and which toolchains give
//! each. A trybuild `NAME.stderr` with no such file beside it is read as the expectation of
//! one toolchain, so a crate moves over without blessing anything again.
//!
//! The file is for review: each variant's `stderr` is the text trybuild would pin, written as a
//! multi-line string; its `diagnostics` (one JSON line per diagnostic) are rustc's structure,
//! which the drift class is computed from.

use crate::drift::history::{Entry, History};
use crate::engine::compile::{Kind, Mode, Outcome};
use crate::engine::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::toolchain::{Toolchain, Version};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The version of the file's shape.
pub const SCHEMA: u32 = 1;

/// What `n/a` stands for: the crate did not build on that toolchain.
pub const NOT_APPLICABLE: &str = "n/a";

/// One program's expectations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expectations {
    pub schema: u32,
    /// The program, relative to the crate (`tests/ui/rc.rs`).
    pub program: String,
    /// By toolchain key (`1.75.0`, `nightly-2026-05-19`): its release, and a variant id or
    /// `n/a`, with the reason for an `n/a`.
    pub toolchains: BTreeMap<String, Toolchained>,
    pub variants: BTreeMap<String, Variant>,
}

/// A toolchain's entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Toolchained {
    pub release: String,
    #[serde(default)]
    pub commit_date: String,
    pub variant: String,
    /// Why the crate did not build there (for `n/a`), or where the entry came from (a trybuild
    /// `.stderr`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One variant: what trybuild compares (the outcome and the normalized stderr), and rustc's
/// structure, for the drift class.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// `pass` (compiles) or `fail`.
    pub outcome: String,
    pub stderr: String,
    /// One JSON diagnostic per line; absent for a variant read from a trybuild `.stderr`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnostics: Option<String>,
}

impl Variant {
    pub fn of(outcome: &Outcome) -> Variant {
        let lines: Vec<String> = outcome
            .diagnostics
            .iter()
            .map(|d| serde_json::to_string(d).expect("plain data serializes"))
            .collect();
        Variant {
            outcome: outcome.kind.name().into(),
            stderr: outcome.stderr.clone(),
            diagnostics: Some(lines.join("\n") + "\n"),
        }
    }

    /// Whether `other` is this variant as trybuild compares: the same outcome and stderr.
    pub fn same(&self, other: &Variant) -> bool {
        self.outcome == other.outcome
            && crate::engine::normalize::trim(&self.stderr)
                == crate::engine::normalize::trim(&other.stderr)
    }

    /// The structured diagnostics, if recorded (`None` for a trybuild `.stderr`, or one that does
    /// not parse, which is then read as text only).
    pub fn diagnostics(&self) -> Option<Vec<Diagnostic>> {
        self.diagnostics.as_deref().and_then(|text| {
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(serde_json::from_str)
                .collect::<std::result::Result<Vec<_>, _>>()
                .ok()
        })
    }

    /// As an [`Outcome`], for [`crate::drift::classify`]: with the diagnostics recorded, or
    /// with the headlines that the stderr text shows.
    pub fn outcome(&self) -> Outcome {
        Outcome {
            kind: if self.outcome == "pass" {
                Kind::Pass
            } else {
                Kind::Fail
            },
            mode: Mode::Check,
            diagnostics: self
                .diagnostics()
                .unwrap_or_else(|| headlines_of(&self.stderr)),
            stderr: self.stderr.clone(),
            run: None,
            millis: 0,
        }
    }
}

/// The diagnostics a rendered stderr shows at the top level: `error[E0277]: message` lines, as
/// diagnostics with a level, code and message only.
pub fn headlines_of(stderr: &str) -> Vec<Diagnostic> {
    stderr
        .lines()
        .filter_map(|line| {
            let (head, message) = line.split_once(": ")?;
            let (level, code) = match head.split_once('[') {
                Some((level, code)) => (level, Some(code.strip_suffix(']')?.to_string())),
                None => (head, None),
            };
            ["error", "warning"].contains(&level).then(|| Diagnostic {
                level: level.into(),
                code,
                message: message.into(),
                spans: vec![],
                children: vec![],
            })
        })
        .collect()
}

/// What recording one toolchain did to one program's expectations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// As recorded already.
    Same,
    /// Nothing was recorded for the toolchain: now it is.
    Added,
    /// The toolchain gives something else than recorded: replaced only with `--bless`.
    Differs {
        was: Option<Variant>,
        now: Option<Variant>,
    },
}

impl Expectations {
    pub fn new(program: &str) -> Expectations {
        Expectations {
            schema: SCHEMA,
            program: program.into(),
            toolchains: BTreeMap::new(),
            variants: BTreeMap::new(),
        }
    }

    /// `NAME.sendsync.toml` beside `NAME.rs`.
    pub fn path(program: &Path) -> PathBuf {
        program.with_extension("sendsync.toml")
    }

    /// A program's expectations: its `NAME.sendsync.toml`; failing that, its trybuild
    /// `NAME.stderr` as the expectation of `stderr_toolchain`; failing that, none.
    pub fn load(program: &Path, relative: &str, stderr_toolchain: &str) -> Result<Expectations> {
        Expectations::load_with(program, relative, stderr_toolchain, stderr_toolchain)
    }

    /// [`Expectations::load`], for a `.stderr` toolchain whose key is not its release (a
    /// nightly's `nightly-2026-05-19` is `1.97.0-nightly`).
    pub fn load_with(
        program: &Path,
        relative: &str,
        stderr_toolchain: &str,
        stderr_release: &str,
    ) -> Result<Expectations> {
        let path = Expectations::path(program);
        if path.is_file() {
            let text = crate::fs::read_text(&path)?;
            let e: Expectations = toml::from_str(&text).map_err(|e| {
                let line = e
                    .span()
                    .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
                Error::input(
                    &path,
                    line,
                    format!("not a sendsync UI expectation: {}", e.message()),
                )
            })?;
            if e.schema > SCHEMA {
                return Err(Error::input(
                    &path,
                    None,
                    format!(
                        "written by a newer sendsync (schema {}): update sendsync",
                        e.schema
                    ),
                ));
            }
            return Ok(e);
        }
        let mut e = Expectations::new(relative);
        let stderr = program.with_extension("stderr");
        if stderr.is_file() {
            let text = crate::fs::read_text(&stderr)?;
            e.variants.insert(
                "A".into(),
                Variant {
                    outcome: "fail".into(),
                    stderr: crate::engine::normalize::trim(&text.replace("\r\n", "\n")),
                    diagnostics: None,
                },
            );
            e.toolchains.insert(
                stderr_toolchain.into(),
                Toolchained {
                    release: stderr_release.into(),
                    commit_date: String::new(),
                    variant: "A".into(),
                    note: Some(format!(
                        "read from trybuild's {}",
                        stderr.file_name().unwrap_or_default().to_string_lossy()
                    )),
                },
            );
        }
        Ok(e)
    }

    /// Writes the file atomically, with a header that says what it is.
    pub fn save(&self, program: &Path) -> Result<()> {
        let body = toml::to_string(self).expect("plain data serializes");
        let text = format!(
            "# sendsync UI expectations of {}: per toolchain, the variant it gives.\n# Written by `sendsync ui record --bless`; `sendsync ui check` holds toolchains to it.\n\n{body}",
            self.program
        );
        crate::fs::write_atomic(&Expectations::path(program), text.as_bytes())
    }

    /// The variant recorded for `key`: `None` when nothing is recorded, `Some(None)` for `n/a`.
    pub fn on(&self, key: &str) -> Option<Option<&Variant>> {
        let entry = self.toolchains.get(key)?;
        Some(self.variants.get(&entry.variant))
    }

    /// The recorded toolchain nearest to `toolchain` in release (the newer of two as near), that
    /// the crate built on: for a toolchain never recorded.
    pub fn nearest(&self, toolchain: &Toolchain) -> Option<&str> {
        let v = toolchain.version();
        let distance = |w: &Version| {
            let a = (w.major * 1000 + w.minor) as i64;
            let b = (v.major * 1000 + v.minor) as i64;
            (a - b).abs()
        };
        self.toolchains
            .iter()
            .filter(|(_, e)| e.variant != NOT_APPLICABLE)
            .filter_map(|(k, e)| Some((k, Version::parse(&e.release)?)))
            .min_by_key(|(_, w)| (distance(w), std::cmp::Reverse(w.clone())))
            .map(|(k, _)| k.as_str())
    }

    /// Records what `key` gives (`Err(reason)`: the crate does not build there, `n/a`). A
    /// toolchain recorded with another variant is changed only when `bless`.
    pub fn record(
        &mut self,
        key: &str,
        tc: &Toolchain,
        now: std::result::Result<Variant, String>,
        bless: bool,
    ) -> Change {
        let was = self.toolchains.get(key).cloned();
        let was_variant = was.as_ref().and_then(|e| self.variants.get(&e.variant));
        let change = match (&was, was_variant, &now) {
            (None, _, _) => Change::Added,
            (Some(e), _, Err(_)) if e.variant == NOT_APPLICABLE => Change::Same,
            (Some(_), Some(w), Ok(n)) if w.same(n) => Change::Same,
            _ => Change::Differs {
                was: was_variant.cloned(),
                now: now.clone().ok(),
            },
        };
        if matches!(change, Change::Differs { .. }) && !bless {
            return change;
        }
        if change == Change::Same {
            // A variant read from a `.stderr` gains rustc's structure; nothing it says changes.
            if let (Some(e), Ok(n)) = (&was, &now) {
                if let Some(v) = self.variants.get_mut(&e.variant) {
                    if v.diagnostics.is_none() {
                        v.diagnostics = n.diagnostics.clone();
                    }
                }
            }
            return change;
        }
        let (id, note) = match now {
            Err(reason) => (NOT_APPLICABLE.to_string(), Some(first_line(&reason))),
            Ok(v) => match self.variants.iter().find(|(_, x)| x.same(&v)) {
                Some((id, _)) => (id.clone(), None),
                None => {
                    let id = self.next_id();
                    self.variants.insert(id.clone(), v);
                    (id, None)
                }
            },
        };
        self.toolchains.insert(
            key.into(),
            Toolchained {
                release: tc.release.clone(),
                commit_date: tc.commit_date.clone(),
                variant: id,
                note,
            },
        );
        let used: Vec<String> = self
            .toolchains
            .values()
            .map(|e| e.variant.clone())
            .collect();
        self.variants.retain(|id, _| used.contains(id));
        change
    }

    fn next_id(&self) -> String {
        (b'A'..=b'Z')
            .map(|b| (b as char).to_string())
            .chain((1..).map(|n| format!("V{n}")))
            .find(|id| !self.variants.contains_key(id))
            .expect("an unused id")
    }

    /// As a [`History`], for its ranges and summaries (`history show`'s form).
    pub fn history(&self) -> History {
        let mut h = History::new(&self.program);
        for (key, e) in &self.toolchains {
            h.toolchains.insert(
                key.clone(),
                Entry {
                    release: e.release.clone(),
                    commit_date: e.commit_date.clone(),
                    variant: e.variant.clone(),
                },
            );
        }
        for (id, v) in &self.variants {
            h.variants
                .insert(id.clone(), crate::drift::history::Variant::of(&v.outcome()));
        }
        h
    }
}

/// The first line of a reason (cargo's are long), for the file.
fn first_line(reason: &str) -> String {
    let line = reason
        .lines()
        .find(|l| l.starts_with("error"))
        .or_else(|| reason.lines().next())
        .unwrap_or_default();
    line.chars().take(300).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tc(release: &str) -> Toolchain {
        Toolchain {
            release: release.into(),
            ..Toolchain::default()
        }
    }

    fn variant(stderr: &str) -> Variant {
        Variant {
            outcome: "fail".into(),
            stderr: stderr.into(),
            diagnostics: Some(
                "{\"level\":\"error\",\"code\":\"E0277\",\"message\":\"m\"}\n".into(),
            ),
        }
    }

    #[test]
    fn recording_adds_new_toolchains_and_changes_old_ones_only_when_blessed() {
        let mut e = Expectations::new("tests/ui/a.rs");
        assert_eq!(
            e.record("1.75.0", &tc("1.75.0"), Ok(variant("x\n")), false),
            Change::Added
        );
        assert_eq!(
            e.record("1.95.0", &tc("1.95.0"), Ok(variant("y\n")), false),
            Change::Added
        );
        assert_eq!(
            e.record("1.80.0", &tc("1.80.0"), Ok(variant("x\n")), false),
            Change::Added
        );
        assert_eq!(e.variants.len(), 2);
        assert_eq!(e.toolchains["1.80.0"].variant, "A");
        let c = e.record("1.75.0", &tc("1.75.0"), Ok(variant("z\n")), false);
        assert!(matches!(c, Change::Differs { .. }), "{c:?}");
        assert_eq!(e.on("1.75.0").unwrap().unwrap().stderr, "x\n");
        e.record("1.75.0", &tc("1.75.0"), Ok(variant("z\n")), true);
        assert_eq!(e.on("1.75.0").unwrap().unwrap().stderr, "z\n");
        e.record(
            "1.70.0",
            &tc("1.70.0"),
            Err("error: too old\nmore".into()),
            false,
        );
        assert_eq!(e.on("1.70.0"), Some(None));
        assert_eq!(
            e.toolchains["1.70.0"].note.as_deref(),
            Some("error: too old")
        );
        assert_eq!(e.nearest(&tc("1.72.0")), Some("1.75.0"));
        assert_eq!(e.nearest(&tc("1.90.0")), Some("1.95.0"));
        let ranges = e.history().describe();
        assert_eq!(
            ranges,
            "1.70.0: n/a; 1.75.0: C (fail E0277); 1.80.0: A (fail E0277); 1.95.0: B (fail E0277)"
        );
    }

    #[test]
    fn the_file_round_trips_and_a_trybuild_stderr_is_one_toolchains_expectation() {
        let dir = tempfile::tempdir().unwrap();
        let program = dir.path().join("a.rs");
        std::fs::write(&program, "fn main() {}\n").unwrap();
        std::fs::write(
            dir.path().join("a.stderr"),
            "error[E0277]: `Rc<i32>` cannot be sent\n",
        )
        .unwrap();
        let e = Expectations::load(&program, "tests/ui/a.rs", "1.95.0").unwrap();
        let v = e.on("1.95.0").unwrap().unwrap();
        assert_eq!(
            v.outcome().codes().into_iter().collect::<Vec<_>>(),
            ["E0277"]
        );
        let mut e = e;
        e.record(
            "1.75.0",
            &tc("1.75.0"),
            Ok(variant("multi\nline '''\n")),
            false,
        );
        e.save(&program).unwrap();
        let text = std::fs::read_to_string(Expectations::path(&program)).unwrap();
        assert!(
            text.starts_with("# sendsync UI expectations of tests/ui/a.rs"),
            "{text}"
        );
        let back = Expectations::load(&program, "tests/ui/a.rs", "1.95.0").unwrap();
        assert_eq!(back, e);
        std::fs::write(Expectations::path(&program), "schema = 1\nprogram = 3\n").unwrap();
        let err = Expectations::load(&program, "x", "1.95.0")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("a.sendsync.toml:2: not a sendsync UI expectation"),
            "{err}"
        );
    }
}
