//! One case: a small program with a `//!` title and explanation and `//@` directives.
//!
//! ```text
//! //! Moving an `Rc` into a spawned thread
//! //!
//! //! `Rc<T>` counts its owners with plain, non-atomic arithmetic, ...
//! //!
//! //@ fail: E0277
//! //@ fix: arc_into_spawn
//! //@ book: 16-14
//! ```
//!
//! The header is parsed once, into a typed [`Case`]; nothing later re-reads the text.

use crate::error::{Error, Result};
use crate::toolchain::Version;
use serde::Serialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What a case says the compiler will do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "codes", rename_all = "kebab-case")]
pub enum Expectation {
    /// Compiles, runs, and exits 0 within the run time limit.
    Pass,
    /// Does not compile, with exactly this set of error codes (`-` for an error with no code).
    Fail(BTreeSet<String>),
    /// Does not compile, with whatever errors (a compiletest test without a `.stderr`).
    FailAny,
    /// Compiled with clippy (`//@ lint: clippy::NAME rustc_lint`): exactly these lints fire,
    /// as warnings or, for a deny-by-default lint, as errors; no other error or warning.
    Lint(BTreeSet<String>),
    /// A program without a header: reported by what it does, never judged.
    Unspecified,
}

impl Expectation {
    pub fn is_fail(&self) -> bool {
        matches!(self, Expectation::Fail(_) | Expectation::FailAny)
    }

    /// A lint case (`//@ lint:`), compiled with clippy.
    pub fn is_lint(&self) -> bool {
        matches!(self, Expectation::Lint(_))
    }

    /// Whether the case's diagnostics are its lesson: a failing case or a lint case. Such a case
    /// has its rendered stderr and structured record pinned, and names a passing fix.
    pub fn is_pinned(&self) -> bool {
        self.is_fail() || self.is_lint()
    }

    /// A short form for tables: `pass`, `fail E0277 E0382`, `-`.
    pub fn label(&self) -> String {
        match self {
            Expectation::Pass => "pass".into(),
            Expectation::Fail(codes) => {
                let codes: Vec<&str> = codes.iter().map(String::as_str).collect();
                format!("fail {}", codes.join(" "))
            }
            Expectation::FailAny => "fail".into(),
            Expectation::Lint(lints) => {
                let lints: Vec<&str> = lints.iter().map(String::as_str).collect();
                format!("lint {}", lints.join(" "))
            }
            Expectation::Unspecified => "-".into(),
        }
    }
}

/// What Miri finds in a case that compiles and runs natively (the `//@ miri:` directive). Without
/// the directive a passing case must be Miri-clean.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "reason", rename_all = "kebab-case")]
pub enum MiriExpectation {
    DataRace,
    Deadlock,
    Leak,
    Ub,
    /// No undefined behaviour, but under Miri a thread panics: an assertion that an ordering
    /// Miri's weak-memory emulation actually exercises (and a native x86 run never) breaks.
    Panic,
    /// Not run under Miri, for the reason given.
    Skip(String),
}

impl MiriExpectation {
    /// The directive's words: `data-race`, ..., `skip: <reason>`.
    pub fn label(&self) -> String {
        match self {
            MiriExpectation::DataRace => "data-race".into(),
            MiriExpectation::Deadlock => "deadlock".into(),
            MiriExpectation::Leak => "leak".into(),
            MiriExpectation::Ub => "ub".into(),
            MiriExpectation::Panic => "panic".into(),
            MiriExpectation::Skip(why) => format!("skip: {why}"),
        }
    }

    /// A finding Miri reports (anything but `skip`).
    pub fn is_finding(&self) -> bool {
        !matches!(self, MiriExpectation::Skip(_))
    }
}

/// Where a case's expectation comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// Our header: `//! Title`, explanation, `//@` directives; `.stderr` pinned by trybuild.
    #[default]
    Sendsync,
    /// rustc's own UI tests (see [`crate::input::compiletest`]); their `.stderr` is rustc's format.
    Compiletest,
    /// No expectation at all.
    Plain,
}

