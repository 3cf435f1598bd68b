//! The header of a case in our format, parsed once into values that keep their lines.
//!
//! A header is the block of `//!` and `//@` lines that opens the file: a title, an
//! explanation, and directives. Each directive has its own small parser in [`TABLE`] (as
//! ui_test keeps a table of per-command parsers); [`parse`] walks the lines, hands each
//! directive to its parser, and then checks what holds between directives. Every value is a
//! [`Spanned`], so the checks here, and those that later code makes (a `fix:` naming no case, a
//! `crates:` crate the manifest lacks), name the directive's line without reading the text
//! again.

use crate::input::expectation::{Expectation, MiriExpectation};
use crate::input::spanned::{Problem, Spanned};
use crate::toolchain::Version;
use std::collections::{BTreeMap, BTreeSet};

/// The directives of our format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Directive {
    Pass,
    Fail,
    Lint,
    Fix,
    MinRust,
    Edition,
    Book,
    Miri,
    Native,
    Crates,
}

/// One directive's parser: its value (`None` when the line has no `:`), at the directive's
/// line, into the header; or what is wrong with it, which is then reported at that line.
type Parser = fn(&mut Header, Spanned<Option<&str>>) -> Result<(), String>;

/// Every directive: its name, what it is, and its parser. A name not here is an unknown
/// directive, and the message lists these names in this order.
pub const TABLE: [(&str, Directive, Parser); 10] = [
    ("pass", Directive::Pass, pass),
    ("fail", Directive::Fail, fail),
    ("lint", Directive::Lint, lint),
    ("fix", Directive::Fix, fix),
    ("min-rust", Directive::MinRust, min_rust),
    ("edition", Directive::Edition, edition),
    ("book", Directive::Book, book),
    ("miri", Directive::Miri, miri),
    ("native", Directive::Native, native),
    ("crates", Directive::Crates, crates),
];

pub const EDITIONS: [&str; 4] = ["2015", "2018", "2021", "2024"];

/// A header, parsed: each directive's value with its line, `None` for a directive not given.
#[derive(Clone, Debug, Default)]
pub struct Header {
    pub title: String,
    /// Markdown, the `//!` lines after the title.
    pub explanation: String,
    /// `pass`, `fail:` or `lint:`; always there once [`parse`] has returned it.
    pub expectation: Option<Spanned<Expectation>>,
    pub fix: Option<Spanned<Vec<String>>>,
    pub min_rust: Option<Spanned<Version>>,
    pub edition: Option<Spanned<String>>,
    pub book: Option<Spanned<String>>,
    pub miri: Option<Spanned<MiriExpectation>>,
    /// `native: hangs`, its only value.
    pub hangs: Option<Spanned<()>>,
    pub crates: Option<Spanned<Vec<String>>>,
}

/// The line of each directive a header gives, kept with the case it became.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines(BTreeMap<Directive, usize>);

impl Lines {
    pub fn of(&self, directive: Directive) -> Option<usize> {
        self.0.get(&directive).copied()
    }
}

/// Parses the header that opens `source`, or says what is wrong with it, at which line.
pub fn parse(source: &str) -> Result<Header, Problem> {
    let problem = |line: usize, msg: &str| Problem::new(line, msg.to_string());
    if source.trim().is_empty() {
        return Err(problem(1, "the file is empty: a case needs a `//!` title"));
    }
    let lines: Vec<Spanned<&str>> = source
        .lines()
        .enumerate()
        .map(|(i, l)| Spanned::new(i + 1, l.trim_end()))
        .take_while(|l| l.starts_with("//!") || l.starts_with("//@"))
        .collect();
    // A directive below the header would be silently ignored: refuse it.
    if let Some(line) = directive_below(source, lines.len()) {
        return Err(problem(line, "a `//@` directive below the header: directives belong in the `//!`/`//@` block that opens the file"));
    }
    let mut header = Header::default();
    match lines.first() {
        Some(l) if l.starts_with("//!") && !l[3..].trim().is_empty() => {
            header.title = l[3..].trim().to_string()
        }
        _ => return Err(problem(1, "a case must open with a `//! Title` line")),
    }
    let mut explanation = Vec::new();
    for text in &lines[1..] {
        match text.strip_prefix("//!") {
            Some(doc) => explanation.push(doc.strip_prefix(' ').unwrap_or(doc)),
            None => header
                .directive(text.line, text[3..].trim())
                .map_err(|msg| Problem::new(text.line, msg))?,
        }
    }
    header.explanation = explanation.join("\n").trim().to_string();
    if header.explanation.is_empty() {
        return Err(problem(
            1,
            "the title must be followed by an explanation in `//!` lines",
        ));
    }
    header.check(lines.len())?;
    Ok(header)
}

