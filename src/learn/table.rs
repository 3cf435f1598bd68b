//! The std `Send`/`Sync` truth table: declared once, as data, in [`rows`]; checked at compile
//! time by `static_assertions` generated from the same declaration; and probed on any
//! toolchain by one generated program ([`probe::probe`]).
//!
//! A generic row (`sync::Arc<T>`) is checked at four instantiations of `T`, one for each
//! combination of the two traits, so that a row tests its condition and not one instance:
//! `u8` (Send + Sync), `cell::Cell<u8>` (Send only), `sync::MutexGuard<'static, u8>` (Sync
//! only) and `rc::Rc<u8>` (neither). A row without `T` has one answer per trait.
//!
//! The declared conditions are those of the pinned toolchain. Where an answer changed in an
//! earlier release, the row records the change (`changed: Sync before "1.72.0" was never`), so
//! that a probe of an old toolchain is expected to differ, and the printed table says so.

pub(crate) mod probe;
mod render;
mod rows;

pub use probe::{
    differences, mismatches, probe, probe_all, probe_types, Difference, Mismatch, Transition,
};
pub use render::{
    render, render_differences, render_html_table, render_html_table_with, render_json,
    render_markdown, render_markdown_with, render_text, Format,
};
pub use rows::PRELUDE;

use crate::error::{Error, Result};
use crate::toolchain::{Spec, Toolchain, Version};
use serde::Serialize;
use std::fmt;

/// One of the two auto traits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Trait {
    Send,
    Sync,
}

impl Trait {
    pub const BOTH: [Trait; 2] = [Trait::Send, Trait::Sync];

    pub fn name(self) -> &'static str {
        match self {
            Trait::Send => "Send",
            Trait::Sync => "Sync",
        }
    }
}

impl fmt::Display for Trait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// When a row's type implements a trait.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cond {
    /// For every `T`.
    Always,
    /// For no `T`.
    Never,
    /// When `T` implements all of these (`[Send, Sync]`: `T: Send + Sync`).
    If(&'static [Trait]),
}

impl Cond {
    /// Whether a type whose parameter implements `send` and `sync` meets the condition.
    pub fn holds(self, send: bool, sync: bool) -> bool {
        match self {
            Cond::Always => true,
            Cond::Never => false,
            Cond::If(bounds) => bounds.iter().all(|b| match b {
                Trait::Send => send,
                Trait::Sync => sync,
            }),
        }
    }

    /// The condition in words: `always`, `never`, `if T: Send + Sync`.
    pub fn words(self, param: &str) -> String {
        match self {
            Cond::Always => "always".into(),
            Cond::Never => "never".into(),
            Cond::If(bounds) => {
                let names: Vec<&str> = bounds.iter().map(|b| b.name()).collect();
                format!("if {param}: {}", names.join(" + "))
            }
        }
    }
}

/// A recorded change: before the release `since`, the answer for `auto_trait` was `before`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    #[serde(rename = "trait")]
    pub auto_trait: Trait,
    pub since: &'static str,
    pub before: Cond,
}

impl Change {
    pub fn since(&self) -> Version {
        Version::parse(self.since).expect("the table's releases parse")
    }
}

/// One instantiation of a generic row's parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Instantiation {
    /// As written in the generated program (`cell::Cell<u8>`).
    pub ty: &'static str,
    /// Whether it is `Send`.
    pub send: bool,
    /// Whether it is `Sync`.
    pub sync: bool,
}

impl Instantiation {
    /// A short label for table headers: `Cell<u8>`, `MutexGuard<u8>`.
    pub fn label(&self) -> String {
        short(self.ty)
    }
}

/// The four instantiations every generic row is checked at.
pub fn instantiations() -> &'static [Instantiation] {
    // `stringify!` spaces out tokens that come from a macro's own text: tidy them once.
    static TIDY: std::sync::LazyLock<Vec<Instantiation>> = std::sync::LazyLock::new(|| {
        rows::INSTANTIATIONS
            .iter()
            .map(|i| Instantiation {
                ty: Box::leak(tidy(i.ty).into_boxed_str()),
                ..*i
            })
            .collect()
    });
    &TIDY
}

