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

/// What a case gave on a toolchain, as far as the history is concerned.
enum Observed {
    Variant(Variant),
    /// Below the case's `min-rust` (or a lint case without clippy): `n/a`.
    NotApplicable,
    /// The compiler crashed. `record` never makes that a variant (a crash can say more about one
    /// compile than about the case) and keeps what was recorded; `verify` compares it with the
    /// record, which may hold a crash that is the toolchain's own (an ICE on every run).
    Crashed(Variant, String),
    /// No result at all: rustc overran its time limit, or could not be run.
    Nothing(String),
}

/// What each case gives on a toolchain, type-checked through the cache.
fn observe(tc: &Toolchain, cases: &[Case], options: &Options) -> Vec<Observed> {
    observe_each(std::slice::from_ref(tc), cases, options)
        .pop()
        .unwrap_or_default()
}

/// Every case type-checked on every toolchain, as one queue of work ([`check::check_each`]):
/// for each toolchain, what each case gives.
fn observe_each(toolchains: &[Toolchain], cases: &[Case], options: &Options) -> Vec<Vec<Observed>> {
    let mut options = options.clone();
    options.mode = Some(Mode::Check);
    options.compare_stderr = false;
    options.unbuildable_crates_not_applicable = true;
    check::check_each(toolchains, cases, &options, |_| {})
        .into_iter()
        .map(|results| {
            results
                .into_iter()
                .map(|r| match (&r.outcome, &r.verdict) {
                    (Some(o), _) if o.kind == Kind::Ice => {
                        Observed::Crashed(Variant::of(o), format!("ice: {}", r.reason))
                    }
                    (Some(o), _) if o.kind == Kind::Timeout => {
                        Observed::Nothing(format!("timeout: {}", r.reason))
                    }
                    (Some(o), _) => Observed::Variant(Variant::of(o)),
                    (None, check::Verdict::NotApplicable) => Observed::NotApplicable,
                    (None, v) => Observed::Nothing(format!("{}: {}", v.as_str(), r.reason)),
                })
                .collect()
        })
        .collect()
}

/// A lint case on a toolchain without clippy: `n/a` there, which `record` writes only where
/// nothing is recorded yet, and `verify` does not hold against the record.
fn unlintable(case: &Case, tc: &Toolchain) -> bool {
    case.expectation.is_lint() && tc.clippy.is_none()
}

/// What recording one toolchain did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// How many history files changed.
    pub changed: usize,
    /// The cases with no result to record on this toolchain (a compiler crash, a time-out, an
    /// error), and what happened: their records stay as they were.
    pub unrecorded: Vec<(String, String)>,
}

/// Records `tc` into the history of every case under `root`. Writes each file atomically, but
/// not the folder as a whole: see [`record_all`].
pub fn record(root: &Path, cases: &[Case], tc: &Toolchain, options: &Options) -> Result<Recorded> {
    let key = key_of(tc);
    let observed = observe(tc, cases, options);
    let mut recorded = Recorded::default();
    for (case, observed) in cases.iter().zip(observed) {
        let path = History::path(root, case);
        let mut history = History::load_for_update(&path, &case.name)?;
        let variant = match observed {
            Observed::Variant(v) => Some(v),
            Observed::NotApplicable => None,
            // The very crash already recorded (a toolchain's own ICE) is no news.
            Observed::Crashed(v, _) if history.variant_on(&key) == Some(&v) => continue,
            Observed::Crashed(_, why) | Observed::Nothing(why) => {
                recorded.unrecorded.push((case.name.clone(), why));
                continue;
            }
        };
        if unlintable(case, tc) && history.toolchains.contains_key(&key) {
            // Recorded where clippy was installed: a machine without it has nothing to add.
            continue;
        }
        let before = history.clone();
        history.record(&key, tc, variant);
        if history != before {
            history.save(&path)?;
            recorded.changed += 1;
        }
    }
    Ok(recorded)
}

