//! Reading an obligation error into its chain: which errors have one, the trait and the culprit
//! they name, and the demanding bound where rustc leaves it to the spans. The notes between
//! culprit and bound are read in `notes.rs`.

use super::names::simplify;
use super::notes::Notes;
use super::{link, Chain, Kind, Link};
use crate::engine::diagnostic::Diagnostic;

/// Whether a diagnostic is an obligation error whose chain we draw: an E0277 about an auto
/// trait, or the codeless "future cannot be sent/shared between threads safely".
pub fn is_chain_error(d: &Diagnostic) -> bool {
    if !d.is_error() {
        return false;
    }
    let future = d.code.is_none() && is_future_headline(&d.message);
    future || d.code.as_deref() == Some("E0277") && trait_of(d).is_some()
}

/// rustc's codeless headline about a future: "future cannot be sent between threads safely",
/// and the older wordings of it ("generator cannot be …", which many posts still carry, and
/// "coroutine cannot be …").
pub fn is_future_headline(message: &str) -> bool {
    [
        "future cannot be ",
        "generator cannot be ",
        "coroutine cannot be ",
    ]
    .iter()
    .any(|p| message.starts_with(p))
}

/// The chains of every obligation error among `diagnostics`, in their order. `source` is the
/// program the diagnostics are about, where there is one: it settles the one link rustc
/// leaves to its spans (a future whose primary span is an `impl Future + Send` return type
/// has no "required by" note; the bound is that return type).
pub fn chains(diagnostics: &[Diagnostic], source: Option<&str>) -> Vec<Chain> {
    diagnostics
        .iter()
        .filter(|d| is_chain_error(d))
        .map(|d| chain_of(d, source))
        .collect()
}

/// One error's chain: the culprit, what the notes add, and the demanding bound (an explicit
/// unknown where rustc names none).
fn chain_of(d: &Diagnostic, source: Option<&str>) -> Chain {
    let trait_name = trait_of(d).unwrap_or_else(|| "Send".into());
    let mut notes = Notes::new(d, culprit(d));
    for c in &d.children {
        notes.read(c);
    }
    let bound = notes.bound.or_else(|| return_type_bound(d, source));
    let mut links = notes.links;
    match bound {
        Some(b) => links.push(b),
        None => links.push(link(
            Kind::Unknown,
            "rustc names no demanding bound",
            None,
            None,
        )),
    }
    Chain {
        trait_name,
        error: d.message.clone(),
        at: primary_at(d),
        links,
    }
}

/// The first link: the type rustc's help names (else the headline's), or an explicit unknown.
fn culprit(d: &Diagnostic) -> Link {
    let culprit = d
        .children
        .iter()
        .find_map(|c| not_implemented(&c.message))
        .map(|(_, ty)| ty.to_string())
        .or_else(|| headline_type(&d.message));
    match culprit {
        Some(ty) => link(Kind::Culprit, &simplify(&ty), None, None),
        None => link(Kind::Unknown, "rustc names no culprit type", None, None),
    }
}

/// A future returned as `impl Future + Send`, when no note names the bound: rustc points at the
/// return type itself, which only the source shows.
fn return_type_bound(d: &Diagnostic, source: Option<&str>) -> Option<Link> {
    let primary = d.spans.iter().find(|s| s.primary);
    let ret = primary.and_then(|s| Some((s, text_at(source?, &s.at)?)));
    let (span, text) = ret.filter(|(_, t)| t.starts_with("impl "))?;
    Some(link(
        Kind::RequiredByBound,
        &format!("the return type `{text}`"),
        case_at(&span.at),
        None,
    ))
}

/// The source text a one-line `line:col-line:col` span covers (columns count characters,
/// from 1, as in rustc's JSON).
fn text_at<'a>(source: &'a str, at: &str) -> Option<&'a str> {
    let (from, to) = at.split_once('-')?;
    let pos = |p: &str| -> Option<(usize, usize)> {
        let (l, c) = p.split_once(':')?;
        Some((l.parse().ok()?, c.parse().ok()?))
    };
    let ((l1, c1), (l2, c2)) = (pos(from)?, pos(to)?);
    if l1 != l2 || c2 < c1 || l1 == 0 || c1 == 0 {
        return None;
    }
    let line = source.lines().nth(l1 - 1)?;
    let byte = |c: usize| {
        line.char_indices()
            .map(|(i, _)| i)
            .chain([line.len()])
            .nth(c - 1)
    };
    line.get(byte(c1)?..byte(c2)?)
}

