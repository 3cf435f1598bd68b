//! Each of the user's errors explained (its chain in the user's types and the nearest cases),
//! and the report as text or as JSON (`{"errors": [...]}`).

use super::borrow::{borrow_of, Borrow};
use super::index::Index;
use super::matching::Match;
use super::read::Found;
use super::shape::{first_chain, shape_of};
use crate::engine::chain::{Chain, Link};
use crate::input::case::Case;
use crate::input::corpus::Corpus;
use serde::Serialize;
use std::collections::HashMap;

/// One of the user's errors, explained.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Explained {
    file: String,
    line: usize,
    #[serde(skip)]
    column: usize,
    code: String,
    message: String,
    /// Whether it is a Send/Sync error (the others are listed and left alone).
    send_sync: bool,
    chain: Vec<Link>,
    /// A borrow-family error's chain: the value, what takes it, what it must outlive.
    #[serde(skip_serializing_if = "Option::is_none")]
    borrow: Option<Borrow>,
    #[serde(skip)]
    chain_line: Option<String>,
    matches: Vec<MatchOut>,
}

/// A match as `--format json` gives it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct MatchOut {
    name: String,
    path: String,
    title: String,
    score: f64,
    /// 1 for the nearest; equal scores share a rank (a tie).
    rank: usize,
    why: String,
}

/// Explains every error: its chain in the user's types and the three nearest cases.
pub(super) fn explain(found: &[Found], index: &Index) -> Vec<Explained> {
    found.iter().map(|f| explain_one(f, index)).collect()
}

fn explain_one(f: &Found, index: &Index) -> Explained {
    let shape = shape_of(&f.diagnostic, &f.snippet);
    let send_sync = shape.is_send_sync();
    let chain = first_chain(&f.diagnostic);
    let borrow = if send_sync {
        borrow_of(&f.diagnostic)
    } else {
        None
    };
    let matches = if send_sync {
        index
            .nearest(&shape, 3)
            .into_iter()
            .map(match_out)
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
        chain_line: chain
            .as_ref()
            .map(Chain::to_line)
            .or_else(|| borrow.as_ref().map(Borrow::to_line)),
        chain: chain.map(|c| c.links).unwrap_or_default(),
        borrow,
        matches,
    }
}

fn match_out(m: Match) -> MatchOut {
    MatchOut {
        path: format!("cases/{}/{}.rs", m.topic, m.name),
        name: m.name,
        title: m.title,
        score: m.score,
        rank: m.rank,
        why: m.why.join("; "),
    }
}

/// What `sendsync explain` shows, as every command's result is shown ([`crate::render`]).
pub(super) struct ExplainReport<'a> {
    pub(super) explained: &'a [Explained],
    pub(super) corpus: &'a Corpus,
    pub(super) verbose: bool,
}

impl crate::render::Report for ExplainReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.explain/1"
    }

    fn text(&self) -> String {
        to_text(self.explained, self.corpus, self.verbose)
    }

    /// `{"errors": [...]}`, after the schema (`docs/json.md`).
    fn json(&self) -> impl Serialize + '_ {
        serde_json::json!({ "errors": self.explained })
    }
}

/// The JSON alone (`{"schema": "sendsync.explain/1", "errors": [...]}`), for the tests.
#[cfg(test)]
pub(super) fn to_json(explained: &[Explained]) -> String {
    crate::render::versioned(
        "sendsync.explain/1",
        &serde_json::json!({ "errors": explained }),
    )
}

/// The text report: each error with its chain and the nearest cases with their reasons, then
/// the diff of the nearest case to its fix, code only. `verbose` adds each case's explanation
/// and its whole diff (the case's header and directives too).
pub(crate) fn to_text(explained: &[Explained], corpus: &Corpus, verbose: bool) -> String {
    let mut out = String::new();
    if explained.is_empty() {
        out.push_str("no errors: nothing to explain\n");
    }
    // A case near several errors is shown each time; its diff is computed once.
    let mut diffs: HashMap<(&str, bool), String> = HashMap::new();
    for e in explained {
        out.push_str(&headline(e));
        if !e.send_sync {
            out.push_str("  not a Send/Sync error\n\n");
            continue;
        }
        if let Some(line) = &e.chain_line {
            out.push_str(&format!("  chain: {line}\n"));
        }
        out.push_str("  nearest cases:\n");
        for m in &e.matches {
            let tied = e.matches.iter().filter(|o| o.rank == m.rank).count() > 1;
            let rank = if tied {
                format!("{}= ", m.rank)
            } else {
                format!("{}. ", m.rank)
            };
            out.push_str(&format!(
                "  {rank}{} ({}, score {}{})\n       why: {}\n",
                m.title,
                m.path,
                m.score,
                if tied { ", a tie" } else { "" },
                m.why
            ));
            if verbose {
                if let Some(case) = corpus.get(&m.name) {
                    explanation(&mut out, case);
                    fix(&mut out, case, corpus, &mut diffs, true);
                }
            }
        }
        let first = e.matches.first().and_then(|m| corpus.get(&m.name));
        if let (false, Some(case)) = (verbose, first) {
            fix(&mut out, case, corpus, &mut diffs, false);
        }
        out.push('\n');
    }
    out
}

