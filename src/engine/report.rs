//! Rendering results: terminal tables, JSON, and self-contained HTML. How results are shown is
//! kept apart from how they are computed.

use crate::engine::check::{Checked, Compared, Comparison, Verdict};
use crate::engine::compile::Kind;
use crate::render::Report;
use crate::toolchain::Toolchain;
use serde::Serialize;
use std::collections::BTreeMap;

// The comparisons live in `crate::engine::difference`, which the computing modules use too; they are
// re-exported here for the renderers.
pub use crate::engine::difference::{diff, first_difference, first_difference_as};

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
pub(crate) struct ToolchainJson<'a> {
    pub(crate) name: &'a str,
    pub(crate) release: &'a str,
    pub(crate) commit_hash: &'a str,
    pub(crate) commit_date: &'a str,
}

impl<'a> From<&'a Toolchain> for ToolchainJson<'a> {
    fn from(t: &'a Toolchain) -> Self {
        ToolchainJson {
            name: &t.name,
            release: &t.release,
            commit_hash: &t.commit_hash,
            commit_date: &t.commit_date,
        }
    }
}

#[derive(Serialize)]
struct CaseJson<'a> {
    path: String,
    name: &'a str,
    topic: &'a str,
    expected: String,
    outcome: Option<&'a Kind>,
    codes: Vec<String>,
    messages: Vec<String>,
    verdict: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    reason: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    run_exit_code: Option<i32>,
    /// The run of a passing case: exit code, why it failed, the tail of its output.
    #[serde(skip_serializing_if = "Option::is_none")]
    run: Option<&'a crate::engine::compile::Run>,
    /// The obligation chain of each E0277 / future-not-`Send` error (see [`crate::engine::chain`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    chains: Vec<crate::engine::chain::Chain>,
    cached: bool,
    /// `codes` or `stderr` (see [`Compared`]); absent when the case was not compiled.
    #[serde(skip_serializing_if = "Option::is_none")]
    compared: Option<&'static str>,
}

#[derive(Serialize)]
struct CheckJson<'a> {
    toolchain: ToolchainJson<'a>,
    /// `stderr` or `codes`: what `check --compare` asked for.
    comparison: &'static str,
    cases: Vec<CaseJson<'a>>,
    summary: BTreeMap<&'static str, usize>,
}

pub(crate) fn summary(results: &[Checked]) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for r in results {
        *counts.entry(r.verdict.as_str()).or_insert(0) += 1;
    }
    counts.insert("total", results.len());
    counts.insert("cached", results.iter().filter(|r| r.cached).count());
    counts
}

/// A check's result: its report in each format (`sendsync.check/1` in `docs/json.md`).
pub struct CheckReport<'a> {
    pub toolchain: &'a Toolchain,
    pub results: &'a [Checked],
    /// What the verdicts compared (`check --compare`).
    pub comparison: Comparison,
    /// The text lists every case, not only those that are not `ok` (`check --all`).
    pub all: bool,
}

impl Report for CheckReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.check/1"
    }

    fn text(&self) -> String {
        check_text(self.toolchain, self.results, self.all, self.comparison)
    }

    fn json(&self) -> impl Serialize + '_ {
        check_body(self.toolchain, self.results, self.comparison)
    }

    fn html(&self) -> Option<String> {
        Some(check_html(self.toolchain, self.results))
    }
}

