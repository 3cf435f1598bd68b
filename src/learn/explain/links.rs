//! The finer structure of a shape: the culprit's class (which trait a `dyn` culprit is an object
//! of), the headline's family (wordings of one error from older and newer rustc), and the
//! chain's specific links (the constructors of the types that hold the culprit, and how a value
//! lives across `.await`), which tell apart errors whose coarse shapes are the same.

use crate::engine::chain::{self, Chain, Kind};

/// The culprit type's class: its constructor (`Rc`, `Cell`, `*mut`, `impl Future`), and for a
/// trait object the trait it is an object of, since `dyn Future`, `dyn Fn*`, `dyn Error` and
/// `dyn Any` are different lessons (the fix adds `+ Send` to a different thing):
/// `(dyn std::error::Error + 'static)` is `dyn Error`, `dyn FnMut() -> bool` is `dyn Fn`.
pub(super) fn culprit_class(ty: &str) -> String {
    let constructor = chain::constructor(ty);
    if constructor != "dyn" {
        return constructor;
    }
    let t = ty.trim().trim_start_matches(['&', '(']).trim_start();
    let t = t.strip_prefix("dyn ").unwrap_or(t);
    let head = t
        .split(['<', '(', ' ', '+', ')'])
        .next()
        .unwrap_or_default();
    let name = head.rsplit("::").next().unwrap_or(head);
    match name {
        "Fn" | "FnMut" | "FnOnce" => "dyn Fn".into(),
        "" => "dyn".into(),
        n => format!("dyn {n}"),
    }
}

/// One family of headlines that older or newer rustc words differently: "generator cannot be
/// sent" (before 1.76) and "coroutine cannot be sent" are "future cannot be sent"; "borrow of
/// moved value" and "use of moved value" are one E0382.
pub(super) fn headline_family(headline: &str) -> String {
    for old in ["generator cannot be ", "coroutine cannot be "] {
        if let Some(rest) = headline.strip_prefix(old) {
            return format!("future cannot be {rest}");
        }
    }
    if let Some(rest) = headline.strip_prefix("borrow of moved value") {
        return format!("use of moved value{rest}");
    }
    headline.to_string()
}

/// The chain's specific links, sorted, each once: the holding types by constructor, and the
/// shape of each `.await` link. `text` is what rustc quotes of the program (with, for a corpus
/// case, its lines from the held value to the await), where a `drop(var)` shows.
pub(super) fn specific_links(c: &Chain, text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in &c.links {
        let link = match l.kind {
            Kind::WithinType | Kind::RequiredFor if !l.subject.starts_with('&') => {
                format!("{}:{}", l.kind.as_str(), chain::constructor(&l.subject))
            }
            Kind::ReferenceTo | Kind::WithinType => "reference-to:&".into(),
            Kind::HeldAcrossAwait => held_shape(l.subject.as_str(), l.detail.as_deref(), text),
            // Whether the culprit ends up in a future's state or a closure's, whichever note
            // said it ("used within this `async` block", "captured value", a closure).
            Kind::CapturedByFuture => "in:future".into(),
            Kind::CapturedByClosure => "in:closure".into(),
            _ => continue,
        };
        let future = (l.kind == Kind::HeldAcrossAwait).then(|| "in:future".to_string());
        for w in future.into_iter().chain([link]) {
            if !out.contains(&w) {
                out.push(w);
            }
        }
    }
    out.sort();
    out
}

/// How a value lives across an `.await`: `awaited` (an awaited future), `held:drop` (a variable
/// passed to `drop` before the await, which does not end it for the compiler),
/// `held:temporary` (no variable: a temporary of the awaiting statement), `held:variable`.
fn held_shape(subject: &str, var: Option<&str>, text: &str) -> String {
    if subject == chain::AWAITED {
        return "awaited".into();
    }
    let Some(var) = var else {
        return "held:variable".into();
    };
    let var = var.strip_prefix("mut ").unwrap_or(var);
    let plain = !var.is_empty() && var.chars().all(|c| c.is_alphanumeric() || c == '_');
    if !plain {
        "held:temporary".into()
    } else if text.contains(&format!("drop({var})")) {
        "held:drop".into()
    } else {
        "held:variable".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_shapes() {
        assert_eq!(
            held_shape("the future", Some("mut log"), "drop(log);"),
            "held:drop"
        );
        assert_eq!(
            held_shape("the future", Some("log"), "log.push(1);"),
            "held:variable"
        );
        assert_eq!(
            held_shape("the future", Some("data.lock().unwrap()"), ""),
            "held:temporary"
        );
        assert_eq!(held_shape(chain::AWAITED, None, ""), "awaited");
    }
}