/// `file:line:column: error[E0277]: message`, as rustc places an error.
fn headline(e: &Explained) -> String {
    let code = if e.code == "-" {
        String::new()
    } else {
        format!("[{}]", e.code)
    };
    format!(
        "{}:{}:{}: error{code}: {}\n",
        e.file, e.line, e.column, e.message
    )
}

/// A case's explanation, indented.
fn explanation(out: &mut String, case: &Case) {
    for l in case.explanation.lines() {
        out.push_str(&format!("       {l}\n").replace("       \n", "\n"));
    }
}

/// The diff from a case to its first fix: the program's code only (its `//!` header and `//@`
/// directives left out, as they are the corpus's, not the lesson's), or `whole`.
fn fix<'c>(
    out: &mut String,
    case: &'c Case,
    corpus: &'c Corpus,
    diffs: &mut HashMap<(&'c str, bool), String>,
    whole: bool,
) {
    let Some(fix) = case.fix.first().and_then(|f| corpus.get(f)) else {
        return;
    };
    out.push_str(&format!(
        "  fix of {}: {} ({})\n",
        case.name, fix.name, fix.title
    ));
    let diff = diffs.entry((case.name.as_str(), whole)).or_insert_with(|| {
        let (from, to) = if whole {
            (case.source.clone(), fix.source.clone())
        } else {
            (code_only(&case.source), code_only(&fix.source))
        };
        let diff = crate::engine::report::diff(&from, &to)
            .replace("--- pinned", &format!("--- {}", case.name))
            .replace("+++ observed", &format!("+++ {}", fix.name));
        diff.lines().map(|l| format!("       {l}\n")).collect()
    });
    out.push_str(diff);
}

/// A case's program without its `//!` header and `//@` directives, and the blank lines that
/// followed them.
fn code_only(source: &str) -> String {
    let kept: Vec<&str> = source
        .lines()
        .filter(|l| !l.starts_with("//!") && !l.starts_with("//@"))
        .skip_while(|l| l.trim().is_empty())
        .collect();
    kept.join("\n") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diagnostic::{Diagnostic, Span};

    fn span(at: &str, primary: bool, label: &str) -> Span {
        Span {
            at: at.into(),
            primary,
            label: Some(label.into()),
            replacement: None,
        }
    }

    fn found(d: Diagnostic, snippet: &str) -> Found {
        Found {
            file: "src/main.rs".into(),
            line: 9,
            column: 36,
            diagnostic: d,
            snippet: snippet.into(),
            rendered: None,
        }
    }

    /// E0373 around `thread::spawn`, as rustc's JSON gives it.
    fn e0373() -> Diagnostic {
        Diagnostic {
            level: "error".into(),
            code: Some("E0373".into()),
            message: "closure may outlive the current function, but it borrows `x`, which is owned by the current function".into(),
            spans: vec![
                span("9:36-9:38", true, "may outlive borrowed value `x`"),
                span("10:28-10:29", false, "`x` is borrowed here"),
            ],
            children: vec![Diagnostic {
                level: "note".into(),
                code: None,
                message: "function requires argument type to outlive `'static`".into(),
                spans: vec![Span {
                    at: "9:22-11:11".into(),
                    primary: true,
                    label: None,
                    replacement: None,
                }],
                children: vec![],
            }],
        }
    }

    #[test]
    fn a_borrow_family_error_has_a_chain_line() {
        let f = found(e0373(), "handles.push(thread::spawn(|| {\n");
        let e = &explain(&[f], &Index::default())[0];
        assert!(e.send_sync);
        let line = e.chain_line.as_deref().unwrap_or_default();
        assert_eq!(
            line,
            "`x` (borrowed at 10:28)  →  by the closure at 9:36  →  must outlive `'static`: the call at 9:22"
        );
    }

    #[test]
    fn equal_scores_are_shown_as_ties() {
        let d = e0373();
        let entry = |name: &str| super::super::index::Entry {
            name: name.into(),
            topic: "t".into(),
            title: name.into(),
            shape: shape_of(&d, "thread::spawn(|| {"),
        };
        let index = Index {
            entries: vec![entry("b"), entry("a"), entry("c")],
        };
        let f = found(e0373(), "thread::spawn(|| {");
        let json = to_json(&explain(&[f], &index));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let ranks: Vec<_> = v["errors"][0]["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["rank"].clone())
            .collect();
        assert_eq!(ranks, [1, 1, 1], "{json}");
    }
}
