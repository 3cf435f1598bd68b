//! Drift: how one case's outcome on one toolchain differs from the same case on a baseline.
//!
//! The classes are ordered by severity and computed from rustc's structured JSON, field by
//! field, never by diffing text: only `Rendering` looks at the rendered text, and only once
//! the structure is known to be equal.
//!
//! What order means: rustc emits diagnostics in a stable order on one toolchain, but the order
//! is not part of what the compiler says. So headlines compare as a set (an error reworded is
//! `headline`, a reordered or repeated one is not), the full diagnostics as a multiset (a
//! diagnostic now emitted twice, or a label, note, span or suggestion changed, is `detail`),
//! and a pure reordering is `rendering`.

use crate::engine::compile::{Kind, Mode, Outcome};
use crate::engine::diagnostic::Diagnostic;
use crate::engine::normalize;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// A cell of the matrix: a drift class, or a reason there is nothing to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Drift {
    /// Below the case's `min-rust`: not drift.
    #[serde(rename = "n/a")]
    NotApplicable,
    /// The toolchain is not installed: not drift.
    #[serde(rename = "missing")]
    Missing,
    /// rustc overran its time limit (on either side): not drift, the machine's load.
    #[serde(rename = "timeout")]
    Timeout,
    /// The compiler crashed (on either side): not drift.
    #[serde(rename = "ice")]
    Ice,
    #[serde(rename = "identical")]
    Identical,
    /// Structure equal; only the rendered text differs (path forms, line art, "aborting" lines).
    #[serde(rename = "rendering")]
    Rendering,
    /// Labels, notes, helps, primary spans or warnings differ.
    #[serde(rename = "detail")]
    Detail,
    /// An error's headline message differs.
    #[serde(rename = "headline")]
    Headline,
    /// The set of error codes differs.
    #[serde(rename = "codes")]
    Codes,
    /// Compiles on one toolchain and not on the other.
    #[serde(rename = "outcome")]
    Outcome,
}

impl Drift {
    pub(crate) const CLASSES: [Drift; 10] = [
        Drift::Outcome,
        Drift::Codes,
        Drift::Headline,
        Drift::Detail,
        Drift::Rendering,
        Drift::Identical,
        Drift::NotApplicable,
        Drift::Missing,
        Drift::Timeout,
        Drift::Ice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Drift::NotApplicable => "n/a",
            Drift::Missing => "missing",
            Drift::Timeout => "timeout",
            Drift::Ice => "ice",
            Drift::Identical => "identical",
            Drift::Rendering => "rendering",
            Drift::Detail => "detail",
            Drift::Headline => "headline",
            Drift::Codes => "codes",
            Drift::Outcome => "outcome",
        }
    }

    /// Whether this is a real change (as opposed to identical or nothing to compare).
    pub(crate) fn is_drift(self) -> bool {
        self > Drift::Identical
    }
}

/// Classifies `other` against `base`: the most severe difference found.
pub fn classify(base: &Outcome, other: &Outcome) -> Drift {
    if base.kind == Kind::Ice || other.kind == Kind::Ice {
        return Drift::Ice;
    }
    if base.kind == Kind::Timeout || other.kind == Kind::Timeout {
        return Drift::Timeout;
    }
    if compiled(base) != compiled(other) {
        return Drift::Outcome;
    }
    // For a lint case, whether its lints fire is its outcome: a lint that arrived, left, or
    // changed its level (a warning that became an error changes `compiled` above).
    if linted(base, other) && base.lints() != other.lints() {
        return Drift::Outcome;
    }
    if base.codes() != other.codes() {
        return Drift::Codes;
    }
    if headline_set(base) != headline_set(other) {
        return Drift::Headline;
    }
    if sorted(base) != sorted(other) {
        return Drift::Detail;
    }
    if comparable(base) != comparable(other)
        || normalize::comparable(&base.stderr) != normalize::comparable(&other.stderr)
    {
        return Drift::Rendering;
    }
    Drift::Identical
}

/// What differs, in a line, for the classes that need saying: for `detail`, the first field
/// of the (sorted) diagnostics that differs; for `rendering`, whether the order or only the
/// text changed, and the first differing line.
pub fn explain(drift: Drift, base: &Outcome, other: &Outcome) -> String {
    match drift {
        Drift::Detail => {
            let json = |o: &Outcome| serde_json::to_value(sorted(o)).expect("plain data");
            crate::engine::difference::first_difference_as(
                &json(base),
                &json(other),
                ("baseline", "here"),
            )
            .map(|d| format!("diagnostics{d}"))
            .unwrap_or_default()
            .replace("diagnostics[", "diagnostic [")
        }
        Drift::Rendering if comparable(base) != comparable(other) => {
            "the same diagnostics in another order".into()
        }
        Drift::Rendering => {
            let (a, b) = (
                normalize::comparable(&base.stderr),
                normalize::comparable(&other.stderr),
            );
            let (a, b) = (a.lines(), b.lines());
            match a.zip(b).enumerate().find(|(_, (x, y))| x != y) {
                Some((i, (x, y))) => format!("text line {}: `{x}` became `{y}`", i + 1),
                None => "text length".into(),
            }
        }
        Drift::Outcome if linted(base, other) && base.lints() != other.lints() => {
            let (a, b) = (base.lints(), other.lints());
            let mut parts = Vec::new();
            for lint in b.difference(&a) {
                parts.push(format!("{lint} fires here, not on the baseline"));
            }
            for lint in a.difference(&b) {
                parts.push(format!("{lint} fires on the baseline, not here"));
            }
            parts.join("; ")
        }
        _ => String::new(),
    }
}

