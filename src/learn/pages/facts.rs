//! What the site and the book both say about a case, in plain text: where its program starts,
//! what it is expected to do, its links (error index, Rust Book, lints), what Miri says, its
//! history as rows, and the diff to its fix.

use super::HistorySpan;
use crate::input::case::{Case, Expectation};
use crate::input::corpus::Corpus;
use std::path::{Path, PathBuf};

/// A program without its `//!`/`//@` header: the line number (1-based) its first line has in
/// the file, and the text from there on.
pub(crate) fn body(source: &str) -> (usize, String) {
    let lines: Vec<&str> = source.lines().collect();
    let mut start = lines
        .iter()
        .take_while(|l| l.starts_with("//!") || l.starts_with("//@"))
        .count();
    while start < lines.len() && lines[start].trim().is_empty() {
        start += 1;
    }
    let mut text = lines[start..].join("\n");
    text.push('\n');
    (start + 1, text)
}

/// What a page says about a case under Miri. It comes from the case's directive and its pinned
/// report, never from a run: `cargo test` holds both against Miri where nightly Miri is installed.
pub(crate) struct MiriNote {
    /// `clean`, `data-race`, `deadlock`, `leak`, `ub`, or `skip`.
    pub verdict: &'static str,
    /// Miri's headline, or why the case is not run.
    pub headline: Option<String>,
    /// Miri's pinned report (normalized), and where it is pinned.
    pub report: Option<(String, PathBuf)>,
    /// Natively the run never ends (`native: hangs`).
    pub hangs: bool,
}

pub(crate) fn miri_note(case: &Case) -> Option<MiriNote> {
    use crate::input::case::MiriExpectation as M;
    if case.expectation != Expectation::Pass {
        return None;
    }
    let verdict = match &case.miri {
        None => "clean",
        Some(M::DataRace) => "data-race",
        Some(M::Deadlock) => "deadlock",
        Some(M::Leak) => "leak",
        Some(M::Ub) => "ub",
        Some(M::Panic) => "failed",
        Some(M::Skip(why)) => {
            return Some(MiriNote {
                verdict: "skip",
                headline: Some(why.clone()),
                report: None,
                hangs: case.hangs,
            })
        }
    };
    let pin = crate::input::corpus::miri_pin_path(case);
    let report = crate::fs::read_text(&pin).ok();
    let headline = report
        .as_deref()
        .and_then(crate::learn::miri::classify)
        .and_then(|(_, h)| h);
    Some(MiriNote {
        verdict,
        headline,
        report: report.map(|r| (r, pin)),
        hangs: case.hangs,
    })
}

/// The sentence that sets the native run beside Miri's: "exits 0 natively; Miri: …".
pub(crate) fn miri_sentence(note: &MiriNote) -> String {
    match note.verdict {
        "clean" => "It exits 0 natively, and Miri (nightly) runs it clean: no data race, deadlock, leak or other undefined behaviour.".into(),
        "skip" => format!(
            "It exits 0 natively; it is not run under Miri: {}.",
            note.headline.as_deref().unwrap_or("no reason given")
        ),
        v if note.hangs => format!(
            "It compiles, but natively its run never ends (it is killed after {} s); Miri reports {}: {}",
            crate::input::case::HANG_PROBE.as_secs(),
            v.replace('-', " "),
            note.headline.as_deref().unwrap_or("(the report is not pinned)")
        ),
        v => format!(
            "It compiles and exits 0 natively, yet Miri reports {}: {}",
            v.replace('-', " "),
            note.headline.as_deref().unwrap_or("(the report is not pinned)")
        ),
    }
}

/// The pinned rendered stderr of a failing case, if it is there.
pub(crate) fn pinned_stderr(case: &Case) -> Option<String> {
    if !case.expectation.is_pinned() {
        return None;
    }
    crate::fs::read_text(&case.stderr_path()).ok()
}

