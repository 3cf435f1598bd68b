//! Drift: how one case's outcome on one toolchain differs from the same case on a baseline.
//!
//! The classes are ordered by severity and computed from rustc's structured JSON, field by
//! field, never by diffing text: only `Rendering` looks at the rendered text, and only once
//! the structure is known to be equal.

use crate::compile::{Kind, Outcome};
use serde::{Deserialize, Serialize};

/// A cell of the matrix: a drift class, or a reason there is nothing to compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Drift {
    /// Below the case's `min-rust`: not drift.
    #[serde(rename = "n/a")]
    NotApplicable,
    /// The toolchain is not installed: not drift.
    #[serde(rename = "missing")]
    Missing,
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
    pub const CLASSES: [Drift; 9] = [
        Drift::Outcome,
        Drift::Codes,
        Drift::Headline,
        Drift::Detail,
        Drift::Rendering,
        Drift::Identical,
        Drift::NotApplicable,
        Drift::Missing,
        Drift::Ice,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Drift::NotApplicable => "n/a",
            Drift::Missing => "missing",
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
    pub fn is_drift(self) -> bool {
        self > Drift::Identical
    }
}

/// Classifies `other` against `base`: the most severe difference found.
pub fn classify(base: &Outcome, other: &Outcome) -> Drift {
    if base.kind == Kind::Ice || other.kind == Kind::Ice {
        return Drift::Ice;
    }
    if compiled(base) != compiled(other) {
        return Drift::Outcome;
    }
    if base.codes() != other.codes() {
        return Drift::Codes;
    }
    if base.headlines() != other.headlines() {
        return Drift::Headline;
    }
    if base.diagnostics != other.diagnostics {
        return Drift::Detail;
    }
    if base.stderr != other.stderr {
        return Drift::Rendering;
    }
    Drift::Identical
}

fn compiled(outcome: &Outcome) -> bool {
    matches!(outcome.kind, Kind::Pass)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile::Mode;
    use crate::diagnostic::Diagnostic;

    fn error(code: Option<&str>, message: &str, primary: &str, labels: &[&str]) -> Diagnostic {
        Diagnostic {
            level: "error".into(),
            code: code.map(String::from),
            message: message.into(),
            primary: Some(primary.into()),
            labels: labels.iter().map(|s| s.to_string()).collect(),
            children: vec![
                "note: required by a bound in `spawn` (at $RUST/std/src/thread/mod.rs)".into(),
            ],
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

    fn base() -> Outcome {
        fail(
            vec![error(Some("E0277"), "`Rc<i32>` cannot be sent between threads safely", "7:5", &["7:5: `Rc<i32>` cannot be sent"])],
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
    fn detail_label_note_or_span() {
        let mut label = base();
        label.diagnostics[0].labels[0] =
            "7:5: `Rc<i32>` cannot be sent between threads safely".into();
        assert_eq!(classify(&base(), &label), Drift::Detail);
        let mut note = base();
        note.diagnostics[0]
            .children
            .push("help: use `Arc` instead".into());
        assert_eq!(classify(&base(), &note), Drift::Detail);
        let mut span = base();
        span.diagnostics[0].primary = Some("7:19".into());
        assert_eq!(classify(&base(), &span), Drift::Detail);
        let mut warning = base();
        warning.diagnostics.push(Diagnostic {
            level: "warning".into(),
            code: Some("unused_variables".into()),
            message: "unused variable: `x`".into(),
            primary: None,
            labels: vec![],
            children: vec![],
        });
        assert_eq!(classify(&base(), &warning), Drift::Detail);
    }

    #[test]
    fn headline() {
        let mut other = base();
        other.diagnostics[0].message = "`Rc<i32>` cannot be sent between threads".into();
        other.diagnostics[0].labels.clear(); // a smaller change in the same cell does not mask it
        assert_eq!(classify(&base(), &other), Drift::Headline);
    }

    #[test]
    fn codes() {
        let mut other = base();
        other
            .diagnostics
            .push(error(Some("E0599"), "no method named `label`", "9:1", &[]));
        assert_eq!(classify(&base(), &other), Drift::Codes);
        let mut codeless = base();
        codeless.diagnostics[0].code = None;
        assert_eq!(classify(&base(), &codeless), Drift::Codes);
    }

    #[test]
    fn outcome_and_ice() {
        let mut compiled = fail(vec![], "");
        compiled.kind = Kind::Pass;
        assert_eq!(classify(&base(), &compiled), Drift::Outcome);
        assert_eq!(classify(&compiled, &base()), Drift::Outcome);
        let mut ice = base();
        ice.kind = Kind::Ice;
        assert_eq!(classify(&base(), &ice), Drift::Ice);
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