/// Whether either side was linted with clippy (a lint case).
fn linted(base: &Outcome, other: &Outcome) -> bool {
    base.mode == Mode::Lint || other.mode == Mode::Lint
}

/// The distinct errors' codes and messages.
fn headline_set(o: &Outcome) -> BTreeSet<(Option<&str>, &str)> {
    o.diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.code.as_deref(), d.message.as_str()))
        .collect()
}

/// Every diagnostic, in full, as a multiset (as compared: see [`comparable`]).
fn sorted(o: &Outcome) -> Vec<Diagnostic> {
    let mut all = comparable(o);
    all.sort();
    all
}

/// The diagnostics with the normalization steps that apply when comparing
/// ([`normalize::LATER_STEPS`]) applied to every span: what was recorded before a step existed
/// still compares equal.
fn comparable(o: &Outcome) -> Vec<Diagnostic> {
    fn one(d: &Diagnostic) -> Diagnostic {
        let mut d = d.clone();
        for span in &mut d.spans {
            span.at = normalize::comparable_span(&span.at);
        }
        d.children = d.children.iter().map(one).collect();
        d
    }
    o.diagnostics.iter().map(one).collect()
}

fn compiled(outcome: &Outcome) -> bool {
    matches!(outcome.kind, Kind::Pass)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::compile::Mode;
    use crate::engine::diagnostic::Span;

    fn span(at: &str, primary: bool, label: Option<&str>) -> Span {
        Span {
            at: at.into(),
            primary,
            label: label.map(String::from),
            replacement: None,
        }
    }

    fn note(message: &str) -> Diagnostic {
        Diagnostic {
            level: "note".into(),
            code: None,
            message: message.into(),
            spans: vec![],
            children: vec![],
        }
    }

    fn error(code: Option<&str>, message: &str, at: &str, label: Option<&str>) -> Diagnostic {
        Diagnostic {
            level: "error".into(),
            code: code.map(String::from),
            message: message.into(),
            spans: vec![span(at, true, label)],
            children: vec![Diagnostic {
                spans: vec![span("$RUST/std/src/thread/mod.rs", true, None)],
                ..note("required by a bound in `spawn`")
            }],
        }
    }

    fn fail(diagnostics: Vec<Diagnostic>, stderr: &str) -> Outcome {
        Outcome {
            kind: Kind::Fail,
            mode: Mode::Check,
            diagnostics,
            stderr: stderr.into(),
            run: None,
            millis: 0,
        }
    }

    const RC: &str = "`Rc<i32>` cannot be sent between threads safely";

    fn base() -> Outcome {
        fail(
            vec![error(Some("E0277"), RC, "7:5-7:18", Some("`Rc<i32>` cannot be sent"))],
            "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n --> cases/t/x.rs:7:5\n",
        )
    }

    #[test]
    fn identical() {
        assert_eq!(classify(&base(), &base()), Drift::Identical);
    }

    #[test]
    fn rendering_only() {
        let mut other = base();
        other.stderr = other.stderr.replace(" --> ", "  --> ");
        assert_eq!(classify(&base(), &other), Drift::Rendering);
    }

    #[test]
    fn detail_label_note_span_extent_child_label_suggestion_warning() {
        let mut label = base();
        label.diagnostics[0].spans[0].label = Some(RC.into());
        let mut help = base();
        help.diagnostics[0]
            .children
            .push(note_of("help: use `Arc` instead"));
        let mut start = base();
        start.diagnostics[0].spans[0].at = "7:19-7:25".into();
        // The span grew, its start unchanged (an `async` keyword became the whole block).
        let mut end = base();
        end.diagnostics[0].spans[0].at = "7:5-9:6".into();
        // A child note lost its own label.
        let mut child_label = base();
        child_label.diagnostics[0].children[0].spans[0].label =
            Some("is later dropped here".into());
        let mut suggestion = base();
        suggestion.diagnostics[0].spans[0].replacement = Some("Arc".into());
        let mut warning = base();
        warning.diagnostics.push(Diagnostic {
            level: "warning".into(),
            code: Some("unused_variables".into()),
            ..note("unused variable: `x`")
        });
        // The same diagnostic emitted twice: no message changed, but it is said twice.
        let mut repeated = base();
        repeated.diagnostics.push(repeated.diagnostics[0].clone());
        for (what, other) in [
            ("label", label),
            ("help", help),
            ("span start", start),
            ("span end", end),
            ("child label", child_label),
            ("suggestion", suggestion),
            ("warning", warning),
            ("repeated", repeated),
        ] {
            assert_eq!(classify(&base(), &other), Drift::Detail, "{what}");
        }
    }

    fn note_of(text: &str) -> Diagnostic {
        let (level, message) = text.split_once(": ").unwrap();
        Diagnostic {
            level: level.into(),
            ..note(message)
        }
    }

    /// A span in one of std's bundled dependencies (hashbrown, below `/rust/deps/`) moves with
    /// each release of that crate: as std's own line numbers, it is not what the compiler says
    /// about the program. A moved line in the case's own file stays a detail.
    #[test]
    fn a_moved_line_in_stds_bundled_dependencies_is_not_drift() {
        let within = |line: u32, version: &str| {
            let mut o = base();
            o.diagnostics[0].children.push(Diagnostic {
                spans: vec![span(&format!("map.rs:{line}:12-{line}:19"), true, None)],
                ..note("required because it appears within the type `hashbrown::map::HashMap<Rc<str>, u32, RandomState>`")
            });
            o.stderr.push_str(&format!(
                "note: required because it appears within the type `hashbrown::map::HashMap<Rc<str>, u32, RandomState>`\n  --> /rust/deps/hashbrown-{version}/src/map.rs:{line}:11\n"
            ));
            o
        };
        let (old, new) = (within(185, "0.16.1"), within(182, "0.17.1"));
        assert_eq!(classify(&old, &new), Drift::Identical);
        assert_eq!(classify(&new, &old), Drift::Identical);
        let mut moved = base();
        moved.diagnostics[0].spans[0].at = "8:5-8:18".into();
        assert_eq!(classify(&base(), &moved), Drift::Detail);
    }

    #[test]
    fn headline() {
        let mut other = base();
        other.diagnostics[0].message = "`Rc<i32>` cannot be sent between threads".into();
        other.diagnostics[0].spans.clear(); // a smaller change in the same cell does not mask it
        assert_eq!(classify(&base(), &other), Drift::Headline);
    }

    #[test]
    fn reordering_is_rendering_not_headline() {
        let a = error(Some("E0277"), RC, "7:5-7:18", None);
        let b = error(Some("E0382"), "use of moved value: `v`", "9:5-9:6", None);
        let ab = fail(vec![a.clone(), b.clone()], "A\nB\n");
        let ba = fail(vec![b, a], "B\nA\n");
        assert_eq!(classify(&ab, &ba), Drift::Rendering);
    }

    #[test]
    fn codes() {
        let mut other = base();
        other.diagnostics.push(error(
            Some("E0599"),
            "no method named `label`",
            "9:1-9:6",
            None,
        ));
        assert_eq!(classify(&base(), &other), Drift::Codes);
        let mut codeless = base();
        codeless.diagnostics[0].code = None;
        assert_eq!(classify(&base(), &codeless), Drift::Codes);
    }

    #[test]
    fn outcome_ice_and_timeout() {
        let mut compiled = fail(vec![], "");
        compiled.kind = Kind::Pass;
        assert_eq!(classify(&base(), &compiled), Drift::Outcome);
        assert_eq!(classify(&compiled, &base()), Drift::Outcome);
        let mut ice = base();
        ice.kind = Kind::Ice;
        assert_eq!(classify(&base(), &ice), Drift::Ice);
        // A timeout says more about the machine than the compiler: not drift, not `outcome`.
        let mut timeout = fail(vec![], "");
        timeout.kind = Kind::Timeout;
        assert_eq!(classify(&base(), &timeout), Drift::Timeout);
        assert_eq!(classify(&compiled, &timeout), Drift::Timeout);
        assert!(!Drift::Timeout.is_drift());
    }

    #[test]
    fn a_lint_that_arrives_is_outcome_drift() {
        let lint = |code: Option<&str>| {
            let mut o = fail(vec![], "");
            o.kind = Kind::Pass;
            o.mode = Mode::Lint;
            if let Some(code) = code {
                o.diagnostics.push(Diagnostic {
                    level: "warning".into(),
                    code: Some(code.into()),
                    ..note("usage of an `Arc` that is not `Send` and `Sync`")
                });
            }
            o
        };
        let (fires, silent) = (lint(Some("clippy::arc_with_non_send_sync")), lint(None));
        assert_eq!(classify(&fires, &silent), Drift::Outcome);
        assert_eq!(
            explain(Drift::Outcome, &fires, &silent),
            "clippy::arc_with_non_send_sync fires on the baseline, not here"
        );
        assert_eq!(classify(&fires, &fires.clone()), Drift::Identical);
        // In a case that is not linted, a new warning stays a detail.
        let (mut a, mut b) = (fires.clone(), silent.clone());
        a.mode = Mode::Check;
        b.mode = Mode::Check;
        assert_eq!(classify(&a, &b), Drift::Detail);
    }

    #[test]
    fn severity_order() {
        assert!(Drift::Outcome > Drift::Codes && Drift::Codes > Drift::Headline);
        assert!(Drift::Headline > Drift::Detail && Drift::Detail > Drift::Rendering);
        assert!(Drift::Rendering > Drift::Identical);
        assert!(
            !Drift::Missing.is_drift()
                && !Drift::NotApplicable.is_drift()
                && Drift::Rendering.is_drift()
        );
    }
}
