//! Teaching pages: the corpus as an mdBook ([`write_book`]) and as a self-contained static site
//! ([`write_site`]), generated from the cases on demand and never hand-edited.
//!
//! Both read the same plan (`pages/plan.rs`): one chapter per topic, and in it one page per
//! failing case (with its fix beside it) and one page per passing case that is nobody's fix. A
//! page shows the title and explanation, the program, the compiler's error as pinned for the
//! pinned toolchain, the error codes linked to the error index, the fix with a diff, the Rust
//! Book listing where there is one, and the diagnostic's history across toolchains where
//! recorded.
//!
//! One source serves both: each page is worked out once as a model (`pages/model.rs`), and laid
//! out by a Markdown template for the book and an HTML one for the site (`pages/templates/`,
//! rendered with minijinja by `pages/render.rs`). The HTML templates escape every value that no
//! filter made HTML on purpose; the Markdown ones show the corpus's raw HTML as text, as the
//! site does. `book.rs` and `site.rs` only list the files.
//!
//! The output folder holds a manifest, `.sendsync-pages`, of the files written; a later run
//! removes the files of the earlier one that it no longer writes, and refuses to write into a
//! non-empty folder that has no manifest (so that it never mixes with, or deletes, other files).

use crate::error::Result;
use crate::input::corpus::Corpus;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod book;
pub mod chain_svg;
mod facts;
mod guards;
pub mod highlight;
mod inputs;
pub mod markdown;
mod model;
mod plan;
mod render;
mod site;
mod write;

pub(crate) use facts::{lints_of, DiffLine};
pub use inputs::{table_lessons, TABLE_LESSONS};

/// The title of the book and of the site.
const BOOK_TITLE: &str = "Send and Sync, case by case";
pub use plan::READING_ORDER;

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
    write::write_all(out, files, "book")
}

/// Writes the static HTML site (`index.html`, one folder per topic) under `out`. Returns the
/// files written.
pub fn write_site(inputs: &PageInputs, out: &Path) -> Result<Vec<PathBuf>> {
    let files = site::render(inputs)?;
    write::write_all(out, files, "site")
}

/// A table or matrix of the inputs, if one is recorded (and not blank).
fn recorded(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|t| !t.trim().is_empty())
}