fn check_body<'a>(
    toolchain: &'a Toolchain,
    results: &'a [Checked],
    comparison: Comparison,
) -> CheckJson<'a> {
    let cases = results
        .iter()
        .map(|r| CaseJson {
            path: r.case.path.display().to_string(),
            name: &r.case.name,
            topic: &r.case.topic,
            expected: r.case.expectation.label(),
            outcome: r.outcome.as_ref().map(|o| &o.kind),
            codes: r
                .outcome
                .as_ref()
                .map(|o| o.codes().into_iter().collect())
                .unwrap_or_default(),
            messages: r
                .outcome
                .as_ref()
                .map(|o| o.headlines())
                .unwrap_or_default(),
            verdict: r.verdict.as_str(),
            reason: &r.reason,
            run_exit_code: r
                .outcome
                .as_ref()
                .and_then(|o| o.run.as_ref())
                .and_then(|r| r.exit_code),
            run: r.outcome.as_ref().and_then(|o| o.run.as_ref()),
            chains: r
                .outcome
                .as_ref()
                .map(|o| crate::engine::chain::chains(&o.diagnostics, Some(&r.case.source)))
                .unwrap_or_default(),
            cached: r.cached,
            compared: (r.compared != Compared::Nothing).then(|| r.compared.as_str()),
        })
        .collect();
    CheckJson {
        toolchain: toolchain.into(),
        comparison: comparison.as_str(),
        cases,
        summary: summary(results),
    }
}

fn outcome_label(r: &Checked) -> String {
    match &r.outcome {
        None => "-".into(),
        Some(o) => {
            let kind = match o.kind {
                // Compiled, but its run failed (a non-zero exit, a signal, a thread's panic).
                Kind::Pass if !o.ran_clean() => "run-fail",
                Kind::Pass => "pass",
                Kind::Fail => "fail",
                Kind::Timeout => "timeout",
                Kind::Ice => "ice",
            };
            let codes: Vec<String> = o.codes().into_iter().collect();
            if codes.is_empty() {
                kind.to_string()
            } else {
                format!("{kind} {}", codes.join(" "))
            }
        }
    }
}

