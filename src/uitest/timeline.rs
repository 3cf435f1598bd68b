//! A crate's UI expectations as a drift matrix ([`crate::drift::matrix::Matrix`]): one row per
//! program, one column per recorded toolchain in release order, each cell classified against a
//! baseline. The matrix renders as the drift timeline does everywhere else (`to_text`,
//! `to_markdown`, `to_html`), and its JSON is what `sendsync site --matrix` draws as its drift
//! page. Unlike the corpus's history, a variant keeps its stderr, so `rendering` is told apart.

use crate::drift::matrix::{Cell, Matrix, Row};
use crate::drift::Drift;
use crate::uitest::expect::Expectations;
use crate::uitest::run::Suite;
use std::collections::BTreeMap;

/// The matrix of `all` (the expectations of `suite`'s programs, in order). The baseline is
/// `baseline` when it is recorded, else the pinned release when it is, else the newest.
pub fn matrix(suite: &Suite, all: &[Expectations], baseline: Option<&str>) -> Matrix {
    let mut entries = BTreeMap::new();
    for e in all {
        for (key, t) in &e.toolchains {
            entries
                .entry(key.clone())
                .or_insert_with(|| crate::drift::history::Entry {
                    release: t.release.clone(),
                    commit_date: t.commit_date.clone(),
                    variant: String::new(),
                });
        }
    }
    let (toolchains, toolchain_info) = crate::drift::matrix::columns(&entries);
    let cases = suite
        .programs
        .iter()
        .zip(all)
        .map(|(program, e)| {
            let source = std::fs::read_to_string(program).unwrap_or_default();
            Row {
                name: e.program.clone(),
                path: e.program.clone(),
                topic: suite.krate.name.clone(),
                min_rust: None,
                cells: toolchains
                    .iter()
                    .map(|t| (t.clone(), cell(e, t, &source)))
                    .collect(),
            }
        })
        .collect();
    let pinned = crate::toolchain::pinned();
    let baseline = [baseline, Some(pinned)]
        .into_iter()
        .flatten()
        .find(|b| entries.contains_key(*b))
        .map(str::to_string)
        .or_else(|| toolchains.last().cloned())
        .unwrap_or_default();
    let mut m = Matrix {
        baseline,
        toolchains,
        toolchain_info,
        cases,
    };
    m.classify();
    m
}

fn cell(e: &Expectations, toolchain: &str, source: &str) -> Cell {
    let empty = Cell::empty;
    match e.on(toolchain) {
        None => empty("missing", Drift::Missing),
        Some(None) => empty("n/a", Drift::NotApplicable),
        Some(Some(v)) => {
            let o = v.outcome();
            Cell {
                outcome: v.outcome.clone(),
                codes: o.codes().into_iter().collect(),
                messages: o.headlines(),
                drift: Drift::Identical,
                chains: crate::engine::chain::chains(&o.diagnostics, Some(source)),
                diagnostics: o.diagnostics,
                stderr: o.stderr,
                why: String::new(),
                linted: false,
            }
        }
    }
}
