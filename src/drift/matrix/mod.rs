//! The drift matrix: every case on every toolchain, each cell classified against a baseline.
//!
//! A matrix keeps each cell's structured diagnostics and rendered stderr, so matrices made on
//! different machines (one toolchain each, say) can be merged and classified again exactly as
//! if they had been made in one run.

use crate::drift::{self, Drift};
use crate::engine::chain::Chain;
use crate::engine::check::{self, Options};
use crate::engine::compile::{Kind, Mode, Outcome};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::report::html_escape;
use crate::error::{Error, Result};
use crate::input::case::Case;
use crate::toolchain::{self, Spec, Toolchain};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

mod build;
mod render;
#[cfg(test)]
mod tests;

pub use build::*;
pub use render::*;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    /// `pass`, `fail`, `timeout`, `ice`, `n/a` or `missing`.
    pub outcome: String,
    pub codes: Vec<String>,
    /// The headline messages of the errors.
    pub(crate) messages: Vec<String>,
    pub drift: Drift,
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
    #[serde(default)]
    pub stderr: String,
    /// What differs from the baseline, for `detail` and `rendering`: the first differing field.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    /// The obligation chain of each E0277 / future-not-`Send` error (see [`crate::engine::chain`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) chains: Vec<Chain>,
    /// Compiled with clippy (a lint case): which lints fire is part of the outcome.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) linted: bool,
}

impl Cell {
    pub(crate) fn empty(outcome: &str, drift: Drift) -> Cell {
        Cell {
            outcome: outcome.into(),
            codes: vec![],
            messages: vec![],
            drift,
            diagnostics: vec![],
            stderr: String::new(),
            why: String::new(),
            chains: vec![],
            linted: false,
        }
    }

    fn from_outcome(o: &Outcome, source: &str) -> Cell {
        Cell {
            outcome: o.kind.name().into(),
            codes: o.codes().into_iter().collect(),
            messages: o.headlines(),
            drift: Drift::Identical,
            diagnostics: o.diagnostics.clone(),
            stderr: o.stderr.clone(),
            why: String::new(),
            chains: crate::engine::chain::chains(&o.diagnostics, Some(source)),
            linted: o.mode == Mode::Lint,
        }
    }

    /// The outcome this cell was made from, when it was compiled at all.
    fn outcome(&self) -> Option<Outcome> {
        let kind = match self.outcome.as_str() {
            "pass" => Kind::Pass,
            "fail" => Kind::Fail,
            "timeout" => Kind::Timeout,
            "ice" => Kind::Ice,
            _ => return None,
        };
        Some(Outcome {
            kind,
            mode: if self.linted { Mode::Lint } else { Mode::Check },
            diagnostics: self.diagnostics.clone(),
            stderr: self.stderr.clone(),
            run: None,
            millis: 0,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub name: String,
    pub(crate) path: String,
    #[serde(default)]
    pub(crate) topic: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) min_rust: Option<String>,
    /// Keyed by the toolchain as given on the command line.
    pub cells: BTreeMap<String, Cell>,
}

/// A toolchain's identity, or `None` where it was not installed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ToolchainInfo {
    pub(crate) release: String,
    pub(crate) commit_hash: String,
    pub(crate) commit_date: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Matrix {
    pub baseline: String,
    /// In the order given.
    pub toolchains: Vec<String>,
    #[serde(default)]
    pub(crate) toolchain_info: BTreeMap<String, Option<ToolchainInfo>>,
    pub cases: Vec<Row>,
}
