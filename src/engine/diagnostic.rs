//! rustc's JSON diagnostics, read into a structured, normalized form.
//!
//! Normalized means comparable across machines and toolchains: paths inside the case are
//! `line:column`, other files of the package are relative, std's files are `$RUST/...` with no
//! line numbers (they move with every release), and notes that name temporary files are dropped.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One diagnostic, as rustc's JSON gives it (only the fields we read).
#[derive(Deserialize, Debug)]
pub struct Raw {
    pub message: String,
    pub(crate) code: Option<RawCode>,
    pub(crate) level: String,
    #[serde(default)]
    pub(crate) spans: Vec<RawSpan>,
    #[serde(default)]
    pub(crate) children: Vec<Raw>,
    pub rendered: Option<String>,
}

#[derive(Deserialize, Debug)]
pub(crate) struct RawCode {
    pub(crate) code: String,
}

#[derive(Deserialize, Debug)]
pub(crate) struct RawSpan {
    pub(crate) file_name: String,
    pub(crate) line_start: usize,
    pub(crate) column_start: usize,
    #[serde(default)]
    pub(crate) line_end: usize,
    #[serde(default)]
    pub(crate) column_end: usize,
    pub(crate) is_primary: bool,
    pub(crate) label: Option<String>,
    #[serde(default)]
    pub(crate) suggested_replacement: Option<String>,
}

/// One diagnostic, with everything that makes it: level, code, message, every span, and every
/// child (note, help, suggestion) with its own spans, recursively. Only what must be is
/// normalized: paths, std's line numbers, the crate name.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: String,
    /// The error code, such as `E0277`; `None` for diagnostics without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) code: Option<String>,
    /// The headline message.
    pub(crate) message: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) spans: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) children: Vec<Diagnostic>,
}

/// Where a diagnostic points.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// `7:5-7:18` (start and end, line:column) in the case itself; elsewhere the normalized
    /// path, with the range for files of the package and without one for std's files, whose
    /// line numbers move with every release: `$RUST/std/src/thread/functions.rs`.
    pub(crate) at: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) primary: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) label: Option<String>,
    /// The text a suggestion puts there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) replacement: Option<String>,
}

impl Diagnostic {
    /// The diagnostic that stands for a compiler that crashed without saying why.
    pub fn crash(message: &str) -> Diagnostic {
        Diagnostic {
            level: ICE_LEVEL.into(),
            code: None,
            message: message.into(),
            spans: vec![],
            children: vec![],
        }
    }

    pub(crate) fn is_error(&self) -> bool {
        self.level == "error" || self.level.starts_with("error:")
    }

    /// The code as the case directives write it: `-` for none. A deny-by-default lint carries
    /// its lint name in rustc's code field (`static_mut_refs`); that is no error code either.
    pub(crate) fn code_or_dash(&self) -> String {
        match &self.code {
            Some(code) if code.len() == 5 && code.starts_with('E') => code.clone(),
            _ => "-".into(),
        }
    }
}

/// The level rustc gives an internal compiler error.
pub(crate) const ICE_LEVEL: &str = "error: internal compiler error";

/// How spans and messages are normalized for one compile.
pub struct Normalizer<'a> {
    /// The case file, as rustc names it.
    pub input: &'a str,
    /// The root that other paths are made relative to, with a trailing `/`.
    pub root: &'a str,
    /// The crate name given to rustc.
    pub krate: &'a str,
}

