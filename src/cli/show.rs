//! `sendsync show`: one case, with its pinned diagnostic, obligation chains and fixes.

use super::args::{Format, ShowArgs};
use super::common::CmdResult;
use super::programs::{find_case, load_corpus};
use sendsync::engine::chain::{self, Chain};
use sendsync::input::case::Case;
use sendsync::{drift::history, engine::report, input::corpus, toolchain};

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
    let format = args.format;
    let corpus = load_corpus()?;
    let case = find_case(&corpus, &args.name)?;
    let rel = case
        .path
        .strip_prefix(corpus::package_root())
        .unwrap_or(&case.path);
    let chains = pinned_chains(case);
    if let Format::Json = format {
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
        let json = serde_json::json!({
            "name": case.name,
            "path": rel.display().to_string(),
            "topic": case.topic,
            "title": case.title,
            "explanation": case.explanation,
            "expected": case.expectation.label(),
            "book": case.book,
            "min_rust": case.min_rust.as_ref().map(|v| v.to_string()),
            "pinned_toolchain": toolchain::pinned(),
            "stderr": std::fs::read_to_string(case.stderr_path()).ok(),
            "chains": chains,
            "fixes": fixes,
            "fix_for": corpus.repaired_by(&case.name).iter().map(|c| &c.name).collect::<Vec<_>>(),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&json).expect("plain data")
        );
        return Ok(0);
    }
    println!(
        "{}\n{}\n",
        case.title,
        "=".repeat(case.title.chars().count())
    );
    println!("{}\n", case.explanation);
    println!(
        "topic: {}   file: {}   expected: {}",
        case.topic,
        rel.display(),
        case.expectation.label()
    );
    if let Some(book) = &case.book {
        println!("Rust Book listing {book}");
    }
    if let Some(min) = &case.min_rust {
        println!("needs Rust {min} or newer");
    }
    println!("\n--- source ---\n{}", case.source.trim_end());
    if case.expectation.is_pinned() {
        let pinned = std::fs::read_to_string(case.stderr_path())
            .unwrap_or_else(|_| "(no pinned stderr)".into());
        println!(
            "\n--- pinned diagnostic ({}) ---\n{}",
            toolchain::pinned(),
            pinned.trim_end()
        );
        for chain in &chains {
            println!(
                "\n--- obligation chain: how `{}` is missing ---\n{}\n\n{}",
                chain.trait_name,
                chain.to_line(),
                chain.to_block().trim_end()
            );
        }
    }
    for (i, fix) in case.fix.iter().filter_map(|f| corpus.get(f)).enumerate() {
        let label = if i == 0 {
            "fix"
        } else {
            "another idiomatic fix"
        };
        println!("\n--- {label}: {} ({}) ---", fix.name, fix.title);
        print!(
            "{}",
            report::diff(&case.source, &fix.source)
                .replace("--- pinned", &format!("--- {}", case.name))
                .replace("+++ observed", &format!("+++ {}", fix.name))
        );
    }
    let fixes = corpus.repaired_by(&case.name);
    if !fixes.is_empty() {
        let names: Vec<&str> = fixes.iter().map(|c| c.name.as_str()).collect();
        println!("\nthis case is the fix for: {}", names.join(", "));
    }
    Ok(0)
}
