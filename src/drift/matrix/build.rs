//! Building a matrix: from a run over toolchains, from the history, or merged from parts.

use super::*;

/// The matrix the committed history holds: every recorded toolchain in chronological order,
/// each cell the recorded variant, classified against `baseline` (the pinned release). The
/// history keeps no rendered text, so no cell is `rendering` here.
pub(crate) fn from_history(
    histories: &[(&Case, crate::drift::history::History)],
    baseline: &str,
) -> Matrix {
    let entries = recorded_toolchains(histories);
    let (toolchains, toolchain_info) = columns(&entries);
    let cases = histories
        .iter()
        .map(|(case, h)| Row {
            name: case.name.clone(),
            path: crate::engine::compile::display_path(case),
            topic: case.topic.clone(),
            min_rust: case.min_rust.as_ref().map(|v| v.to_string()),
            cells: toolchains
                .iter()
                .map(|t| (t.clone(), history_cell(case, h, t)))
                .collect(),
        })
        .collect();
    let baseline = if entries.contains_key(baseline) {
        baseline.to_string()
    } else {
        toolchains.last().cloned().unwrap_or_default()
    };
    classified(baseline, toolchains, toolchain_info, cases)
}

/// The columns of a matrix made from recorded entries: their keys in release order, and what
/// each entry says of its toolchain.
pub(crate) fn columns(
    entries: &BTreeMap<String, crate::drift::history::Entry>,
) -> (Vec<String>, BTreeMap<String, Option<ToolchainInfo>>) {
    let mut toolchains: Vec<String> = entries.keys().cloned().collect();
    toolchains.sort_by_key(|k| crate::drift::history::order(&entries[k]));
    let info = entries
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
    (toolchains, info)
}

/// Every toolchain the histories record, with the first history's entry for it.
fn recorded_toolchains(
    histories: &[(&Case, crate::drift::history::History)],
) -> BTreeMap<String, crate::drift::history::Entry> {
    let mut entries: BTreeMap<String, crate::drift::history::Entry> = BTreeMap::new();
    for (_, h) in histories {
        for (key, e) in &h.toolchains {
            entries.entry(key.clone()).or_insert_with(|| e.clone());
        }
    }
    entries
}

/// The cell of `case` on toolchain `t` as its history `h` records it.
fn history_cell(case: &Case, h: &crate::drift::history::History, t: &str) -> Cell {
    match h.toolchains.get(t).and_then(|e| h.variants.get(&e.variant)) {
        Some(v) => Cell {
            outcome: v.outcome.clone(),
            codes: v.codes.clone(),
            messages: v.headlines(),
            drift: Drift::Identical,
            diagnostics: v.diagnostics.clone(),
            stderr: String::new(),
            why: String::new(),
            chains: crate::engine::chain::chains(&v.diagnostics, Some(&case.source)),
            linted: v.linted,
        },
        None if h.toolchains.contains_key(t) => Cell::empty("n/a", Drift::NotApplicable),
        None => Cell::empty("missing", Drift::Missing),
    }
}

/// The matrix of these parts, its cells classified against `baseline`.
fn classified(
    baseline: String,
    toolchains: Vec<String>,
    toolchain_info: BTreeMap<String, Option<ToolchainInfo>>,
    cases: Vec<Row>,
) -> Matrix {
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
    let mut rows = empty_rows(cases, &options.root);
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
                check_on(&tc, name, cases, &options, &mut rows, &mut progress)?;
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
    Ok(classified(baseline, names.to_vec(), info, rows))
}

/// One row per case, with no cells yet; paths relative to `root`.
fn empty_rows(cases: &[Case], root: &Path) -> Vec<Row> {
    cases
        .iter()
        .map(|c| Row {
            name: c.name.clone(),
            path: c
                .path
                .strip_prefix(root)
                .unwrap_or(&c.path)
                .display()
                .to_string(),
            topic: c.topic.clone(),
            min_rust: c.min_rust.as_ref().map(|v| v.to_string()),
            cells: BTreeMap::new(),
        })
        .collect()
}

/// Checks `cases` on `tc` (named `name`) and puts each outcome in its row's cell; a case
/// that gave no outcome and is not `n/a` fails the build.
fn check_on(
    tc: &Toolchain,
    name: &str,
    cases: &[Case],
    options: &Options,
    rows: &mut [Row],
    progress: &mut impl FnMut(&str, &check::Checked),
) -> Result<()> {
    let results = check::check_all(tc, cases, options, |c| progress(name, c));
    for (row, r) in rows.iter_mut().zip(&results) {
        let cell = match (&r.outcome, &r.verdict) {
            (Some(o), _) => Cell::from_outcome(o, &r.case.source),
            (None, check::Verdict::NotApplicable) => Cell::empty("n/a", Drift::NotApplicable),
            (None, _) => {
                return Err(Error::CaseFailed {
                    case: r.case.name.clone(),
                    toolchain: name.to_string(),
                    reason: r.reason.clone(),
                })
            }
        };
        row.cells.insert(name.to_string(), cell);
    }
    Ok(())
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
            same_compiler(name, info.get(name), &part_info, &file)?;
            if !names.contains(name) {
                names.push(name.clone());
            }
            if part_info.is_some() || !info.contains_key(name) {
                info.insert(name.clone(), part_info.clone());
            }
            for prow in &part.cases {
                if let Some(cell) = prow.cells.get(name) {
                    merge_cell(&mut rows, &mut source, prow, name, cell, &file)?;
                }
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
    Ok(classified(baseline, names, info, rows))
}

/// A merge conflict when toolchain `name` means another compiler in `file` than before.
fn same_compiler(
    name: &str,
    existing: Option<&Option<ToolchainInfo>>,
    new: &Option<ToolchainInfo>,
    file: &str,
) -> Result<()> {
    if let (Some(Some(existing)), Some(new)) = (existing, new) {
        if existing != new {
            return Err(Error::MergeConflict {
                toolchain: name.to_string(),
                message: format!(
                    "toolchain `{name}` means different compilers in the merged files ({} and {} in {file})",
                    describe(existing),
                    describe(new)
                ),
            });
        }
    }
    Ok(())
}

/// Puts `cell` (of `prow` on toolchain `name`, from `file`) in the merged rows: a real cell
/// already there stays when `cell` is `missing`, and conflicts when it says otherwise.
fn merge_cell(
    rows: &mut Vec<Row>,
    source: &mut BTreeMap<(String, String), String>,
    prow: &Row,
    name: &str,
    cell: &Cell,
    file: &str,
) -> Result<()> {
    // Rows are matched by path (relative to the checked root), not by name: two folders may
    // hold cases of the same name.
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
    let key = (prow.path.clone(), name.to_string());
    match row.cells.get(name) {
        // A real cell (or another `missing`) stays.
        Some(_) if cell.outcome == "missing" => return Ok(()),
        Some(old) if old.outcome != "missing" && !same_cell(old, cell) => {
            return Err(Error::MergeConflict {
                toolchain: name.to_string(),
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
    row.cells.insert(name.to_string(), cell.clone());
    source.insert(key, file.to_string());
    Ok(())
}

/// Two cells say the same, whatever drift they were classified as.
pub(super) fn same_cell(a: &Cell, b: &Cell) -> bool {
    Cell {
        drift: b.drift,
        why: b.why.clone(),
        ..a.clone()
    } == *b
}

pub(super) fn describe(i: &ToolchainInfo) -> String {
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