/// Records several toolchains into the history folder `root` as one change: everything is
/// recorded into a staging copy beside it, which then takes the folder's place in one atomic
/// exchange (`renameat2(RENAME_EXCHANGE)`). Interrupted or failed at any point, `root` is as it
/// was before or fully updated, never half. A lock beside the folder (`.<name>.lock`) makes a
/// second recording wait for the first. `done` sees what recording each toolchain did.
pub fn record_all(
    root: &Path,
    cases: &[Case],
    toolchains: &[Toolchain],
    options: &Options,
    mut done: impl FnMut(&Toolchain, &Recorded),
) -> Result<()> {
    let root = std::path::absolute(root).map_err(|e| Error::io(root, e))?;
    let parent = root.parent().unwrap_or(Path::new("/")).to_path_buf();
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "history".into());
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let _lock = crate::fs::Lock::acquire(&parent.join(format!(".{name}.lock")))?;

    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}-staging-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?
        .keep();
    crate::toolchain::process::register_dir(&staging);
    let result = (|| {
        if root.is_dir() {
            copy_tree(&root, &staging)?;
        }
        for tc in toolchains {
            let recorded = record(&staging, cases, tc, options)?;
            done(tc, &recorded);
        }
        crate::toolchain::process::while_not_interrupted(|| exchange(&staging, &root))
    })();
    // After the exchange the staging path holds the old folder; before it, the unfinished one.
    let _ = std::fs::remove_dir_all(&staging);
    crate::toolchain::process::forget_dir(&staging);
    result
}

/// Swaps two paths atomically; where the file system cannot, replaces `to` by `from` in
/// renames (see [`replace_by_renames`]).
fn exchange(from: &Path, to: &Path) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    if !to.exists() {
        return std::fs::rename(from, to).map_err(|e| Error::io(to, e));
    }
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).expect("no NUL in a path");
    let (a, b) = (c(from), c(to));
    // SAFETY: two valid NUL-terminated paths; renameat2 reads them and touches nothing else.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    replace_by_renames(from, to, |a, b| std::fs::rename(a, b))
}

/// Replaces the folder `to` by `from` without an atomic exchange: `to` is moved aside (to a
/// fresh name beside it), `from` takes its place, and the old folder then moves to `from`,
/// where the caller removes it. `to` is missing only between two renames; if `from` cannot
/// take its place, the old folder is put back, so a failure leaves `to` as it was.
fn replace_by_renames(
    from: &Path,
    to: &Path,
    rename: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let parent = to.parent().unwrap_or(Path::new("/"));
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // An empty folder of a name of its own, which renaming `to` replaces: never a name that a
    // run interrupted earlier could have left behind.
    let aside = tempfile::Builder::new()
        .prefix(&format!(".{name}-old-"))
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, e))?
        .keep();
    if let Err(e) = rename(to, &aside) {
        let _ = std::fs::remove_dir(&aside);
        return Err(Error::io(to, e));
    }
    if let Err(e) = rename(from, to) {
        return match rename(&aside, to) {
            Ok(()) => Err(Error::io(to, e)),
            Err(back) => Err(Error::FolderNotReplaced {
                path: to.to_path_buf(),
                aside,
                put: e.into(),
                back: back.into(),
            }),
        };
    }
    if rename(&aside, from).is_err() {
        let _ = std::fs::remove_dir_all(&aside);
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_tree(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&src, e))?;
        }
    }
    Ok(())
}

/// Every toolchain key recorded for any of `cases`: a toolchain outside it is new to the
/// history (a nightly after `rustup update`, say), which `verify` reports as such rather than
/// as a difference in every case.
pub fn recorded_keys(root: &Path, cases: &[Case]) -> Result<std::collections::BTreeSet<String>> {
    let mut keys = std::collections::BTreeSet::new();
    for case in cases {
        if let Some(h) = History::load(&History::path(root, case))? {
            keys.extend(h.toolchains.into_keys());
        }
    }
    Ok(keys)
}