/// Closes up the spaces `stringify!` may put around `::`, `<`, `>` and `,`.
fn tidy(ty: &str) -> String {
    let mut s = ty.to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" ,", ","),
    ] {
        while s.contains(from) {
            s = s.replace(from, to);
        }
    }
    s
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The group it is shown in (`Cells`, `Locks and synchronisation`).
    pub section: &'static str,
    /// The type as written, with its parameter: `sync::Arc<T>`, `&'static mut T`, `String`.
    /// Paths are relative to [`PRELUDE`].
    #[serde(rename = "type")]
    pub ty: &'static str,
    /// The parameter of a generic row (`T`), `None` for a type without one.
    pub param: Option<&'static str>,
    /// The first release with the type, where it is newer than 1.70.
    pub min_rust: Option<&'static str>,
    /// When it is `Send`, on the pinned toolchain.
    pub send: Cond,
    /// When it is `Sync`, on the pinned toolchain.
    pub sync: Cond,
    /// Earlier answers, oldest change first.
    pub changes: &'static [Change],
    /// Why, in a few words.
    pub note: &'static str,
}

impl Row {
    pub fn is_generic(&self) -> bool {
        self.param.is_some()
    }

    /// How many answers a trait has: one per instantiation, or one.
    pub fn width(&self) -> usize {
        if self.is_generic() {
            instantiations().len()
        } else {
            1
        }
    }

    pub fn min_rust(&self) -> Option<Version> {
        self.min_rust
            .map(|v| Version::parse(v).expect("the table's releases parse"))
    }

    /// Whether the type exists on a release.
    pub fn exists_on(&self, version: &Version) -> bool {
        self.min_rust().is_none_or(|min| *version >= min)
    }

    /// The condition on the pinned toolchain.
    pub fn cond(&self, auto_trait: Trait) -> Cond {
        match auto_trait {
            Trait::Send => self.send,
            Trait::Sync => self.sync,
        }
    }

    /// The condition on a release, by the recorded changes (`None`: the pinned toolchain).
    pub fn cond_on(&self, auto_trait: Trait, version: Option<&Version>) -> Cond {
        let Some(version) = version else {
            return self.cond(auto_trait);
        };
        self.changes
            .iter()
            .filter(|c| c.auto_trait == auto_trait)
            .find(|c| *version < c.since())
            .map(|c| c.before)
            .unwrap_or(self.cond(auto_trait))
    }

    /// The declared answers for a trait on a release (`None`: the pinned toolchain), one per
    /// instantiation, or one for a type without a parameter.
    pub fn expected(&self, auto_trait: Trait, version: Option<&Version>) -> Vec<Answer> {
        if version.is_some_and(|v| !self.exists_on(v)) {
            return vec![Answer::NotApplicable; self.width()];
        }
        let cond = self.cond_on(auto_trait, version);
        if self.is_generic() {
            instantiations()
                .iter()
                .map(|i| Answer::from(cond.holds(i.send, i.sync)))
                .collect()
        } else {
            vec![Answer::from(cond.holds(true, true))]
        }
    }

    /// The type with its parameter replaced (`sync::Arc<cell::Cell<u8>>`); the type itself for
    /// a row without one.
    pub fn instantiate(&self, inst: Option<&Instantiation>) -> String {
        match (self.param, inst) {
            (Some(param), Some(inst)) => substitute(self.ty, param, inst.ty),
            _ => self.ty.to_string(),
        }
    }

    /// The conditions in words, with the recorded history: `Send if T: Send; Sync if T: Send
    /// (never before 1.72.0)`.
    pub fn words(&self) -> String {
        let param = self.param.unwrap_or("T");
        let mut parts = Vec::new();
        for t in Trait::BOTH {
            let mut s = format!("{t} {}", self.cond(t).words(param));
            let history: Vec<String> = self
                .changes
                .iter()
                .filter(|c| c.auto_trait == t)
                .map(|c| format!("{} before {}", c.before.words(param), c.since()))
                .collect();
            if !history.is_empty() {
                s.push_str(&format!(" ({})", history.join(", ")));
            }
            parts.push(s);
        }
        parts.join("; ")
    }
}

/// The declared rows, in the order they are shown.
pub fn rows() -> &'static [Row] {
    rows::ROWS
}