/// The terminal report: every case that is not `ok` with its reason, then a summary line.
/// With `all`, every case is listed.
pub fn check_text(
    toolchain: &Toolchain,
    results: &[Checked],
    all: bool,
    comparison: Comparison,
) -> String {
    let mut out = String::new();
    let width = results
        .iter()
        .map(|r| r.case.name.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let shown: Vec<&Checked> = results
        .iter()
        .filter(|r| all || !matches!(r.verdict, Verdict::Ok | Verdict::NotApplicable))
        .collect();
    if !shown.is_empty() {
        out.push_str(&format!(
            "{:<14} {:<w$}  {:<22} {:<22} {}\n",
            "verdict",
            "case",
            "expected",
            "observed",
            "topic",
            w = width
        ));
        for r in &shown {
            out.push_str(&format!(
                "{:<14} {:<w$}  {:<22} {:<22} {}\n",
                r.verdict.as_str(),
                r.case.name,
                r.case.expectation.label(),
                outcome_label(r),
                r.case.topic,
                w = width
            ));
            if !r.reason.is_empty() && r.verdict != Verdict::NoExpectation {
                for line in r.reason.lines() {
                    out.push_str(&format!("    {line}\n"));
                }
            }
        }
        out.push('\n');
    }
    out.push_str(&topic_table(results));
    let counts = summary(results);
    let parts: Vec<String> = counts
        .iter()
        .filter(|(k, _)| !matches!(**k, "total" | "cached"))
        .map(|(k, v)| format!("{v} {k}"))
        .collect();
    let cached = counts["cached"];
    out.push_str(&format!(
        "{} cases on {} ({}): {}; {} from cache\n",
        results.len(),
        toolchain.name,
        toolchain.release,
        parts.join(", "),
        cached
    ));
    out.push_str(&comparison_line(results, comparison));
    out
}

/// What the verdicts compared, in a line.
fn comparison_line(results: &[Checked], comparison: Comparison) -> String {
    match comparison {
        Comparison::Codes => {
            "compared by error codes only (--compare codes): no `.stderr` was read\n".into()
        }
        Comparison::Stderr => {
            let n = results
                .iter()
                .filter(|r| r.compared == Compared::Stderr)
                .count();
            format!(
                "compared by stderr: {n} of {} cases against their `.stderr` (pinned files on {}; compiletest tests' as compiletest normalizes them), the others by outcome and error codes\n",
                results.len(),
                crate::toolchain::pinned()
            )
        }
    }
}

/// Verdict counts per topic, one line each, in the order topics first appear.
fn topic_table(results: &[Checked]) -> String {
    const COLUMNS: [Verdict; 6] = [
        Verdict::Ok,
        Verdict::Mismatch,
        Verdict::NotApplicable,
        Verdict::NoExpectation,
        Verdict::Timeout,
        Verdict::Ice,
    ];
    let mut topics: Vec<&str> = Vec::new();
    for r in results {
        if !topics.contains(&r.case.topic.as_str()) {
            topics.push(&r.case.topic);
        }
    }
    let width = topics.iter().map(|t| t.len()).max().unwrap_or(5).max(5);
    let mut out = format!("{:<width$} {:>6}", "topic", "cases");
    for v in COLUMNS {
        out.push_str(&format!(" {:>14}", v.as_str()));
    }
    out.push('\n');
    for topic in topics {
        let mine: Vec<&Checked> = results.iter().filter(|r| r.case.topic == topic).collect();
        out.push_str(&format!("{topic:<width$} {:>6}", mine.len()));
        for v in COLUMNS {
            let n = mine.iter().filter(|r| r.verdict == v).count();
            out.push_str(&format!(
                " {:>14}",
                if n == 0 {
                    "-".to_string()
                } else {
                    n.to_string()
                }
            ));
        }
        out.push('\n');
    }
    out.push('\n');
    out
}

pub(crate) const HTML_STYLE: &str = "body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:80em;padding:0 1em;color:#1d1d1f}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}\
th{background:#f4f4f6}code,pre{font:13px/1.4 ui-monospace,monospace}pre{background:#f6f8fa;padding:.6em;overflow:auto}\
.ok{background:#e6f4ea}.mismatch,.outcome{background:#fdd}.timeout,.ice,.error,.codes{background:#fbe3c8}\
.headline{background:#fff3bf}.detail{background:#e7f0ff}.rendering{background:#eef}.identical{background:#e6f4ea}\
.not-applicable,.n-a,.missing,.no-expectation{background:#f2f2f2;color:#777}details summary{cursor:pointer}";

/// A self-contained HTML report of a check.
pub fn check_html(toolchain: &Toolchain, results: &[Checked]) -> String {
    let mut rows = String::new();
    for r in results {
        let detail = match &r.outcome {
            Some(o) if !o.stderr.is_empty() || !r.reason.is_empty() => format!(
                "<details><summary>output</summary><pre>{}</pre><pre>{}</pre></details>",
                html_escape(&r.reason),
                html_escape(&o.stderr)
            ),
            _ => html_escape(&r.reason),
        };
        rows.push_str(&format!(
            "<tr class=\"{v}\"><td>{v}</td><td>{topic}</td><td><code>{name}</code></td><td>{exp}</td><td>{obs}</td><td>{detail}</td></tr>\n",
            v = r.verdict.as_str(),
            topic = html_escape(&r.case.topic),
            name = html_escape(&r.case.name),
            exp = html_escape(&r.case.expectation.label()),
            obs = html_escape(&outcome_label(r)),
        ));
    }
    let counts = summary(results);
    let summary: Vec<String> = counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sendsync check: {tc}</title><style>{HTML_STYLE}</style></head><body>\
<h1>sendsync check</h1><p>Toolchain <code>{tc}</code> ({rel}, {hash} {date}). {summary}</p>\
<table><thead><tr><th>verdict</th><th>topic</th><th>case</th><th>expected</th><th>observed</th><th>details</th></tr></thead><tbody>\n{rows}</tbody></table></body></html>\n",
        tc = html_escape(&toolchain.name),
        rel = html_escape(&toolchain.release),
        hash = html_escape(&toolchain.commit_hash.chars().take(9).collect::<String>()),
        date = html_escape(&toolchain.commit_date),
        summary = html_escape(&summary.join(", ")),
    )
}
