//! The chain of a borrow-family error (E0373, E0382, E0597, E0310 and the other borrow and move
//! errors around threads): rustc prints no obligation notes for them, but its labels say the
//! same story in other words: the borrowed or moved value, the closure, async block, thread or
//! scope that takes it, and what demands that it outlive the function (`'static`). Read from
//! the error's spans and notes; nothing is guessed where rustc's labels say nothing.

use crate::engine::chain::short_at;
use crate::engine::diagnostic::Diagnostic;
use serde::Serialize;

/// The borrow story of one error.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub(crate) struct Borrow {
    /// The value borrowed or moved (`x`), or the type parameter (`F`).
    pub(crate) value: String,
    /// Where rustc shows it borrowed, or used after the move.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) value_at: Option<String>,
    /// "borrowed" or "used after the move".
    #[serde(skip)]
    how: &'static str,
    /// What takes it: `the closure`, `the async block`, `the moved-into closure`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) by_at: Option<String>,
    /// What the value must outlive or where it was moved before (`'static`, a loop).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) demand: Option<String>,
}

/// The borrow codes whose chain this reads.
const CODES: [&str; 9] = [
    "E0373", "E0382", "E0597", "E0310", "E0499", "E0502", "E0505", "E0506", "E0716",
];

/// The borrow story of an error of the borrow family, if rustc's words give its value.
pub(crate) fn borrow_of(d: &Diagnostic) -> Option<Borrow> {
    if !CODES.contains(&d.code_or_dash().as_str()) {
        return None;
    }
    let mut b = Borrow {
        value: value_of(&d.message)?,
        ..Borrow::default()
    };
    let holder = if d.message.starts_with("async block") {
        "the async block"
    } else {
        "the closure"
    };
    for s in &d.spans {
        let (Some(label), at) = (s.label.as_deref(), short_at(&s.at).to_string()) else {
            continue;
        };
        let in_program = at.as_bytes().first().is_some_and(u8::is_ascii_digit);
        let at = in_program.then_some(at);
        if label.starts_with("may outlive borrowed value") {
            b.by = Some(holder.into());
            b.by_at = at;
        } else if label.starts_with("value moved into closure here") {
            b.by = Some("the closure it was moved into".into());
            b.by_at = at;
            if label.contains("previous iteration of loop") {
                b.demand = Some("moved in a previous iteration of the loop".into());
            }
        } else if label.ends_with("is borrowed here")
            || label.starts_with("borrowed value does not live long enough")
            || label.starts_with("value used here after move")
        {
            b.how = if label.starts_with("value used") {
                "used after the move"
            } else {
                "borrowed"
            };
            b.value_at = b.value_at.or(at);
        } else if label.contains("is borrowed for `'static`")
            || label.contains("must be valid for the static lifetime")
        {
            b.demand = Some(format!("must outlive `'static`{}", place(" at ", &at)));
        }
    }
    for c in &d.children {
        if c.message.contains("to outlive `'static`") {
            let at = c
                .spans
                .iter()
                .find(|s| s.primary)
                .map(|s| short_at(&s.at).to_string());
            let at = at.filter(|a| a.as_bytes().first().is_some_and(u8::is_ascii_digit));
            b.demand = Some(format!(
                "must outlive `'static`{}",
                place(": the call at ", &at)
            ));
        }
    }
    Some(b)
}

fn place(prefix: &str, at: &Option<String>) -> String {
    at.as_ref()
        .map(|a| format!("{prefix}{a}"))
        .unwrap_or_default()
}

/// The value a borrow-family headline names: "…but it borrows `x`, which…", "use of moved
/// value: `q`", "`x` does not live long enough", "the parameter type `F` may not live…".
fn value_of(message: &str) -> Option<String> {
    let quoted = |s: &str| s.split('`').nth(1).map(String::from);
    if let Some(rest) = message.split_once("it borrows ") {
        return quoted(rest.1);
    }
    quoted(message)
}

impl Borrow {
    /// One line: `` `x` (borrowed at 10:28)  →  by the closure at 9:36  →  must outlive
    /// `'static`: the call at 9:22 ``.
    pub(crate) fn to_line(&self) -> String {
        let mut parts = vec![format!(
            "`{}`{}",
            self.value,
            self.value_at
                .as_ref()
                .map(|a| format!(" ({} at {a})", self.how))
                .unwrap_or_default()
        )];
        if let Some(by) = &self.by {
            parts.push(format!("by {by}{}", place(" at ", &self.by_at)));
        }
        if let Some(d) = &self.demand {
            parts.push(d.clone());
        }
        parts.join("  →  ")
    }
}
