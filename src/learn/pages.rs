//! Teaching pages: the corpus as an mdBook ([`write_book`]) and as a self-contained static site
//! ([`write_site`]), generated from the cases on demand and never hand-edited.
//!
//! Both read the same plan ([`plan`]): one chapter per topic, and in it one page per failing
//! case (with its fix beside it) and one page per passing case that is nobody's fix. A page
//! shows the title and explanation, the program, the compiler's error as pinned for the pinned
//! toolchain, the error codes linked to the error index, the fix with a diff, the Rust Book
//! listing where there is one, and the diagnostic's history across toolchains where recorded.
//!
//! The output folder holds a manifest, `.sendsync-pages`, of the files written; a later run
//! removes the files of the earlier one that it no longer writes, and refuses to write into a
//! non-empty folder that has no manifest (so that it never mixes with, or deletes, other files).

use crate::error::{Error, Result};
use crate::input::case::{Case, Expectation};
use crate::input::corpus::{Corpus, Topic};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod book;
pub mod chain_svg;
mod guards;
pub mod highlight;
pub mod markdown;
mod site;

/// What the pages are made from. The corpus is required; everything else is optional, and a
/// page says "not recorded" (or a chapter says why it is empty) where it is missing.
pub struct PageInputs<'a> {
    pub corpus: &'a Corpus,
    /// The toolchain the pinned `.stderr` files belong to, such as `1.95.0`.
    pub pinned_toolchain: &'a str,
    /// The std `Send`/`Sync` truth table, as Markdown (with ✓ and ✗ in it).
    pub table_markdown: Option<String>,
    /// The same table as an HTML `<table>` fragment.
    pub table_html: Option<String>,
    /// Case name -> its recorded history across toolchains, oldest first.
    pub histories: BTreeMap<String, Vec<HistorySpan>>,
    /// The drift matrix as an HTML fragment (a `<table>`).
    pub matrix_html: Option<String>,
    /// Case name -> the obligation chains of its errors on the pinned toolchain, from the
    /// recorded history.
    pub chains: BTreeMap<String, Vec<crate::engine::chain::Chain>>,
    /// Case name -> each toolchain on which its obligation chains changed, with what changed
    /// (see [`crate::drift::history::History::chain_changes`]).
    pub chain_changes: BTreeMap<String, Vec<(String, String)>>,
    /// The shapes of the failing cases' errors, for the explain page's matcher (from the
    /// recorded history; `None` writes the page with nothing to match against).
    pub explain_index: Option<crate::learn::explain::Index>,
}

impl<'a> PageInputs<'a> {
    /// Everything the pages show: the corpus, the recorded history under `history_root`, the
    /// declared truth table, and the drift matrix of the JSON file `matrix` if one is given.
    pub fn gather(
        corpus: &'a Corpus,
        history_root: &Path,
        matrix: Option<&Path>,
    ) -> Result<PageInputs<'a>> {
        let root = history_root;
        let mut histories = std::collections::BTreeMap::new();
        let mut recorded = Vec::new();
        let mut chains_of = BTreeMap::new();
        let mut chain_changes = BTreeMap::new();
        for case in &corpus.cases {
            let Some(h) = crate::drift::history::History::load(
                &crate::drift::history::History::path(root, case),
            )?
            else {
                continue;
            };
            if let Some(v) = h.variant_on(crate::toolchain::pinned()) {
                let chains = crate::engine::chain::chains(&v.diagnostics, Some(&case.source));
                if !chains.is_empty() {
                    chains_of.insert(case.name.clone(), chains);
                }
            }
            let changes = h.chain_changes(Some(&case.source));
            if !changes.is_empty() {
                chain_changes.insert(case.name.clone(), changes);
            }
            recorded.push((case, h.clone()));
            let spans =
                h.spans()
                    .into_iter()
                    .map(|s| {
                        let v = h.variants.get(&s.variant);
                        HistorySpan {
                            from: s.from,
                            to: s.to,
                            outcome: v.map_or("n/a".into(), |v| v.outcome.clone()),
                            // A lint case's history is which lints fired, and what they said.
                            codes: v.map_or(vec![], |v| {
                                if v.linted {
                                    v.lints()
                                } else {
                                    v.codes.clone()
                                }
                            }),
                            messages: v.map_or(vec![], |v| {
                                if v.linted {
                                    crate::engine::diagnostic::lint_headlines(&v.diagnostics)
                                } else {
                                    v.headlines()
                                }
                            }),
                        }
                    })
                    .collect();
            histories.insert(case.name.clone(), spans);
        }
        let declared = crate::learn::table::declared();
        let lessons = |row: &crate::learn::table::Row, html: bool| -> String {
            let links: Vec<String> = table_lessons(corpus, row.ty)
                .into_iter()
                .map(|(t, case)| {
                    let (name, topic) = (&case.name, &case.topic);
                    if html {
                        format!("<br>Why not {t}, shown by Miri: <a href=\"{topic}/{name}.html\"><code>{name}</code></a>")
                    } else {
                        format!("<br>Why not {t}, shown by Miri: [`{name}`]({topic}/{name}.md)")
                    }
                })
                .collect();
            links.concat()
        };
        Ok(PageInputs {
            corpus,
            pinned_toolchain: crate::toolchain::pinned(),
            table_markdown: Some(crate::learn::table::render_markdown_with(&declared, &|r| {
                lessons(r, false)
            })),
            table_html: Some(crate::learn::table::render_html_table_with(
                &declared,
                &|r| lessons(r, true),
            )),
            histories,
            // A matrix given wins; else the committed history draws one over every recorded
            // toolchain.
            matrix_html: match matrix {
                Some(p) => Some(crate::drift::matrix::to_html_table(
                    &crate::drift::matrix::load(p)?,
                )),
                None if !recorded.is_empty() => Some(crate::drift::matrix::to_html_table(
                    &crate::drift::matrix::from_history(&recorded, crate::toolchain::pinned()),
                )),
                None => None,
            },
            chains: chains_of,
            chain_changes,
            explain_index: Some(crate::learn::explain::Index::build(corpus, root)?),
        })
    }
}

