//! Getting the user's errors: compiling a file (rustc), checking a package (`cargo check`), or
//! reading rustc's or cargo's JSON or rendered text from stdin or a file.

use super::read::{read_json, read_rendered, Found};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// What to explain.
#[derive(Clone, Debug)]
pub(crate) enum Input {
    /// A `.rs` file, compiled by the toolchain (type-checked only).
    File(PathBuf),
    /// A Cargo package, checked with `cargo check --message-format=json`.
    Package(PathBuf),
    /// rustc's or cargo's JSON on stdin.
    Stdin(Vec<u8>),
    /// rustc's rendered text (a file, or `-` for stdin).
    Rendered(Vec<u8>),
}

impl Input {
    /// What `PATH` names: `-` (stdin), a folder with a `Cargo.toml`, or a file.
    pub(crate) fn from_arg(arg: &Path, rendered: bool) -> Result<Input> {
        if arg == Path::new("-") {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
                .map_err(|e| Error::io(arg, e))?;
            return Ok(if rendered {
                Input::Rendered(bytes)
            } else {
                Input::Stdin(bytes)
            });
        }
        if !arg.exists() {
            return Err(Error::input(arg, None, "no such file or folder"));
        }
        if rendered {
            let bytes = std::fs::read(arg).map_err(|e| Error::io(arg, e))?;
            return Ok(Input::Rendered(bytes));
        }
        if arg.is_dir() {
            if !arg.join("Cargo.toml").is_file() {
                return Err(Error::input(
                    arg,
                    None,
                    "a folder to explain must be a Cargo package (it has no Cargo.toml)",
                ));
            }
            return Ok(Input::Package(arg.to_path_buf()));
        }
        Ok(Input::File(arg.to_path_buf()))
    }
}

/// The text of bytes a user gave: refused when it is binary (a NUL byte, or not UTF-8).
fn text_of(bytes: &[u8], what: &Path) -> Result<String> {
    if bytes.contains(&0) {
        return Err(Error::input(
            what,
            None,
            "the input is binary data, not rustc's or cargo's JSON diagnostics",
        ));
    }
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        Error::input(
            what,
            None,
            "the input is not UTF-8 text, not rustc's or cargo's JSON diagnostics",
        )
    })
}

/// The user's errors, by compiling or reading the input.
pub(crate) fn gather(
    input: &Input,
    toolchain: Option<&crate::toolchain::Toolchain>,
    limit: std::time::Duration,
) -> Result<Vec<Found>> {
    let stdin = Path::new("-");
    match input {
        Input::Stdin(bytes) => {
            let text = text_of(bytes, stdin)?;
            read_json(&text, None).map_err(|m| Error::input(stdin, None, m))
        }
        Input::Rendered(bytes) => {
            let text = text_of(bytes, stdin)?;
            if text.trim().is_empty() {
                return Err(Error::input(stdin, None, "the input is empty"));
            }
            Ok(read_rendered(&text))
        }
        Input::File(path) => {
            let source = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let source = text_of(&source, path)?;
            let tc = toolchain.ok_or_else(|| Error::usage("no toolchain to compile with"))?;
            let json = compile_file(tc, path, &source, limit)?;
            if json.trim().is_empty() {
                // rustc said nothing: the program compiles.
                return Ok(vec![]);
            }
            read_json(&json, None).map_err(|m| Error::input(path, None, format!("rustc: {m}")))
        }
        Input::Package(dir) => {
            let json = cargo_check(dir, limit)?;
            read_json(&json, Some(dir)).map_err(|m| Error::input(dir, None, format!("cargo: {m}")))
        }
    }
}

/// rustc's JSON for one file: type-checked only, on the sysroot view
/// ([`crate::toolchain::Toolchain::command`]), through the bounded runner ([`crate::toolchain::process`]:
/// a time limit, a process group of its own) like every compile of `check`.
///
/// Binary or library is rustc's to say, not a guess from the text (`fn main_loop`, a `main` in
/// a module or a comment): the file is compiled as a binary, and only when rustc reports E0601
/// (`main` function not found in the crate root) again as a library, whose errors are then the
/// file's own.
pub fn compile_file(
    tc: &crate::toolchain::Toolchain,
    path: &Path,
    source: &str,
    limit: std::time::Duration,
) -> Result<String> {
    let edition = source
        .lines()
        .find_map(|l| l.strip_prefix("//@ edition:"))
        .map(|e| e.trim().to_string())
        .unwrap_or_else(|| crate::input::case::DEFAULT_EDITION.to_string());
    let json = rustc_json(tc, path, &edition, "bin", limit)?;
    if reports_code(&json, "E0601") {
        return rustc_json(tc, path, &edition, "lib", limit);
    }
    Ok(json)
}

/// Whether rustc's JSON holds a diagnostic with this code.
fn reports_code(json: &str, code: &str) -> bool {
    json.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .any(|d| d["code"]["code"].as_str() == Some(code))
}

fn rustc_json(
    tc: &crate::toolchain::Toolchain,
    path: &Path,
    edition: &str,
    crate_type: &str,
    limit: std::time::Duration,
) -> Result<String> {
    let tmp = crate::toolchain::process::TempDir::new()?;
    let log = tmp.path().join("rustc.json");
    let mut cmd = tc.command();
    cmd.arg(format!("--edition={edition}"))
        .arg(format!("--crate-type={crate_type}"))
        .args([
            "--crate-name",
            "explained",
            "--error-format=json",
            "--emit=metadata",
        ])
        .arg("--out-dir")
        .arg(tmp.path())
        .arg(path);
    let done = crate::toolchain::process::run(
        &mut cmd,
        crate::toolchain::process::Output::File(&log),
        crate::toolchain::process::Bounds {
            time: limit,
            memory: None,
        },
    )?;
    if done.timed_out {
        return Err(overran(path, "rustc", limit));
    }
    crate::fs::read_text(&log)
}

fn overran(path: &Path, what: &str, limit: std::time::Duration) -> Error {
    Error::input(
        path,
        None,
        format!(
            "{what} overran its time limit of {} s and was killed (raise it with --timeout)",
            limit.as_secs()
        ),
    )
}

/// cargo's JSON for a package (`cargo check --message-format=json` in its folder), through
/// the bounded runner as [`compile_file`].
fn cargo_check(dir: &Path, limit: std::time::Duration) -> Result<String> {
    let tmp = crate::toolchain::process::TempDir::new()?;
    let log = tmp.path().join("cargo.json");
    let mut cmd = std::process::Command::new("cargo");
    cmd.args(["check", "--message-format=json", "--quiet"])
        .current_dir(dir);
    let done = crate::toolchain::process::run(
        &mut cmd,
        crate::toolchain::process::Output::File(&log),
        crate::toolchain::process::Bounds {
            time: limit,
            memory: None,
        },
    )?;
    if done.timed_out {
        return Err(overran(dir, "cargo check", limit));
    }
    // cargo's JSON and its own messages share the file: the JSON lines start with `{`.
    let all = crate::fs::read_text(&log)?;
    if !all.lines().any(|l| l.starts_with('{')) {
        // cargo stopped before compiling anything (a broken manifest, no network for a
        // dependency): its own first error line says why.
        let why = all
            .lines()
            .find(|l| l.starts_with("error"))
            .or_else(|| all.lines().next())
            .unwrap_or("no output");
        return Err(Error::input(
            dir,
            None,
            format!("cargo check gave no diagnostics: {}", why.trim()),
        ));
    }
    Ok(all)
}