/// An answer to "does this type implement this trait".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    Yes,
    No,
    /// The type does not exist on the toolchain.
    NotApplicable,
}

impl Answer {
    pub fn symbol(self) -> &'static str {
        match self {
            Answer::Yes => "✓",
            Answer::No => "✗",
            Answer::NotApplicable => "n/a",
        }
    }

    pub fn as_bool(self) -> Option<bool> {
        match self {
            Answer::Yes => Some(true),
            Answer::No => Some(false),
            Answer::NotApplicable => None,
        }
    }
}

impl From<bool> for Answer {
    fn from(b: bool) -> Self {
        if b {
            Answer::Yes
        } else {
            Answer::No
        }
    }
}

impl Serialize for Answer {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.as_bool().serialize(s)
    }
}

/// The answers for one row: for each trait, one per instantiation (or one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub row: &'static Row,
    pub send: Vec<Answer>,
    pub sync: Vec<Answer>,
}

impl Entry {
    pub fn answers(&self, auto_trait: Trait) -> &[Answer] {
        match auto_trait {
            Trait::Send => &self.send,
            Trait::Sync => &self.sync,
        }
    }
}

/// A whole table of answers: the declared one, or what a toolchain said.
#[derive(Clone, Debug)]
pub struct Table {
    /// `None` for the declared table.
    pub toolchain: Option<Toolchain>,
    pub entries: Vec<Entry>,
    /// How many checks the probe compiled (0 for the declared table).
    pub checks: usize,
    /// How long the probe took, in milliseconds.
    pub millis: u64,
}

impl Table {
    /// What the toolchain's release should say by the declaration and its recorded history;
    /// for the declared table, the declaration.
    pub fn expected(&self) -> Table {
        let version = self.toolchain.as_ref().map(Toolchain::version);
        expected_on(version.as_ref(), self.toolchain.clone())
    }
}

/// The declared table, as the pinned toolchain answers it.
pub fn declared() -> Table {
    expected_on(None, None)
}

/// The declared table as a release should answer it, by the recorded changes.
pub fn declared_on(version: &Version) -> Table {
    expected_on(Some(version), None)
}

fn expected_on(version: Option<&Version>, toolchain: Option<Toolchain>) -> Table {
    Table {
        toolchain,
        entries: rows()
            .iter()
            .map(|row| Entry {
                row,
                send: row.expected(Trait::Send, version),
                sync: row.expected(Trait::Sync, version),
            })
            .collect(),
        checks: 0,
        millis: 0,
    }
}

/// Resolves a `--toolchain` value: a path when it names a file with a `/`, else a rustup name.
pub fn resolve(name: &str) -> Result<Toolchain> {
    let spec = if name.contains('/') {
        Spec::Path(name.into())
    } else {
        Spec::Rustup(name.to_string())
    };
    Toolchain::resolve(&spec)
}

/// `sendsync table`: with no toolchain, the declared table (nothing is compiled); with one,
/// that toolchain's answers; with two or more, only the answers that differ between them, and
/// the release in which each changed. `format` is `text`, `json` or `markdown`.
///
/// Returns the text to print and the exit code: 0 when every probed answer agrees with the
/// declared table and its recorded history, 1 when one does not. Errors (an unknown format, a
/// toolchain that is not installed, a probe that could not be compiled) are for exit code 2.
///
/// With a `cache` ([`crate::engine::cache`]), a toolchain probed before with the same program is not
/// compiled again.
pub fn command(
    toolchains: &[String],
    format: &str,
    cache: Option<&crate::engine::cache::Cache>,
    jobs: usize,
) -> Result<(String, u8)> {
    let format = Format::parse(format)?;
    match toolchains {
        [] => Ok((render(&declared(), format), 0)),
        [name] => {
            let toolchain = resolve(name)?;
            let table = probe(&toolchain, cache)?;
            let code = u8::from(!mismatches(&table).is_empty());
            Ok((render(&table, format), code))
        }
        names => {
            let mut resolved = Vec::new();
            for name in names {
                resolved.push(resolve(name)?);
            }
            let tables = probe_all(&resolved, cache, jobs)?;
            let code = u8::from(tables.iter().any(|t| !mismatches(t).is_empty()));
            Ok((render_differences(&tables, format), code))
        }
    }
}

