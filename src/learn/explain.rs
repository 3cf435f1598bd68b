//! `sendsync explain`: from a learner's own compiler error to the corpus cases that explain it.
//!
//! The flow: the user's errors are read (rustc's or cargo's JSON through
//! [`crate::engine::diagnostic::Normalizer`], or rustc's rendered text through [`read_rendered`]) into
//! [`Found`] errors; each is reduced to a [`Shape`], its structure with the user's own names
//! taken out; the shape is scored against the shape of every failing corpus case's errors on the
//! pinned toolchain, read from the committed history ([`Index::build`]); the nearest three are
//! shown with their explanation and the diff to their fix.
//!
//! ## Scoring
//! Matching is by structure, never by words of the user's program. A shape holds the error
//! code, the headline with its quotations blanked (`` `_` cannot be sent between threads
//! safely``), the trait not implemented, the culprit type's *constructor* (`Rc<Logger>` and
//! `Rc<Config>` are both `Rc`), the kinds of the chain's links (within a type, behind a
//! reference, captured by a closure, held across `.await`, ...), the demanding bound (std's
//! `spawn`, `Scope::spawn`, a function of the user's own, a `static`, a cast to `dyn … + Send`)
//! and a few context words from the lines rustc quotes (a `thread::spawn` call, a scope, a
//! channel, a lock, `async`). Points, added up ([`score`]):
//!
//! | feature | points |
//! |---|---|
//! | same error code (`-` for the codeless future error) | 3 |
//! | same headline, quotations blanked | 1.5 |
//! | same trait (`Send`, `Sync`) | 1 |
//! | same culprit constructor (`Rc`) | 4, else same kind of culprit (`Cell` for `RefCell`: interior mutability) 2 |
//! | same demanding bound (`spawn`, `Scope::spawn`, a user's function, a `static`, a cast) | 2 |
//! | link kinds | 3 × the share of kinds the two chains have in common (Jaccard) |
//! | context words | 2 × the share in common (Jaccard) |
//!
//! The culprit weighs most because it is what the lesson is about (the fix replaces it); the
//! code comes next because an E0373 and an E0277 are different lessons even around one
//! `thread::spawn`. Ties go to the case whose name sorts first, so the answer is stable.
//! Every point a match earns is named in its `why`.

use crate::engine::chain::{self, Chain, Kind, Link};
use crate::engine::diagnostic::{Diagnostic, Normalizer, Raw, Span};
use crate::error::{Error, Result};
use crate::input::case::Case;
use crate::input::corpus::Corpus;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// One error of the user's compile: where it is, what rustc said, and the source lines and
/// labels rustc quotes under its headline.
#[derive(Clone, Debug)]
pub struct Found {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub diagnostic: Diagnostic,
    /// The quoted source lines and labels of the error's own spans (not of its notes).
    pub snippet: String,
    /// rustc's rendered text of the error, where the input had it (JSON does).
    pub rendered: Option<String>,
}

/// The structure of one error, with the user's names taken out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// `E0277`, or `-` for an error without a code.
    pub code: String,
    /// The headline with every `quotation` blanked to `` `_` ``.
    pub headline: String,
    /// The trait not implemented (`Send`, `Sync`), for an obligation error.
    #[serde(rename = "trait")]
    pub trait_name: String,
    /// The culprit type's constructor (`Rc`, `Cell`, `dyn`, `*mut`), for an obligation error.
    pub culprit: String,
    /// The kinds of the chain's links between culprit and bound, sorted (`captured-by-closure`).
    pub kinds: Vec<String>,
    /// The demanding bound: std's item (`spawn`, `Scope::spawn`), `user-fn`, `static`, `cast`,
    /// `return-type`; empty where rustc names none.
    pub bound: String,
    /// Context words from the quoted lines (`spawn`, `scope`, `channel`, `lock`, `async`, ...).
    pub context: Vec<String>,
}

impl Shape {
    /// Whether the error belongs to the Send/Sync family: an obligation error about an auto
    /// trait, the codeless future error, a message naming `Send` or `Sync`, or a borrow or
    /// move error around threads, channels, locks, `async` or a `static`.
    pub fn is_send_sync(&self) -> bool {
        // An E0277 about `Display` or `Copy` is no lesson of this corpus; one about an auto
        // trait of threads (or of `catch_unwind`, which the corpus also teaches) is.
        const AUTO: [&str; 4] = ["Send", "Sync", "UnwindSafe", "RefUnwindSafe"];
        let auto = self.trait_name.rsplit("::").next().unwrap_or_default();
        if AUTO.contains(&auto) || self.headline.starts_with("future cannot be ") {
            return true;
        }
        if self.headline.contains("Send") || self.headline.contains("Sync") {
            return true;
        }
        const THREADS: [&str; 7] = [
            "spawn", "scope", "channel", "lock", "async", "static", "arc",
        ];
        THREAD_CODES.contains(&self.code.as_str())
            && self.context.iter().any(|c| THREADS.contains(&c.as_str()))
    }
}

/// Borrow, move and lifetime errors that are Send/Sync lessons when threads are around.
const THREAD_CODES: [&str; 17] = [
    "E0373", "E0382", "E0499", "E0502", "E0505", "E0506", "E0507", "E0521", "E0594", "E0596",
    "E0597", "E0716", "E0310", "E0282", "E0133", "E0015", "E0283",
];

