//! Reading an error into its [`Shape`]: the structure of the error with the user's own names
//! taken out (the code, the headline with its quotations blanked, the trait, the culprit's
//! constructor, the chain's link kinds, the demanding bound, context words), and whether it is
//! a Send/Sync error at all.

use crate::engine::chain::{self, Chain, Kind};
use crate::engine::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The structure of one error, with the user's names taken out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shape {
    /// `E0277`, or `-` for an error without a code.
    pub code: String,
    /// The headline with every `quotation` blanked to `` `_` ``.
    pub headline: String,
    /// The trait not implemented (`Send`, `Sync`), for an obligation error.
    #[serde(rename = "trait")]
    pub trait_name: String,
    /// The culprit type's constructor (`Rc`, `Cell`, `dyn`, `*mut`), for an obligation error.
    pub culprit: String,
    /// The kinds of the chain's links between culprit and bound, sorted (`captured-by-closure`).
    pub kinds: Vec<String>,
    /// The demanding bound: std's item (`spawn`, `Scope::spawn`), `user-fn`, `static`, `cast`,
    /// `return-type`; empty where rustc names none.
    pub bound: String,
    /// Context words from the quoted lines (`spawn`, `scope`, `channel`, `lock`, `async`, ...).
    pub context: Vec<String>,
}

impl Shape {
    /// Whether the error belongs to the Send/Sync family: an obligation error about an auto
    /// trait, the codeless future error, a message naming `Send` or `Sync`, or a borrow or
    /// move error around threads, channels, locks, `async` or a `static`.
    pub(crate) fn is_send_sync(&self) -> bool {
        // An E0277 about `Display` or `Copy` is no lesson of this corpus; one about an auto
        // trait of threads (or of `catch_unwind`, which the corpus also teaches) is.
        const AUTO: [&str; 4] = ["Send", "Sync", "UnwindSafe", "RefUnwindSafe"];
        let auto = self.trait_name.rsplit("::").next().unwrap_or_default();
        if AUTO.contains(&auto) || self.headline.starts_with("future cannot be ") {
            return true;
        }
        if self.headline.contains("Send") || self.headline.contains("Sync") {
            return true;
        }
        const THREADS: [&str; 7] = [
            "spawn", "scope", "channel", "lock", "async", "static", "arc",
        ];
        THREAD_CODES.contains(&self.code.as_str())
            && self.context.iter().any(|c| THREADS.contains(&c.as_str()))
    }
}

/// Borrow, move and lifetime errors that are Send/Sync lessons when threads are around.
const THREAD_CODES: [&str; 17] = [
    "E0373", "E0382", "E0499", "E0502", "E0505", "E0506", "E0507", "E0521", "E0594", "E0596",
    "E0597", "E0716", "E0310", "E0282", "E0133", "E0015", "E0283",
];

/// Reduces an error to its shape. The same function serves the user's JSON, rendered text
/// read back by [`super::read_rendered`], and the corpus's recorded diagnostics.
pub fn shape_of(d: &Diagnostic, snippet: &str) -> Shape {
    let chain = first_chain(d);
    let mut shape = Shape {
        code: d.code_or_dash(),
        headline: blank_quotes(&d.message),
        ..Shape::default()
    };
    if let Some(c) = &chain {
        shape.trait_name = c.trait_name.clone();
        shape.culprit = c
            .culprit()
            .map(|l| chain::constructor(&l.subject))
            .unwrap_or_default();
        shape.kinds = link_kinds(c);
        shape.bound = bound_of(d, c);
        // A future returned as `impl Future + Send` has no "required by" note: rustc points at
        // the return type itself, which the quoted line shows.
        if shape.bound.is_empty() && snippet.contains("-> impl ") {
            shape.bound = "return-type".into();
        }
    }
    let notes: Vec<&str> = d.children.iter().map(|c| c.message.as_str()).collect();
    shape.context = context_of(snippet, &notes);
    shape
}

/// The kinds of the links between culprit and bound, sorted, each once.
fn link_kinds(c: &Chain) -> Vec<String> {
    let kinds: BTreeSet<&str> = c
        .links
        .iter()
        .filter(|l| {
            !matches!(
                l.kind,
                Kind::Culprit | Kind::RequiredByBound | Kind::Hidden | Kind::Unknown
            )
        })
        .map(|l| l.kind.as_str())
        .collect();
    kinds.into_iter().map(String::from).collect()
}

