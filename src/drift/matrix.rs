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
    fn empty(outcome: &str, drift: Drift) -> Cell {
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

/// The matrix the committed history holds: every recorded toolchain in chronological order,
/// each cell the recorded variant, classified against `baseline` (the pinned release). The
/// history keeps no rendered text, so no cell is `rendering` here.
pub(crate) fn from_history(
    histories: &[(&Case, crate::drift::history::History)],
    baseline: &str,
) -> Matrix {
    let mut entries: BTreeMap<String, crate::drift::history::Entry> = BTreeMap::new();
    for (_, h) in histories {
        for (key, e) in &h.toolchains {
            entries.entry(key.clone()).or_insert_with(|| e.clone());
        }
    }
    let mut toolchains: Vec<String> = entries.keys().cloned().collect();
    toolchains.sort_by_key(|k| crate::drift::history::order(&entries[k]));
    let toolchain_info = entries
        .iter()
        .map(|(k, e)| {
            let info = ToolchainInfo {
                release: e.release.clone(),
                commit_hash: String::new(),
                commit_date: e.commit_date.clone(),
            };
            (k.clone(), Some(info))
        })
        .collect();
    let cases = histories
        .iter()
        .map(|(case, h)| Row {
            name: case.name.clone(),
            path: crate::engine::compile::display_path(case),
            topic: case.topic.clone(),
            min_rust: case.min_rust.as_ref().map(|v| v.to_string()),
            cells: toolchains
                .iter()
                .map(|t| {
                    let cell = match h.toolchains.get(t).and_then(|e| h.variants.get(&e.variant)) {
                        Some(v) => Cell {
                            outcome: v.outcome.clone(),
                            codes: v.codes.clone(),
                            messages: v.headlines(),
                            drift: Drift::Identical,
                            diagnostics: v.diagnostics.clone(),
                            stderr: String::new(),
                            why: String::new(),
                            chains: crate::engine::chain::chains(
                                &v.diagnostics,
                                Some(&case.source),
                            ),
                            linted: v.linted,
                        },
                        None if h.toolchains.contains_key(t) => {
                            Cell::empty("n/a", Drift::NotApplicable)
                        }
                        None => Cell::empty("missing", Drift::Missing),
                    };
                    (t.clone(), cell)
                })
                .collect(),
        })
        .collect();
    let baseline = if entries.contains_key(baseline) {
        baseline.to_string()
    } else {
        toolchains.last().cloned().unwrap_or_default()
    };
    let mut m = Matrix {
        baseline,
        toolchains,
        toolchain_info,
        cases,
    };
    m.classify();
    m
}

/// Which toolchain is the baseline: the one asked for, else the pinned one when it is among
/// them (by name or release), else the first.
pub(crate) fn choose_baseline(
    names: &[String],
    info: &BTreeMap<String, Option<ToolchainInfo>>,
    asked: Option<&str>,
) -> Result<String> {
    if let Some(asked) = asked {
        return names
            .iter()
            .find(|n| n.as_str() == asked)
            .cloned()
            .ok_or_else(|| {
                Error::usage(format!(
                    "--baseline {asked} is not one of the toolchains ({})",
                    names.join(", ")
                ))
            });
    }
    let pinned = toolchain::pinned();
    let by_release = names.iter().find(|n| {
        info.get(*n)
            .and_then(|i| i.as_ref())
            .is_some_and(|i| i.release == pinned)
    });
    names
        .iter()
        .find(|n| n.as_str() == pinned)
        .or(by_release)
        .or(names.first())
        .cloned()
        .ok_or_else(|| Error::usage("no toolchains given"))
}

/// Runs `cases` on each toolchain (type-checking each case, through the cache) and builds the
/// matrix. A toolchain that is not installed gives `missing` cells and a warning in `warnings`.
pub fn build(
    cases: &[Case],
    names: &[String],
    baseline: Option<&str>,
    options: &Options,
    warnings: &mut Vec<String>,
    mut progress: impl FnMut(&str, &check::Checked),
) -> Result<Matrix> {
    if names.is_empty() {
        return Err(Error::usage("--toolchains needs at least one toolchain"));
    }
    let mut options = options.clone();
    options.mode = Some(Mode::Check);
    options.compare_stderr = false;
    options.unbuildable_crates_not_applicable = true;
    let root = options.root.clone();
    let mut rows: Vec<Row> = cases
        .iter()
        .map(|c| Row {
            name: c.name.clone(),
            path: c
                .path
                .strip_prefix(&root)
                .unwrap_or(&c.path)
                .display()
                .to_string(),
            topic: c.topic.clone(),
            min_rust: c.min_rust.as_ref().map(|v| v.to_string()),
            cells: BTreeMap::new(),
        })
        .collect();
    let mut info = BTreeMap::new();
    for name in names {
        match Toolchain::resolve(&Spec::Rustup(name.clone())) {
            Err(e) => {
                warnings.push(e.to_string());
                info.insert(name.clone(), None);
                for row in &mut rows {
                    row.cells
                        .insert(name.clone(), Cell::empty("missing", Drift::Missing));
                }
            }
            Ok(tc) => {
                info.insert(name.clone(), Some(info_of(&tc)));
                let results = check::check_all(&tc, cases, &options, |c| progress(name, c));
                for (row, r) in rows.iter_mut().zip(&results) {
                    let cell = match (&r.outcome, &r.verdict) {
                        (Some(o), _) => Cell::from_outcome(o, &r.case.source),
                        (None, check::Verdict::NotApplicable) => {
                            Cell::empty("n/a", Drift::NotApplicable)
                        }
                        (None, _) => {
                            return Err(Error::CaseFailed {
                                case: r.case.name.clone(),
                                toolchain: name.clone(),
                                reason: r.reason.clone(),
                            })
                        }
                    };
                    row.cells.insert(name.clone(), cell);
                }
            }
        }
    }
    let baseline = choose_baseline(names, &info, baseline)?;
    if info.get(&baseline).is_none_or(|i| i.is_none()) {
        return Err(Error::ToolchainNotInstalled {
            name: baseline,
            baseline: true,
        });
    }
    let mut matrix = Matrix {
        baseline,
        toolchains: names.to_vec(),
        toolchain_info: info,
        cases: rows,
    };
    matrix.classify();
    Ok(matrix)
}

pub(crate) fn info_of(tc: &Toolchain) -> ToolchainInfo {
    ToolchainInfo {
        release: tc.release.clone(),
        commit_hash: tc.commit_hash.clone(),
        commit_date: tc.commit_date.clone(),
    }
}

impl Matrix {
    /// A row for a file that could not be read as a program: an `error` cell on every
    /// toolchain, which is not drift.
    pub fn add_error_row(&mut self, name: &str, path: &str) {
        self.cases.push(Row {
            name: name.into(),
            path: path.into(),
            topic: String::new(),
            min_rust: None,
            cells: self
                .toolchains
                .iter()
                .map(|t| (t.clone(), Cell::empty("error", Drift::NotApplicable)))
                .collect(),
        });
    }

    /// (Re)computes every cell's drift against the baseline.
    pub fn classify(&mut self) {
        let baseline = self.baseline.clone();
        for row in &mut self.cases {
            let base = row.cells.get(&baseline).and_then(Cell::outcome);
            let base_chains = row
                .cells
                .get(&baseline)
                .map(|c| c.chains.clone())
                .unwrap_or_default();
            for (name, cell) in row.cells.iter_mut() {
                cell.drift = match (cell.outcome.as_str(), &base) {
                    ("missing", _) => Drift::Missing,
                    ("n/a", _) => Drift::NotApplicable,
                    (_, None) => Drift::NotApplicable,
                    _ if *name == baseline => {
                        if cell.outcome == "ice" {
                            Drift::Ice
                        } else {
                            Drift::Identical
                        }
                    }
                    (_, Some(base)) => match cell.outcome() {
                        Some(outcome) => {
                            let d = drift::classify(base, &outcome);
                            cell.why = drift::explain(d, base, &outcome);
                            // A change in an obligation chain is the detail that matters
                            // most: it says which link of the explanation moved.
                            let chain =
                                crate::engine::chain::difference(&base_chains, &cell.chains);
                            if let (Drift::Detail | Drift::Headline, Some(what)) = (d, chain) {
                                cell.why = format!("obligation {what}");
                            }
                            d
                        }
                        // An outcome of no known kind (`error`, from a hand-made file): not
                        // compiled, so no drift to speak of.
                        None => Drift::NotApplicable,
                    },
                };
            }
        }
    }

    /// The most severe drift of each case, and how many cases drifted in each class.
    pub(crate) fn counts(&self) -> BTreeMap<Drift, usize> {
        let mut counts = BTreeMap::new();
        for row in &self.cases {
            let worst = row
                .cells
                .values()
                .map(|c| c.drift)
                .filter(|d| d.is_drift())
                .max();
            if let Some(d) = worst {
                *counts.entry(d).or_insert(0) += 1;
            }
        }
        counts
    }

    pub fn any_drift(&self) -> bool {
        self.cases
            .iter()
            .any(|r| r.cells.values().any(|c| c.drift.is_drift()))
    }
}

/// Merges matrices made separately (on other machines, or one toolchain at a time) into one,
/// and classifies it again against `baseline` (by default as [`choose_baseline`] picks).
pub fn merge(parts: Vec<(String, Matrix)>, baseline: Option<&str>) -> Result<Matrix> {
    let mut names: Vec<String> = Vec::new();
    let mut info: BTreeMap<String, Option<ToolchainInfo>> = BTreeMap::new();
    let mut rows: Vec<Row> = Vec::new();
    // Where each (case path, toolchain) cell came from, to name both files of a conflict.
    let mut source: BTreeMap<(String, String), String> = BTreeMap::new();
    for (file, part) in parts {
        for name in &part.toolchains {
            let part_info = part.toolchain_info.get(name).cloned().flatten();
            if let (Some(Some(existing)), Some(new)) = (info.get(name), &part_info) {
                if existing != new {
                    return Err(Error::MergeConflict {
                        toolchain: name.clone(),
                        message: format!(
                            "toolchain `{name}` means different compilers in the merged files ({} and {} in {file})",
                            describe(existing),
                            describe(new)
                        ),
                    });
                }
            }
            if !names.contains(name) {
                names.push(name.clone());
            }
            if part_info.is_some() || !info.contains_key(name) {
                info.insert(name.clone(), part_info.clone());
            }
            for prow in &part.cases {
                let Some(cell) = prow.cells.get(name) else {
                    continue;
                };
                // Rows are matched by path (relative to the checked root), not by name: two
                // folders may hold cases of the same name.
                let row = match rows.iter_mut().position(|r| r.path == prow.path) {
                    Some(i) => &mut rows[i],
                    None => {
                        rows.push(Row {
                            cells: BTreeMap::new(),
                            ..prow.clone()
                        });
                        rows.last_mut().expect("just pushed")
                    }
                };
                let key = (prow.path.clone(), name.clone());
                match row.cells.get(name) {
                    // A real cell (or another `missing`) stays.
                    Some(_) if cell.outcome == "missing" => continue,
                    Some(old) if old.outcome != "missing" && !same_cell(old, cell) => {
                        return Err(Error::MergeConflict {
                            toolchain: name.clone(),
                            message: format!(
                                "{} on `{name}` differs between {} and {file}: {} against {}",
                                prow.path,
                                source.get(&key).map_or("an earlier file", String::as_str),
                                cell_label(old),
                                cell_label(cell)
                            ),
                        });
                    }
                    _ => {}
                }
                row.cells.insert(name.clone(), cell.clone());
                source.insert(key, file.clone());
            }
        }
    }
    for row in &mut rows {
        for name in &names {
            row.cells
                .entry(name.clone())
                .or_insert_with(|| Cell::empty("missing", Drift::Missing));
        }
    }
    let baseline = choose_baseline(&names, &info, baseline)?;
    let mut matrix = Matrix {
        baseline,
        toolchains: names,
        toolchain_info: info,
        cases: rows,
    };
    matrix.classify();
    Ok(matrix)
}

/// Two cells say the same, whatever drift they were classified as.
fn same_cell(a: &Cell, b: &Cell) -> bool {
    Cell {
        drift: b.drift,
        why: b.why.clone(),
        ..a.clone()
    } == *b
}

fn describe(i: &ToolchainInfo) -> String {
    format!(
        "{} {}",
        i.release,
        i.commit_hash.chars().take(9).collect::<String>()
    )
}

pub fn load(path: &Path) -> Result<Matrix> {
    let text = crate::fs::read_text(path)?;
    serde_json::from_str(&text)
        .map_err(|e| Error::input(path, Some(e.line()), format!("not a sendsync matrix: {e}")))
}

// ---- rendering ----

/// The id of the matrix's JSON (`docs/json.md`); [`load`] reads files with or without it.
pub const SCHEMA: &str = "sendsync.matrix/1";

pub fn to_json(m: &Matrix) -> String {
    crate::render::versioned(SCHEMA, m)
}

fn cell_label(c: &Cell) -> String {
    let mut label = match c.outcome.as_str() {
        "pass" | "fail" if !c.codes.is_empty() => format!("{} {}", c.outcome, c.codes.join(" ")),
        other => other.to_string(),
    };
    if c.linted {
        let lints: Vec<String> = crate::engine::diagnostic::lints(&c.diagnostics)
            .into_iter()
            .collect();
        if lints.is_empty() {
            label.push_str(", no lint");
        } else {
            label.push_str(&format!(", lint {}", lints.join(" ")));
        }
    }
    label
}

fn header(m: &Matrix) -> String {
    let tcs: Vec<String> = m
        .toolchains
        .iter()
        .map(|n| match m.toolchain_info.get(n).cloned().flatten() {
            Some(i) if i.release != *n => format!("{n} ({})", i.release),
            Some(_) => n.clone(),
            None => format!("{n} (missing)"),
        })
        .collect();
    format!("baseline {}; toolchains: {}", m.baseline, tcs.join(", "))
}

/// A summary: how many cases drifted in each class, then each drifted case and where.
pub fn to_text(m: &Matrix) -> String {
    let mut out = format!("{}\n", header(m));
    let counts = m.counts();
    let drifted: usize = counts.values().sum();
    out.push_str(&format!(
        "{} cases, {} drifted from the baseline",
        m.cases.len(),
        drifted
    ));
    if !counts.is_empty() {
        let parts: Vec<String> = counts
            .iter()
            .rev()
            .map(|(d, n)| format!("{n} {}", d.as_str()))
            .collect();
        out.push_str(&format!(" (worst class: {})", parts.join(", ")));
    }
    out.push('\n');
    for row in &m.cases {
        let cells: Vec<String> = m
            .toolchains
            .iter()
            .filter_map(|t| {
                row.cells.get(t).filter(|c| c.drift.is_drift()).map(|c| {
                    let mut line = format!("{t}: {} ({})", c.drift.as_str(), cell_label(c));
                    if !c.why.is_empty() {
                        line.push_str(&format!(": {}", c.why));
                    }
                    line
                })
            })
            .collect();
        if !cells.is_empty() {
            let base = row
                .cells
                .get(&m.baseline)
                .map(cell_label)
                .unwrap_or_default();
            out.push_str(&format!(
                "  {} [{}: {}]\n      {}\n",
                row.name,
                m.baseline,
                base,
                cells.join("\n      ")
            ));
        }
    }
    let missing: Vec<&String> = m
        .toolchains
        .iter()
        .filter(|t| m.toolchain_info.get(*t).is_none_or(|i| i.is_none()))
        .collect();
    if !missing.is_empty() {
        out.push_str(&format!(
            "missing (not installed): {}\n",
            missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

pub fn to_markdown(m: &Matrix) -> String {
    let mut out = format!("# Diagnostic drift\n\n{}\n\n", header(m));
    out.push_str(&format!(
        "| case | {} |\n|---|{}\n",
        m.toolchains.join(" | "),
        "---|".repeat(m.toolchains.len())
    ));
    for row in &m.cases {
        let cells: Vec<String> = m
            .toolchains
            .iter()
            .map(|t| match row.cells.get(t) {
                Some(c) if c.drift == Drift::Identical || c.drift.is_drift() => {
                    format!("{} · {}", cell_label(c), c.drift.as_str())
                }
                Some(c) => c.drift.as_str().to_string(),
                None => String::new(),
            })
            .collect();
        out.push_str(&format!(
            "| `{}` | {} |\n",
            row.name,
            cells
                .join(" | ")
                .replace('|', "\\|")
                .replace(" \\| ", " | ")
        ));
    }
    out
}

/// The matrix as an HTML `<table>` fragment, each cell coloured by its drift class with the
/// diagnostic's text in an expandable block.
pub(crate) fn to_html_table(m: &Matrix) -> String {
    let mut out = String::from("<table class=\"matrix\"><thead><tr><th>case</th>");
    for t in &m.toolchains {
        let mark = if *t == m.baseline { " (baseline)" } else { "" };
        out.push_str(&format!("<th>{}{mark}</th>", html_escape(t)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &m.cases {
        out.push_str(&format!(
            "<tr><td><code>{}</code></td>",
            html_escape(&row.name)
        ));
        for t in &m.toolchains {
            let Some(c) = row.cells.get(t) else {
                out.push_str("<td></td>");
                continue;
            };
            let class = c.drift.as_str().replace('/', "-");
            let text = if c.stderr.is_empty() {
                c.messages.join("\n")
            } else {
                c.stderr.clone()
            };
            let label = if c.outcome == c.drift.as_str() {
                c.outcome.clone() // n/a, missing: the outcome says it all
            } else {
                format!("{} · {}", cell_label(c), c.drift.as_str())
            };
            let body = if text.is_empty() {
                html_escape(&label)
            } else {
                format!(
                    "<details><summary>{}</summary><pre>{}</pre></details>",
                    html_escape(&label),
                    html_escape(&text)
                )
            };
            out.push_str(&format!(
                "<td class=\"{class}\" title=\"{}\">{body}</td>",
                html_escape(&c.messages.join("\n"))
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    out
}

pub fn to_html(m: &Matrix) -> String {
    let legend: Vec<String> = Drift::CLASSES
        .iter()
        .map(|d| {
            format!(
                "<span class=\"{}\" style=\"padding:0 .4em\">{}</span>",
                d.as_str().replace('/', "-"),
                d.as_str()
            )
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sendsync drift matrix</title><style>{}</style></head><body>\
<h1>Diagnostic drift</h1><p>{}</p><p>Classes, most severe first: {}</p>{}</body></html>\n",
        crate::engine::report::HTML_STYLE,
        html_escape(&header(m)),
        legend.join(" "),
        to_html_table(m)
    )
}

/// What `matrix` and `merge` print: the matrix in each of its formats.
impl crate::render::Report for Matrix {
    fn schema(&self) -> &'static str {
        SCHEMA
    }
    fn text(&self) -> String {
        to_text(self)
    }
    fn json(&self) -> impl Serialize + '_ {
        self
    }
    fn markdown(&self) -> Option<String> {
        Some(to_markdown(self))
    }
    fn html(&self) -> Option<String> {
        Some(to_html(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(tc: &str, rows: &[(&str, &str)]) -> Matrix {
        let info = ToolchainInfo {
            release: tc.into(),
            commit_hash: "abc".into(),
            commit_date: "2026-01-01".into(),
        };
        Matrix {
            baseline: tc.into(),
            toolchains: vec![tc.into()],
            toolchain_info: BTreeMap::from([(tc.to_string(), Some(info))]),
            cases: rows
                .iter()
                .map(|(path, outcome)| Row {
                    name: path
                        .rsplit('/')
                        .next()
                        .unwrap()
                        .trim_end_matches(".rs")
                        .into(),
                    path: path.to_string(),
                    topic: String::new(),
                    min_rust: None,
                    cells: BTreeMap::from([(
                        tc.to_string(),
                        Cell::empty(outcome, Drift::Identical),
                    )]),
                })
                .collect(),
        }
    }

    #[test]
    fn rows_are_matched_by_path_not_name() {
        let m = merge(
            vec![(
                "a.json".into(),
                part("1.80.0", &[("dup/a/x.rs", "pass"), ("dup/b/x.rs", "fail")]),
            )],
            None,
        )
        .unwrap();
        assert_eq!(m.cases.len(), 2);
        assert_eq!(m.cases[0].cells["1.80.0"].outcome, "pass");
        assert_eq!(m.cases[1].cells["1.80.0"].outcome, "fail");
    }

    #[test]
    fn shards_of_one_toolchain_are_united() {
        let m = merge(
            vec![
                (
                    "s1.json".into(),
                    part("1.80.0", &[("x.rs", "pass"), ("y.rs", "fail")]),
                ),
                ("s2.json".into(), part("1.80.0", &[("z.rs", "fail")])),
            ],
            None,
        )
        .unwrap();
        let paths: Vec<&str> = m.cases.iter().map(|r| r.path.as_str()).collect();
        assert_eq!(paths, ["x.rs", "y.rs", "z.rs"]);
        // The same cell in two shards is no conflict, and a real cell beats `missing`.
        let m = merge(
            vec![
                ("s1.json".into(), part("1.80.0", &[("x.rs", "pass")])),
                ("s2.json".into(), part("1.80.0", &[("x.rs", "pass")])),
                ("s3.json".into(), part("1.80.0", &[("x.rs", "missing")])),
            ],
            None,
        )
        .unwrap();
        assert_eq!(m.cases[0].cells["1.80.0"].outcome, "pass");
    }

    #[test]
    fn a_true_conflict_names_both_files() {
        let err = merge(
            vec![
                ("s1.json".into(), part("1.80.0", &[("x.rs", "pass")])),
                ("s2.json".into(), part("1.80.0", &[("x.rs", "fail")])),
            ],
            None,
        )
        .unwrap_err();
        assert!(
            matches!(&err, Error::MergeConflict { toolchain, .. } if toolchain == "1.80.0"),
            "{err:?}"
        );
        let err = err.to_string();
        assert!(
            err.contains("x.rs") && err.contains("s1.json") && err.contains("s2.json"),
            "{err}"
        );
    }
}
