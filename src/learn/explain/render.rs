//! Each of the user's errors explained (its chain in the user's types and the nearest cases),
//! and the report as text or as JSON (`{"errors": [...]}`).

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
    why: String,
}

/// Explains every error: its chain in the user's types and the three nearest cases.
pub(crate) fn explain(found: &[Found], index: &Index) -> Vec<Explained> {
    found.iter().map(|f| explain_one(f, index)).collect()
}

fn explain_one(f: &Found, index: &Index) -> Explained {
    let shape = shape_of(&f.diagnostic, &f.snippet);
    let send_sync = shape.is_send_sync();
    let chain = first_chain(&f.diagnostic);
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
        chain_line: chain.as_ref().map(Chain::to_line),
        chain: chain.map(|c| c.links).unwrap_or_default(),
        matches,
    }
}

fn match_out(m: Match) -> MatchOut {
    MatchOut {
        path: format!("cases/{}/{}.rs", m.topic, m.name),
        name: m.name,
        title: m.title,
        score: m.score,
        why: m.why.join("; "),
    }
}

/// `{"schema": "sendsync.explain/1", "errors": [...]}` (`docs/json.md`).
pub(crate) fn to_json(explained: &[Explained]) -> String {
    crate::render::versioned(
        "sendsync.explain/1",
        &serde_json::json!({ "errors": explained }),
    )
}

/// The text report: each error with its chain and nearest cases, their explanation and the
/// diff to their first fix.
pub(crate) fn to_text(explained: &[Explained], corpus: &Corpus) -> String {
    let mut out = String::new();
    if explained.is_empty() {
        out.push_str("no errors: nothing to explain\n");
    }
    // A case near several errors is shown each time; its diff is computed once.
    let mut diffs: HashMap<&str, String> = HashMap::new();
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
            if let Some(case) = corpus.get(&m.name) {
                lesson(&mut out, case, corpus, &mut diffs);
            }
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

/// A case's explanation, indented, and the diff to its first fix.
fn lesson<'c>(
    out: &mut String,
    case: &'c Case,
    corpus: &'c Corpus,
    diffs: &mut HashMap<&'c str, String>,
) {
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
