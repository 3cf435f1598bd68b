//! The pinned `.stderr` beside a case: whether there is one, reading it, comparing the rendered
//! stderr with it wherever the case lies, and writing it on `--bless`.

use super::judge::judge;
use super::Verdict;
use crate::engine::compile::{self, Outcome};
use crate::error::Error;
use crate::input::case::Case;
use std::path::PathBuf;

/// Whether a case has its rendered stderr pinned beside it: a failing or lint case of this
/// project's format (a compiletest `.stderr` is rustc's own format, not trybuild's: its codes
/// were read).
pub(super) fn pins_stderr(case: &Case) -> bool {
    case.expectation.is_pinned() && case.format == crate::input::case::Format::Sendsync
}

/// A case's pinned `.stderr`, as the last step of judging it holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Pin {
    /// Not compared: a toolchain other than the pinned one, or a case with nothing pinned.
    NotCompared,
    /// The case pins its stderr, but there is no file: as with trybuild, a failure until blessed.
    Missing,
    /// A file that cannot be read as text: an error naming it, never a pass.
    Unreadable(String),
    Text(String),
}

/// Reads the pinned `.stderr` of `case` (see [`Pin`]).
pub(super) fn read_pin(case: &Case) -> Pin {
    match crate::fs::read_text(&case.stderr_path()) {
        Ok(text) => Pin::Text(text.replace("\r\n", "\n")),
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Pin::Missing
        }
        Err(e) => Pin::Unreadable(e.to_string()),
    }
}

/// The last step of judging a case whose diagnostics are pinned: the rendered stderr against
/// the pinned `.stderr`. Fails closed, as trybuild does: a pin that is missing or cannot be read
/// is never a pass.
pub(super) fn compare_pinned(case: &Case, outcome: &Outcome, pin: &Pin) -> (Verdict, String) {
    let path = case.stderr_path();
    match pin {
        Pin::NotCompared => (Verdict::Ok, String::new()),
        Pin::Missing => {
            let inside = std::path::absolute(&case.path)
                .is_ok_and(|p| p.starts_with(crate::input::corpus::bundled_root()));
            let flags = if inside {
                "--bless"
            } else {
                "--bless --bless-outside-corpus"
            };
            (
                Verdict::Mismatch,
                format!(
                    "its pinned stderr {} is missing (write it with `sendsync check {flags}`)",
                    path.display()
                ),
            )
        }
        Pin::Unreadable(why) => (
            Verdict::Error,
            format!("cannot compare with the pinned stderr: {why}"),
        ),
        Pin::Text(pinned) => {
            let (pinned, observed) = without_case_path(case, pinned, &outcome.stderr);
            if pinned == observed {
                return (Verdict::Ok, String::new());
            }
            (
                Verdict::Mismatch,
                format!(
                    "rendered stderr differs from the pinned {}:\n{}",
                    path.display(),
                    crate::engine::difference::diff(&pinned, &observed)
                ),
            )
        }
    }
}

/// Writes the observed stderr as the case's pin (`--bless`), when the case is otherwise right:
/// judged without the pinned file, so that the pinned file (missing, unreadable or different) is
/// all that differs. `None` when it is not (nothing is written); else the file written, or why
/// it could not be.
pub(super) fn bless(case: &Case, outcome: &Outcome) -> Option<Result<PathBuf, Error>> {
    let (bare, _) = judge(case, outcome, &Pin::NotCompared);
    if bare != Verdict::Ok {
        return None;
    }
    let path = case.stderr_path();
    Some(crate::fs::write_atomic(&path, outcome.stderr.as_bytes()).map(|()| path))
}

/// The pinned and the observed stderr with the case's own path replaced by `$CASE` in both, so
/// they compare equal wherever the case lies. The observed text spells it as
/// [`compile::display_path`] does; the pinned text as it was pinned: relative to a package,
/// `$DIR/…`, or absolute below `target/` as trybuild leaves it. Every path that ends in the
/// case's file name and is followed by `:line` counts as the case's path.
fn without_case_path(case: &Case, pinned: &str, observed: &str) -> (String, String) {
    let display = compile::display_path(case);
    let file = display.rsplit('/').next().unwrap_or(&display);
    (erase_path_of(pinned, file), erase_path_of(observed, file))
}

fn erase_path_of(text: &str, file: &str) -> String {
    let is_path_char =
        |c: char| !c.is_whitespace() && !matches!(c, '`' | '@' | '{' | '(' | '\'' | '"');
    let needle = format!("{file}:");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(&needle) {
        let before = &rest[..i];
        // The file name must start a path component.
        if !(before.is_empty() || before.ends_with('/') || !before.ends_with(is_path_char)) {
            out.push_str(&rest[..i + needle.len()]);
            rest = &rest[i + needle.len()..];
            continue;
        }
        let start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_path_char(c))
            .last()
            .map_or(i, |(j, _)| j);
        out.push_str(&rest[..start]);
        out.push_str("$CASE:");
        rest = &rest[i + needle.len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_read_as_missing_unreadable_or_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t").join("x.rs");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let source = "//! T\n//!\n//! E.\n//@ fail: E0277\n//@ fix: y\nfn main() {}\n";
        let case = Case::parse(&path, source.into(), true).unwrap();
        assert_eq!(read_pin(&case), Pin::Missing);
        std::fs::write(case.stderr_path(), b"error\xff\n").unwrap();
        match read_pin(&case) {
            Pin::Unreadable(why) => assert!(
                why.contains(&format!(
                    "{}:1: the file is not valid UTF-8",
                    case.stderr_path().display()
                )),
                "{why}"
            ),
            other => panic!("{other:?}"),
        }
        std::fs::write(case.stderr_path(), "a\r\nb\n").unwrap();
        assert_eq!(read_pin(&case), Pin::Text("a\nb\n".into()));
    }

    #[test]
    fn the_case_path_is_erased_however_spelled() {
        let spellings = [
            " --> cases/t/x.rs:17:32\n{closure@$DIR/cases/t/x.rs:17:32: 17:39}",
            " --> /work/p/target/a/x.rs:17:32\n{closure@$DIR/target/a/x.rs:17:32: 17:39}",
            " --> .agreement-1/same/x.rs:17:32\n{closure@/abs/.agreement-1/same/x.rs:17:32: 17:39}",
            " --> x.rs:17:32\n{closure@x.rs:17:32: 17:39}",
        ];
        for s in spellings {
            assert_eq!(
                super::erase_path_of(s, "x.rs"),
                " --> $CASE:17:32\n{closure@$CASE:17:32: 17:39}",
                "{s}"
            );
        }
        // Another file, or a line that moved, is not erased away.
        assert_eq!(
            super::erase_path_of(" --> a/xx.rs:1:1", "x.rs"),
            " --> a/xx.rs:1:1"
        );
        assert_eq!(
            super::erase_path_of(" --> a/x.rs:2:1", "x.rs"),
            " --> $CASE:2:1"
        );
    }
}