/// Reduces an error to its shape. The same function serves the user's JSON, rendered text
/// read back by [`read_rendered`], and the corpus's recorded diagnostics.
pub fn shape_of(d: &Diagnostic, snippet: &str) -> Shape {
    let chain = first_chain(d);
    let mut shape = Shape {
        code: d.code_or_dash(),
        headline: blank_quotes(&d.message),
        ..Shape::default()
    };
    if let Some(c) = &chain {
        shape.trait_name = c.trait_name.clone();
        shape.culprit = c
            .culprit()
            .map(|l| chain::constructor(&l.subject))
            .unwrap_or_default();
        let kinds: BTreeSet<&str> = c
            .links
            .iter()
            .filter(|l| {
                !matches!(
                    l.kind,
                    Kind::Culprit | Kind::RequiredByBound | Kind::Hidden | Kind::Unknown
                )
            })
            .map(|l| l.kind.as_str())
            .collect();
        shape.kinds = kinds.into_iter().map(String::from).collect();
        shape.bound = bound_of(d, c);
        // A future returned as `impl Future + Send` has no "required by" note: rustc points at
        // the return type itself, which the quoted line shows.
        if shape.bound.is_empty() && snippet.contains("-> impl ") {
            shape.bound = "return-type".into();
        }
    }
    let notes: Vec<&str> = d.children.iter().map(|c| c.message.as_str()).collect();
    shape.context = context_of(snippet, &notes);
    shape
}

fn first_chain(d: &Diagnostic) -> Option<Chain> {
    chain::is_chain_error(d)
        .then(|| {
            chain::chains(std::slice::from_ref(d), None)
                .into_iter()
                .next()
        })
        .flatten()
}

/// The demanding bound in a word: std's item with its generic arguments dropped
/// (`Scope::<'scope, 'env>::spawn` → `Scope::spawn`), `user-fn` for a bound declared outside
/// std (the user's own `fn run<F: Send>`, or another crate's), or the chain's `static`, cast or
/// return type.
fn bound_of(d: &Diagnostic, c: &Chain) -> String {
    let demanding = d.children.iter().rev().find_map(|ch| {
        let item = ch.message.strip_prefix("required by a bound in `")?;
        let item = item.split('`').next().unwrap_or(item);
        let std = ch
            .spans
            .iter()
            .find(|s| s.primary)
            .is_some_and(|s| s.at.starts_with("$RUST"));
        Some(if std {
            drop_generics(item)
        } else {
            "user-fn".to_string()
        })
    });
    if let Some(b) = demanding {
        return b;
    }
    match c.bound().map(|l| l.subject.as_str()) {
        Some(s) if s.starts_with("the cast to") => "cast".into(),
        Some(s) if s.contains("`static`") => "static".into(),
        Some(s) if s.contains("return type") => "return-type".into(),
        _ => String::new(),
    }
}

