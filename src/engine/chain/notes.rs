//! rustc's notes under an obligation error, one by one: each adds links between the culprit and
//! the bound (a type that holds the culprit, a closure or future that captures it, a value held
//! across an `.await`, a requirement rustc hid) or names the bound that demanded the trait.

use super::names::simplify;
use super::read::{case_at, primary_at, until_closing_tick};
use super::{link, short_at, Kind, Link};
use crate::engine::diagnostic::Diagnostic;

/// A chain being read from an error's notes, in their order.
pub(super) struct Notes<'a> {
    /// The error, whose primary span places a bound that has no span of its own.
    error: &'a Diagnostic,
    /// Where the call that introduced the bound is, from the error's own labels.
    call: Option<String>,
    pub(super) links: Vec<Link>,
    /// The demanding bound: a later note that names one replaces an earlier.
    pub(super) bound: Option<Link>,
}

impl<'a> Notes<'a> {
    pub(super) fn new(error: &'a Diagnostic, culprit: Link) -> Notes<'a> {
        let call = error
            .spans
            .iter()
            .find(|s| s.label.as_deref() == Some("required by a bound introduced by this call"))
            .and_then(|s| case_at(&s.at));
        Notes {
            error,
            call,
            links: vec![culprit],
            bound: None,
        }
    }

    /// Reads one note (a child of the error); a note none of these is adds nothing.
    pub(super) fn read(&mut self, c: &Diagnostic) {
        let m = c.message.as_str();
        let at = primary_at(c);
        if let Some(ty) = m.strip_prefix("required because it appears within the type `") {
            self.links.push(within(ty, at));
        } else if let Some(rest) = m.strip_prefix("required for `") {
            self.links.extend(required_for(rest, at));
        } else if m.starts_with("required for the cast from `") {
            self.bound = Some(self.cast(m, at));
        } else if m == "required because it's used within this closure" {
            self.links.push(used_within_closure(at));
        } else if let Some(rest) = m.strip_prefix("required because it's used within this ") {
            // "this `async` block", "this `async fn` body"
            let what = rest.replace('`', "");
            self.links
                .push(link(Kind::CapturedByFuture, &what, at, None));
        } else if is_future_note(m) && m.contains("awaits another future") {
            self.awaits_future(c, at);
        } else if is_future_note(m) && m.contains("used across an await") {
            self.held_across_await(c, at);
        } else if m.starts_with("captured value is not `") {
            self.captured_value(c, at);
        } else if let Some(item) = m.strip_prefix("required by a bound in `") {
            self.bound = Some(self.bound_in(item, at));
        } else if m == "required by a bound in an opaque type" {
            self.bound = Some(link(
                Kind::RequiredByBound,
                "the `impl Trait` return type's bound",
                at,
                None,
            ));
        } else if m.starts_with("shared static variables must have a type that implements `") {
            let at = primary_at(self.error);
            self.bound = Some(link(Kind::RequiredByBound, "a `static`", at, None));
        } else if let Some(hidden) = hidden(m) {
            self.links.push(hidden);
        }
    }

    /// "required for the cast from `{closure}` to the object type `dyn Fn() + Send`"
    fn cast(&self, m: &str, at: Option<String>) -> Link {
        let to = m.rsplit_once(" to ").map(|(_, to)| to).unwrap_or_default();
        let to = first_quoted(to).unwrap_or(to);
        link(
            Kind::RequiredByBound,
            &format!("the cast to `{}`", simplify(to)),
            at.or_else(|| primary_at(self.error)),
            None,
        )
    }

    /// "future is not `Send` as this value is used across an await", with spans labelled "has
    /// type `Rc<i32>` which is not `Send`" and "await occurs here, with `count` maybe used later".
    fn held_across_await(&mut self, c: &Diagnostic, at: Option<String>) {
        let held = c.spans.iter().find_map(|s| {
            let label = s.label.as_deref()?;
            let ty = label.strip_prefix("has type `")?;
            Some((until_closing_tick(ty).to_string(), case_at(&s.at)))
        });
        let var = c.spans.iter().find_map(|s| {
            let label = s.label.as_deref()?;
            let rest = label.strip_prefix("await occurs here, with `")?;
            Some(until_closing_tick(rest).to_string())
        });
        let (ty, held_at) = held.unwrap_or_else(|| ("a value".into(), None));
        // The held value's type (where the culprit is that type, the culprit now has a
        // place: the variable), then the await that keeps it.
        place_or_push(&mut self.links, &simplify(&ty), held_at);
        self.links
            .push(link(Kind::HeldAcrossAwait, "the future", at, var));
    }

    /// "future is not `Send` as it awaits another future which is not `Send`", with its span
    /// labelled "await occurs here on type `Pin<Box<dyn Future<…>>>`, which is not `Send`": the
    /// awaited future's type (the culprit, or a type holding it) at the await, then the await.
    fn awaits_future(&mut self, c: &Diagnostic, at: Option<String>) {
        let awaited = c.spans.iter().find_map(|s| {
            let label = s.label.as_deref()?;
            let ty = label.strip_prefix("await occurs here on type `")?;
            Some(until_closing_tick(ty).to_string())
        });
        if let Some(ty) = awaited {
            place_or_push(&mut self.links, &simplify(&ty), at.clone());
        }
        self.links
            .push(link(Kind::HeldAcrossAwait, AWAITED, at, None));
    }

    /// "captured value is not `Send`", with a span labelled "has type `Rc<String>` which is not
    /// `Send`".
    fn captured_value(&mut self, c: &Diagnostic, at: Option<String>) {
        let held = c.spans.iter().find_map(|s| {
            let label = s.label.as_deref()?;
            let ty = label.strip_prefix("has type `")?;
            Some(until_closing_tick(ty).to_string())
        });
        if let Some(ty) = held {
            place_or_push(&mut self.links, &simplify(&ty), at.clone());
        }
        self.links
            .push(link(Kind::CapturedByFuture, "the async block", at, None));
    }

    /// "required by a bound in `spawn`"
    fn bound_in(&self, item: &str, at: Option<String>) -> Link {
        let item = until_closing_tick(item);
        // A bound declared in the case points at itself; one in std points at the call
        // that introduced it. Either way the call is named where rustc labels it.
        let detail = self
            .call
            .as_ref()
            .map(|c| format!("call at {}", short_at(c)));
        let bound_at = at.or_else(|| self.call.clone());
        link(
            Kind::RequiredByBound,
            &format!("a bound in `{item}`"),
            bound_at,
            detail,
        )
    }
}

/// The subject of the link of an awaited future that is not `Send` (rustc's "awaits another
/// future"), as against a value held across the await.
pub const AWAITED: &str = "an awaited future";

/// A note about an async body's future: "future is not `Send` as …", and the older wording
/// ("generator is not `Send` as …", before rustc 1.76) or "coroutine".
fn is_future_note(m: &str) -> bool {
    [
        "future is not `",
        "generator is not `",
        "coroutine is not `",
    ]
    .iter()
    .any(|p| m.starts_with(p))
}

/// "required because it appears within the type `Job`": the type, closure or future that holds
/// the previous link.
fn within(ty: &str, at: Option<String>) -> Link {
    let ty = simplify(until_closing_tick(ty));
    let kind = if is_closure(&ty) {
        Kind::CapturedByClosure
    } else if is_future(&ty) {
        Kind::CapturedByFuture
    } else {
        Kind::WithinType
    };
    link(kind, &ty, at, None)
}

/// "required for `&Cell<u32>` to implement `Send`" (after its "required for `"): a reference or
/// a generic impl that needs the previous link.
fn required_for(rest: &str, at: Option<String>) -> Option<Link> {
    let (ty, tr) = rest.split_once("` to implement `")?;
    let ty = simplify(ty);
    let tr = until_closing_tick(tr);
    let kind = if ty.starts_with('&') {
        Kind::ReferenceTo
    } else {
        Kind::RequiredFor
    };
    Some(link(kind, &ty, at, Some(tr.to_string())))
}

/// "required because it's used within this closure": named by where it is.
fn used_within_closure(at: Option<String>) -> Link {
    let subject = at
        .as_deref()
        .map(|a| format!("{{closure@{}}}", short_at(a)))
        .unwrap_or_else(|| "a closure".into());
    link(Kind::CapturedByClosure, &subject, at, None)
}

/// "1 redundant requirement hidden", "2 redundant requirements hidden".
fn hidden(m: &str) -> Option<Link> {
    let subject = if let Some(n) = m.strip_suffix(" redundant requirement hidden") {
        format!("{n} redundant requirement")
    } else {
        let n = m.strip_suffix(" redundant requirements hidden")?;
        format!("{n} redundant requirements")
    };
    Some(link(Kind::Hidden, &subject, None, None))
}

/// A value of type `ty` at `at`: the last link, when it is that type, gets the place; any
/// other type is a link of its own, containing the last.
fn place_or_push(links: &mut Vec<Link>, ty: &str, at: Option<String>) {
    match links.last_mut() {
        Some(last) if last.subject == ty => {
            if last.at.is_none() {
                last.at = at;
            }
        }
        _ => links.push(link(Kind::WithinType, ty, at, None)),
    }
}

/// The first `...` quotation in a message.
fn first_quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    Some(until_closing_tick(&message[start..]))
}

