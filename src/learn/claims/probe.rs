//! Asking the compiler: the checks of a text become one generated library, one function per
//! check on a line of its own, compiled to metadata as the truth table's probe is (and cached
//! the same way); an E0277 on a check's line means the type does not implement the trait.
//!
//! A case's claims may name the case's own types (`Wrapper`), so they are compiled with the
//! case: its source, then a module of checks that glob-imports it. Errors of the case itself
//! (a failing case fails) are set aside; only the checks' lines count.

use super::{Check, IMPORTS};
use crate::engine::cache::Cache;
use crate::error::{Error, Result};
use crate::learn::table::PRELUDE;
use crate::toolchain::Toolchain;
use std::fmt::Write as _;

/// The compiler's answer to one check: whether the type implements the trait, or why the
/// check could not be asked (the type or trait does not resolve, say), in rustc's words.
pub type Answer = std::result::Result<bool, String>;

/// Compiles `checks`, after `context` (a case's source, or nothing for std alone), in
/// `edition`, with `extra` rustc arguments (a case's crates: [`crate::engine::compile::crate_args`]),
/// and answers each.
pub fn answer(
    toolchain: &Toolchain,
    context: Option<&str>,
    edition: &str,
    extra: &[String],
    checks: &[Check],
    cache: Option<&Cache>,
) -> Result<Vec<Answer>> {
    let (source, first_line) = checks_source(context, checks)?;
    let (status, log) =
        crate::learn::table::probe::compile_lib(toolchain, &source, edition, extra, cache)?;
    if status.is_none() {
        return Err(Error::TimedOut {
            what: "the claims check".into(),
            after: crate::learn::table::probe::LIMIT,
            message: "rustc did not finish the claims check in time".into(),
        });
    }
    Ok(read_answers(&log, first_line, checks.len()))
}

/// The generated library: `context`, then a module of the checks, one per line; and the line
/// of the first check.
fn checks_source(context: Option<&str>, checks: &[Check]) -> Result<(String, usize)> {
    let mut source = String::new();
    if let Some(context) = context {
        source.push_str(context);
        if !source.ends_with('\n') {
            source.push('\n');
        }
    }
    let defined = context.map(defined_names).unwrap_or_default();
    source.push_str("#[allow(unused_imports, dead_code, non_snake_case, clippy::all)]\n");
    source.push_str("mod __sendsync_claims {\n");
    if context.is_some() {
        source.push_str("use super::*;\n");
    }
    source.push_str(PRELUDE);
    for (name, path) in IMPORTS {
        if !defined.iter().any(|d| d == name) {
            writeln!(source, "use {path};").expect("writing to a String");
        }
    }
    let first_line = source.lines().count() + 1;
    for (i, check) in checks.iter().enumerate() {
        if check.ty.contains('\n') || check.trait_path.contains('\n') {
            return Err(Error::usage(format!(
                "a claim's type spans lines: {}",
                check.ty
            )));
        }
        writeln!(
            source,
            "fn check_{i}() {{ fn has<X: ?Sized + {}>() {{}} has::<{}>(); }}",
            check.trait_path, check.ty
        )
        .expect("writing to a String");
    }
    source.push_str("}\n");
    Ok((source, first_line))
}

/// rustc's JSON log read as the answers to the `n` checks from `first_line` on: an E0277 on a
/// check's line is "no", any other error there is the check's own problem.
fn read_answers(log: &str, first_line: usize, n: usize) -> Vec<Answer> {
    let mut answers: Vec<Answer> = vec![Ok(true); n];
    for line in log.lines() {
        let Ok(d) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if d["level"] != "error" {
            continue;
        }
        let Some(at) = d["spans"]
            .as_array()
            .and_then(|spans| spans.iter().find(|s| s["is_primary"] == true))
            .and_then(|s| s["line_start"].as_u64())
            .map(|l| l as usize)
            .filter(|l| *l >= first_line && l - first_line < n)
        else {
            // The case's own errors, and rustc's closing summary.
            continue;
        };
        let k = at - first_line;
        if d["code"]["code"] == "E0277" && answers[k].is_ok() {
            answers[k] = Ok(false);
        } else {
            let message = d["message"].as_str().unwrap_or_default().to_string();
            answers[k] = Err(message);
        }
    }
    answers
}

/// The type-namespace names a source defines at any level (`struct Sender`), so that the
/// checks do not import std's name over the case's.
pub fn defined_names(source: &str) -> Vec<String> {
    let words: Vec<&str> = source
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .filter(|w| matches!(w[0], "struct" | "enum" | "type" | "union" | "trait" | "mod"))
        .map(|w| w[1].to_string())
        .collect()
}
