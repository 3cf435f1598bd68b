//! One UI program compiled by one rustc against the crate's build: type-checked as trybuild's
//! `compile_fail` checks it (its flags, the crate's edition, every dependency as an `--extern`),
//! with the rendered stderr normalized as trybuild normalizes it relative to the crate's folder
//! (`tests/ui/NAME.rs:7:5`, `src/lib.rs` without line numbers, `$RUST`, `$CARGO`).
//!
//! Unlike [`crate::engine::compile`], which shows every case under a virtual folder of the
//! corpus, the paths here are the crate's own, as the `.stderr` files trybuild wrote spell them.

use crate::engine::compile::{Kind, Mode, Outcome, CRATE_NAME, TRYBUILD_FLAGS};
use crate::engine::deps::Built;
use crate::engine::diagnostic::{Diagnostic, Normalizer, Raw, ICE_LEVEL};
use crate::engine::normalize;
use crate::error::{Error, Result};
use crate::toolchain::{process, Toolchain};
use crate::uitest::krate::Crate;
use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

/// rustc's time limit for one program.
const LIMIT: Duration = Duration::from_secs(300);

/// Type-checks `program` (absolute, below the crate's folder) with `toolchain` against `built`.
pub fn compile(
    toolchain: &Toolchain,
    krate: &Crate,
    built: &Built,
    program: &Path,
) -> Result<Outcome> {
    let started = Instant::now();
    let tmp = process::TempDir::new()?;
    let names: Vec<String> = built.externs.keys().cloned().collect();
    let crates = built.args(&names).expect("every extern is built");
    let log = tmp.path().join("rustc.json");
    let mut cmd = toolchain.command();
    cmd.arg(format!("--edition={}", krate.edition))
        .arg("--crate-type=bin")
        .args(["--crate-name", CRATE_NAME])
        .arg("--error-format=json")
        .args(TRYBUILD_FLAGS)
        .args(["-C", "debuginfo=0", "--emit=metadata"])
        .args(&crates)
        .arg("--out-dir")
        .arg(tmp.path())
        .arg(program)
        .current_dir(tmp.path());
    let done = process::run(
        &mut cmd,
        process::Output::File(&log),
        process::Bounds {
            time: LIMIT,
            memory: None,
        },
    )?;
    let json = std::fs::read_to_string(&log).map_err(|e| Error::io(&log, e))?;
    let input = program.to_string_lossy();
    let root = format!("{}/", krate.dir.display());
    let (diagnostics, rendered, ice) = read_json(&json, &input, &root);
    let status = done.status;
    let kind = if done.timed_out {
        Kind::Timeout
    } else if ice || status.and_then(|s| process::signal_of(&s)).is_some() {
        Kind::Ice
    } else if status.is_some_and(|s| s.success()) {
        Kind::Pass
    } else {
        Kind::Fail
    };
    let target = built
        .deps_dirs
        .iter()
        .filter(|d| d.ends_with("debug/deps"))
        .find_map(|d| d.ancestors().nth(2))
        .map(|t| format!("{}/", t.display()))
        .unwrap_or_default();
    let input_file = krate.relative(program);
    let cx = normalize::Context {
        krate: CRATE_NAME,
        source_dir: &root,
        input_file: &input_file,
        target_dir: &target,
    };
    Ok(Outcome {
        kind,
        mode: Mode::Check,
        diagnostics,
        stderr: normalize::stderr(rendered.iter().map(String::as_str), &cx),
        run: None,
        millis: started.elapsed().as_millis() as u64,
    })
}

/// rustc's JSON lines: the structured diagnostics, the rendered messages as trybuild keeps them
/// (repeats and failure notes dropped), and whether rustc crashed. What rustc said outside its
/// JSON (its option parser speaks plain text) is a rendered message of its own.
fn read_json(json: &str, input: &str, root: &str) -> (Vec<Diagnostic>, Vec<String>, bool) {
    let normalizer = Normalizer {
        input,
        root,
        krate: CRATE_NAME,
    };
    let mut diagnostics = Vec::new();
    let mut rendered = Vec::new();
    let mut seen = BTreeSet::new();
    let mut ice = false;
    for line in json.lines() {
        let Ok(raw) = serde_json::from_str::<Raw>(line) else {
            ice |= line.starts_with("error: the compiler unexpectedly panicked")
                || line.starts_with("thread 'rustc' panicked at");
            if !line.trim().is_empty() {
                rendered.push(format!("{line}\n"));
            }
            continue;
        };
        ice |= raw.level == ICE_LEVEL;
        if seen.insert(line) && raw.level != "failure-note" {
            rendered.extend(raw.rendered.clone());
        }
        diagnostics.extend(normalizer.diagnostic(&raw));
    }
    (diagnostics, rendered, ice)
}
