//! `sendsync list`: the cases of the corpus, as a table or JSON.

use super::args::ListArgs;
use super::common::CmdResult;
use super::programs::load_corpus;
use sendsync::input::case::{Case, Expectation};
use sendsync::input::corpus::{self, Corpus};
use sendsync::render::{render, Report};
use serde::Serialize;

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
    print!(
        "{}",
        render(&ListReport(&corpus), args.format.into()).expect("text or JSON")
    );
    Ok(0)
}

/// The corpus's cases (`sendsync.list/1` in `docs/json.md`).
struct ListReport<'a>(&'a Corpus);

impl ListReport<'_> {
    fn count(&self, wanted: &str) -> usize {
        self.0.cases.iter().filter(|c| wants(c) == wanted).count()
    }
}

impl Report for ListReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.list/1"
    }

    fn json(&self) -> impl Serialize + '_ {
        let corpus = self.0;
        let (fails, lints) = (self.count("fail"), self.count("lint"));
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
        serde_json::json!({
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
        })
    }

    fn text(&self) -> String {
        let corpus = self.0;
        let (fails, lints) = (self.count("fail"), self.count("lint"));
        let w = corpus.cases.iter().map(|c| c.name.len()).max().unwrap_or(4);
        let mut out = format!(
            "{:<13} {:<w$}  {:<5} {:<14} book\n",
            "topic", "name", "wants", "codes/lints"
        );
        for c in &corpus.cases {
            let book = c
                .book
                .as_deref()
                .map(|b| format!("Listing {b}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "{:<13} {:<w$}  {:<5} {:<14} {}\n",
                c.topic,
                c.name,
                wants(c),
                codes_of(c),
                book
            ));
        }
        out.push_str(&format!(
            "\n{} cases in {} topics: {} fail, {} lint, {} pass\n",
            corpus.cases.len(),
            corpus.topics.len(),
            fails,
            lints,
            corpus.cases.len() - fails - lints
        ));
        out
    }
}