/// The case's path relative to the corpus's parent folder (`cases/<topic>/<name>.rs`).
pub(crate) fn display_path(corpus: &Corpus, path: &Path) -> String {
    let base = corpus.root.parent().unwrap_or(&corpus.root);
    path.strip_prefix(base)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Where a lint is documented: clippy's lint list for `clippy::NAME`, rustc's lint listing for
/// one of rustc's own.
pub(crate) fn lint_url(lint: &str) -> String {
    match lint.strip_prefix("clippy::") {
        Some(name) => format!("https://rust-lang.github.io/rust-clippy/master/index.html#{name}"),
        None => "https://doc.rust-lang.org/rustc/lints/listing/index.html".into(),
    }
}

/// The lints a lint case expects to fire (empty for any other case).
pub(crate) fn lints_of(case: &Case) -> Vec<&str> {
    match &case.expectation {
        Expectation::Lint(lints) => lints.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

/// The error index page of a code, if it has one (`-` has none).
pub(crate) fn error_index_url(code: &str) -> Option<String> {
    (code.len() == 5 && code.starts_with('E'))
        .then(|| format!("https://doc.rust-lang.org/error_codes/{code}.html"))
}

/// The Rust Book page of a listing such as `16-14`, with the listing's anchor on it.
pub(crate) fn book_url(listing: &str) -> Option<String> {
    let (chapter, number) = listing.split_once('-')?;
    let number: u32 = number.parse().ok()?;
    let page = match (chapter, number) {
        ("16", 1..=5) => "ch16-01-threads.html",
        ("16", 6..=11) => "ch16-02-message-passing.html",
        ("16", 12..=15) => "ch16-03-shared-state.html",
        ("16", _) => "ch16-00-concurrency.html",
        _ => return None,
    };
    Some(format!(
        "https://doc.rust-lang.org/book/{page}#listing-{listing}"
    ))
}

/// What a case is expected to do, in words.
pub(crate) fn expectation_words(case: &Case) -> String {
    match &case.expectation {
        Expectation::Pass if case.hangs => "compiles, but its run never ends".into(),
        Expectation::Pass => "compiles and runs".into(),
        Expectation::Fail(codes) => {
            let codes: Vec<&str> = codes
                .iter()
                .map(|c| {
                    if c == "-" {
                        "an error without a code"
                    } else {
                        c
                    }
                })
                .collect();
            format!("fails to compile: {}", codes.join(", "))
        }
        Expectation::FailAny => "fails to compile".into(),
        Expectation::Lint(lints) => {
            let lints: Vec<&str> = lints.iter().map(String::as_str).collect();
            format!("linted with clippy: {} fires", lints.join(", "))
        }
        Expectation::Unspecified => "has no expectation".into(),
    }
}

/// How a span of toolchains reads: `1.70.0 – 1.74.0`, or one toolchain.
pub(crate) fn span_label(span: &HistorySpan) -> String {
    if span.from == span.to {
        span.from.clone()
    } else {
        format!("{} – {}", span.from, span.to)
    }
}

/// Spans that read the same (outcome, codes and headlines) merged into one row, with the
/// toolchains at which the diagnostic's details (labels, notes, spans, rendering) changed
/// within it.
pub(crate) fn history_rows(spans: &[HistorySpan]) -> Vec<(HistorySpan, Vec<String>)> {
    let mut rows: Vec<(HistorySpan, Vec<String>)> = Vec::new();
    for span in spans {
        match rows.last_mut() {
            Some((row, changes))
                if row.outcome == span.outcome
                    && row.codes == span.codes
                    && row.messages == span.messages =>
            {
                row.to = span.to.clone();
                changes.push(span.from.clone());
            }
            _ => rows.push((span.clone(), Vec::new())),
        }
    }
    rows
}

/// The note under a merged history row.
pub(crate) fn details_note(changes: &[String]) -> Option<String> {
    (!changes.is_empty()).then(|| {
        format!(
            "same headline; the details (labels, notes, spans or rendering) changed at {}",
            changes.join(", ")
        )
    })
}

/// One line of a unified diff.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum DiffLine {
    /// `--- a` / `+++ b`
    File,
    /// `@@ -a,b +c,d @@`
    Hunk,
    Context,
    Removed,
    Added,
}

/// A unified diff from the failing program to its fix, both without their headers, with line
/// numbers as they are in the files.
pub(crate) fn fix_diff(corpus: &Corpus, failing: &Case, fix: &Case) -> Vec<(DiffLine, String)> {
    let (old_start, old) = body(&failing.source);
    let (new_start, new) = body(&fix.source);
    let diff = similar::TextDiff::from_lines(&old, &new);
    let mut out = vec![
        (
            DiffLine::File,
            format!("--- {}", display_path(corpus, &failing.path)),
        ),
        (
            DiffLine::File,
            format!("+++ {}", display_path(corpus, &fix.path)),
        ),
    ];
    for group in diff.grouped_ops(3) {
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            continue;
        };
        let old_range = first.old_range().start..last.old_range().end;
        let new_range = first.new_range().start..last.new_range().end;
        out.push((
            DiffLine::Hunk,
            format!(
                "@@ -{},{} +{},{} @@",
                old_range.start + old_start,
                old_range.len(),
                new_range.start + new_start,
                new_range.len()
            ),
        ));
        for op in &group {
            for change in diff.iter_changes(op) {
                let (kind, sign) = match change.tag() {
                    similar::ChangeTag::Equal => (DiffLine::Context, ' '),
                    similar::ChangeTag::Delete => (DiffLine::Removed, '-'),
                    similar::ChangeTag::Insert => (DiffLine::Added, '+'),
                };
                let text = change.value().trim_end_matches('\n');
                out.push((kind, format!("{sign}{text}")));
            }
        }
    }
    out
}

/// The std types worth showing as tags in the index (the search covers every type name).
pub(crate) const TAG_TYPES: &[&str] = &[
    "Rc",
    "Arc",
    "Weak",
    "Cell",
    "RefCell",
    "UnsafeCell",
    "OnceCell",
    "OnceLock",
    "LazyLock",
    "Mutex",
    "MutexGuard",
    "RwLock",
    "RwLockReadGuard",
    "RwLockWriteGuard",
    "Condvar",
    "Barrier",
    "AtomicBool",
    "AtomicUsize",
    "AtomicU32",
    "AtomicU64",
    "AtomicI32",
    "AtomicPtr",
    "Sender",
    "SyncSender",
    "Receiver",
    "JoinHandle",
    "ScopedJoinHandle",
    "PhantomData",
    "NonNull",
    "Future",
    "Pin",
    "Waker",
    "Context",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_skips_the_header_and_keeps_line_numbers() {
        let (start, text) =
            body("//! T\n//!\n//! E.\n//@ pass\n\nuse std::rc::Rc;\nfn main() {}\n");
        assert_eq!(start, 6);
        assert_eq!(text, "use std::rc::Rc;\nfn main() {}\n");
    }

    #[test]
    fn history_rows_merge_spans_that_read_the_same() {
        let span = |from: &str, to: &str, code: &str| HistorySpan {
            from: from.into(),
            to: to.into(),
            outcome: "fail".into(),
            codes: vec![code.into()],
            messages: vec!["m".into()],
        };
        let rows = history_rows(&[
            span("1.70.0", "1.70.0", "E0282"),
            span("1.71.0", "1.74.0", "E0282"),
            span("1.75.0", "1.95.0", "E0283"),
        ]);
        assert_eq!(rows.len(), 2);
        assert_eq!(span_label(&rows[0].0), "1.70.0 – 1.74.0");
        assert_eq!(rows[0].1, vec!["1.71.0".to_string()]);
        assert!(rows[1].1.is_empty());
    }

    #[test]
    fn book_listings_map_to_their_sections() {
        let url = |l: &str| book_url(l).unwrap();
        assert!(url("16-1").contains("ch16-01-threads.html#listing-16-1"));
        assert!(url("16-5").contains("ch16-01-threads.html"));
        assert!(url("16-6").contains("ch16-02-message-passing.html"));
        assert!(url("16-11").contains("ch16-02-message-passing.html"));
        assert!(url("16-12").contains("ch16-03-shared-state.html"));
        assert!(url("16-15").contains("ch16-03-shared-state.html"));
        assert_eq!(book_url("17-1"), None);
    }

    #[test]
    fn error_index_links_only_real_codes() {
        assert_eq!(
            error_index_url("E0277").as_deref(),
            Some("https://doc.rust-lang.org/error_codes/E0277.html")
        );
        assert_eq!(error_index_url("-"), None);
    }
}