#[derive(Clone, Debug, Serialize)]
pub struct Case {
    pub name: String,
    /// The folder the case lies in (its topic, in the bundled corpus).
    pub topic: String,
    pub path: PathBuf,
    pub title: String,
    /// Markdown, the `//!` lines after the title.
    pub explanation: String,
    pub expectation: Expectation,
    /// The passing cases that repair this one (`//@ fix: a b`): the first is the one shown
    /// beside it; more are named where several fixes are idiomatic.
    pub fix: Vec<String>,
    pub min_rust: Option<Version>,
    pub edition: String,
    pub book: Option<String>,
    pub format: Format,
    /// rustc flags beyond the standard ones (compiletest's `compile-flags`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<String>,
    /// Why the case cannot be run as it asks here: it is then not applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported: Option<String>,
    /// Type-check only, even when expected to pass (compiletest's `check-pass`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub check_only: bool,
    /// What Miri finds in it (`//@ miri:`); `None`: a passing case is Miri-clean.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub miri: Option<MiriExpectation>,
    /// Compiles, but natively its run never ends (`//@ native: hangs`, with `miri: deadlock`,
    /// which proves the hang): run with a short time limit ([`HANG_PROBE`]) that it must overrun.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub hangs: bool,
    /// The crates the program uses (`//@ crates: tokio`), by the names its code gives them;
    /// for a header-less program beside a manifest, all of that manifest's.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub crates: Vec<String>,
    /// Where those crates come from (see [`crate::engine::deps`]): the package's dev-dependencies for
    /// the bundled corpus, else the checked folder's manifest or `--manifest`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deps: Option<crate::input::manifest::Source>,
    /// What a compiletest test asks beyond the fields above: its `only-*`/`ignore-*`/`needs-*`
    /// conditions, `normalize-stderr` rules, and whether its stderr is compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compiletest: Option<crate::input::compiletest::Props>,
    #[serde(skip)]
    pub source: String,
}

pub const DEFAULT_EDITION: &str = "2021";
const DIRECTIVES: &str = "pass, fail, lint, fix, min-rust, edition, book, miri, native, crates";

/// How long a `native: hangs` case runs before it is killed: it must still be running then.
/// Short, because no wait proves a hang (Miri's `deadlock` does); long enough that a program
/// that merely ends late on a loaded machine is not what the case shows.
pub const HANG_PROBE: std::time::Duration = std::time::Duration::from_secs(2);
const EDITIONS: [&str; 4] = ["2015", "2018", "2021", "2024"];

impl Case {
    /// Reads and parses a case whose header is required (the bundled corpus).
    pub fn load(path: &Path) -> Result<Case> {
        let source = crate::fs::read_text(path)?;
        Case::parse(path, source, true)?.with_bundled_deps()
    }

    /// A case of the bundled corpus that uses crates takes them from the package's
    /// `[dev-dependencies]`, however it was loaded.
    fn with_bundled_deps(mut self) -> Result<Case> {
        let bundled = std::path::absolute(&self.path)
            .is_ok_and(|p| p.starts_with(crate::paths::bundled_root()));
        if bundled && !self.crates.is_empty() && self.format == Format::Sendsync {
            self.use_deps(crate::input::manifest::Source::bundled())?;
        }
        Ok(self)
    }

    /// Gives the case its crates' source: a `crates:` crate the manifest lacks is an error
    /// naming the directive's line; a header-less program may use every crate it has.
    pub fn use_deps(&mut self, source: crate::input::manifest::Source) -> Result<()> {
        let manifest = crate::input::manifest::manifest(&source)?;
        let names = manifest.crate_names();
        if self.format == Format::Plain {
            self.crates = names;
        } else if let Some(missing) = self.crates.iter().find(|c| !names.contains(c)) {
            let tables = match source.sections {
                crate::input::manifest::Sections::Dev => "[dev-dependencies]",
                crate::input::manifest::Sections::All => "[dependencies] or [dev-dependencies]",
            };
            return Err(Error::input(
                &self.path,
                line_of_directive(&self.source, "crates"),
                format!(
                    "`crates: {missing}`, but {} has no `{missing}` in its {tables}",
                    source.manifest.display()
                ),
            ));
        }
        self.deps = Some(source);
        Ok(())
    }

    /// Reads a program that may have no header at all (a user's snippet): such a program gets
    /// [`Expectation::Unspecified`]. A header that is there must still be well formed.
    pub fn load_lenient(path: &Path) -> Result<Case> {
        let source = crate::fs::read_text(path)?;
        Case::parse(path, source, false)?.with_bundled_deps()
    }

