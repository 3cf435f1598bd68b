//! Which reader a file gets. The bundled corpus is read strictly, as cases in our format; a
//! file a user points `check` at may be any of three kinds, told apart here, in one place:
//! rustc's own UI tests (by their compiletest directives, [`crate::input::compiletest`]), an
//! ordinary program without any `//@` directive, or a case in our format
//! ([`Case::from_header`]).

use crate::error::Result;
use crate::input::case::{Case, Format};
use std::path::Path;

impl Case {
    /// Reads a program that may have no header at all (a user's snippet): such a program gets
    /// [`crate::input::case::Expectation::Unspecified`]. A header that is there must still be
    /// well formed.
    pub fn load_lenient(path: &Path) -> Result<Case> {
        let source = crate::fs::read_text(path)?;
        Case::parse(path, source, false)?.with_bundled_deps()
    }

    /// Parses `source`, the text of the file at `path`. With `strict`, a missing header is an
    /// error; otherwise a program without `//!` and `//@` lines is an unspecified case.
    pub fn parse(path: &Path, source: String, strict: bool) -> Result<Case> {
        if strict {
            Case::from_header(path, source)
        } else {
            lenient(path, source)
        }
    }
}

/// Reads a file of any kind. Leniently, rustc's own UI tests are read by their compiletest
/// directives, and a file without any `//@` directive is an ordinary program, even when it
/// opens with an ordinary `//!` crate doc comment; any other file is a case in our format.
fn lenient(path: &Path, source: String) -> Result<Case> {
    let mut case = Case::blank(path)?;
    if let Some(directives) = crate::input::compiletest::detect(path, &source) {
        crate::input::compiletest::apply(&mut case, path, &directives);
    } else if !source.lines().any(|l| l.trim_start().starts_with("//@")) {
        case.format = Format::Plain;
    } else {
        return Case::from_header(path, source);
    }
    case.source = source;
    Ok(case)
}