/// The auto trait an error is about, from its help ("the trait `Send` is not implemented for
/// ...") or, failing that, its headline.
fn trait_of(d: &Diagnostic) -> Option<String> {
    if let Some((t, _)) = d.children.iter().find_map(|c| not_implemented(&c.message)) {
        return Some(t.to_string());
    }
    let m = &d.message;
    if m.ends_with("cannot be sent between threads safely") {
        Some("Send".into())
    } else if m.ends_with("cannot be shared between threads safely") {
        Some("Sync".into())
    } else if m.ends_with("may not be safely transferred across an unwind boundary") {
        Some("UnwindSafe".into())
    } else {
        None
    }
}

/// `..the trait `Send` is not implemented for `Rc<i32>`..` → (`Send`, `Rc<i32>`).
fn not_implemented(message: &str) -> Option<(&str, &str)> {
    let rest = &message[message.find("the trait `")? + "the trait `".len()..];
    let (name, rest) = rest.split_once('`')?;
    let rest = rest.strip_prefix(" is not implemented for `")?;
    Some((name, until_closing_tick(rest)))
}

/// The text up to the backtick that closes this quotation. Types never contain backticks,
/// so the first one closes it.
pub(super) fn until_closing_tick(s: &str) -> &str {
    s.split('`').next().unwrap_or(s)
}

/// A span inside the case, or nothing: std's spans (`$RUST/...`), other files, and the dummy
/// `1:1-1:1` rustc gives items whose source it does not have.
pub(super) fn case_at(at: &str) -> Option<String> {
    let in_case = at.as_bytes().first().is_some_and(u8::is_ascii_digit);
    (in_case && at != "1:1-1:1").then(|| at.to_string())
}

pub(super) fn primary_at(d: &Diagnostic) -> Option<String> {
    d.spans
        .iter()
        .find(|s| s.primary)
        .and_then(|s| case_at(&s.at))
}

/// "`Rc<i32>` cannot be sent between threads safely" → `Rc<i32>`.
fn headline_type(message: &str) -> Option<String> {
    let rest = message.strip_prefix('`')?;
    let ty = until_closing_tick(rest);
    (!ty.is_empty() && message.contains(" cannot be ")).then(|| ty.to_string())
}

#[cfg(test)]
mod tests {
    use super::super::constructor;
    use super::super::fixtures::{child, error, kinds, span};
    use super::*;

    #[test]
    fn a_struct_field_through_a_closure_to_spawn() {
        let d = error(
            Some("E0277"),
            "`Rc<String>` cannot be sent between threads safely",
            vec![
                span(
                    "17:32-17:97",
                    true,
                    Some("`Rc<String>` cannot be sent between threads safely"),
                ),
                span(
                    "17:18-17:31",
                    false,
                    Some("required by a bound introduced by this call"),
                ),
            ],
            vec![
                child(
                    "help",
                    "within `Job`, the trait `Send` is not implemented for `Rc<String>`",
                    vec![],
                ),
                child(
                    "note",
                    "required because it appears within the type `Job`",
                    vec![span("9:8-9:11", true, None)],
                ),
                child(
                    "note",
                    "required because it's used within this closure",
                    vec![span("17:32-17:39", true, None)],
                ),
                child(
                    "note",
                    "required by a bound in `spawn`",
                    vec![span("$RUST/std/src/thread/functions.rs", true, None)],
                ),
            ],
        );
        let c = &chains(&[d], None)[0];
        assert_eq!(c.trait_name, "Send");
        assert_eq!(
            kinds(c),
            [
                "culprit",
                "within-type",
                "captured-by-closure",
                "required-by-bound"
            ]
        );
        assert_eq!(c.links[0].subject, "Rc<String>");
        assert_eq!(c.links[1].subject, "Job");
        assert_eq!(c.links[1].at.as_deref(), Some("9:8-9:11"));
        assert_eq!(c.links[2].subject, "{closure@17:32}");
        // The bound lives in std: the chain points at the call that introduced it.
        assert_eq!(c.links[3].subject, "a bound in `spawn`");
        assert_eq!(c.links[3].at.as_deref(), Some("17:18-17:31"));
        assert_eq!(
            c.to_line(),
            "Rc<String> (not Send)  →  within Job at 9:8  →  captured by the closure at 17:32  →  Send, required by a bound in `spawn` (call at 17:18)"
        );
    }