/// Replaces the identifier `param` in `ty` with `with`, leaving longer identifiers alone.
fn substitute(ty: &str, param: &str, with: &str) -> String {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(ty.len() + with.len());
    let mut rest = ty;
    while let Some(at) = rest.find(param) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + param.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(ident) || after.is_some_and(ident) || before == Some('\'') {
            out.push_str(param);
        } else {
            out.push_str(with);
        }
        rest = &rest[at + param.len()..];
    }
    out.push_str(rest);
    out
}

/// A type without its module paths and `'static`: `sync::MutexGuard<'static, u8>` →
/// `MutexGuard<u8>`.
fn short(ty: &str) -> String {
    let mut out = String::new();
    let mut word = String::new();
    let mut chars = ty.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
        } else if c == ':' && chars.peek() == Some(&':') {
            chars.next();
            word.clear();
        } else {
            out.push_str(&word);
            word.clear();
            out.push(c);
        }
    }
    out.push_str(&word);
    out.replace("'static, ", "").replace("'static ", "")
}

fn bad_format(format: &str) -> Error {
    Error::usage(format!(
        "unknown format `{format}`: use text, json or markdown"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution_replaces_the_parameter_only() {
        assert_eq!(
            substitute("cell::LazyCell<T, fn() -> T>", "T", "u8"),
            "cell::LazyCell<u8, fn() -> u8>"
        );
        assert_eq!(substitute("&'static T", "T", "u8"), "&'static u8");
        assert_eq!(substitute("Thread<T>", "T", "u8"), "Thread<u8>");
    }

    #[test]
    fn types_are_written_tidily() {
        assert_eq!(
            tidy("sync :: MutexGuard < 'static, u8 >"),
            "sync::MutexGuard<'static, u8>"
        );
        assert_eq!(tidy("fn() -> T"), "fn() -> T");
        for row in rows() {
            assert_eq!(tidy(row.ty), row.ty);
        }
        let insts: Vec<&str> = instantiations().iter().map(|i| i.ty).collect();
        assert_eq!(
            insts,
            [
                "u8",
                "cell::Cell<u8>",
                "sync::MutexGuard<'static, u8>",
                "rc::Rc<u8>"
            ]
        );
    }

    #[test]
    fn short_names_drop_paths_and_static() {
        assert_eq!(short("sync::MutexGuard<'static, u8>"), "MutexGuard<u8>");
        assert_eq!(short("cell::Cell<u8>"), "Cell<u8>");
        assert_eq!(short("u8"), "u8");
    }

    #[test]
    fn the_instantiations_cover_the_four_combinations() {
        let combos: Vec<(bool, bool)> = instantiations().iter().map(|i| (i.send, i.sync)).collect();
        assert_eq!(
            combos,
            [(true, true), (true, false), (false, true), (false, false)]
        );
    }

    #[test]
    fn every_release_parses_and_changes_are_in_order() {
        for row in rows() {
            let _ = row.min_rust();
            let mut last = None;
            for t in Trait::BOTH {
                for c in row.changes.iter().filter(|c| c.auto_trait == t) {
                    let since = c.since();
                    assert!(last.as_ref().is_none_or(|l| *l < since), "{}", row.ty);
                    assert!(row.exists_on(&since), "{}", row.ty);
                    last = Some(since);
                }
                last = None;
            }
        }
    }

    #[test]
    fn history_applies_before_its_release() {
        let sender = rows()
            .iter()
            .find(|r| r.ty == "sync::mpsc::Sender<T>")
            .unwrap();
        let old = Version::new(1, 71, 0);
        let new = Version::new(1, 72, 0);
        assert_eq!(sender.cond_on(Trait::Sync, Some(&old)), Cond::Never);
        assert_eq!(sender.cond_on(Trait::Sync, Some(&new)), sender.sync);
        assert_eq!(sender.cond_on(Trait::Send, Some(&old)), sender.send);
    }

    #[test]
    fn at_least_sixty_rows_with_unique_types() {
        assert!(rows().len() >= 60, "{}", rows().len());
        let mut seen = std::collections::BTreeSet::new();
        for row in rows() {
            assert!(seen.insert(row.ty), "{} twice", row.ty);
        }
    }
}