impl Normalizer<'_> {
    pub(crate) fn span(&self, span: &RawSpan) -> Span {
        let range = format!(
            "{}:{}-{}:{}",
            span.line_start, span.column_start, span.line_end, span.column_end
        );
        let at = if span.file_name == self.input {
            range
        } else {
            let path = normalize_path(&span.file_name, self.root);
            // Another crate's line numbers change with its every release: like std's, they are
            // not part of the record.
            if path.starts_with("$RUST/") || path.starts_with("$CARGO/") {
                path
            } else {
                format!("{path}:{range}")
            }
        };
        Span {
            at,
            primary: span.is_primary,
            label: span.label.as_deref().map(|l| self.text(l)),
            replacement: span.suggested_replacement.as_deref().map(|r| self.text(r)),
        }
    }

    pub(crate) fn text(&self, text: &str) -> String {
        let text = if self.root.len() > 1 {
            text.replace(self.root, "$DIR/")
        } else {
            text.to_string()
        };
        let text = clippy_docs_unversioned(&text);
        if self.krate.is_empty() {
            return text;
        }
        text.replace(self.krate, "$CRATE")
    }

    /// Reads one raw diagnostic. Failure notes ("aborting due to", `--explain` hints) and
    /// notes about files written to a temporary directory give `None`.
    pub fn diagnostic(&self, raw: &Raw) -> Option<Diagnostic> {
        if raw.level == "failure-note" || raw.message.starts_with("aborting due to") {
            return None;
        }
        if is_noise(&raw.message) {
            return None;
        }
        Some(Diagnostic {
            level: raw.level.clone(),
            code: raw.code.as_ref().map(|c| c.code.clone()),
            message: self.text(&raw.message),
            spans: raw.spans.iter().map(|s| self.span(s)).collect(),
            children: raw
                .children
                .iter()
                .filter_map(|c| self.diagnostic(c))
                .collect(),
        })
    }
}

