//! `sendsync show`: one case, with its pinned diagnostic, obligation chains and fixes.

use super::args::ShowArgs;
use super::common::CmdResult;
use super::programs::{find_case, load_corpus};
use sendsync::engine::chain::{self, Chain};
use sendsync::input::case::Case;
use sendsync::input::corpus::Corpus;
use sendsync::render::{render, Report};
use sendsync::{drift::history, engine::report, input::corpus, toolchain};
use serde::Serialize;
use std::path::Path;

/// The obligation chains of a case on the pinned toolchain, read from its committed history.
fn pinned_chains(case: &Case) -> Vec<Chain> {
    let path = history::History::path(&history::default_root(), case);
    let Ok(Some(h)) = history::History::load(&path) else {
        return vec![];
    };
    h.variant_on(toolchain::pinned())
        .map(|v| chain::chains(&v.diagnostics, Some(&case.source)))
        .unwrap_or_default()
}

pub fn run(args: ShowArgs) -> CmdResult {
    let corpus = load_corpus()?;
    let case = find_case(&corpus, &args.name)?;
    let report = ShowReport {
        corpus: &corpus,
        case,
        rel: case
            .path
            .strip_prefix(corpus::package_root())
            .unwrap_or(&case.path),
        chains: pinned_chains(case),
    };
    print!(
        "{}",
        render(&report, args.format.into()).expect("text or JSON")
    );
    Ok(0)
}

/// One case, with what the corpus and its history say of it (`sendsync.show/1` in
/// `docs/json.md`).
struct ShowReport<'a> {
    corpus: &'a Corpus,
    case: &'a Case,
    /// The case's file, relative to the package.
    rel: &'a Path,
    /// Its obligation chains on the pinned toolchain.
    chains: Vec<Chain>,
}

impl Report for ShowReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.show/1"
    }

    fn json(&self) -> impl Serialize + '_ {
        let (corpus, case) = (self.corpus, self.case);
        let fixes: Vec<serde_json::Value> = case
            .fix
            .iter()
            .filter_map(|f| corpus.get(f))
            .map(|fix| {
                serde_json::json!({
                    "name": fix.name,
                    "title": fix.title,
                    "diff": report::diff(&case.source, &fix.source),
                })
            })
            .collect();
        serde_json::json!({
            "name": case.name,
            "path": self.rel.display().to_string(),
            "topic": case.topic,
            "title": case.title,
            "explanation": case.explanation,
            "expected": case.expectation.label(),
            "book": case.book,
            "min_rust": case.min_rust.as_ref().map(|v| v.to_string()),
            "pinned_toolchain": toolchain::pinned(),
            "stderr": std::fs::read_to_string(case.stderr_path()).ok(),
            "chains": self.chains,
            "fixes": fixes,
            "fix_for": corpus.repaired_by(&case.name).iter().map(|c| &c.name).collect::<Vec<_>>(),
        })
    }

    fn text(&self) -> String {
        let (corpus, case) = (self.corpus, self.case);
        let mut out = format!(
            "{}\n{}\n\n{}\n\n",
            case.title,
            "=".repeat(case.title.chars().count()),
            case.explanation
        );
        out.push_str(&format!(
            "topic: {}   file: {}   expected: {}\n",
            case.topic,
            self.rel.display(),
            case.expectation.label()
        ));
        if let Some(book) = &case.book {
            out.push_str(&format!("Rust Book listing {book}\n"));
        }
        if let Some(min) = &case.min_rust {
            out.push_str(&format!("needs Rust {min} or newer\n"));
        }
        out.push_str(&format!("\n--- source ---\n{}\n", case.source.trim_end()));
        if case.expectation.is_pinned() {
            out.push_str(&self.pinned_text());
        }
        for (i, fix) in case.fix.iter().filter_map(|f| corpus.get(f)).enumerate() {
            let label = if i == 0 {
                "fix"
            } else {
                "another idiomatic fix"
            };
            out.push_str(&format!(
                "\n--- {label}: {} ({}) ---\n",
                fix.name, fix.title
            ));
            out.push_str(
                &report::diff(&case.source, &fix.source)
                    .replace("--- pinned", &format!("--- {}", case.name))
                    .replace("+++ observed", &format!("+++ {}", fix.name)),
            );
        }
        let fixes = corpus.repaired_by(&case.name);
        if !fixes.is_empty() {
            let names: Vec<&str> = fixes.iter().map(|c| c.name.as_str()).collect();
            out.push_str(&format!(
                "\nthis case is the fix for: {}\n",
                names.join(", ")
            ));
        }
        out
    }
}

impl ShowReport<'_> {
    /// The pinned diagnostic and its obligation chains.
    fn pinned_text(&self) -> String {
        let pinned = std::fs::read_to_string(self.case.stderr_path())
            .unwrap_or_else(|_| "(no pinned stderr)".into());
        let mut out = format!(
            "\n--- pinned diagnostic ({}) ---\n{}\n",
            toolchain::pinned(),
            pinned.trim_end()
        );
        for chain in &self.chains {
            out.push_str(&format!(
                "\n--- obligation chain: how `{}` is missing ---\n{}\n\n{}\n",
                chain.trait_name,
                chain.to_line(),
                chain.to_block().trim_end()
            ));
        }
        out
    }
}
