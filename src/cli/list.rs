//! `sendsync list`: the cases of the corpus, as a table or JSON.

use super::args::{Format, ListArgs};
use super::common::CmdResult;
use super::programs::load_corpus;
use sendsync::input::case::{Case, Expectation};
use sendsync::input::corpus;

fn codes_of(case: &Case) -> String {
    match &case.expectation {
        Expectation::Fail(codes) | Expectation::Lint(codes) => {
            codes.iter().cloned().collect::<Vec<_>>().join(" ")
        }
        _ => String::new(),
    }
}

/// What `list` says a case wants: `fail`, `lint` or `pass`.
fn wants(case: &Case) -> &'static str {
    if case.expectation.is_fail() {
        "fail"
    } else if case.expectation.is_lint() {
        "lint"
    } else {
        "pass"
    }
}

pub fn run(args: ListArgs) -> CmdResult {
    let corpus = load_corpus()?;
    let count = |wanted: &str| corpus.cases.iter().filter(|c| wants(c) == wanted).count();
    let (fails, lints) = (count("fail"), count("lint"));
    match args.format {
        Format::Json => {
            let mut codes = std::collections::BTreeSet::new();
            let cases: Vec<serde_json::Value> = corpus
                .cases
                .iter()
                .map(|c| {
                    if let Expectation::Fail(cs) = &c.expectation {
                        codes.extend(cs.iter().cloned());
                    }
                    serde_json::json!({
                        "topic": c.topic,
                        "name": c.name,
                        "title": c.title,
                        "path": c.path.strip_prefix(corpus::package_root()).unwrap_or(&c.path),
                        "expected": wants(c),
                        "codes": match &c.expectation { Expectation::Fail(cs) => cs.iter().cloned().collect(), _ => vec![] },
                        "lints": match &c.expectation { Expectation::Lint(ls) => ls.iter().cloned().collect(), _ => vec![] },
                        "fix": c.fix.first(),
                        "fixes": c.fix,
                        "book": c.book,
                        "min_rust": c.min_rust.as_ref().map(|v| v.to_string()),
                        "edition": c.edition,
                    })
                })
                .collect();
            let out = serde_json::json!({
                "cases": cases,
                "topics": corpus.topics.iter().map(|t| serde_json::json!({"name": t.name, "title": t.title, "cases": corpus.topic_cases(&t.name).count()})).collect::<Vec<_>>(),
                "codes": codes,
                "summary": {
                    "cases": corpus.cases.len(),
                    "topics": corpus.topics.len(),
                    "codes": codes.len(),
                    "pass": corpus.cases.len() - fails - lints,
                    "fail": fails,
                    "lint": lints,
                },
            });
            println!("{}", serde_json::to_string_pretty(&out).expect("json"));
        }
        Format::Text => {
            let w = corpus.cases.iter().map(|c| c.name.len()).max().unwrap_or(4);
            println!(
                "{:<13} {:<w$}  {:<5} {:<14} book",
                "topic", "name", "wants", "codes/lints"
            );
            for c in &corpus.cases {
                let verdict = wants(c);
                let book = c
                    .book
                    .as_deref()
                    .map(|b| format!("Listing {b}"))
                    .unwrap_or_default();
                println!(
                    "{:<13} {:<w$}  {:<5} {:<14} {}",
                    c.topic,
                    c.name,
                    verdict,
                    codes_of(c),
                    book
                );
            }
            println!(
                "\n{} cases in {} topics: {} fail, {} lint, {} pass",
                corpus.cases.len(),
                corpus.topics.len(),
                fails,
                lints,
                corpus.cases.len() - fails - lints
            );
        }
    }
    Ok(0)
}
