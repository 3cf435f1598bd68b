//! The results of `sendsync miri` as text and JSON.

use super::*;

/// The JSON report: one object per program, `{"path","name","native","miri","headline"}`.
pub fn to_json(results: &[Checked], root: &Path) -> serde_json::Value {
    let rows: Vec<serde_json::Value> = results
        .iter()
        .map(|r| {
            serde_json::json!({
                "path": r.case.path.strip_prefix(root).unwrap_or(&r.case.path),
                "name": r.case.name,
                "native": r.native,
                "miri": r.verdict().map(Verdict::as_str),
                "headline": r.miri.as_ref().and_then(|m| m.headline.clone()),
                "expected": r.expected.map(Verdict::as_str),
                "problem": (!r.problem.is_empty()).then_some(&r.problem),
            })
        })
        .collect();
    serde_json::Value::Array(rows)
}

/// How many programs got each verdict, in the order of [`Verdict`].
pub(crate) fn counts(results: &[Checked]) -> Vec<(&'static str, usize)> {
    let all = [
        Verdict::Clean,
        Verdict::DataRace,
        Verdict::Deadlock,
        Verdict::Leak,
        Verdict::Ub,
        Verdict::Unsupported,
        Verdict::Timeout,
        Verdict::Failed,
        Verdict::Skipped,
    ];
    let mut out: Vec<(&'static str, usize)> = all
        .iter()
        .map(|v| {
            (
                v.as_str(),
                results.iter().filter(|r| r.verdict() == Some(*v)).count(),
            )
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    let not_run = results.iter().filter(|r| r.miri.is_none()).count();
    if not_run > 0 {
        out.push(("not run (does not compile)", not_run));
    }
    out
}

/// The text report: a line per program with a finding or a problem (every program with `all`),
/// then the counts.
pub fn to_text(results: &[Checked], root: &Path, all: bool) -> String {
    let mut out = String::new();
    for r in results {
        let finding = r.verdict().is_some_and(|v| v != Verdict::Clean);
        if !(all || finding || r.is_failure()) {
            continue;
        }
        let path = r.case.path.strip_prefix(root).unwrap_or(&r.case.path);
        let miri = r.verdict().map_or("not run", Verdict::as_str);
        out.push_str(&format!(
            "{} {}: native {}, Miri {}{}\n",
            if r.is_failure() { "✗" } else { " " },
            path.display(),
            r.native,
            miri,
            r.miri
                .as_ref()
                .and_then(|m| m.headline.as_deref())
                .map(|h| format!(": {h}"))
                .unwrap_or_default()
        ));
        if r.is_failure() {
            for line in r.problem.lines() {
                out.push_str(&format!("    {line}\n"));
            }
        }
    }
    let counts: Vec<String> = counts(results)
        .iter()
        .map(|(v, n)| format!("{n} {v}"))
        .collect();
    let failures = results.iter().filter(|r| r.is_failure()).count();
    out.push_str(&format!(
        "{} programs: {}; {} differ from their directives or pins\n",
        results.len(),
        counts.join(", "),
        failures
    ));
    out
}

/// What `sendsync miri` prints: the text report, or `{"programs": [...]}` with the rows of
/// [`to_json`] (`sendsync.miri/1` in `docs/json.md`).
pub struct MiriReport<'a> {
    pub results: &'a [Checked],
    /// What paths are relative to.
    pub root: &'a Path,
    /// The text lists every program (`miri --all`).
    pub all: bool,
}

impl crate::render::Report for MiriReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.miri/1"
    }
    fn text(&self) -> String {
        to_text(self.results, self.root, self.all)
    }
    fn json(&self) -> impl Serialize + '_ {
        serde_json::json!({ "programs": to_json(self.results, self.root) })
    }
}