/// Where clippy's help links to a lint's documentation: `…/rust-clippy/master/index.html#…` on
/// older toolchains, `…/rust-clippy/rust-1.95.0/index.html#…` on newer ones. The release in the
/// link changes with every toolchain and says nothing about the lint, so it reads `$VERSION`.
fn clippy_docs_unversioned(text: &str) -> String {
    const DOCS: &str = "https://rust-lang.github.io/rust-clippy/";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(DOCS) {
        let after = &rest[i + DOCS.len()..];
        match after.find('/') {
            Some(end) if !after[..end].contains(char::is_whitespace) => {
                out.push_str(&rest[..i + DOCS.len()]);
                out.push_str("$VERSION");
                rest = &after[end..];
            }
            _ => {
                out.push_str(&rest[..i + DOCS.len()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Notes that depend on the machine rather than the program.
fn is_noise(message: &str) -> bool {
    message.starts_with("the full type name has been written to")
        || message.starts_with("the full name for the type has been written to")
        || message.starts_with("consider using `--verbose` to print the full type name")
        || message.starts_with("this compiler was built on")
        || is_warning_count(message)
}

/// rustc's closing count of warnings (`1 warning emitted`, `3 warnings emitted`): a summary of
/// the diagnostics above it, not one of its own.
fn is_warning_count(message: &str) -> bool {
    message
        .strip_suffix(" warning emitted")
        .or_else(|| message.strip_suffix(" warnings emitted"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// `$RUST/std/src/thread/mod.rs` for std's files, a root-relative path for the package's own,
/// and the file name alone for anything else.
pub(crate) fn normalize_path(path: &str, root: &str) -> String {
    let path = path.replace('\\', "/");
    if let Some(pos) = path.find("/rustlib/src/rust/library/") {
        return format!("$RUST/{}", &path[pos + 26..]);
    }
    if let Some(rest) = path.strip_prefix("/rustc/") {
        if let Some(pos) = rest.find("/library/") {
            return format!("$RUST/{}", &rest[pos + 9..]);
        }
    }
    if let Some(at) = registry_path(&path) {
        return at;
    }
    if root.len() > 1 {
        if let Some(rest) = path.strip_prefix(root) {
            return rest.to_string();
        }
    }
    path.rsplit('/').next().unwrap_or(&path).to_string()
}

/// A file of a crate from cargo's registry, wherever `CARGO_HOME` is and whichever registry
/// index: `…/registry/src/index.crates.io-1949cf8c6b5b557f/tokio-1.47.1/src/task/spawn.rs` is
/// `$CARGO/tokio-1.47.1/src/task/spawn.rs`, as trybuild spells it.
fn registry_path(path: &str) -> Option<String> {
    let pos = path.find("/registry/src/")?;
    let rest = &path[pos + "/registry/src/".len()..];
    let (index, file) = rest.split_once('/')?;
    let (_, hash) = index.rsplit_once('-')?;
    (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("$CARGO/{file}"))
}

/// The set of error codes of a compile, `-` standing for an error without a code.
pub(crate) fn codes(diagnostics: &[Diagnostic]) -> BTreeSet<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(Diagnostic::code_or_dash)
        .collect()
}

/// The lints that fired: the codes of the diagnostics that carry a lint's name rather than an
/// error code, warnings (`clippy::arc_with_non_send_sync`, `unused_variables`) and errors (a
/// deny-by-default lint such as `let_underscore_lock`) alike.
pub(crate) fn lints(diagnostics: &[Diagnostic]) -> BTreeSet<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error() || d.level == "warning")
        .filter_map(|d| d.code.clone())
        .filter(|code| !(code.len() == 5 && code.starts_with('E')))
        .collect()
}

/// The headline messages of the lints that fired, in order.
pub(crate) fn lint_headlines(diagnostics: &[Diagnostic]) -> Vec<String> {
    let fired = lints(diagnostics);
    diagnostics
        .iter()
        .filter(|d| d.code.as_ref().is_some_and(|c| fired.contains(c)))
        .map(|d| d.message.clone())
        .collect()
}

/// The headline messages of the errors, in order.
pub(crate) fn headlines(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clippy_doc_links_and_warning_counts() {
        let n = Normalizer {
            input: "/w/cases/t/x.rs",
            root: "/w/",
            krate: "sendsync_case",
        };
        let url = |v: &str| {
            format!("for further information visit https://rust-lang.github.io/rust-clippy/{v}/index.html#rc_mutex")
        };
        let want = url("$VERSION");
        assert_eq!(n.text(&url("master")), want);
        assert_eq!(n.text(&url("rust-1.95.0")), want);
        assert_eq!(n.text("no link"), "no link");
        assert!(is_noise("1 warning emitted") && is_noise("12 warnings emitted"));
        assert!(!is_noise("warning emitted") && !is_noise("unused variable: `x`"));
        let lint = |level: &str, code: &str| Diagnostic {
            level: level.into(),
            code: Some(code.into()),
            ..Diagnostic::crash("m")
        };
        let fired = lints(&[
            lint("warning", "clippy::rc_mutex"),
            lint("error", "let_underscore_lock"),
            lint("error", "E0277"),
            lint("note", "unused_variables"),
        ]);
        let want: BTreeSet<String> = ["clippy::rc_mutex", "let_underscore_lock"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(fired, want);
    }

    #[test]
    fn std_paths_lose_prefix_and_lines() {
        assert_eq!(
            normalize_path(
                "/rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/std/src/thread/mod.rs",
                "/w/"
            ),
            "$RUST/std/src/thread/mod.rs"
        );
        assert_eq!(
            normalize_path(
                "/root/.rustup/toolchains/1.80.0-x/lib/rustlib/src/rust/library/core/src/ops.rs",
                "/w/"
            ),
            "$RUST/core/src/ops.rs"
        );
        assert_eq!(normalize_path("/w/cases/a/b.rs", "/w/"), "cases/a/b.rs");
        assert_eq!(normalize_path("/elsewhere/b.rs", "/w/"), "b.rs");
    }

    #[test]
    fn reads_a_raw_diagnostic() {
        let json = r#"{"message":"`Rc<i32>` cannot be sent between threads safely","code":{"code":"E0277","explanation":"..."},"level":"error",
          "spans":[{"file_name":"/w/cases/t/x.rs","line_start":7,"column_start":5,"is_primary":true,"label":"`Rc<i32>` cannot be sent"},
                   {"file_name":"/w/cases/t/x.rs","line_start":7,"column_start":19,"is_primary":false,"label":null}],
          "children":[{"message":"required by a bound in `spawn`","code":null,"level":"note","spans":[{"file_name":"/rustc/abc/library/std/src/thread/mod.rs","line_start":700,"column_start":8,"is_primary":true,"label":null}],"children":[],"rendered":null},
                      {"message":"the full type name has been written to '/tmp/x.txt'","code":null,"level":"note","spans":[],"children":[],"rendered":null}],
          "rendered":"error[E0277]: ..."}"#;
        let raw: Raw = serde_json::from_str(json).unwrap();
        let n = Normalizer {
            input: "/w/cases/t/x.rs",
            root: "/w/",
            krate: "sendsync_case",
        };
        let d = n.diagnostic(&raw).unwrap();
        assert_eq!(d.code.as_deref(), Some("E0277"));
        assert_eq!(
            d.spans.iter().find(|s| s.primary).map(|s| s.at.as_str()),
            Some("7:5-0:0")
        );
        assert_eq!(d.spans.len(), 2);
        assert_eq!(
            d.spans[0].label.as_deref(),
            Some("`Rc<i32>` cannot be sent")
        );
        assert!(!d.spans[1].primary);
        assert_eq!(d.children.len(), 1, "the temporary-file note is noise");
        assert_eq!(d.children[0].message, "required by a bound in `spawn`");
        assert_eq!(d.children[0].spans[0].at, "$RUST/std/src/thread/mod.rs");
    }

    #[test]
    fn keeps_span_ends_suggestions_and_nested_children() {
        let json = r#"{"message":"future cannot be sent between threads safely","code":null,"level":"error",
          "spans":[{"file_name":"/w/cases/t/x.rs","line_start":9,"column_start":5,"line_end":12,"column_end":6,"is_primary":true,"label":"future created by async block is not `Send`"}],
          "children":[{"message":"future is not `Send` as this value is used across an await","code":null,"level":"note",
             "spans":[{"file_name":"/w/cases/t/x.rs","line_start":10,"column_start":13,"line_end":10,"column_end":20,"is_primary":false,"label":"has type `Rc<i32>` which is not `Send`"},
                      {"file_name":"/w/cases/t/x.rs","line_start":11,"column_start":9,"line_end":11,"column_end":15,"is_primary":true,"label":"await occurs here"},
                      {"file_name":"/w/cases/t/x.rs","line_start":12,"column_start":5,"line_end":12,"column_end":6,"is_primary":false,"label":"`session` is later dropped here"}],
             "children":[{"message":"nested","code":null,"level":"note","spans":[],"children":[],"rendered":null}],"rendered":null},
             {"message":"consider using `Arc`","code":null,"level":"help","spans":[{"file_name":"/w/cases/t/x.rs","line_start":3,"column_start":5,"line_end":3,"column_end":7,"is_primary":true,"label":null,"suggested_replacement":"Arc"}],"children":[],"rendered":null}],
          "rendered":"error: ..."}"#;
        let raw: Raw = serde_json::from_str(json).unwrap();
        let n = Normalizer {
            input: "/w/cases/t/x.rs",
            root: "/w/",
            krate: "sendsync_case",
        };
        let d = n.diagnostic(&raw).unwrap();
        assert_eq!(
            d.spans.iter().find(|s| s.primary).map(|s| s.at.as_str()),
            Some("9:5-12:6")
        );
        let note = &d.children[0];
        assert_eq!(note.spans.len(), 3);
        assert_eq!(
            note.spans[2].label.as_deref(),
            Some("`session` is later dropped here")
        );
        assert_eq!(note.children[0].message, "nested");
        assert_eq!(d.children[1].spans[0].replacement.as_deref(), Some("Arc"));
    }
}