/// The cases that show at run time why a std type is not `Send` or `Sync`: a wrapper that
/// claims the trait with a lying `unsafe impl`, and the data race Miri then reports. Each is
/// (the type as the truth table writes it, the trait it lacks, the case). The truth table's
/// pages link them from the type's row.
pub const TABLE_LESSONS: [(&str, crate::learn::table::Trait, &str); 3] = [
    (
        "rc::Rc<T>",
        crate::learn::table::Trait::Send,
        "rc_behind_lying_send_impl_races_count",
    ),
    (
        "cell::Cell<T>",
        crate::learn::table::Trait::Sync,
        "cell_counter_behind_lying_sync_impl",
    ),
    (
        "*mut T",
        crate::learn::table::Trait::Send,
        "raw_pointer_wrapper_written_from_two_threads",
    ),
];

/// The lessons of [`TABLE_LESSONS`] for the row of type `ty`, with their cases in `corpus` (a
/// lesson whose case is not there is left out).
pub fn table_lessons<'c>(
    corpus: &'c Corpus,
    ty: &str,
) -> Vec<(crate::learn::table::Trait, &'c Case)> {
    TABLE_LESSONS
        .iter()
        .filter(|(t, _, _)| *t == ty)
        .filter_map(|(_, tr, name)| {
            corpus
                .cases
                .iter()
                .find(|c| c.name == *name)
                .map(|c| (*tr, c))
        })
        .collect()
}

/// A run of toolchains over which a case's diagnostic stayed the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HistorySpan {
    /// The first toolchain of the span, such as `1.70.0`.
    pub from: String,
    /// The last toolchain of the span (the same as `from` for a span of one).
    pub to: String,
    /// `pass`, `fail`, `timeout`, `ice`, ...
    pub outcome: String,
    /// The error codes, such as `E0277` (`-` for an error without a code); for a lint case,
    /// the lints that fired.
    pub codes: Vec<String>,
    /// The headline messages.
    pub messages: Vec<String>,
}

/// Writes the mdBook source (`book.toml`, `src/SUMMARY.md`, chapters and pages) under `out`.
/// Returns the files written.
pub fn write_book(inputs: &PageInputs, out: &Path) -> Result<Vec<PathBuf>> {
    let files = book::render(inputs)?;
    write_all(out, files, "book")
}

/// Writes the static HTML site (`index.html`, one folder per topic) under `out`. Returns the
/// files written.
pub fn write_site(inputs: &PageInputs, out: &Path) -> Result<Vec<PathBuf>> {
    let files = site::render(inputs)?;
    write_all(out, files, "site")
}

// ---------------------------------------------------------------------------------------------
// The plan: which pages there are.

/// One page: a failing case with its fixes, or a passing case that is nobody's fix.
pub(crate) struct Page<'a> {
    /// The failing case, or the standalone passing one.
    pub case: &'a Case,
    /// The passing cases that repair `case`, in the order its `fix:` names them: the first is
    /// the lead fix, any other is another idiomatic fix shown after it on the same page.
    pub fixes: Vec<&'a Case>,
}