    /// Parses `source`, the text of the file at `path`. With `strict`, a missing header is an
    /// error; otherwise a program without `//!` and `//@` lines is an unspecified case.
    pub fn parse(path: &Path, source: String, strict: bool) -> Result<Case> {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| Error::input(path, None, "the file name is not valid UTF-8"))?
            .to_string();
        let topic = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let err = |line: usize, msg: String| Error::input(path, Some(line), msg);

        if strict && source.trim().is_empty() {
            return Err(err(
                1,
                "the file is empty: a case needs a `//!` title".into(),
            ));
        }
        let header: Vec<(usize, &str)> = source
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end()))
            .take_while(|(_, l)| l.starts_with("//!") || l.starts_with("//@"))
            .collect();

        let mut case = Case {
            name,
            topic,
            path: path.to_path_buf(),
            title: String::new(),
            explanation: String::new(),
            expectation: Expectation::Unspecified,
            fix: Vec::new(),
            min_rust: None,
            edition: DEFAULT_EDITION.to_string(),
            book: None,
            format: Format::Sendsync,
            flags: vec![],
            unsupported: None,
            check_only: false,
            miri: None,
            hangs: false,
            crates: Vec::new(),
            deps: None,
            compiletest: None,
            source: String::new(),
        };
        // Leniently, rustc's own UI tests are read by their compiletest directives, and a file
        // without any `//@` directive is an ordinary program, even when it opens with an
        // ordinary `//!` crate doc comment.
        if !strict {
            if let Some(directives) = crate::input::compiletest::detect(path, &source) {
                case.title = case.name.clone();
                crate::input::compiletest::apply(&mut case, path, &directives);
                case.source = source;
                return Ok(case);
            }
            if !source.lines().any(|l| l.trim_start().starts_with("//@")) {
                case.title = case.name.clone();
                case.format = Format::Plain;
                case.source = source;
                return Ok(case);
            }
        }

        // A directive below the header would be silently ignored: refuse it.
        if let Some((line, _)) = source
            .lines()
            .enumerate()
            .skip(header.len())
            .find(|(_, l)| l.trim_start().starts_with("//@"))
        {
            return Err(err(
                line + 1,
                "a `//@` directive below the header: directives belong in the `//!`/`//@` block that opens the file".into(),
            ));
        }

        match header.first() {
            Some((_, l)) if l.starts_with("//!") && !l[3..].trim().is_empty() => {
                case.title = l[3..].trim().to_string();
            }
            _ => return Err(err(1, "a case must open with a `//! Title` line".into())),
        }

        let mut explanation = Vec::new();
        let mut expectation: Option<(usize, Expectation)> = None;
        let mut seen = BTreeSet::new();
        for &(line, text) in &header[1..] {
            if let Some(doc) = text.strip_prefix("//!") {
                explanation.push(doc.strip_prefix(' ').unwrap_or(doc));
                continue;
            }
            let body = text[3..].trim();
            let (key, value) = match body.split_once(':') {
                Some((k, v)) => (k.trim(), Some(v.trim())),
                None => (body, None),
            };
            if !seen.insert(key.to_string()) {
                return Err(err(line, format!("directive `{key}` is given twice")));
            }
            let need = |what: &str| -> Result<&str> {
                value
                    .filter(|v| !v.is_empty())
                    .ok_or_else(|| err(line, format!("`{key}:` needs {what}")))
            };
            match key {
                "pass" => {
                    if value.is_some() {
                        return Err(err(line, "`pass` takes no value".into()));
                    }
                    if let Some((other, e)) = &expectation {
                        return Err(err(line, both("pass", e, *other)));
                    }
                    expectation = Some((line, Expectation::Pass));
                }
                "fail" => {
                    let value = need("the expected error codes, such as `E0277`, or `-` for an error without a code")?;
                    let mut codes = BTreeSet::new();
                    for code in value.split_whitespace() {
                        if !is_code(code) {
                            return Err(err(line, format!("`{code}` is not an error code (expected E followed by four digits, or `-`)")));
                        }
                        codes.insert(code.to_string());
                    }
                    if let Some((other, e)) = &expectation {
                        return Err(err(line, both("fail", e, *other)));
                    }
                    expectation = Some((line, Expectation::Fail(codes)));
                }
                "lint" => {
                    let value = need("the lints that fire, such as `clippy::await_holding_lock` or a rustc lint such as `let_underscore_lock`")?;
                    let mut lints = BTreeSet::new();
                    for lint in value.split_whitespace() {
                        if !is_lint_name(lint) {
                            return Err(err(line, format!("`{lint}` is not a lint name (expected `clippy::name`, or a rustc lint such as `let_underscore_lock`, in lower case)")));
                        }
                        if !lints.insert(lint.to_string()) {
                            return Err(err(line, format!("`{lint}` is named twice in `lint:`")));
                        }
                    }
                    if let Some((other, e)) = &expectation {
                        return Err(err(line, both("lint", e, *other)));
                    }
                    expectation = Some((line, Expectation::Lint(lints)));
                }
                "fix" => {
                    let value = need("the name of the passing case that repairs this one")?;
                    for name in value.split_whitespace() {
                        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                            return Err(err(line, format!("`{name}` is not a case name")));
                        }
                        if case.fix.iter().any(|f| f == name) {
                            return Err(err(line, format!("`{name}` is named twice in `fix:`")));
                        }
                        case.fix.push(name.to_string());
                    }
                }
                "min-rust" => {
                    let value = need("a release, such as `1.80`")?;
                    case.min_rust = Some(Version::parse(value).ok_or_else(|| {
                        err(line, format!("`{value}` is not a release such as `1.80`"))
                    })?);
                }
                "edition" => {
                    let value = need("an edition year")?;
                    if !EDITIONS.contains(&value) {
                        return Err(err(
                            line,
                            format!(
                                "`{value}` is not an edition (one of {})",
                                EDITIONS.join(", ")
                            ),
                        ));
                    }
                    case.edition = value.to_string();
                }
                "book" => {
                    let value = need("a Rust Book listing, such as `16-14`")?;
                    let ok = value
                        .split_once('-')
                        .is_some_and(|(a, b)| is_number(a) && is_number(b));
                    if !ok {
                        return Err(err(
                            line,
                            format!("`{value}` is not a listing number such as `16-14`"),
                        ));
                    }
                    case.book = Some(value.to_string());
                }
                "miri" => {
                    let value = need("what Miri finds: `data-race`, `deadlock`, `leak`, `ub`, or `skip: <reason>`")?;
                    case.miri = Some(parse_miri(value).map_err(|m| err(line, m))?);
                }
                "native" => {
                    let value = need("what the native run does: `hangs`")?;
                    if value != "hangs" {
                        return Err(err(
                            line,
                            format!("`native: {value}`: the only value is `hangs` (a run that never ends; without the directive a passing case exits 0)"),
                        ));
                    }
                    case.hangs = true;
                }
                "crates" => {
                    let value = need("the crates the program uses, such as `tokio`")?;
                    for name in value.split_whitespace() {
                        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                            return Err(err(line, format!("`{name}` is not a crate name as code writes it (letters, digits and `_`: `tokio`, `serde_json`)")));
                        }
                        if case.crates.iter().any(|c| c == name) {
                            return Err(err(line, format!("`{name}` is named twice in `crates:`")));
                        }
                        case.crates.push(name.to_string());
                    }
                }
                _ => {
                    return Err(err(
                        line,
                        format!("unknown directive `{key}` (known: {DIRECTIVES})"),
                    ))
                }
            }
        }

        case.explanation = explanation.join("\n").trim().to_string();
        if case.explanation.is_empty() {
            return Err(err(
                header[0].0,
                "the title must be followed by an explanation in `//!` lines".into(),
            ));
        }
        let Some((line, expectation)) = expectation else {
            return Err(err(
                header.last().map_or(1, |h| h.0),
                "the header needs `//@ pass` or `//@ fail: CODES` (or `//@ lint: LINTS`)".into(),
            ));
        };
        if let (true, Some(miri)) = (expectation.is_pinned(), &case.miri) {
            return Err(err(
                line_of_directive(&source, "miri").unwrap_or(line),
                format!(
                    "`miri: {}` on a case that is not `pass`: only a passing case runs under Miri",
                    miri.label()
                ),
            ));
        }
        if case.hangs
            && (expectation != Expectation::Pass || case.miri != Some(MiriExpectation::Deadlock))
        {
            return Err(err(
                line_of_directive(&source, "native").unwrap_or(line),
                "`native: hangs` needs `pass` and `miri: deadlock`: a run that is killed proves no hang, Miri's deadlock report does".into(),
            ));
        }
        if expectation == Expectation::Pass {
            // A passing case that is wrong at run time is paired with its correct twin, as a
            // failing case is with its fix.
            let finding = case.miri.as_ref().is_some_and(MiriExpectation::is_finding);
            if !case.fix.is_empty() && !finding {
                return Err(err(
                    line,
                    format!(
                        "a passing case has no fix, yet `fix: {}` is given (only a case with a `miri:` finding names its correct twin)",
                        case.fix.join(" ")
                    ),
                ));
            }
        }
        case.expectation = expectation;
        case.source = source;
        Ok(case)
    }

    /// The pinned rendered stderr beside the case: `<name>.stderr`.
    pub fn stderr_path(&self) -> PathBuf {
        self.path.with_extension("stderr")
    }

    /// Whether the case applies to a toolchain of this release.
    pub fn applies_to(&self, release: &Version) -> bool {
        self.min_rust.as_ref().is_none_or(|min| release >= min)
    }
}

