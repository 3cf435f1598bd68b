//! Gathering what the pages show: the recorded history, the truth table with its Miri lessons,
//! the drift matrix and the explain page's index.

use super::{HistorySpan, PageInputs};
use crate::drift::history::History;
use crate::drift::matrix;
use crate::error::Result;
use crate::input::case::Case;
use crate::input::corpus::Corpus;
use std::collections::BTreeMap;
use std::path::Path;

impl<'a> PageInputs<'a> {
    /// Everything the pages show: the corpus, the recorded history under `history_root`, the
    /// declared truth table, and the drift matrix of the JSON file `matrix` if one is given.
    pub fn gather(
        corpus: &'a Corpus,
        history_root: &Path,
        matrix: Option<&Path>,
    ) -> Result<PageInputs<'a>> {
        let root = history_root;
        let mut histories = BTreeMap::new();
        let mut recorded = Vec::new();
        let mut chains_of = BTreeMap::new();
        let mut chain_changes = BTreeMap::new();
        for case in &corpus.cases {
            let Some(h) = History::load(&History::path(root, case))? else {
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
            histories.insert(case.name.clone(), spans(&h));
            recorded.push((case, h));
        }
        let declared = crate::learn::table::declared();
        Ok(PageInputs {
            corpus,
            pinned_toolchain: crate::toolchain::pinned(),
            table_markdown: Some(crate::learn::table::render_markdown_with(&declared, &|r| {
                lesson_links(corpus, r, false)
            })),
            table_html: Some(crate::learn::table::render_html_table_with(
                &declared,
                &|r| lesson_links(corpus, r, true),
            )),
            histories,
            // A matrix given wins; else the committed history draws one over every recorded
            // toolchain.
            matrix_html: match matrix {
                Some(p) => Some(matrix::to_html_table(&matrix::load(p)?)),
                None if !recorded.is_empty() => Some(matrix::to_html_table(&matrix::from_history(
                    &recorded,
                    crate::toolchain::pinned(),
                ))),
                None => None,
            },
            chains: chains_of,
            chain_changes,
            explain_index: Some(crate::learn::explain::Index::build(corpus, root)?),
        })
    }
}

/// A case's recorded history as spans of toolchains over which it read the same.
fn spans(h: &History) -> Vec<HistorySpan> {
    h.spans()
        .into_iter()
        .map(|s| {
            let v = h.variants.get(&s.variant);
            HistorySpan {
                from: s.from,
                to: s.to,
                outcome: v.map_or("n/a".into(), |v| v.outcome.clone()),
                // A lint case's history is which lints fired, and what they said.
                codes: v.map_or(
                    vec![],
                    |v| {
                        if v.linted {
                            v.lints()
                        } else {
                            v.codes.clone()
                        }
                    },
                ),
                messages: v.map_or(vec![], |v| {
                    if v.linted {
                        crate::engine::diagnostic::lint_headlines(&v.diagnostics)
                    } else {
                        v.headlines()
                    }
                }),
            }
        })
        .collect()
}

/// What the truth table's row adds in its last cell: a link to each Miri lesson of its type
/// ([`TABLE_LESSONS`]), to the site's page (`html`) or the book's.
fn lesson_links(corpus: &Corpus, row: &crate::learn::table::Row, html: bool) -> String {
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