impl Page<'_> {
    /// The page's file stem: the name of its main case.
    pub fn slug(&self) -> &str {
        &self.case.name
    }

    /// The error codes of the failing case (empty for a passing page).
    pub fn codes(&self) -> Vec<&str> {
        match &self.case.expectation {
            Expectation::Fail(codes) => codes.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Every case name the page holds.
    pub fn names(&self) -> Vec<&str> {
        let mut names = vec![self.case.name.as_str()];
        names.extend(self.fixes.iter().map(|f| f.name.as_str()));
        names
    }

    /// The type names used in the page's programs (for search).
    pub fn types(&self) -> BTreeSet<String> {
        let mut types = highlight::type_names(&body(&self.case.source).1);
        for fix in &self.fixes {
            types.extend(highlight::type_names(&body(&fix.source).1));
        }
        types
    }
}

pub(crate) struct Chapter<'a> {
    pub topic: &'a Topic,
    pub pages: Vec<Page<'a>>,
    /// Passing cases of this topic shown as a fix on a page of another topic, with that page.
    pub fixes_elsewhere: Vec<(&'a Case, &'a Case)>,
}

/// The order in which a learner reads the topics, and in which the site and the book list
/// them: the Rust Book's chapter 16 first, then the everyday tools (`Rc` and `Arc`, spawning,
/// closures, scoped threads, channels, locks, cells, statics, async, the lints), and last the
/// topics about the traits themselves. The README's "Where to start reading" names the same
/// order (`tests/pages.rs` holds them together). A topic not named here comes after these, by
/// name.
pub const READING_ORDER: [&str; 19] = [
    "book",
    "rc_arc",
    "spawn",
    "closures",
    "scoped",
    "channels",
    "locks",
    "cells",
    "statics",
    "async",
    "tokio",
    "lints",
    "auto_traits",
    "phantom",
    "pointers",
    "unsafe_impls",
    "dyn_impl",
    "assertions",
    "races",
];

/// Where a topic comes in [`READING_ORDER`] (a topic not in it: after all that are).
fn reading_rank(topic: &str) -> usize {
    READING_ORDER
        .iter()
        .position(|t| *t == topic)
        .unwrap_or(READING_ORDER.len())
}