/// Parses the value of `//@ miri:`.
fn parse_miri(value: &str) -> std::result::Result<MiriExpectation, String> {
    if let Some(reason) = value.strip_prefix("skip") {
        let reason = reason.trim_start();
        return match reason.strip_prefix(':').map(str::trim) {
            Some(r) if !r.is_empty() => Ok(MiriExpectation::Skip(r.to_string())),
            _ => Err("`miri: skip` needs a reason: `miri: skip: <why Miri cannot run it>`".into()),
        };
    }
    match value {
        "data-race" => Ok(MiriExpectation::DataRace),
        "deadlock" => Ok(MiriExpectation::Deadlock),
        "leak" => Ok(MiriExpectation::Leak),
        "ub" => Ok(MiriExpectation::Ub),
        "panic" => Ok(MiriExpectation::Panic),
        other => Err(format!(
            "`{other}` is not a Miri finding (one of data-race, deadlock, leak, ub, panic, or skip: <reason>)"
        )),
    }
}

/// The line of a directive in `source`'s header.
fn line_of_directive(source: &str, key: &str) -> Option<usize> {
    source
        .lines()
        .position(|l| {
            l.strip_prefix("//@")
                .is_some_and(|d| d.trim().split(':').next().map(str::trim) == Some(key))
        })
        .map(|i| i + 1)
}