/// The error's first obligation chain, for an error that has one.
pub(super) fn first_chain(d: &Diagnostic) -> Option<Chain> {
    chain::is_chain_error(d)
        .then(|| {
            chain::chains(std::slice::from_ref(d), None)
                .into_iter()
                .next()
        })
        .flatten()
}

/// The demanding bound in a word: std's item with its generic arguments dropped
/// (`Scope::<'scope, 'env>::spawn` → `Scope::spawn`), `user-fn` for a bound declared outside
/// std (the user's own `fn run<F: Send>`, or another crate's), or the chain's `static`, cast or
/// return type.
fn bound_of(d: &Diagnostic, c: &Chain) -> String {
    let demanding = d.children.iter().rev().find_map(|ch| {
        let item = ch.message.strip_prefix("required by a bound in `")?;
        let item = item.split('`').next().unwrap_or(item);
        let std = ch
            .spans
            .iter()
            .find(|s| s.primary)
            .is_some_and(|s| s.at.starts_with("$RUST"));
        Some(if std {
            drop_generics(item)
        } else {
            "user-fn".to_string()
        })
    });
    if let Some(b) = demanding {
        return b;
    }
    match c.bound().map(|l| l.subject.as_str()) {
        Some(s) if s.starts_with("the cast to") => "cast".into(),
        Some(s) if s.contains("`static`") => "static".into(),
        Some(s) if s.contains("return type") => "return-type".into(),
        _ => String::new(),
    }
}

/// `Scope::<'scope, 'env>::spawn` → `Scope::spawn`.
fn drop_generics(item: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for ch in item.chars() {
        match ch {
            '<' => depth += 1,
            '>' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(ch),
            _ => {}
        }
    }
    out.replace("::::", "::")
}

/// `` `Rc<Config>` cannot be sent`` → `` `_` cannot be sent``.
fn blank_quotes(message: &str) -> String {
    let mut out = String::new();
    for (i, part) in message.split('`').enumerate() {
        if i % 2 == 1 {
            out.push_str("`_`");
        } else {
            out.push_str(part);
        }
    }
    out
}

/// Context words from the lines rustc quotes (and from its notes, only whether one says
/// `'static`: "function requires argument type to outlive `'static`"). Each word is a plain
/// substring test, so the browser's copy of it (`explain.js`) finds the same words.
fn context_of(text: &str, notes: &[&str]) -> Vec<String> {
    let has = |s: &str| text.contains(s);
    let notes_static = notes.iter().any(|n| n.contains("'static"));
    let mut out = Vec::new();
    let mut add = |w: &str, yes: bool| {
        if yes {
            out.push(w.to_string());
        }
    };
    add("spawn", has("spawn(") && !has(".spawn("));
    add("scope", has("scope") || has(".spawn("));
    add(
        "channel",
        has(".send(") || has(".recv(") || has("channel") || has("Sender") || has("Receiver"),
    );
    add("lock", has(".lock()") || has(".read()") || has(".write()"));
    add("async", has("async") || has(".await"));
    add("static", has("static ") || has("'static") || notes_static);
    add("arc", has("Arc"));
    add("loop", has("for ") || has("loop {") || has("while "));
    add("move", has("move |") || has("move||"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_quotations_and_generics() {
        assert_eq!(
            blank_quotes("closure may outlive the current function, but it borrows `v`"),
            "closure may outlive the current function, but it borrows `_`"
        );
        assert_eq!(
            drop_generics("Scope::<'scope, 'env>::spawn"),
            "Scope::spawn"
        );
        assert_eq!(drop_generics("spawn"), "spawn");
    }

    #[test]
    fn an_e0277_about_another_trait_is_not_send_sync() {
        let display = Shape {
            code: "E0277".into(),
            headline: "`_` doesn't implement `_`".into(),
            trait_name: "std::fmt::Display".into(),
            culprit: "Vec".into(),
            ..Shape::default()
        };
        assert!(!display.is_send_sync());
        let send = Shape {
            trait_name: "Send".into(),
            ..display
        };
        assert!(send.is_send_sync());
    }

    #[test]
    fn borrow_errors_belong_to_the_family_only_around_threads() {
        let e0382 = |snippet: &str| Shape {
            code: "E0382".into(),
            headline: "use of moved value: `_`".into(),
            context: context_of(snippet, &[]),
            ..Shape::default()
        };
        assert!(e0382("let h = thread::spawn(move || {").is_send_sync());
        assert!(!e0382("let b = a; println!(\"{a}\");").is_send_sync());
    }
}