/// The line of the first `//@` line after the header's `len` lines.
fn directive_below(source: &str, len: usize) -> Option<usize> {
    source
        .lines()
        .enumerate()
        .skip(len)
        .find(|(_, l)| l.trim_start().starts_with("//@"))
        .map(|(i, _)| i + 1)
}

impl Header {
    /// The line of `directive`, if the header gives it.
    pub fn line(&self, directive: Directive) -> Option<usize> {
        match directive {
            Directive::Pass | Directive::Fail | Directive::Lint => self
                .expectation
                .as_ref()
                .filter(|e| directive_of(e) == Some(directive))
                .map(|e| e.line),
            Directive::Fix => self.fix.as_ref().map(|s| s.line),
            Directive::MinRust => self.min_rust.as_ref().map(|s| s.line),
            Directive::Edition => self.edition.as_ref().map(|s| s.line),
            Directive::Book => self.book.as_ref().map(|s| s.line),
            Directive::Miri => self.miri.as_ref().map(|s| s.line),
            Directive::Native => self.hangs.as_ref().map(|s| s.line),
            Directive::Crates => self.crates.as_ref().map(|s| s.line),
        }
    }

    /// The lines of every directive given.
    pub fn lines(&self) -> Lines {
        let given = TABLE
            .iter()
            .filter_map(|&(_, d, _)| Some((d, self.line(d)?)));
        Lines(given.collect())
    }

    /// One `//@` line (its text after `//@`, trimmed), handed to its directive's parser.
    fn directive(&mut self, line: usize, body: &str) -> Result<(), String> {
        let (key, value) = match body.split_once(':') {
            Some((k, v)) => (k.trim(), Some(v.trim())),
            None => (body, None),
        };
        let Some(&(_, directive, parse)) = TABLE.iter().find(|(name, ..)| *name == key) else {
            let known: Vec<&str> = TABLE.iter().map(|(name, ..)| *name).collect();
            return Err(format!(
                "unknown directive `{key}` (known: {})",
                known.join(", ")
            ));
        };
        if self.line(directive).is_some() {
            return Err(format!("directive `{key}` is given twice"));
        }
        parse(self, Spanned::new(line, value))
    }

    /// Sets the expectation, which one header gives once.
    fn expect(&mut self, key: &str, expectation: Spanned<Expectation>) -> Result<(), String> {
        if let Some(first) = &self.expectation {
            return Err(both(key, first));
        }
        self.expectation = Some(expectation);
        Ok(())
    }