    #[test]
    fn a_reference_needs_sync_and_an_arc_needs_both() {
        let d = error(
            Some("E0277"),
            "`Cell<u32>` cannot be shared between threads safely",
            vec![span("19:21-19:73", true, None)],
            vec![
                child(
                    "help",
                    "the trait `Sync` is not implemented for `Cell<u32>`",
                    vec![],
                ),
                child(
                    "note",
                    "required for `&Cell<u32>` to implement `Send`",
                    vec![],
                ),
                child(
                    "note",
                    "required for `Arc<&Cell<u32>>` to implement `Send`",
                    vec![],
                ),
                child("note", "1 redundant requirement hidden", vec![]),
                child(
                    "note",
                    "required by a bound in `Scope::<'scope, 'env>::spawn`",
                    vec![span("$RUST/std/src/thread/scoped.rs", true, None)],
                ),
            ],
        );
        let c = &chains(&[d], None)[0];
        assert_eq!(c.trait_name, "Sync");
        assert_eq!(
            kinds(c),
            [
                "culprit",
                "reference-to",
                "required-for",
                "hidden",
                "required-by-bound"
            ]
        );
        assert_eq!(c.links[1].detail.as_deref(), Some("Send"));
        // No call label, no case span: the bound has no place in the case.
        assert_eq!(c.links[4].at, None);
    }

    #[test]
    fn an_rc_held_across_await() {
        let d = error(
            None,
            "future cannot be sent between threads safely",
            vec![span("28:18-28:37", true, Some("future returned by `load` is not `Send`"))],
            vec![
                child("help", "within `{async block@$DIR/cases/async/x.rs:24:5: 24:15}`, the trait `Send` is not implemented for `Rc<i32>`", vec![]),
                child(
                    "note",
                    "future is not `Send` as this value is used across an await",
                    vec![
                        span("23:17-23:22", true, Some("await occurs here, with `count` maybe used later")),
                        span("22:9-22:15", false, Some("has type `Rc<i32>` which is not `Send`")),
                    ],
                ),
                child("note", "required by a bound in `require_send`", vec![span("15:29-15:33", true, Some("required by this bound in `require_send`"))]),
            ],
        );
        let c = &chains(&[d], None)[0];
        // The held value's type is the culprit itself, so it is not repeated.
        assert_eq!(
            kinds(c),
            ["culprit", "held-across-await", "required-by-bound"]
        );
        assert_eq!(c.links[1].detail.as_deref(), Some("count"));
        assert_eq!(c.links[1].at.as_deref(), Some("23:17-23:22"));
        // A bound declared in the case points at itself.
        assert_eq!(c.links[2].at.as_deref(), Some("15:29-15:33"));
    }

    #[test]
    fn a_held_value_containing_the_culprit_is_its_own_link() {
        let d = error(
            None,
            "future cannot be sent between threads safely",
            vec![],
            vec![
                child("help", "the trait `Send` is not implemented for `dyn std::error::Error`", vec![]),
                child(
                    "note",
                    "future is not `Send` as this value is used across an await",
                    vec![span("22:9-22:15", false, Some("has type `Result<u16, Box<dyn std::error::Error>>` which is not `Send`"))],
                ),
                child("note", "required by a bound in an opaque type", vec![span("23:66-23:70", true, None)]),
            ],
        );
        let c = &chains(&[d], None)[0];
        assert_eq!(
            kinds(c),
            [
                "culprit",
                "within-type",
                "held-across-await",
                "required-by-bound"
            ]
        );
        assert_eq!(c.links[1].at.as_deref(), Some("22:9-22:15"));
        assert_eq!(constructor(&c.links[0].subject), "dyn");
    }