/// `Scope::<'scope, 'env>::spawn` → `Scope::spawn`.
fn drop_generics(item: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for ch in item.chars() {
        match ch {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out.replace("::::", "::")
}

/// `` `Rc<Config>` cannot be sent`` → `` `_` cannot be sent``.
pub fn blank_quotes(message: &str) -> String {
    let mut out = String::new();
    for (i, part) in message.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("`_`");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Context words from the lines rustc quotes (and from its notes, only whether one says
/// `'static`: "function requires argument type to outlive `'static`"). Each word is a plain
/// substring test, so the browser's copy of it (`explain.js`) finds the same words.
pub fn context_of(text: &str, notes: &[&str]) -> Vec<String> {
    let has = |s: &str| text.contains(s);
    let notes_static = notes.iter().any(|n| n.contains("'static"));
    let mut out = Vec::new();
    let mut add = |w: &str, yes: bool| {
        if yes {
            out.push(w.to_string());
        }
    };
    add("spawn", has("spawn(") && !has(".spawn("));
    add("scope", has("scope") || has(".spawn("));
    add(
        "channel",
        has(".send(") || has(".recv(") || has("channel") || has("Sender") || has("Receiver"),
    );
    add("lock", has(".lock()") || has(".read()") || has(".write()"));
    add("async", has("async") || has(".await"));
    add("static", has("static ") || has("'static") || notes_static);
    add("arc", has("Arc"));
    add("loop", has("for ") || has("loop {") || has("while "));
    add("move", has("move |") || has("move||"));
    out
}

// ---------------------------------------------------------------------------------------------
// Reading the user's errors.

/// Reads rustc's JSON lines (`--error-format=json`) or cargo's (`--message-format=json`, whose
/// `compiler-message` lines wrap rustc's). Lines that are not JSON (cargo's own progress when
/// its stderr is piped along) are passed over; an input with no JSON line at all, or with JSON
/// that is neither rustc's nor cargo's, is an error in one line. `base` is the folder cargo
/// ran in: the paths it gives are made relative to the current folder through it.
pub fn read_json(text: &str, base: Option<&Path>) -> std::result::Result<Vec<Found>, String> {
    let mut found = Vec::new();
    let mut json_lines = 0usize;
    let mut recognised = 0usize;
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('{') {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        json_lines += 1;
        let message = match value.get("reason").and_then(|r| r.as_str()) {
            Some("compiler-message") => value.get("message").cloned(),
            Some(_) => {
                recognised += 1;
                continue;
            }
            None => Some(value),
        };
        let Some(message) = message else { continue };
        let Ok(raw) = serde_json::from_value::<Raw>(message.clone()) else {
            continue;
        };
        recognised += 1;
        if !(raw.level == "error" || raw.level.starts_with("error:")) {
            continue;
        }
        if raw.message.starts_with("aborting due to") {
            continue;
        }
        found.push(found_of(&raw, &message, base));
    }
    if json_lines == 0 {
        return Err(if text.trim().is_empty() {
            "the input is empty: expected rustc's or cargo's JSON diagnostics \
             (rustc --error-format=json, cargo check --message-format=json)"
                .into()
        } else {
            "the input is not JSON: expected rustc's or cargo's JSON diagnostics \
             (rustc --error-format=json, cargo check --message-format=json; for rustc's \
             rendered text, add --rendered)"
                .into()
        });
    }
    if recognised == 0 {
        return Err("the input is JSON but holds no rustc or cargo diagnostic".into());
    }
    Ok(found)
}

fn found_of(raw: &Raw, value: &serde_json::Value, base: Option<&Path>) -> Found {
    let primary = raw.spans.iter().find(|s| s.is_primary);
    let input = primary.map(|s| s.file_name.clone()).unwrap_or_default();
    // The user's own paths stay as they are: only std's are normalized, so `file:line` points
    // into their program.
    let normalizer = Normalizer {
        input: &input,
        root: "",
        krate: "",
    };
    let diagnostic = normalizer.diagnostic(raw).unwrap_or_else(|| Diagnostic {
        level: raw.level.clone(),
        code: raw.code.as_ref().map(|c| c.code.clone()),
        message: raw.message.clone(),
        spans: vec![],
        children: vec![],
    });
    let mut snippet = String::new();
    for span in value
        .get("spans")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten()
    {
        for t in span
            .get("text")
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(text) = t.get("text").and_then(|t| t.as_str()) {
                snippet.push_str(text);
                snippet.push('\n');
            }
        }
        if let Some(label) = span.get("label").and_then(|l| l.as_str()) {
            snippet.push_str(label);
            snippet.push('\n');
        }
    }
    // cargo names files relative to the workspace's root, which may be a folder above the
    // package's: the nearest folder upwards where the file is.
    let file = match base {
        Some(b) if !input.is_empty() && Path::new(&input).is_relative() => b
            .ancestors()
            .map(|a| a.join(&input))
            .find(|p| p.is_file())
            .unwrap_or_else(|| b.join(&input))
            .display()
            .to_string(),
        _ => input.clone(),
    };
    Found {
        file,
        line: primary.map_or(0, |s| s.line_start),
        column: primary.map_or(0, |s| s.column_start),
        diagnostic,
        snippet,
        rendered: raw.rendered.clone(),
    }
}

/// Reads rustc's rendered text (what a terminal shows) back into errors: the headline
/// (`error[E0277]: ...`), the `-->` place, the quoted lines and labels under it, and every
/// `note:`, `help:`, `= note:` and `= help:` with the labels the chain needs ("has type `…`",
/// "await occurs here, with `…`") and whether its `-->` points into std. What the chain does
/// not read (suggestions, most labels of notes) is left out, here and in the browser's copy.
pub fn read_rendered(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut current: Option<Found> = None;
    for line in text.lines() {
        let plain = strip_ansi(line);
        let line = plain.trim_end();
        if let Some((level, code, message)) = rendered_headline(line) {
            out.extend(current.take());
            let skip =
                message.starts_with("aborting due to") || message.starts_with("could not compile");
            if level == "error" && !skip {
                current = Some(Found {
                    file: String::new(),
                    line: 0,
                    column: 0,
                    diagnostic: Diagnostic {
                        level: "error".into(),
                        code: code.map(String::from),
                        message: message.to_string(),
                        spans: vec![],
                        children: vec![],
                    },
                    snippet: String::new(),
                    rendered: None,
                });
            }
            continue;
        }
        let Some(f) = current.as_mut() else { continue };
        let trimmed = line.trim_start();
        let d = &mut f.diagnostic;
        let child = |level: &str, message: &str| Diagnostic {
            level: level.into(),
            code: None,
            message: message.into(),
            spans: vec![],
            children: vec![],
        };
        if let Some(m) = line.strip_prefix("note: ") {
            d.children.push(child("note", m));
        } else if let Some(m) = line.strip_prefix("help: ") {
            d.children.push(child("help", m));
        } else if let Some(m) = trimmed.strip_prefix("= note: ") {
            d.children.push(child("note", m));
        } else if let Some(m) = trimmed.strip_prefix("= help: ") {
            d.children.push(child("help", m));
        } else if let Some(place) = trimmed.strip_prefix("--> ") {
            let (path, l, c) = split_place(place);
            let at = if is_std_path(&path) {
                "$RUST/".to_string()
            } else {
                format!("{l}:{c}-{l}:{c}")
            };
            let span = Span {
                at,
                primary: true,
                label: None,
                replacement: None,
            };
            match d.children.last_mut() {
                None if f.file.is_empty() => {
                    f.file = path;
                    f.line = l;
                    f.column = c;
                    d.spans.push(span);
                }
                Some(ch) if ch.spans.is_empty() => ch.spans.push(span),
                _ => {}
            }
        } else if let Some(rest) = gutter(trimmed) {
            match d.children.last_mut() {
                None => {
                    f.snippet.push_str(rest);
                    f.snippet.push('\n');
                }
                Some(ch) => {
                    for phrase in ["has type `", "await occurs here, with `"] {
                        if let Some(pos) = rest.find(phrase) {
                            ch.spans.push(Span {
                                at: String::new(),
                                primary: false,
                                label: Some(rest[pos..].to_string()),
                                replacement: None,
                            });
                        }
                    }
                }
            }
        }
    }
    out.extend(current);
    out
}

/// The line without terminal colours (`ESC [ … m`), for text saved from a coloured terminal.
fn strip_ansi(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('\x1b') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final-byte (a letter).
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `error[E0277]: msg` → (`error`, Some(`E0277`), `msg`); `warning: msg` likewise.
fn rendered_headline(line: &str) -> Option<(&str, Option<&str>, &str)> {
    for level in ["error", "warning"] {
        let Some(rest) = line.strip_prefix(level) else {
            continue;
        };
        if let Some(rest) = rest.strip_prefix(": ") {
            return Some((level, None, rest));
        }
        if let Some(rest) = rest.strip_prefix('[') {
            let (code, rest) = rest.split_once("]: ")?;
            return Some((level, Some(code), rest));
        }
    }
    None
}

/// The text right of a rendered snippet's gutter (`12 |     code`, `   |     ^^^ label`).
fn gutter(trimmed: &str) -> Option<&str> {
    let digits = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = digits.trim_start().strip_prefix('|')?;
    Some(rest)
}

/// `src/main.rs:12:5` → (`src/main.rs`, 12, 5).
fn split_place(place: &str) -> (String, usize, usize) {
    let mut parts = place.trim().rsplitn(3, ':');
    let col = parts.next().and_then(|c| c.parse().ok());
    let line = parts.next().and_then(|l| l.parse().ok());
    match (parts.next(), line, col) {
        (Some(path), Some(l), Some(c)) => (path.to_string(), l, c),
        _ => (place.trim().to_string(), 0, 0),
    }
}

/// Whether a rendered path is std's: `/rustc/<hash>/library/...`, a toolchain's
/// `lib/rustlib/src/rust/library/...`, or already normalized (`$RUST/...`).
fn is_std_path(path: &str) -> bool {
    path.starts_with("$RUST") || path.contains("/rustc/") || path.contains("/rustlib/src/rust/")
}

// ---------------------------------------------------------------------------------------------
// Getting the user's errors: compiling a file, checking a package, or reading stdin.

/// What to explain.
#[derive(Clone, Debug)]
pub enum Input {
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
    pub fn from_arg(arg: &Path, rendered: bool) -> Result<Input> {
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
pub fn gather(
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
            let tc = toolchain.ok_or_else(|| Error::env("no toolchain to compile with"))?;
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
pub fn cargo_check(dir: &Path, limit: std::time::Duration) -> Result<String> {
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

// ---------------------------------------------------------------------------------------------
// The corpus side: every failing case's errors, shaped.

/// One error of a failing corpus case on the pinned toolchain.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    pub topic: String,
    pub title: String,
    pub shape: Shape,
}

/// The shapes of every failing case's Send/Sync errors.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Index {
    pub entries: Vec<Entry>,
}

impl Index {
    /// Reads each failing case's diagnostics on the pinned toolchain from the committed
    /// history (`history_root`). A case without a record is left out.
    pub fn build(corpus: &Corpus, history_root: &Path) -> Result<Index> {
        let mut entries = Vec::new();
        for case in corpus.cases.iter().filter(|c| c.expectation.is_fail()) {
            let path = crate::drift::history::History::path(history_root, case);
            let Some(h) = crate::drift::history::History::load(&path)? else {
                continue;
            };
            let Some(v) = h.variant_on(crate::toolchain::pinned()) else {
                continue;
            };
            for d in v.diagnostics.iter().filter(|d| d.is_error()) {
                let shape = shape_of(d, &case_snippet(case, d));
                if shape.is_send_sync() {
                    entries.push(Entry {
                        name: case.name.clone(),
                        topic: case.topic.clone(),
                        title: case.title.clone(),
                        shape,
                    });
                }
            }
        }
        Ok(Index { entries })
    }

    /// The `n` nearest cases to a shape, best first, one entry per case.
    pub fn nearest(&self, shape: &Shape, n: usize) -> Vec<Match> {
        let mut best: Vec<Match> = Vec::new();
        for e in &self.entries {
            let (points, why) = score(shape, &e.shape);
            match best.iter_mut().find(|m| m.name == e.name) {
                Some(m) if m.score >= points => {}
                Some(m) => {
                    m.score = points;
                    m.why = why;
                }
                None => best.push(Match {
                    name: e.name.clone(),
                    topic: e.topic.clone(),
                    title: e.title.clone(),
                    score: points,
                    why,
                }),
            }
        }
        best.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.name.cmp(&b.name))
        });
        best.truncate(n);
        best
    }
}

/// The quoted lines of a case's error: the case's own lines under its top-level spans, and
/// their labels (what rustc's JSON gives as the spans' `text` and `label`).
fn case_snippet(case: &Case, d: &Diagnostic) -> String {
    let lines: Vec<&str> = case.source.lines().collect();
    let mut out = String::new();
    for s in &d.spans {
        let Some((from, to)) = s.at.split_once('-') else {
            continue;
        };
        let line_of = |p: &str| p.split(':').next().and_then(|l| l.parse::<usize>().ok());
        if let (Some(a), Some(b)) = (line_of(from), line_of(to)) {
            for l in a..=b.max(a) {
                if let Some(text) = lines.get(l.wrapping_sub(1)) {
                    out.push_str(text);
                    out.push('\n');
                }
            }
        }
        if let Some(label) = &s.label {
            out.push_str(label);
            out.push('\n');
        }
    }
    out
}

/// A corpus case near the user's error.
#[derive(Clone, Debug, Serialize)]
pub struct Match {
    pub name: String,
    #[serde(skip)]
    pub topic: String,
    pub title: String,
    pub score: f64,
    pub why: Vec<String>,
}

// Points of each feature (see the module's documentation for why these weights).
const CODE: f64 = 3.0;
const HEADLINE: f64 = 1.5;
const TRAIT: f64 = 1.0;
const CULPRIT: f64 = 4.0;
const CULPRIT_KIN: f64 = 2.0;
const BOUND: f64 = 2.0;
const KINDS: f64 = 3.0;
const CONTEXT: f64 = 2.0;

/// How near a case's error is to the user's: points, and the reasons in words.
pub fn score(user: &Shape, case: &Shape) -> (f64, Vec<String>) {
    let mut points = 0.0;
    let mut why = Vec::new();
    let same_headline = user.headline == case.headline;
    if user.code == case.code {
        points += CODE;
        let and = if same_headline { " and message" } else { "" };
        why.push(if user.code == "-" {
            format!("same error without a code{and}")
        } else {
            format!("same error {}{and}", user.code)
        });
    }
    if same_headline {
        points += HEADLINE;
        if user.code != case.code {
            why.push("same message".into());
        }
    }
    if !user.trait_name.is_empty() && user.trait_name == case.trait_name {
        points += TRAIT;
        why.push(format!("`{}` missing", user.trait_name));
    }
    if !user.culprit.is_empty() && !case.culprit.is_empty() {
        if user.culprit == case.culprit {
            points += CULPRIT;
            why.push(format!("same culprit {}", culprit_words(&user.culprit)));
        } else if let (Some(a), Some(b)) = (kin(&user.culprit), kin(&case.culprit)) {
            if a == b {
                points += CULPRIT_KIN;
                why.push(format!(
                    "culprit of the same kind ({a}: {} like {})",
                    culprit_words(&case.culprit),
                    culprit_words(&user.culprit)
                ));
            }
        }
    }
    if !user.bound.is_empty() && user.bound == case.bound {
        points += BOUND;
        why.push(format!("demanded by {}", bound_words(&user.bound)));
    }
    let (share, common) = jaccard(&user.kinds, &case.kinds);
    if share > 0.0 {
        points += KINDS * share;
        let words: Vec<&str> = common.iter().map(|k| kind_words(k)).collect();
        why.push(words.join(", "));
    }
    let (share, common) = jaccard(&user.context, &case.context);
    if share > 0.0 {
        points += CONTEXT * share;
        why.push(format!("around {}", common.join(", ")));
    }
    (round2(points), why)
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn jaccard<'a>(a: &'a [String], b: &[String]) -> (f64, Vec<&'a str>) {
    let common: Vec<&str> = a
        .iter()
        .filter(|x| b.contains(x))
        .map(String::as_str)
        .collect();
    let union = a.len() + b.len() - common.len();
    if union == 0 {
        return (0.0, common);
    }
    (common.len() as f64 / union as f64, common)
}

/// Culprits that teach the same lesson under different names.
fn kin(constructor: &str) -> Option<&'static str> {
    Some(match constructor {
        "Cell" | "RefCell" | "UnsafeCell" | "OnceCell" | "LazyCell" | "Ref" | "RefMut" => {
            "interior mutability"
        }
        "Rc" | "Weak" => "reference counting",
        "MutexGuard" | "RwLockReadGuard" | "RwLockWriteGuard" | "StdoutLock" | "StderrLock"
        | "ReentrantLockGuard" | "MappedMutexGuard" => "a lock guard",
        "*mut" | "*const" | "NonNull" => "a raw pointer",
        "dyn" => "a trait object",
        "Sender" | "Receiver" | "SyncSender" => "a channel end",
        c if c.starts_with("impl ") || c.starts_with("async") => "an opaque type",
        c if !c.is_empty() && c.len() <= 2 && c.chars().all(|ch| ch.is_ascii_uppercase()) => {
            "a type parameter"
        }
        _ => return None,
    })
}

fn culprit_words(c: &str) -> String {
    match c {
        "*mut" | "*const" => format!("`{c} _`"),
        "dyn" => "`dyn Trait`".into(),
        c if kin(c) == Some("a type parameter") => format!("a type parameter `{c}`"),
        c if c.starts_with("impl ") || c.starts_with("async") => format!("`{c}`"),
        c => format!("`{c}<_>`"),
    }
}

fn bound_words(b: &str) -> String {
    match b {
        "spawn" => "`thread::spawn`".into(),
        "Scope::spawn" => "`Scope::spawn` (scoped threads)".into(),
        "user-fn" => "a bound on a function of the program's own".into(),
        "static" => "a `static`".into(),
        "cast" => "a cast to `dyn … + Send`".into(),
        "return-type" => "an `impl Trait + Send` return type".into(),
        b => format!("`{b}`"),
    }
}

fn kind_words(k: &str) -> &'static str {
    match k {
        "within-type" => "inside another type",
        "reference-to" => "behind a shared reference",
        "required-for" => "inside a generic wrapper",
        "captured-by-closure" => "captured by a closure",
        "captured-by-future" => "captured by a future",
        "held-across-await" => "held across `.await`",
        _ => "linked",
    }
}

// ---------------------------------------------------------------------------------------------
// Explaining and printing.

/// One of the user's errors, explained.
#[derive(Clone, Debug, Serialize)]
pub struct Explained {
    pub file: String,
    pub line: usize,
    #[serde(skip)]
    pub column: usize,
    pub code: String,
    pub message: String,
    /// Whether it is a Send/Sync error (the others are listed and left alone).
    pub send_sync: bool,
    pub chain: Vec<Link>,
    #[serde(skip)]
    pub chain_line: Option<String>,
    pub matches: Vec<MatchOut>,
}

/// A match as `--format json` gives it.
#[derive(Clone, Debug, Serialize)]
pub struct MatchOut {
    pub name: String,
    pub path: String,
    pub title: String,
    pub score: f64,
    pub why: String,
}

/// Explains every error: its chain in the user's types and the three nearest cases.
pub fn explain(found: &[Found], index: &Index) -> Vec<Explained> {
    found
        .iter()
        .map(|f| {
            let shape = shape_of(&f.diagnostic, &f.snippet);
            let send_sync = shape.is_send_sync();
            let chain = first_chain(&f.diagnostic);
            let matches = if send_sync {
                index
                    .nearest(&shape, 3)
                    .into_iter()
                    .map(|m| MatchOut {
                        path: format!("cases/{}/{}.rs", m.topic, m.name),
                        name: m.name,
                        title: m.title,
                        score: m.score,
                        why: m.why.join("; "),
                    })
                    .collect()
            } else {
                vec![]
            };
            Explained {
                file: f.file.clone(),
                line: f.line,
                column: f.column,
                code: f.diagnostic.code_or_dash(),
                message: f.diagnostic.message.clone(),
                send_sync,
                chain_line: chain.as_ref().map(Chain::to_line),
                chain: chain.map(|c| c.links).unwrap_or_default(),
                matches,
            }
        })
        .collect()
}

/// `{"schema": "sendsync.explain/1", "errors": [...]}` (`docs/json.md`).
pub fn to_json(explained: &[Explained]) -> String {
    crate::render::versioned(
        "sendsync.explain/1",
        &serde_json::json!({ "errors": explained }),
    )
}

/// The text report: each error with its chain and nearest cases, their explanation and the
/// diff to their first fix.
pub fn to_text(explained: &[Explained], corpus: &Corpus) -> String {
    let mut out = String::new();
    if explained.is_empty() {
        out.push_str("no errors: nothing to explain\n");
    }
    // A case near several errors is shown each time; its diff is computed once.
    let mut diffs: std::collections::HashMap<&str, String> = std::collections::HashMap::new();
    for e in explained {
        let code = if e.code == "-" {
            String::new()
        } else {
            format!("[{}]", e.code)
        };
        out.push_str(&format!(
            "{}:{}:{}: error{code}: {}\n",
            e.file, e.line, e.column, e.message
        ));
        if !e.send_sync {
            out.push_str("  not a Send/Sync error\n\n");
            continue;
        }
        if let Some(line) = &e.chain_line {
            out.push_str(&format!("  chain: {line}\n"));
        }
        out.push_str("  nearest cases:\n");
        for (i, m) in e.matches.iter().enumerate() {
            out.push_str(&format!(
                "\n  {}. {} ({}, score {})\n     {}\n     why: {}\n",
                i + 1,
                m.title,
                m.name,
                m.score,
                m.path,
                m.why
            ));
            let Some(case) = corpus.get(&m.name) else {
                continue;
            };
            for l in case.explanation.lines() {
                out.push_str(&format!("     {l}\n").replace("     \n", "\n"));
            }
            if let Some(fix) = case.fix.first().and_then(|f| corpus.get(f)) {
                out.push_str(&format!("     fix: {} ({})\n", fix.name, fix.title));
                let diff = diffs.entry(case.name.as_str()).or_insert_with(|| {
                    let diff = crate::engine::report::diff(&case.source, &fix.source)
                        .replace("--- pinned", &format!("--- {}", case.name))
                        .replace("+++ observed", &format!("+++ {}", fix.name));
                    diff.lines().map(|l| format!("     {l}\n")).collect()
                });
                out.push_str(diff);
            }
        }
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The command: explain, and evaluate.

/// How `sendsync explain` runs.
pub struct Options {
    pub json: bool,
    /// The input is rustc's rendered text.
    pub rendered: bool,
    pub toolchain: crate::toolchain::Spec,
    /// How many programs `--evaluate` compiles at once ([`crate::work`]).
    pub jobs: usize,
    /// The time limit of each compile (rustc on a file, `cargo check` on a package).
    pub timeout: std::time::Duration,
}

/// The corpus and its index. An index without a single entry would answer every error with
/// no case at all: that is an error, which says what is missing and how to record it.
fn load() -> Result<(Corpus, Index)> {
    let corpus =
        Corpus::load(&crate::input::corpus::bundled_root()).map_err(|mut e| e.swap_remove(0))?;
    let root = crate::paths::history_root();
    let index = Index::build(&corpus, &root)?;
    if index.entries.is_empty() {
        let pinned = crate::toolchain::pinned();
        return Err(Error::env(format!(
            "no history of the corpus on the pinned toolchain {pinned} is recorded in {}: explain matches your errors against it; record it with `sendsync history record --toolchains {pinned}`",
            root.display()
        )));
    }
    Ok((corpus, index))
}

/// `sendsync explain PATH`: the report, as text or JSON.
pub fn run(path: &Path, options: &Options) -> Result<String> {
    let input = Input::from_arg(path, options.rendered)?;
    let toolchain = match input {
        Input::File(_) => Some(crate::toolchain::Toolchain::resolve(&options.toolchain)?),
        _ => None,
    };
    // The index first: without it there is nothing to compile for.
    let (corpus, index) = load()?;
    let found = gather(&input, toolchain.as_ref(), options.timeout)?;
    let explained = explain(&found, &index);
    Ok(if options.json {
        to_json(&explained) + "\n"
    } else {
        to_text(&explained, &corpus)
    })
}

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
pub fn expected_of(source: &str) -> Vec<String> {
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
    let mut out = String::new();
    for r in &rows {
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
        out.push_str(&format!(
            "{mark}  {name}: expected {}; got {}\n",
            r.expected.join(" | "),
            r.got.join(", ")
        ));
        if r.got != r.from_rendered {
            out.push_str(&format!(
                "       from the rendered text: {}\n",
                r.from_rendered.join(", ")
            ));
        }
    }
    out.push_str(&format!(
        "\n{} programs: top-1 {top1:.1} %, top-3 {top3:.1} %; the rendered text gives the same three for {agree}\n",
        rows.len()
    ));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RC_JSON: &str = r#"{"$message_type":"diagnostic","message":"`Rc<Logger>` cannot be sent between threads safely","code":{"code":"E0277","explanation":"..."},"level":"error","spans":[{"file_name":"src/log.rs","byte_start":1,"byte_end":2,"line_start":9,"line_end":9,"column_start":5,"column_end":18,"is_primary":false,"text":[{"text":"    thread::spawn(move || {","highlight_start":5,"highlight_end":18}],"label":"required by a bound introduced by this call","suggested_replacement":null,"suggestion_applicability":null,"expansion":null},{"file_name":"src/log.rs","byte_start":1,"byte_end":2,"line_start":9,"line_end":11,"column_start":19,"column_end":6,"is_primary":true,"text":[{"text":"    thread::spawn(move || {","highlight_start":19,"highlight_end":28}],"label":"`Rc<Logger>` cannot be sent between threads safely","suggested_replacement":null,"suggestion_applicability":null,"expansion":null}],"children":[{"message":"within `{closure@src/log.rs:9:19: 9:26}`, the trait `Send` is not implemented for `Rc<Logger>`","code":null,"level":"help","spans":[],"children":[],"rendered":null},{"message":"required because it's used within this closure","code":null,"level":"note","spans":[{"file_name":"src/log.rs","byte_start":1,"byte_end":2,"line_start":9,"line_end":9,"column_start":19,"column_end":26,"is_primary":true,"text":[],"label":null,"suggested_replacement":null,"suggestion_applicability":null,"expansion":null}],"children":[],"rendered":null},{"message":"required by a bound in `spawn`","code":null,"level":"note","spans":[{"file_name":"/rustc/abc/library/std/src/thread/functions.rs","byte_start":1,"byte_end":2,"line_start":120,"line_end":120,"column_start":8,"column_end":13,"is_primary":true,"text":[],"label":null,"suggested_replacement":null,"suggestion_applicability":null,"expansion":null}],"children":[],"rendered":null}],"rendered":"error[E0277]: ..."}"#;

    const RC_RENDERED: &str = "error[E0277]: `Rc<Logger>` cannot be sent between threads safely
  --> src/log.rs:9:19
   |
9  |       thread::spawn(move || {
   |       ------------- ^------
   |       |             |
   |  _____|_____________within this `{closure@src/log.rs:9:19: 9:26}`
   | |     |
   | |     required by a bound introduced by this call
10 | |         logger.log(\"hi\");
11 | |     });
   | |_____^ `Rc<Logger>` cannot be sent between threads safely
   |
   = help: within `{closure@src/log.rs:9:19: 9:26}`, the trait `Send` is not implemented for `Rc<Logger>`
note: required because it's used within this closure
  --> src/log.rs:9:19
   |
9  |     thread::spawn(move || {
   |                   ^^^^^^^
note: required by a bound in `spawn`
  --> /rustc/abc/library/std/src/thread/functions.rs:120:8
   |
   = note: a note without spans

error: aborting due to 1 previous error
";

    #[test]
    fn reads_rustc_json_keeping_the_users_path() {
        let found = read_json(RC_JSON, None).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].file.as_str(), found[0].line), ("src/log.rs", 9));
        let shape = shape_of(&found[0].diagnostic, &found[0].snippet);
        assert_eq!(shape.code, "E0277");
        assert_eq!(shape.culprit, "Rc");
        assert_eq!(shape.bound, "spawn");
        assert_eq!(shape.kinds, vec!["captured-by-closure"]);
        assert!(shape.context.contains(&"spawn".to_string()));
        assert!(shape.is_send_sync());
    }

    #[test]
    fn reads_cargo_json_and_skips_progress_lines() {
        let cargo = format!(
            "    Checking x v0.1.0\n{{\"reason\":\"compiler-artifact\"}}\n{{\"reason\":\"compiler-message\",\"message\":{RC_JSON}}}\nerror: could not compile `x`\n"
        );
        let found = read_json(&cargo, Some(Path::new("pkg"))).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, "pkg/src/log.rs");
    }

    #[test]
    fn refuses_what_is_not_diagnostics() {
        assert!(read_json("", None).unwrap_err().contains("empty"));
        assert!(read_json("hello\n", None).unwrap_err().contains("not JSON"));
        assert!(read_json("{\"a\": 1}\n", None)
            .unwrap_err()
            .contains("no rustc or cargo"));
        // Cargo's messages with no error in them: ran, and found nothing.
        assert!(
            read_json("{\"reason\":\"build-finished\",\"success\":true}", None)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn rendered_text_gives_the_same_shape_as_json() {
        let json = read_json(RC_JSON, None).unwrap();
        let text = read_rendered(RC_RENDERED);
        assert_eq!(text.len(), 1, "the aborting line is no error");
        assert_eq!((text[0].file.as_str(), text[0].line), ("src/log.rs", 9));
        let a = shape_of(&json[0].diagnostic, &json[0].snippet);
        let b = shape_of(&text[0].diagnostic, &text[0].snippet);
        assert_eq!(a, b);
    }

    #[test]
    fn rendered_text_from_a_coloured_terminal_reads_the_same() {
        let coloured = RC_RENDERED
            .replace(
                "error[E0277]",
                "\x1b[0m\x1b[1m\x1b[38;5;9merror[E0277]\x1b[0m\x1b[0m\x1b[1m",
            )
            .replace("  --> ", "\x1b[0m\x1b[1m\x1b[38;5;12m  --> \x1b[0m");
        let a = read_rendered(RC_RENDERED);
        let b = read_rendered(&coloured);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].file, "src/log.rs");
        assert_eq!(
            shape_of(&a[0].diagnostic, &a[0].snippet),
            shape_of(&b[0].diagnostic, &b[0].snippet)
        );
    }

    #[test]
    fn reads_an_await_note_from_rendered_text() {
        let text = "error: future cannot be sent between threads safely
  --> src/main.rs:28:18
   |
28 |     require_send(handle(7));
   |                  ^^^^^^^^^ future returned by `handle` is not `Send`
   |
   = help: within `impl Future<Output = u32>`, the trait `Send` is not implemented for `Rc<String>`
note: future is not `Send` as this value is used across an await
  --> src/main.rs:23:38
   |
22 |     let session = Rc::new(format!(\"user-{request}\"));
   |         ------- has type `Rc<String>` which is not `Send`
23 |     let stock = fetch_stock(request).await;
   |                                      ^^^^^ await occurs here, with `session` maybe used later
note: required by a bound in `require_send`
  --> src/main.rs:15:29
";
        let found = read_rendered(text);
        let shape = shape_of(&found[0].diagnostic, &found[0].snippet);
        assert_eq!(shape.code, "-");
        assert_eq!(shape.culprit, "Rc");
        assert_eq!(shape.kinds, vec!["held-across-await"]);
        assert_eq!(shape.bound, "user-fn");
    }

    #[test]
    fn scores_constructors_not_names() {
        let user = Shape {
            code: "E0277".into(),
            culprit: "Rc".into(),
            trait_name: "Send".into(),
            bound: "spawn".into(),
            kinds: vec!["captured-by-closure".into()],
            ..Shape::default()
        };
        let same = user.clone();
        let cell = Shape {
            culprit: "Cell".into(),
            ..user.clone()
        };
        let (a, why) = score(&user, &same);
        let (b, _) = score(&user, &cell);
        assert!(a > b);
        assert!(why.iter().any(|w| w == "same culprit `Rc<_>`"), "{why:?}");
        assert!(
            why.iter().any(|w| w == "demanded by `thread::spawn`"),
            "{why:?}"
        );
        let refcell = Shape {
            culprit: "RefCell".into(),
            ..user.clone()
        };
        let (_, why) = score(&cell, &refcell);
        assert!(
            why.iter().any(|w| w.contains("interior mutability")),
            "{why:?}"
        );
    }

    #[test]
    fn blanks_quotations_and_generics() {
        assert_eq!(
            blank_quotes("closure may outlive the current function, but it borrows `v`"),
            "closure may outlive the current function, but it borrows `_`"
        );
        assert_eq!(
            drop_generics("Scope::<'scope, 'env>::spawn"),
            "Scope::spawn"
        );
        assert_eq!(drop_generics("spawn"), "spawn");
    }

    #[test]
    fn an_e0277_about_another_trait_is_not_send_sync() {
        let display = Shape {
            code: "E0277".into(),
            headline: "`_` doesn't implement `_`".into(),
            trait_name: "std::fmt::Display".into(),
            culprit: "Vec".into(),
            ..Shape::default()
        };
        assert!(!display.is_send_sync());
        let send = Shape {
            trait_name: "Send".into(),
            ..display
        };
        assert!(send.is_send_sync());
    }

    #[test]
    fn borrow_errors_belong_to_the_family_only_around_threads() {
        let e0382 = |snippet: &str| Shape {
            code: "E0382".into(),
            headline: "use of moved value: `_`".into(),
            context: context_of(snippet, &[]),
            ..Shape::default()
        };
        assert!(e0382("let h = thread::spawn(move || {").is_send_sync());
        assert!(!e0382("let b = a; println!(\"{a}\");").is_send_sync());
    }
}