/// One difference between the recorded history and what a toolchain says now.
#[derive(Debug)]
pub struct Difference {
    pub case: String,
    pub toolchain: String,
    pub what: String,
}

/// Checks the recorded history of every case against `tc`. A case, or a toolchain, with no
/// record is a difference too: the history must cover the whole corpus.
pub fn verify(
    root: &Path,
    cases: &[Case],
    tc: &Toolchain,
    options: &Options,
) -> Result<Vec<Difference>> {
    let histories = load_all(root, cases)?;
    verify_against(&histories, cases, tc, options)
}

/// [`verify`] on several toolchains: each case's history is read once, and every case on every
/// toolchain is compiled as one queue of work, `options.jobs` at a time in all (each through
/// the cache, so a warm run is mostly reading). The differences come back in the order of
/// `toolchains`.
pub fn verify_all(
    root: &Path,
    cases: &[Case],
    toolchains: &[Toolchain],
    options: &Options,
) -> Result<Vec<Vec<Difference>>> {
    let histories = load_all(root, cases)?;
    let observed = observe_each(toolchains, cases, options);
    toolchains
        .iter()
        .zip(observed)
        .map(|(tc, observed)| compare(&histories, cases, tc, observed))
        .collect()
}

/// Each case's history (with its path), `None` where it has none.
fn load_all(root: &Path, cases: &[Case]) -> Result<Vec<(PathBuf, Option<History>)>> {
    cases
        .iter()
        .map(|case| {
            let path = History::path(root, case);
            let history = History::load(&path)?;
            Ok((path, history))
        })
        .collect()
}

fn verify_against(
    histories: &[(PathBuf, Option<History>)],
    cases: &[Case],
    tc: &Toolchain,
    options: &Options,
) -> Result<Vec<Difference>> {
    compare(histories, cases, tc, observe(tc, cases, options))
}

/// Holds what `tc` says now (`observed`, one per case) against the recorded histories.
fn compare(
    histories: &[(PathBuf, Option<History>)],
    cases: &[Case],
    tc: &Toolchain,
    observed: Vec<Observed>,
) -> Result<Vec<Difference>> {
    let key = key_of(tc);
    let mut out = Vec::new();
    for ((case, observed), (path, history)) in cases.iter().zip(observed).zip(histories) {
        if unlintable(case, tc) {
            // A lint case needs the toolchain's clippy; without it there is nothing to compare.
            continue;
        }
        let diff = |what: String| Difference {
            case: case.name.clone(),
            toolchain: key.clone(),
            what,
        };
        let variant = match observed {
            Observed::Variant(v) => Some(v),
            Observed::NotApplicable => None,
            Observed::Crashed(v, _) => Some(v),
            Observed::Nothing(why) => {
                // Nothing to hold against the record: say what happened instead.
                out.push(diff(format!("no result to compare ({why})")));
                continue;
            }
        };
        let Some(history) = history else {
            out.push(diff(format!("no history at {}", path.display())));
            continue;
        };
        let Some(entry) = history.toolchains.get(&key) else {
            out.push(diff("this toolchain is not recorded".into()));
            continue;
        };
        let recorded = history.variants.get(&entry.variant);
        if recorded != variant.as_ref() {
            let was = recorded.map_or(entry.variant.clone(), Variant::summary);
            let now = variant.as_ref().map_or("n/a".into(), Variant::summary);
            let what = match (recorded, &variant) {
                (Some(a), Some(b)) => {
                    let to_json = |v: &Variant| serde_json::to_value(v).expect("plain data");
                    crate::engine::difference::first_difference(&to_json(a), &to_json(b))
                        .unwrap_or_default()
                }
                _ => String::new(),
            };
            out.push(diff(format!("recorded {was}, now {now}; {what}")));
        }
    }
    Ok(out)
}