/// The message for a second expectation directive (`pass`, `fail`, `lint`) in one header.
fn both(key: &str, first: &Expectation, line: usize) -> String {
    let other = match first {
        Expectation::Pass => "pass",
        Expectation::Lint(_) => "lint",
        _ => "fail",
    };
    if other == key {
        return format!("directive `{key}` is given twice");
    }
    format!("`{other}` and `{key}` both given (line {line}): a case expects one of them")
}

/// `clippy::name` or a rustc lint's bare name: lower-case words joined by `_`.
fn is_lint_name(lint: &str) -> bool {
    let name = lint.strip_prefix("clippy::").unwrap_or(lint);
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_code(code: &str) -> bool {
    code == "-" || (code.len() == 5 && code.starts_with('E') && is_number(&code[1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Case> {
        Case::parse(Path::new("cases/t/x.rs"), text.to_string(), true)
    }

    const GOOD: &str = "//! Title here\n//!\n//! Why it fails.\n//!\n//@ fail: E0277 -\n//@ fix: y\n//@ min-rust: 1.80\n//@ book: 16-14\n\nfn main() {}\n";

    #[test]
    fn parses_a_full_header() {
        let case = parse(GOOD).unwrap();
        assert_eq!(case.name, "x");
        assert_eq!(case.topic, "t");
        assert_eq!(case.title, "Title here");
        assert_eq!(case.explanation, "Why it fails.");
        let codes: BTreeSet<String> = ["-", "E0277"].iter().map(|s| s.to_string()).collect();
        assert_eq!(case.expectation, Expectation::Fail(codes));
        assert_eq!(case.fix, ["y"]);
        assert_eq!(case.min_rust, Some(Version::new(1, 80, 0)));
        assert_eq!(case.book.as_deref(), Some("16-14"));
        assert_eq!(case.edition, "2021");
    }

    #[test]
    fn fix_may_name_several_cases_once_each() {
        let two = GOOD.replace("//@ fix: y", "//@ fix: y z");
        assert_eq!(parse(&two).unwrap().fix, ["y", "z"]);
        let twice = GOOD.replace("//@ fix: y", "//@ fix: y y");
        assert!(parse(&twice)
            .unwrap_err()
            .to_string()
            .contains("named twice"));
    }

    fn error_of(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn bad_headers_name_file_and_line() {
        let table = [
            ("", "cases/t/x.rs:1: the file is empty"),
            (
                "fn main() {}\n",
                "cases/t/x.rs:1: a case must open with a `//! Title`",
            ),
            (
                "//!\n//! text\n//@ pass\n",
                "cases/t/x.rs:1: a case must open",
            ),
            (
                "//! T\n//@ pass\n",
                "cases/t/x.rs:1: the title must be followed by an explanation",
            ),
            (
                "//! T\n//! E.\n//@ passs\n",
                "cases/t/x.rs:3: unknown directive `passs`",
            ),
            (
                "//! T\n//! E.\n//@ fail: 277\n",
                "cases/t/x.rs:3: `277` is not an error code",
            ),
            (
                "//! T\n//! E.\n//@ fail:\n",
                "cases/t/x.rs:3: `fail:` needs",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ fail: E0277\n",
                "cases/t/x.rs:4: `pass` and `fail` both given (line 3)",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ pass\n",
                "cases/t/x.rs:4: directive `pass` is given twice",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ edition: 2022\n",
                "cases/t/x.rs:4: `2022` is not an edition",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ min-rust: soon\n",
                "cases/t/x.rs:4: `soon` is not a release",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ book: ch16\n",
                "cases/t/x.rs:4: `ch16` is not a listing",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ fix: y\n",
                "cases/t/x.rs:3: a passing case has no fix",
            ),
            (
                "//! T\n//! E.\n//@ fix: y\n",
                "cases/t/x.rs:3: the header needs `//@ pass` or `//@ fail: CODES`",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ miri: race\n",
                "cases/t/x.rs:4: `race` is not a Miri finding",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ miri: skip\n",
                "cases/t/x.rs:4: `miri: skip` needs a reason",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ miri: skip:  \n",
                "cases/t/x.rs:4: `miri: skip` needs a reason",
            ),
            (
                "//! T\n//! E.\n//@ miri: leak\n//@ fail: E0277\n//@ fix: y\n",
                "cases/t/x.rs:3: `miri: leak` on a case that is not `pass`",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ miri: skip: FFI\n//@ fix: y\n",
                "cases/t/x.rs:3: a passing case has no fix",
            ),
            (
                "//! T\n//! E.\n//@ lint: clippy::Await_holding_lock\n",
                "cases/t/x.rs:3: `clippy::Await_holding_lock` is not a lint name",
            ),
            (
                "//! T\n//! E.\n//@ lint: rustc::let_underscore_lock\n",
                "cases/t/x.rs:3: `rustc::let_underscore_lock` is not a lint name",
            ),
            (
                "//! T\n//! E.\n//@ lint: a a\n",
                "cases/t/x.rs:3: `a` is named twice in `lint:`",
            ),
            (
                "//! T\n//! E.\n//@ lint:\n",
                "cases/t/x.rs:3: `lint:` needs the lints that fire",
            ),
            (
                "//! T\n//! E.\n//@ fail: E0277\n//@ lint: clippy::rc_mutex\n",
                "cases/t/x.rs:4: `fail` and `lint` both given (line 3)",
            ),
            (
                "//! T\n//! E.\n//@ lint: clippy::rc_mutex\n//@ pass\n",
                "cases/t/x.rs:4: `lint` and `pass` both given (line 3)",
            ),
            (
                "//! T\n//! E.\n//@ lint: clippy::rc_mutex\n//@ miri: leak\n//@ fix: y\n",
                "cases/t/x.rs:4: `miri: leak` on a case that is not `pass`",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ native: slow\n",
                "cases/t/x.rs:4: `native: slow`: the only value is `hangs`",
            ),
            (
                "//! T\n//! E.\n//@ pass\n//@ native: hangs\n",
                "cases/t/x.rs:4: `native: hangs` needs `pass` and `miri: deadlock`",
            ),
            (
                "//! T\n//! E.\n//@ native: hangs\n//@ pass\n//@ miri: leak\n//@ fix: y\n",
                "cases/t/x.rs:3: `native: hangs` needs `pass` and `miri: deadlock`",
            ),
            (
                "// A comment first.\n//! T\n//! E.\n//@ pass\nfn main() {}\n",
                "cases/t/x.rs:4: a `//@` directive below the header",
            ),
            (
                "//! T\n//! E.\n//@ pass\n\nfn main() {}\n    //@ fail: E0277\n",
                "cases/t/x.rs:6: a `//@` directive below the header",
            ),
        ];
        for (text, want) in table {
            let got = error_of(text);
            assert!(
                got.starts_with(want),
                "for {text:?}\n got: {got}\nwant: {want}…"
            );
        }
    }

    #[test]
    fn lint_directives_parse() {
        let text =
            "//! T\n//! E.\n//@ lint: clippy::await_holding_lock let_underscore_lock\n//@ fix: y\n";
        let case = parse(text).unwrap();
        let lints: BTreeSet<String> = ["clippy::await_holding_lock", "let_underscore_lock"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(case.expectation, Expectation::Lint(lints));
        assert!(case.expectation.is_lint() && case.expectation.is_pinned());
        assert!(!case.expectation.is_fail());
        assert_eq!(
            case.expectation.label(),
            "lint clippy::await_holding_lock let_underscore_lock"
        );
        assert_eq!(case.fix, ["y"]);
    }

    #[test]
    fn miri_directives_parse() {
        let case = parse("//! T\n//! E.\n//@ pass\n//@ miri: data-race\n//@ fix: y\n").unwrap();
        assert_eq!(case.miri, Some(MiriExpectation::DataRace));
        assert_eq!(case.fix, ["y"]);
        let case = parse("//! T\n//! E.\n//@ pass\n//@ miri: skip: calls into C\n").unwrap();
        assert_eq!(
            case.miri,
            Some(MiriExpectation::Skip("calls into C".into()))
        );
        assert_eq!(case.miri.unwrap().label(), "skip: calls into C");
        assert!(!case.hangs);
        assert_eq!(parse(GOOD).unwrap().miri, None);
        let case =
            parse("//! T\n//! E.\n//@ pass\n//@ native: hangs\n//@ miri: deadlock\n//@ fix: y\n")
                .unwrap();
        assert!(case.hangs);
        assert_eq!(case.miri, Some(MiriExpectation::Deadlock));
        // A panic under Miri (weak memory breaking an assertion) is a finding with a pinned
        // report, whose verdict is `failed`.
        let case = parse("//! T\n//! E.\n//@ pass\n//@ miri: panic\n").unwrap();
        assert_eq!(case.miri, Some(MiriExpectation::Panic));
        assert!(case.miri.as_ref().unwrap().is_finding());
    }

    #[test]
    fn a_program_without_header_is_unspecified_when_lenient() {
        let case = Case::parse(Path::new("snips/a.rs"), "fn main() {}\n".into(), false).unwrap();
        assert_eq!(case.expectation, Expectation::Unspecified);
        assert_eq!(case.title, "a");
        // ...but not in the corpus, where every case must say what it expects.
        assert!(Case::parse(Path::new("snips/a.rs"), "fn main() {}\n".into(), true).is_err());
        // An ordinary crate doc comment with no directive is no header either.
        let doc = "//! An ordinary crate doc comment.\nfn main() {}\n";
        let case = Case::parse(Path::new("snips/a.rs"), doc.into(), false).unwrap();
        assert_eq!(case.expectation, Expectation::Unspecified);
        // A directive below an ordinary comment is refused, leniently too, naming its line.
        let late = "// helper\n//@ pass\nfn main() {}\n";
        let err = Case::parse(Path::new("snips/a.rs"), late.into(), false).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("snips/a.rs:2: a `//@` directive below"),
            "{err}"
        );
    }

    #[test]
    fn non_utf8_names_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.rs");
        std::fs::write(&path, b"//! T\n//! \xff\n").unwrap();
        let err = Case::load(&path).unwrap_err().to_string();
        assert!(
            err.ends_with("bad.rs:2: the file is not valid UTF-8"),
            "{err}"
        );
    }
}