fn is_closure(ty: &str) -> bool {
    ty.starts_with("{closure@")
}

fn is_future(ty: &str) -> bool {
    ty.starts_with("{async") || ty.starts_with("{coroutine") || ty.starts_with("impl Future")
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{child, error, kinds, span};
    use super::super::read::{chains, is_chain_error};

    #[test]
    fn an_awaited_future_that_is_not_send_is_a_link_with_its_await() {
        let d = error(
            None,
            "future cannot be sent between threads safely",
            vec![span("48:5-54:7", true, Some("future created by async block is not `Send`"))],
            vec![
                child("help", "the trait `Send` is not implemented for `dyn Future<Output = u8>`", vec![]),
                child(
                    "note",
                    "future is not `Send` as it awaits another future which is not `Send`",
                    vec![span("36:15-36:60", true, Some("await occurs here on type `Pin<Box<dyn Future<Output = u8>>>`, which is not `Send`"))],
                ),
                child("note", "required by a bound in `tokio::spawn`", vec![span("$CARGO/tokio-1.47.1/src/task/spawn.rs", true, None)]),
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
        assert_eq!(c.links[1].subject, "Pin<Box<dyn Future<Output = u8>>>");
        assert_eq!(c.links[1].at.as_deref(), Some("36:15-36:60"));
        assert_eq!(c.links[2].at.as_deref(), Some("36:15-36:60"));
        assert!(
            c.to_line()
                .contains("awaited at 36:15 (a future that is not Send)"),
            "{}",
            c.to_line()
        );
    }

    #[test]
    fn the_older_generator_wording_is_a_future_error() {
        let d = error(
            None,
            "generator cannot be sent between threads safely",
            vec![span("59:5-63:7", true, None)],
            vec![
                child(
                    "help",
                    "the trait `Sync` is not implemented for `dyn Fn(u8) -> bool`",
                    vec![],
                ),
                child(
                    "note",
                    "generator is not `Send` as this value is used across an await",
                    vec![
                        span(
                            "37:42-37:47",
                            true,
                            Some("await occurs here, with `check` maybe used later"),
                        ),
                        span(
                            "33:9-33:14",
                            false,
                            Some("has type `&dyn Fn(u8) -> bool` which is not `Send`"),
                        ),
                    ],
                ),
                child(
                    "note",
                    "required by a bound in `tokio::spawn`",
                    vec![span("$CARGO/tokio-1.47.1/src/task/spawn.rs", true, None)],
                ),
            ],
        );
        assert!(is_chain_error(&d));
        let c = &chains(&[d], None)[0];
        assert_eq!(c.trait_name, "Sync");
        assert_eq!(
            kinds(c),
            [
                "culprit",
                "within-type",
                "held-across-await",
                "required-by-bound"
            ]
        );
        assert_eq!(c.links[2].detail.as_deref(), Some("check"));
    }
}