    /// What must hold between the directives of a header of `len` lines.
    fn check(&self, len: usize) -> Result<(), Problem> {
        let Some(expectation) = &self.expectation else {
            return Err(Problem::new(
                len,
                "the header needs `//@ pass` or `//@ fail: CODES` (or `//@ lint: LINTS`)".into(),
            ));
        };
        if let (true, Some(miri)) = (expectation.is_pinned(), &self.miri) {
            return Err(miri.clone().map(|m| {
                format!(
                    "`miri: {}` on a case that is not `pass`: only a passing case runs under Miri",
                    m.label()
                )
            }));
        }
        let deadlock = self.miri.as_deref() == Some(&MiriExpectation::Deadlock);
        if let Some(hangs) = &self.hangs {
            if **expectation != Expectation::Pass || !deadlock {
                return Err(Problem::new(hangs.line, "`native: hangs` needs `pass` and `miri: deadlock`: a run that is killed proves no hang, Miri's deadlock report does".into()));
            }
        }
        // A passing case that is wrong at run time is paired with its correct twin, as a
        // failing case is with its fix.
        let finding = self
            .miri
            .as_deref()
            .is_some_and(MiriExpectation::is_finding);
        if let (Expectation::Pass, Some(fix), false) = (&**expectation, &self.fix, finding) {
            return Err(Problem::new(
                expectation.line,
                format!(
                    "a passing case has no fix, yet `fix: {}` is given (only a case with a `miri:` finding names its correct twin)",
                    fix.join(" ")
                ),
            ));
        }
        Ok(())
    }
}

/// The directive that says an expectation, if one does.
fn directive_of(expectation: &Expectation) -> Option<Directive> {
    match expectation {
        Expectation::Pass => Some(Directive::Pass),
        Expectation::Fail(_) | Expectation::FailAny => Some(Directive::Fail),
        Expectation::Lint(_) => Some(Directive::Lint),
        Expectation::Unspecified => None,
    }
}

// The parsers of `TABLE`, one per directive.

fn pass(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    if value.is_some() {
        return Err("`pass` takes no value".into());
    }
    h.expect("pass", value.map(|_| Expectation::Pass))
}

fn fail(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let codes = need(
        &value,
        "fail",
        "the expected error codes, such as `E0277`, or `-` for an error without a code",
    )?;
    let mut set = BTreeSet::new();
    for code in codes.split_whitespace() {
        if !is_code(code) {
            return Err(format!(
                "`{code}` is not an error code (expected E followed by four digits, or `-`)"
            ));
        }
        set.insert(code.to_string());
    }
    h.expect("fail", value.map(|_| Expectation::Fail(set)))
}

fn lint(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let lints = need(&value, "lint", "the lints that fire, such as `clippy::await_holding_lock` or a rustc lint such as `let_underscore_lock`")?;
    let mut set = BTreeSet::new();
    for lint in lints.split_whitespace() {
        if !is_lint_name(lint) {
            return Err(format!("`{lint}` is not a lint name (expected `clippy::name`, or a rustc lint such as `let_underscore_lock`, in lower case)"));
        }
        if !set.insert(lint.to_string()) {
            return Err(format!("`{lint}` is named twice in `lint:`"));
        }
    }
    h.expect("lint", value.map(|_| Expectation::Lint(set)))
}

fn fix(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let names = need(
        &value,
        "fix",
        "the name of the passing case that repairs this one",
    )?;
    let names = names_in(names, "fix", |name| format!("`{name}` is not a case name"))?;
    h.fix = Some(value.map(|_| names));
    Ok(())
}

fn min_rust(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let release = need(&value, "min-rust", "a release, such as `1.80`")?;
    let version = Version::parse(release)
        .ok_or_else(|| format!("`{release}` is not a release such as `1.80`"))?;
    h.min_rust = Some(value.map(|_| version));
    Ok(())
}

fn edition(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let year = need(&value, "edition", "an edition year")?;
    if !EDITIONS.contains(&year) {
        return Err(format!(
            "`{year}` is not an edition (one of {})",
            EDITIONS.join(", ")
        ));
    }
    h.edition = Some(value.map(|_| year.to_string()));
    Ok(())
}

fn book(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let listing = need(&value, "book", "a Rust Book listing, such as `16-14`")?;
    let ok = listing
        .split_once('-')
        .is_some_and(|(a, b)| is_number(a) && is_number(b));
    if !ok {
        return Err(format!(
            "`{listing}` is not a listing number such as `16-14`"
        ));
    }
    h.book = Some(value.map(|_| listing.to_string()));
    Ok(())
}