/// The committed history folder (see [`crate::paths::history_root`]).
pub fn default_root() -> PathBuf {
    crate::paths::history_root()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tc(release: &str, date: &str) -> Toolchain {
        Toolchain {
            name: release.into(),
            release: release.into(),
            commit_hash: "0".repeat(40),
            commit_date: date.into(),
            host: "x".into(),
            ..Toolchain::default()
        }
    }

    fn variant(codes: &[&str]) -> Variant {
        Variant {
            outcome: "fail".into(),
            codes: codes.iter().map(|s| s.to_string()).collect(),
            diagnostics: vec![],
            linted: false,
        }
    }

    #[test]
    fn recording_one_toolchain_leaves_the_others() {
        let mut h = History::new("x");
        let (a, b, c) = (
            tc("1.70.0", "2023-05-31"),
            tc("1.75.0", "2023-12-21"),
            tc("1.97.0-nightly", "2026-05-19"),
        );
        h.record(&key_of(&a), &a, Some(variant(&["E0282", "E0283"])));
        h.record(&key_of(&b), &b, Some(variant(&["E0283"])));
        h.record(&key_of(&c), &c, Some(variant(&["E0283"])));
        let before = h.toolchains.get("1.70.0").cloned();
        assert_eq!(
            h.describe(),
            "1.70.0: A (fail E0282 E0283); 1.75.0 to nightly-2026-05-19: B (fail E0283)"
        );
        // Re-recording 1.75.0 with a new variant changes only 1.75.0's entry.
        h.record("1.75.0", &b, Some(variant(&["E0277"])));
        assert_eq!(h.toolchains.get("1.70.0").cloned(), before);
        assert_eq!(h.toolchains["nightly-2026-05-19"].variant, "B");
        assert_eq!(h.toolchains["1.75.0"].variant, "C");
        // A variant nobody points at is dropped; the others keep their ids.
        h.record("nightly-2026-05-19", &c, Some(variant(&["E0277"])));
        assert!(!h.variants.contains_key("B"));
        assert_eq!(
            h.describe(),
            "1.70.0: A (fail E0282 E0283); 1.75.0 to nightly-2026-05-19: C (fail E0277)"
        );
        h.record("1.70.0", &a, None);
        assert_eq!(h.spans()[0].variant, "n/a");
    }

    #[test]
    fn a_nightly_comes_before_its_release_and_old_nightlies_go() {
        let mut h = History::new("x");
        let stable = tc("1.97.0", "2026-07-01");
        h.record("1.97.0", &stable, Some(variant(&["E0277"])));
        for date in ["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04"] {
            let n = tc("1.97.0-nightly", date);
            h.record(&key_of(&n), &n, Some(variant(&["E0277"])));
        }
        let keys: Vec<&String> = h.toolchains.keys().collect();
        assert_eq!(
            keys,
            [
                "1.97.0",
                "nightly-2026-05-02",
                "nightly-2026-05-03",
                "nightly-2026-05-04"
            ],
            "the oldest nightly is dropped, {NIGHTLIES_KEPT} kept"
        );
        let spans = h.spans();
        assert_eq!(spans[0].from, "nightly-2026-05-02");
        assert_eq!(
            spans[0].to, "1.97.0",
            "the nightlies of 1.97 come before 1.97.0"
        );
    }

    #[test]
    fn files_of_another_schema_are_refused_or_started_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let newer = dir.path().join("newer.json");
        std::fs::write(
            &newer,
            r#"{"schema": 99, "case": "x", "toolchains": {}, "variants": {}}"#,
        )
        .unwrap();
        let err = History::load(&newer).unwrap_err().to_string();
        assert!(
            err.contains("newer.json") && err.contains("newer sendsync"),
            "{err}"
        );
        assert!(
            History::load_for_update(&newer, "x").is_err(),
            "never overwritten"
        );
        let older = dir.path().join("older.json");
        std::fs::write(&older, r#"{"case": "x", "toolchains": {}, "variants": {}}"#).unwrap();
        let err = History::load(&older).unwrap_err().to_string();
        assert!(err.contains("record it again"), "{err}");
        assert_eq!(
            History::load_for_update(&older, "x").unwrap(),
            History::new("x")
        );
    }

    #[test]
    fn without_clippy_a_lint_case_keeps_its_record_and_is_not_verified() {
        let dir = tempfile::tempdir().unwrap();
        let source = "//! T\n//!\n//! A lint. It fires.\n//@ lint: clippy::rc_mutex\n//@ fix: y\nfn main() {}\n";
        let case = Case::parse(&dir.path().join("t/x.rs"), source.into(), true).unwrap();
        let no_clippy = tc("1.80.0", "2024-07-21");
        assert!(no_clippy.clippy.is_none());
        let options = Options::new(dir.path().to_path_buf());
        let root = dir.path().join("history");
        // Nothing recorded yet: `n/a`.
        record(&root, std::slice::from_ref(&case), &no_clippy, &options).unwrap();
        let path = History::path(&root, &case);
        assert_eq!(
            History::load(&path).unwrap().unwrap().toolchains["1.80.0"].variant,
            "n/a"
        );
        // A real record (made where clippy was installed) is kept, and not held against n/a.
        let mut h = History::new("x");
        h.record("1.80.0", &no_clippy, Some(variant(&[])));
        h.save(&path).unwrap();
        record(&root, std::slice::from_ref(&case), &no_clippy, &options).unwrap();
        assert_eq!(History::load(&path).unwrap().unwrap(), h);
        let differences = verify(&root, &[case], &no_clippy, &options).unwrap();
        assert!(differences.is_empty(), "{differences:?}");
    }

    /// The fallback of a file system without an atomic exchange: whichever rename fails, the
    /// folder is there afterwards, whole, old or new.
    #[test]
    fn replacing_by_renames_never_leaves_the_folder_missing() {
        use std::cell::Cell;
        let read = |dir: &Path| std::fs::read_to_string(dir.join("f")).ok();
        // The renames are: old aside, new in place, old to the staging path.
        for fail_at in [None, Some(0), Some(1), Some(2)] {
            let tmp = tempfile::tempdir().unwrap();
            let (from, to) = (tmp.path().join("staging"), tmp.path().join("history"));
            for (dir, text) in [(&from, "new"), (&to, "old")] {
                std::fs::create_dir_all(dir).unwrap();
                std::fs::write(dir.join("f"), text).unwrap();
            }
            let n = Cell::new(0);
            let result = replace_by_renames(&from, &to, |a, b| {
                let i = n.get();
                n.set(i + 1);
                if Some(i) == fail_at {
                    return Err(std::io::Error::other("refused"));
                }
                std::fs::rename(a, b)
            });
            let want = match fail_at {
                Some(0 | 1) => "old",
                _ => "new",
            };
            assert_eq!(
                read(&to).as_deref(),
                Some(want),
                "failing rename {fail_at:?}"
            );
            assert_eq!(
                result.is_err(),
                matches!(fail_at, Some(0 | 1)),
                "{fail_at:?}"
            );
            // Nothing is left beside the folder but the staging path, which the caller removes.
            let left: Vec<String> = std::fs::read_dir(tmp.path())
                .unwrap()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n != "history" && n != "staging")
                .collect();
            assert!(left.is_empty(), "{fail_at:?}: {left:?}");
        }
    }

    #[test]
    fn keys() {
        assert_eq!(key_of(&tc("1.80.0", "2024-07-21")), "1.80.0");
        assert_eq!(
            key_of(&tc("1.97.0-nightly", "2026-05-19")),
            "nightly-2026-05-19"
        );
        assert_eq!(
            key_of(&tc("1.96.0-beta.3", "2026-05-01")),
            "beta-2026-05-01"
        );
    }

    #[test]
    fn tracked_runs_from_1_70_to_the_pin() {
        let t = tracked();
        assert_eq!(t.first().map(String::as_str), Some("1.70.0"));
        assert!(t.contains(&crate::toolchain::pinned().to_string()));
        assert_eq!(t.last().map(String::as_str), Some("nightly"));
    }
}
