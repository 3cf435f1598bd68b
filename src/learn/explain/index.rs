//! The lesson index: the shape of every failing corpus case's Send/Sync errors on the pinned
//! toolchain, read from the committed history. The site's explain page carries it as JSON.

use super::shape::{shape_of, Shape};
use crate::engine::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::input::case::Case;
use crate::input::corpus::Corpus;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// One error of a failing corpus case on the pinned toolchain.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) topic: String,
    pub(crate) title: String,
    pub(crate) shape: Shape,
}

/// The shapes of every failing case's Send/Sync errors.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Index {
    pub(crate) entries: Vec<Entry>,
}

impl Index {
    /// Reads each failing case's diagnostics on the pinned toolchain from the committed
    /// history (`history_root`). A case without a record is left out.
    pub fn build(corpus: &Corpus, history_root: &Path) -> Result<Index> {
        let mut entries = Vec::new();
        for case in corpus.cases.iter().filter(|c| c.expectation.is_fail()) {
            let path = crate::drift::history::History::path(history_root, case);
            let Some(h) = crate::drift::history::History::load(&path)? else {
                continue;
            };
            let Some(v) = h.variant_on(crate::toolchain::pinned()) else {
                continue;
            };
            for d in v.diagnostics.iter().filter(|d| d.is_error()) {
                let shape = shape_of(d, &case_snippet(case, d));
                if shape.is_send_sync() {
                    entries.push(Entry {
                        name: case.name.clone(),
                        topic: case.topic.clone(),
                        title: case.title.clone(),
                        shape,
                    });
                }
            }
        }
        Ok(Index { entries })
    }
}

/// The quoted lines of a case's error: the case's own lines under its top-level spans, and
/// their labels (what rustc's JSON gives as the spans' `text` and `label`).
fn case_snippet(case: &Case, d: &Diagnostic) -> String {
    let lines: Vec<&str> = case.source.lines().collect();
    let mut out = String::new();
    for s in &d.spans {
        let Some((from, to)) = s.at.split_once('-') else {
            continue;
        };
        let line_of = |p: &str| p.split(':').next().and_then(|l| l.parse::<usize>().ok());
        if let (Some(a), Some(b)) = (line_of(from), line_of(to)) {
            for l in a..=b.max(a) {
                if let Some(text) = lines.get(l.wrapping_sub(1)) {
                    out.push_str(text);
                    out.push('\n');
                }
            }
        }
        if let Some(label) = &s.label {
            out.push_str(label);
            out.push('\n');
        }
    }
    out
}

/// The corpus and its index. An index without a single entry would answer every error with
/// no case at all: that is an error, which says what is missing and how to record it.
pub(crate) fn load() -> Result<(Corpus, Index)> {
    let corpus =
        Corpus::load(&crate::input::corpus::bundled_root()).map_err(|mut e| e.swap_remove(0))?;
    let root = crate::paths::history_root();
    let index = Index::build(&corpus, &root)?;
    if index.entries.is_empty() {
        let pinned = crate::toolchain::pinned();
        return Err(Error::NoHistory {
            toolchain: pinned.to_string(),
            root,
        });
    }
    Ok((corpus, index))
}