fn miri(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let finding = need(
        &value,
        "miri",
        "what Miri finds: `data-race`, `deadlock`, `leak`, `ub`, or `skip: <reason>`",
    )?;
    let finding = parse_miri(finding)?;
    h.miri = Some(value.map(|_| finding));
    Ok(())
}

fn native(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let run = need(&value, "native", "what the native run does: `hangs`")?;
    if run != "hangs" {
        return Err(format!("`native: {run}`: the only value is `hangs` (a run that never ends; without the directive a passing case exits 0)"));
    }
    h.hangs = Some(value.map(|_| ()));
    Ok(())
}

fn crates(h: &mut Header, value: Spanned<Option<&str>>) -> Result<(), String> {
    let names = need(
        &value,
        "crates",
        "the crates the program uses, such as `tokio`",
    )?;
    let names = names_in(names, "crates", |name| {
        format!("`{name}` is not a crate name as code writes it (letters, digits and `_`: `tokio`, `serde_json`)")
    })?;
    h.crates = Some(value.map(|_| names));
    Ok(())
}

/// The value of `key:`, which must not be empty: `what` says what it holds.
fn need<'a>(value: &Spanned<Option<&'a str>>, key: &str, what: &str) -> Result<&'a str, String> {
    value
        .filter(|v| !v.is_empty())
        .ok_or_else(|| format!("`{key}:` needs {what}"))
}

/// The names of a `fix:` or `crates:` value: identifiers (`bad` says why one is not), each once.
fn names_in(value: &str, key: &str, bad: impl Fn(&str) -> String) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = Vec::new();
    for name in value.split_whitespace() {
        if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(bad(name));
        }
        if names.iter().any(|n| n == name) {
            return Err(format!("`{name}` is named twice in `{key}:`"));
        }
        names.push(name.to_string());
    }
    Ok(names)
}

/// Parses the value of `//@ miri:`.
fn parse_miri(value: &str) -> Result<MiriExpectation, String> {
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

/// The message for a second expectation directive (`pass`, `fail`, `lint`) in one header.
fn both(key: &str, first: &Spanned<Expectation>) -> String {
    let other = match **first {
        Expectation::Pass => "pass",
        Expectation::Lint(_) => "lint",
        _ => "fail",
    };
    if other == key {
        return format!("directive `{key}` is given twice");
    }
    format!(
        "`{other}` and `{key}` both given (line {}): a case expects one of them",
        first.line
    )
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

    #[test]
    fn every_directive_has_one_parser_and_an_unknown_one_lists_them() {
        let mut seen: Vec<Directive> = TABLE.iter().map(|&(_, d, _)| d).collect();
        seen.dedup();
        assert_eq!(seen.len(), TABLE.len());
        let err = parse("//! T\n//! E.\n//@ passs\n").unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(
            err.value,
            "unknown directive `passs` (known: pass, fail, lint, fix, min-rust, edition, book, miri, native, crates)"
        );
    }

    #[test]
    fn values_keep_their_lines() {
        let text = "//! T\n//! E.\n//@ pass\n//@ native: hangs\n//@ miri: deadlock\n//@ fix: a b\n";
        let header = parse(text).unwrap();
        assert_eq!(header.expectation, Some(Spanned::new(3, Expectation::Pass)));
        assert_eq!(header.hangs, Some(Spanned::new(4, ())));
        assert_eq!(
            header.miri,
            Some(Spanned::new(5, MiriExpectation::Deadlock))
        );
        assert_eq!(
            header.fix,
            Some(Spanned::new(6, vec!["a".into(), "b".into()]))
        );
        let lines = header.lines();
        assert_eq!(
            (lines.of(Directive::Pass), lines.of(Directive::Fail)),
            (Some(3), None)
        );
        assert_eq!(lines.of(Directive::Native), Some(4));
    }
}
