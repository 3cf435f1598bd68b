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
    pub code: Option<RawCode>,
    pub level: String,
    #[serde(default)]
    pub spans: Vec<RawSpan>,
    #[serde(default)]
    pub children: Vec<Raw>,
    pub rendered: Option<String>,
}

#[derive(Deserialize, Debug)]
pub struct RawCode {
    pub code: String,
}

#[derive(Deserialize, Debug)]
pub struct RawSpan {
    pub file_name: String,
    pub line_start: usize,
    pub column_start: usize,
    pub is_primary: bool,
    pub label: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: String,
    /// The error code, such as `E0277`; `None` for diagnostics without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The headline message.
    pub message: String,
    /// The primary span: `line:column` in the case, a normalized path elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary: Option<String>,
    /// `span: label` for every labelled span, primary or not.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    /// Notes and helps: `note: text` or `note: text (at span)`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<String>,
}

impl Diagnostic {
    /// The diagnostic that stands for a compiler that crashed without saying why.
    pub fn crash(message: &str) -> Diagnostic {
        Diagnostic {
            level: "error: internal compiler error".into(),
            code: None,
            message: message.into(),
            primary: None,
            labels: vec![],
            children: vec![],
        }
    }

    pub fn is_error(&self) -> bool {
        self.level == "error" || self.level.starts_with("error:")
    }

    /// The code as the case directives write it: `-` for none. A deny-by-default lint carries
    /// its lint name in rustc's code field (`static_mut_refs`); that is no error code either.
    pub fn code_or_dash(&self) -> String {
        match &self.code {
            Some(code) if code.len() == 5 && code.starts_with('E') => code.clone(),
            _ => "-".into(),
        }
    }
}

/// How spans and messages are normalized for one compile.
pub struct Normalizer<'a> {
    /// The case file, as passed to rustc.
    pub input: &'a str,
    /// The root that other paths are made relative to, with a trailing `/`.
    pub root: &'a str,
    /// The crate name given to rustc.
    pub krate: &'a str,
}

impl Normalizer<'_> {
    pub fn span(&self, span: &RawSpan) -> String {
        if span.file_name == self.input {
            return format!("{}:{}", span.line_start, span.column_start);
        }
        normalize_path(&span.file_name, self.root)
    }

    pub fn text(&self, text: &str) -> String {
        let text = if self.root.len() > 1 {
            text.replace(self.root, "$DIR/")
        } else {
            text.to_string()
        };
        text.replace(self.krate, "$CRATE")
    }

    /// Reads one raw diagnostic. Failure notes ("aborting due to", `--explain` hints) and
    /// notes about files written to a temporary directory give `None`.
    pub fn diagnostic(&self, raw: &Raw) -> Option<Diagnostic> {
        if raw.level == "failure-note" || raw.message.starts_with("aborting due to") {
            return None;
        }
        let primary = raw
            .spans
            .iter()
            .find(|s| s.is_primary)
            .map(|s| self.span(s));
        let labels = raw
            .spans
            .iter()
            .filter_map(|s| {
                let label = s.label.as_deref()?;
                Some(format!("{}: {}", self.span(s), self.text(label)))
            })
            .collect();
        let children = raw
            .children
            .iter()
            .filter(|c| !is_noise(&c.message))
            .map(|c| {
                let mut line = format!("{}: {}", c.level, self.text(&c.message));
                if let Some(span) = c.spans.iter().find(|s| s.is_primary).or(c.spans.first()) {
                    line.push_str(&format!(" (at {})", self.span(span)));
                }
                line
            })
            .collect();
        Some(Diagnostic {
            level: raw.level.clone(),
            code: raw.code.as_ref().map(|c| c.code.clone()),
            message: self.text(&raw.message),
            primary,
            labels,
            children,
        })
    }
}

/// Notes that depend on the machine rather than the program.
fn is_noise(message: &str) -> bool {
    message.starts_with("the full type name has been written to")
        || message.starts_with("the full name for the type has been written to")
        || message.starts_with("consider using `--verbose` to print the full type name")
        || message.starts_with("this compiler was built on")
}

/// `$RUST/std/src/thread/mod.rs` for std's files, a root-relative path for the package's own,
/// and the file name alone for anything else.
pub fn normalize_path(path: &str, root: &str) -> String {
    let path = path.replace('\\', "/");
    if let Some(pos) = path.find("/rustlib/src/rust/library/") {
        return format!("$RUST/{}", &path[pos + 26..]);
    }
    if let Some(rest) = path.strip_prefix("/rustc/") {
        if let Some(pos) = rest.find("/library/") {
            return format!("$RUST/{}", &rest[pos + 9..]);
        }
    }
    if root.len() > 1 {
        if let Some(rest) = path.strip_prefix(root) {
            return rest.to_string();
        }
    }
    path.rsplit('/').next().unwrap_or(&path).to_string()
}

/// The set of error codes of a compile, `-` standing for an error without a code.
pub fn codes(diagnostics: &[Diagnostic]) -> BTreeSet<String> {
    diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(Diagnostic::code_or_dash)
        .collect()
}

/// The headline messages of the errors, in order.
pub fn headlines(diagnostics: &[Diagnostic]) -> Vec<String> {
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
        assert_eq!(d.primary.as_deref(), Some("7:5"));
        assert_eq!(d.labels, vec!["7:5: `Rc<i32>` cannot be sent"]);
        assert_eq!(
            d.children,
            vec!["note: required by a bound in `spawn` (at $RUST/std/src/thread/mod.rs)"]
        );
    }
}
