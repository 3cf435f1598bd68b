//! `sendsync explain --evaluate DIR`: explaining programs written outside the corpus, each
//! naming the cases a teacher would point to, and holding the matcher's answer against them.

use super::compile::compile_file;
use super::index::{load, Index};
use super::read::{read_json, read_rendered, Found};
use super::shape::shape_of;
use super::Options;
use crate::error::{Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// One program of an evaluation set.
#[derive(Clone, Debug, Serialize)]
pub struct EvalRow {
    pub file: String,
    /// The cases a teacher would point to (`//@ expect:`), the first the best.
    pub expected: Vec<String>,
    /// The matcher's three nearest cases, from rustc's JSON.
    pub got: Vec<String>,
    /// The same from rustc's rendered text (what the site's page reads).
    pub from_rendered: Vec<String>,
    /// rustc's rendered text of the error explained.
    pub rendered: String,
    pub top1: bool,
    pub top3: bool,
}

/// The `//@ expect: a b` names of an evaluation program.
fn expected_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.strip_prefix("//@ expect:"))
        .flat_map(|l| l.split_whitespace().map(String::from))
        .collect()
}

/// Explains every program of `dir` (each must name its expected cases with `//@ expect:`) and
/// holds the three nearest cases against them: top-1 is right when the nearest is one of the
/// expected, top-3 when any of the three is. `jobs` compiles run at once.
pub fn evaluate(
    dir: &Path,
    toolchain: &crate::toolchain::Toolchain,
    index: &Index,
    jobs: usize,
    limit: std::time::Duration,
) -> Result<Vec<EvalRow>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::input(dir, None, "no .rs programs to evaluate here"));
    }
    crate::work::map(jobs, &files, |file| {
        evaluate_one(file, toolchain, index, limit)
    })
    .into_iter()
    .collect()
}

fn evaluate_one(
    file: &Path,
    tc: &crate::toolchain::Toolchain,
    index: &Index,
    limit: std::time::Duration,
) -> Result<EvalRow> {
    let source = crate::fs::read_text(file)?;
    let expected = expected_of(&source);
    if expected.is_empty() {
        return Err(Error::input(file, None, "no `//@ expect: CASE...` line"));
    }
    let json = compile_file(tc, file, &source, limit)?;
    let found = read_json(&json, None).map_err(|m| Error::input(file, None, m))?;
    let first = found
        .iter()
        .find(|f| shape_of(&f.diagnostic, &f.snippet).is_send_sync())
        .ok_or_else(|| Error::input(file, None, "rustc reports no Send/Sync error here"))?;
    let names = |f: &Found| -> Vec<String> {
        index
            .nearest(&shape_of(&f.diagnostic, &f.snippet), 3)
            .into_iter()
            .map(|m| m.name)
            .collect()
    };
    let got = names(first);
    let rendered = first.rendered.clone().unwrap_or_default();
    let from_rendered = read_rendered(&rendered)
        .first()
        .map(names)
        .unwrap_or_default();
    Ok(EvalRow {
        file: file.display().to_string(),
        top1: got.first().is_some_and(|g| expected.contains(g)),
        top3: got.iter().any(|g| expected.contains(g)),
        expected,
        got,
        from_rendered,
        rendered,
    })
}

/// Top-1 and top-3 accuracy, in per cent.
pub fn accuracy(rows: &[EvalRow]) -> (f64, f64) {
    let pc = |n: usize| 100.0 * n as f64 / rows.len().max(1) as f64;
    (
        pc(rows.iter().filter(|r| r.top1).count()),
        pc(rows.iter().filter(|r| r.top3).count()),
    )
}

/// `sendsync explain --evaluate DIR`.
pub fn run_evaluation(dir: &Path, options: &Options) -> Result<String> {
    let tc = crate::toolchain::Toolchain::resolve(&options.toolchain)?;
    let (_, index) = load()?;
    let rows = evaluate(dir, &tc, &index, options.jobs, options.timeout)?;
    let (top1, top3) = accuracy(&rows);
    let agree = rows.iter().filter(|r| r.got == r.from_rendered).count();
    if options.json {
        let json = serde_json::json!({
            "programs": rows,
            "top1": top1,
            "top3": top3,
            "rendered_agrees": agree,
        });
        return Ok(crate::render::versioned("sendsync.explain.evaluation/1", &json) + "\n");
    }
    let mut out: String = rows.iter().map(row_text).collect();
    out.push_str(&format!(
        "\n{} programs: top-1 {top1:.1} %, top-3 {top3:.1} %; the rendered text gives the same three for {agree}\n",
        rows.len()
    ));
    Ok(out)
}

/// One program's line (two when the rendered text gives other cases than the JSON).
fn row_text(r: &EvalRow) -> String {
    let mark = if r.top1 {
        "top-1"
    } else if r.top3 {
        "top-3"
    } else {
        "MISS "
    };
    let name = Path::new(&r.file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut out = format!(
        "{mark}  {name}: expected {}; got {}\n",
        r.expected.join(" | "),
        r.got.join(", ")
    );
    if r.got != r.from_rendered {
        out.push_str(&format!(
            "       from the rendered text: {}\n",
            r.from_rendered.join(", ")
        ));
    }
    out
}
