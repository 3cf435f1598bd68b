//! `sendsync explain --evaluate DIR`: explaining programs written outside the corpus, each
//! naming the cases a teacher would point to, and holding the matcher's answer against them.

use super::compile::{cargo_check, compile_file};
use super::index::{load, Index};
use super::read::{read_json, read_rendered, Found};
use super::real;
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
    /// The half of the set the program is in (`tuning`, `held-out`), where the set has halves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub half: Option<String>,
}

/// The `//@ expect: a b` names of an evaluation program.
fn expected_of(source: &str) -> Vec<String> {
    source
        .lines()
        .filter_map(|l| l.strip_prefix("//@ expect:"))
        .flat_map(|l| l.split_whitespace().map(String::from))
        .collect()
}

/// Explains every program of `dir` and holds the three nearest cases against the expected
/// ones: top-1 is right when the nearest is one of them, top-3 when any of the three is. The
/// programs are the folder's `.rs` files, each naming its cases with `//@ expect:`, or those a
/// `MANIFEST.toml` lists (files and Cargo packages, with labels and halves: `eval/real`).
/// `jobs` compiles run at once.
pub fn evaluate(
    dir: &Path,
    toolchain: &crate::toolchain::Toolchain,
    index: &Index,
    jobs: usize,
    limit: std::time::Duration,
) -> Result<Vec<EvalRow>> {
    let programs = if dir.join(real::MANIFEST).is_file() {
        real::listed(dir)?
    } else {
        expect_files(dir)?
    };
    if programs.is_empty() {
        return Err(Error::input(dir, None, "no .rs programs to evaluate here"));
    }
    let target = real::shared_target();
    crate::work::map(jobs, &programs, |p| {
        evaluate_one(p, toolchain, index, &target, limit)
    })
    .into_iter()
    .collect()
}

/// The `.rs` files of a folder, each with its `//@ expect:` names.
fn expect_files(dir: &Path) -> Result<Vec<real::Listed>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let expected = expected_of(&crate::fs::read_text(&file)?);
            if expected.is_empty() {
                return Err(Error::input(&file, None, "no `//@ expect: CASE...` line"));
            }
            Ok(real::Listed {
                path: file,
                package: false,
                labels: expected,
                half: None,
            })
        })
        .collect()
}

fn evaluate_one(
    p: &real::Listed,
    tc: &crate::toolchain::Toolchain,
    index: &Index,
    target: &Path,
    limit: std::time::Duration,
) -> Result<EvalRow> {
    let file = p.path.as_path();
    let expected = p.labels.clone();
    let found = if p.package {
        let json = cargo_check(file, Some(target), limit)?;
        read_json(&json, Some(file)).map_err(|m| Error::input(file, None, m))?
    } else {
        let source = crate::fs::read_text(file)?;
        let json = compile_file(tc, file, &source, limit)?;
        read_json(&json, None).map_err(|m| Error::input(file, None, m))?
    };
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
        half: p.half.clone(),
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
        let per_half: serde_json::Map<String, serde_json::Value> = halves(&rows)
            .into_iter()
            .map(|h| {
                let of: Vec<EvalRow> = rows
                    .iter()
                    .filter(|r| r.half.as_deref() == Some(h))
                    .cloned()
                    .collect();
                let (a, b) = accuracy(&of);
                (
                    h.to_string(),
                    serde_json::json!({"programs": of.len(), "top1": a, "top3": b}),
                )
            })
            .collect();
        let json = serde_json::json!({
            "programs": rows,
            "top1": top1,
            "top3": top3,
            "rendered_agrees": agree,
            "halves": per_half,
        });
        return Ok(crate::render::versioned("sendsync.explain.evaluation/1", &json) + "\n");
    }
    let mut out: String = rows.iter().map(row_text).collect();
    out.push('\n');
    for half in halves(&rows) {
        let of: Vec<EvalRow> = rows
            .iter()
            .filter(|r| r.half.as_deref() == Some(half))
            .cloned()
            .collect();
        let (a, b) = accuracy(&of);
        out.push_str(&format!(
            "{half}: {} programs: top-1 {a:.1} % ({}), top-3 {b:.1} % ({})\n",
            of.len(),
            of.iter().filter(|r| r.top1).count(),
            of.iter().filter(|r| r.top3).count()
        ));
    }
    out.push_str(&format!(
        "{} programs: top-1 {top1:.1} %, top-3 {top3:.1} %; the rendered text gives the same three for {agree}\n",
        rows.len()
    ));
    Ok(out)
}

/// The halves the rows are in, in their first order (none for a set without halves).
fn halves(rows: &[EvalRow]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for h in rows.iter().filter_map(|r| r.half.as_deref()) {
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out
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
    let name = match &r.half {
        Some(h) => format!("[{h}] {name}"),
        None => name,
    };
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
