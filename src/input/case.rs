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
//! The header is parsed once ([`crate::input::directives`]), into a typed [`Case`] that keeps
//! the line of each directive; nothing later re-reads the text. Which reader a file of unknown
//! kind gets (ours, compiletest's, none) is [`crate::input::read`]'s to say.

use crate::error::{Error, Result};
pub use crate::input::directives::Directive;
use crate::input::directives::{self, Header, Lines};
pub use crate::input::expectation::{Expectation, MiriExpectation};
use crate::input::manifest::{Sections, Source};
use crate::input::spanned::Spanned;
use crate::toolchain::Version;
use serde::Serialize;
use std::path::{Path, PathBuf};

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
    pub deps: Option<Source>,
    /// What a compiletest test asks beyond the fields above: its `only-*`/`ignore-*`/`needs-*`
    /// conditions, `normalize-stderr` rules, and whether its stderr is compared.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compiletest: Option<crate::input::props::Props>,
    /// The line of each directive of our header (none for the other formats).
    #[serde(skip)]
    pub lines: Lines,
    #[serde(skip)]
    pub source: String,
}

pub const DEFAULT_EDITION: &str = "2021";

/// How long a `native: hangs` case runs before it is killed: it must still be running then.
/// Short, because no wait proves a hang (Miri's `deadlock` does); long enough that a program
/// that merely ends late on a loaded machine is not what the case shows.
pub const HANG_PROBE: std::time::Duration = std::time::Duration::from_secs(2);

impl Case {
    /// Reads and parses a case whose header is required (the bundled corpus).
    pub fn load(path: &Path) -> Result<Case> {
        let source = crate::fs::read_text(path)?;
        Case::from_header(path, source)?.with_bundled_deps()
    }

    /// Parses `source`, the text of the file at `path`, as a case in our format: its header
    /// is required and must be well formed.
    pub fn from_header(path: &Path, source: String) -> Result<Case> {
        let blank = Case::blank(path)?;
        let header = directives::parse(&source)
            .map_err(|p| Error::input(path, Some(p.line), p.into_inner()))?;
        let lines = header.lines();
        let Header {
            title,
            explanation,
            expectation,
            fix,
            min_rust,
            edition,
            book,
            miri,
            hangs,
            crates,
        } = header;
        Ok(Case {
            title,
            explanation,
            // Never `None`: `parse` refuses a header without an expectation.
            expectation: expectation.map_or(Expectation::Unspecified, Spanned::into_inner),
            fix: fix.map(Spanned::into_inner).unwrap_or_default(),
            min_rust: min_rust.map(Spanned::into_inner),
            edition: edition.map_or(DEFAULT_EDITION.to_string(), Spanned::into_inner),
            book: book.map(Spanned::into_inner),
            miri: miri.map(Spanned::into_inner),
            hangs: hangs.is_some(),
            crates: crates.map(Spanned::into_inner).unwrap_or_default(),
            lines,
            source,
            ..blank
        })
    }

    /// A case of `path` that says nothing yet: its name (its title too, until a header gives
    /// one) and topic, from the path.
    pub(crate) fn blank(path: &Path) -> Result<Case> {
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
        Ok(Case {
            title: name.clone(),
            name,
            topic,
            path: path.to_path_buf(),
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
            lines: Lines::default(),
            source: String::new(),
        })
    }

    /// The line of `directive` in the case's header, for messages about it.
    pub fn line(&self, directive: Directive) -> Option<usize> {
        self.lines.of(directive)
    }

    /// A case of the bundled corpus that uses crates takes them from the package's
    /// `[dev-dependencies]`, however it was loaded.
    pub(crate) fn with_bundled_deps(mut self) -> Result<Case> {
        let bundled = std::path::absolute(&self.path)
            .is_ok_and(|p| p.starts_with(crate::paths::bundled_root()));
        if bundled && !self.crates.is_empty() && self.format == Format::Sendsync {
            self.use_deps(Source::bundled())?;
        }
        Ok(self)
    }

    /// Gives the case its crates' source: a `crates:` crate the manifest lacks is an error
    /// naming the directive's line; a header-less program may use every crate it has.
    pub fn use_deps(&mut self, source: Source) -> Result<()> {
        let manifest = crate::input::manifest::manifest(&source)?;
        let names = manifest.crate_names();
        if self.format == Format::Plain {
            self.crates = names;
        } else if let Some(missing) = self.crates.iter().find(|c| !names.contains(c)) {
            let tables = match source.sections {
                Sections::Dev => "[dev-dependencies]",
                Sections::All => "[dependencies] or [dev-dependencies]",
            };
            return Err(Error::input(
                &self.path,
                self.line(Directive::Crates),
                format!(
                    "`crates: {missing}`, but {} has no `{missing}` in its {tables}",
                    source.manifest.display()
                ),
            ));
        }
        self.deps = Some(source);
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

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

    #[test]
    fn the_line_of_each_directive_is_kept() {
        let case = parse(GOOD).unwrap();
        let lines = [
            (Directive::Fail, Some(5)),
            (Directive::Fix, Some(6)),
            (Directive::MinRust, Some(7)),
            (Directive::Book, Some(8)),
            (Directive::Pass, None),
            (Directive::Lint, None),
            (Directive::Miri, None),
        ];
        for (directive, line) in lines {
            assert_eq!(case.line(directive), line, "{directive:?}");
        }
        // A program without our header has no directive lines.
        let plain = Case::parse(
            Path::new("s/a.rs"),
            "//! Doc.
fn main() {}
"
            .into(),
            false,
        );
        assert_eq!(plain.unwrap().lines, Lines::default());
    }

    #[test]
    fn a_crate_the_manifest_lacks_names_the_crates_line() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("Cargo.toml");
        std::fs::write(
            &manifest,
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\ntokio = \"1\"\n",
        )
        .unwrap();
        let text = "//! T\n//! E.\n//@ pass\n//@ crates: tokio nosuch\nfn main() {}\n";
        let mut case = parse(text).unwrap();
        let err = case.use_deps(Source::in_folder(dir.path()).unwrap());
        let want = format!(
            "cases/t/x.rs:4: `crates: nosuch`, but {} has no `nosuch` in its [dependencies] or [dev-dependencies]",
            std::path::absolute(&manifest).unwrap().display()
        );
        assert_eq!(err.unwrap_err().to_string(), want);
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