    #[test]
    fn a_value_captured_by_an_async_block() {
        let captured = error(
            None,
            "future cannot be sent between threads safely",
            vec![],
            vec![
                child(
                    "note",
                    "captured value is not `Send`",
                    vec![span(
                        "38:52-38:58",
                        true,
                        Some("has type `Rc<String>` which is not `Send`"),
                    )],
                ),
                child(
                    "note",
                    "required by a bound in `spawn`",
                    vec![span("22:22-22:26", true, None)],
                ),
            ],
        );
        let c = &chains(&[captured], None)[0];
        // No help names the culprit: the headline has no type either, so it is unknown,
        // and the captured value's type follows.
        assert_eq!(
            kinds(c),
            [
                "unknown",
                "within-type",
                "captured-by-future",
                "required-by-bound"
            ]
        );
        assert_eq!(c.unknowns(), 1);
    }

    #[test]
    fn a_static_demands_sync() {
        let stat = error(
            Some("E0277"),
            "`Cell<u8>` cannot be shared between threads safely",
            vec![span("8:14-8:22", true, None)],
            vec![
                child(
                    "help",
                    "the trait `Sync` is not implemented for `Cell<u8>`",
                    vec![],
                ),
                child(
                    "note",
                    "shared static variables must have a type that implements `Sync`",
                    vec![],
                ),
            ],
        );
        let c = &chains(&[stat], None)[0];
        assert_eq!(kinds(c), ["culprit", "required-by-bound"]);
        assert_eq!(c.links[1].subject, "a `static`");
        assert_eq!(c.links[1].at.as_deref(), Some("8:14-8:22"));
    }

    #[test]
    fn a_cast_to_a_trait_object_is_the_bound() {
        let cast = error(
            Some("E0277"),
            "`Rc<str>` cannot be sent between threads safely",
            vec![span("27:19-27:73", true, None)],
            vec![
                child("note", "required because it's used within this closure", vec![span("27:28-27:35", true, None)]),
                child("note", "required for the cast from `[closure@$DIR/cases/c/j.rs:27:28: 27:35]` to the object type `dyn FnOnce() + Send`", vec![]),
            ],
        );
        let c = &chains(&[cast], None)[0];
        // The culprit comes from the headline when no help names it.
        assert_eq!(
            kinds(c),
            ["culprit", "captured-by-closure", "required-by-bound"]
        );
        assert_eq!(c.links[0].subject, "Rc<str>");
        assert_eq!(c.links[2].subject, "the cast to `dyn FnOnce() + Send`");
    }

    #[test]
    fn no_bound_is_an_explicit_unknown_and_other_errors_have_no_chain() {
        let d = error(
            Some("E0277"),
            "`T` cannot be sent between threads safely",
            vec![],
            vec![child(
                "help",
                "consider restricting type parameter `T`",
                vec![],
            )],
        );
        let c = &chains(&[d], None)[0];
        assert_eq!(kinds(c), ["culprit", "unknown"]);
        assert_eq!(c.unknowns(), 1);
        let unrelated = error(Some("E0382"), "borrow of moved value: `v`", vec![], vec![]);
        let sized = error(
            Some("E0277"),
            "the size for values of type `str` cannot be known",
            vec![],
            vec![],
        );
        assert!(chains(&[unrelated, sized], None).is_empty());
    }

    #[test]
    fn an_impl_future_send_return_type_is_the_bound_when_the_source_shows_it() {
        let d = error(
            None,
            "future cannot be sent between threads safely",
            vec![span(
                "2:24-2:57",
                true,
                Some("future created by async block is not `Send`"),
            )],
            vec![child(
                "help",
                "the trait `Send` is not implemented for `Rc<u8>`",
                vec![],
            )],
        );
        let source = "// x\nfn summarize(n: u8) -> impl Future<Output = bool> + Send {\n";
        let c = &chains(std::slice::from_ref(&d), Some(source))[0];
        assert_eq!(kinds(c), ["culprit", "required-by-bound"]);
        assert_eq!(
            c.links[1].subject,
            "the return type `impl Future<Output = bool> + Send`"
        );
        // Without the source, nothing is guessed.
        assert_eq!(chains(&[d], None)[0].unknowns(), 1);
        assert_eq!(text_at("ab\ncdé f", "2:3-2:5"), Some("é "));
        assert_eq!(text_at("ab", "1:2-2:1"), None);
    }
}