/// One chapter per topic, in [`READING_ORDER`]; in each, the failing cases (each with all its
/// fixes) and the passing cases that are nobody's fix, in name order.
pub(crate) fn plan(corpus: &Corpus) -> Vec<Chapter<'_>> {
    let mut topics: Vec<&crate::input::corpus::Topic> = corpus.topics.iter().collect();
    // Stable: topics of equal rank keep the corpus's (name) order.
    topics.sort_by_key(|t| reading_rank(&t.name));
    topics
        .into_iter()
        .map(|topic| {
            let mut pages = Vec::new();
            let mut fixes_elsewhere = Vec::new();
            for case in corpus.topic_cases(&topic.name) {
                if case.expectation.is_pinned() || miri_finding(case) {
                    // Every fix is shown on the case's page: the first leads, the others follow.
                    let fixes = case.fix.iter().filter_map(|f| corpus.get(f)).collect();
                    pages.push(Page { case, fixes });
                    continue;
                }
                let fixed = corpus.repaired_by(&case.name);
                if fixed.is_empty() {
                    pages.push(Page {
                        case,
                        fixes: Vec::new(),
                    });
                } else if fixed.iter().all(|f| f.topic != topic.name) {
                    fixes_elsewhere.push((case, fixed[0]));
                }
            }
            Chapter {
                topic,
                pages,
                fixes_elsewhere,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Shared helpers.

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

/// The pinned rendered stderr of a failing case, if it is there.
/// Whether Miri finds something in this passing case (its `miri:` directive): such a case has a
/// page of its own with its correct twin, as a failing case has with its fix.
pub(crate) fn miri_finding(case: &Case) -> bool {
    case.miri.as_ref().is_some_and(|m| m.is_finding())
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

/// The anchor of `fix` on the page of `failing`: `fix` for the lead fix, `fix-<name>` for
/// another.
pub(crate) fn fix_anchor(failing: &Case, fix: &Case) -> String {
    if failing.fix.first() == Some(&fix.name) {
        "fix".to_string()
    } else {
        format!("fix-{}", fix.name)
    }
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

/// The page that shows `case`, and the anchor of the case on it: a failing case, a case Miri
/// finds wrong and a passing case that is nobody's fix have pages of their own; a fix is shown
/// on the page of the (first) case it repairs.
pub(crate) fn page_of<'a>(corpus: &'a Corpus, case: &'a Case) -> (&'a Case, Option<String>) {
    if case.expectation.is_pinned() || miri_finding(case) {
        return (case, None);
    }
    match corpus.repaired_by(&case.name).first() {
        Some(failing) => (failing, Some(fix_anchor(failing, case))),
        None => (case, None),
    }
}

/// A topic introduction's links to case files (`[name](name.rs)`, or
/// `[name](../topic/name.rs)` for another topic's, which resolve in the source tree) pointed at
/// the pages that show those cases instead: `up` leads from the page to the
/// root of the pages (`""` or `"../"`), `ext` is the pages' extension. A passing case shown as
/// another's fix links to that page (at the fix's anchor in the site).
pub(crate) fn link_case_files(corpus: &Corpus, text: &str, up: &str, ext: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let Some(end) = rest.find(')') else { break };
        // `name.rs` beside the README, or `../topic/name.rs` in another topic.
        let case = rest[..end].strip_suffix(".rs").and_then(|p| {
            match p.strip_prefix("../").and_then(|p| p.split_once('/')) {
                Some((topic, n)) => corpus.get(n).filter(|c| c.topic == topic),
                None if !p.contains('/') => corpus.get(p),
                None => None,
            }
        });
        if let Some(case) = case {
            let (holder, anchor) = page_of(corpus, case);
            out.push_str(&format!("{up}{}/{}.{ext}", holder.topic, holder.name));
            if ext == "html" {
                out.push_str(&anchor.map(|a| format!("#{a}")).unwrap_or_default());
            }
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}

// ---------------------------------------------------------------------------------------------
// Writing.

const MANIFEST: &str = ".sendsync-pages";

/// Writes `files` (paths relative to `out`) atomically, then removes what an earlier run wrote
/// and this one did not.
fn write_all(out: &Path, files: Vec<(PathBuf, String)>, kind: &str) -> Result<Vec<PathBuf>> {
    let manifest = out.join(MANIFEST);
    // The manifest's first line says what wrote the folder: a site never replaces a book.
    let header = format!("# sendsync {kind}");
    if manifest.is_file() {
        let text = crate::fs::read_text(&manifest)?;
        let first = text.lines().next().unwrap_or("");
        if first.starts_with("# sendsync ") && first != header {
            return Err(Error::input(
                out,
                None,
                format!(
                    "this folder holds the output of `sendsync {}`, not of `sendsync {kind}`: give another folder",
                    first.trim_start_matches("# sendsync ")
                ),
            ));
        }
    }
    let earlier: BTreeSet<PathBuf> = if manifest.is_file() {
        crate::fs::read_text(&manifest)?
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(PathBuf::from)
            .collect()
    } else {
        if out.is_dir() {
            let mut entries = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?;
            if entries.next().is_some() {
                return Err(Error::input(
                    out,
                    None,
                    "this folder is not empty and was not written by sendsync: give a new or empty folder",
                ));
            }
        }
        BTreeSet::new()
    };
    let mut written = Vec::with_capacity(files.len());
    let mut now = BTreeSet::new();
    for (rel, text) in files {
        debug_assert!(rel.is_relative());
        let path = out.join(&rel);
        crate::fs::write_atomic(&path, text.as_bytes())?;
        now.insert(rel);
        written.push(path);
    }
    for stale in earlier.difference(&now) {
        // Only plain relative paths, as this module writes them, are ever removed.
        if stale.is_absolute()
            || stale
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            continue;
        }
        let path = out.join(stale);
        if path.is_file() {
            std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            // Remove the folders that this leaves empty (a topic that went away).
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != out) {
                if std::fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
        }
    }
    let list: Vec<String> = now
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    crate::fs::write_atomic(
        &manifest,
        format!("{header}\n{}\n", list.join("\n")).as_bytes(),
    )?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_never_replaces_a_book() {
        let dir = tempfile::tempdir().unwrap();
        let book = vec![(PathBuf::from("book.toml"), "[book]\n".to_string())];
        write_all(dir.path(), book.clone(), "book").unwrap();
        let site = vec![(PathBuf::from("index.html"), "<html>".to_string())];
        let err = write_all(dir.path(), site, "site").unwrap_err().to_string();
        assert!(err.contains("output of `sendsync book`"), "{err}");
        assert!(
            dir.path().join("book.toml").is_file(),
            "the book is untouched"
        );
        // The same kind again replaces its own output.
        write_all(dir.path(), book, "book").unwrap();
    }

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

    #[test]
    fn writing_refuses_a_foreign_folder_and_removes_stale_pages() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.txt"), "x").unwrap();
        let err = write_all(dir.path(), vec![("a.html".into(), "a".into())], "site").unwrap_err();
        assert!(err.to_string().contains("not written by sendsync"), "{err}");

        let out = dir.path().join("site");
        write_all(
            &out,
            vec![
                ("a.html".into(), "a".into()),
                ("t/b.html".into(), "b".into()),
            ],
            "site",
        )
        .unwrap();
        assert!(out.join("t/b.html").is_file());
        write_all(&out, vec![("a.html".into(), "a2".into())], "site").unwrap();
        assert!(!out.join("t").exists(), "the stale page and its folder go");
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "a2");
    }
}
