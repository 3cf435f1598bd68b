//! Obligation chains: how a missing `Send` (or `Sync`, or any auto trait) travels from the
//! culprit type to the bound that demanded it, read from rustc's structured notes.
//!
//! rustc prints the chain as a flat list of children under an E0277 (or the codeless "future
//! cannot be sent between threads safely"): a `help` naming the culprit ("the trait `Send` is
//! not implemented for `Rc<Config>`"), then notes from the inside out ("required because it
//! appears within the type `Job`", "required for `&Cell<u32>` to implement `Send`", "required
//! because it's used within this closure", "has type `Rc<i32>` which is not `Send`" with "await
//! occurs here"), and last the demand ("required by a bound in `spawn`"). This module turns that
//! list into ordered [`Link`]s. It is a pure function of the recorded [`Diagnostic`]s, so it
//! works on a fresh compile, on the pinned snapshots and on every toolchain's history alike.
//!
//! Nothing is guessed: a chain with no culprit or no demanding bound in rustc's notes gets an
//! explicit [`Kind::Unknown`] link there, and a requirement rustc says it hid is
//! [`Kind::Hidden`].

use crate::engine::diagnostic::Diagnostic;
use serde::{Deserialize, Serialize};

/// What one link of a chain is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The type that does not implement the trait.
    Culprit,
    /// The previous type is a field (or element, or variant payload) of this one.
    WithinType,
    /// This reference is `Send` only if what it points to is `Sync` (`&T`), or `Send` (`&mut T`).
    ReferenceTo,
    /// This type implements the trait only if the previous one does (a generic impl such as
    /// `Arc<T>: Send` needing `T: Send + Sync`, or `Mutex<T>: Sync` needing `T: Send`).
    RequiredFor,
    /// The previous type is captured by (or used within) a closure.
    CapturedByClosure,
    /// The previous type is captured by an `async` block or function.
    CapturedByFuture,
    /// A value of the previous type lives across an `.await`, so it is part of the future.
    HeldAcrossAwait,
    /// The bound that demanded the trait: a function's `F: Send`, a `static`, a cast to
    /// `dyn Trait + Send`, an `impl Trait + Send` return type.
    RequiredByBound,
    /// rustc says it hid a step ("1 redundant requirement hidden").
    Hidden,
    /// rustc's notes do not say: no culprit, or no demanding bound.
    Unknown,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Culprit => "culprit",
            Kind::WithinType => "within-type",
            Kind::ReferenceTo => "reference-to",
            Kind::RequiredFor => "required-for",
            Kind::CapturedByClosure => "captured-by-closure",
            Kind::CapturedByFuture => "captured-by-future",
            Kind::HeldAcrossAwait => "held-across-await",
            Kind::RequiredByBound => "required-by-bound",
            Kind::Hidden => "hidden",
            Kind::Unknown => "unknown",
        }
    }
}

/// One link: its kind, the type or item it names, and where in the case it is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Link {
    pub kind: Kind,
    /// The type (`Rc<Vec<String>>`), closure (`{closure@17:32}`) or item (`spawn`) named.
    pub subject: String,
    /// `line:col-line:col` in the case, where rustc points at it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    /// More that rustc says about this link: the trait a `required-for` needs, the variable
    /// held across `.await`, the call that introduced a bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The chain of one error.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Chain {
    /// The trait that is not implemented: `Send`, `Sync`, `UnwindSafe`, ...
    #[serde(rename = "trait")]
    pub trait_name: String,
    /// The error's headline, which tells the chains of one case apart.
    pub error: String,
    /// The error's primary span in the case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<String>,
    pub links: Vec<Link>,
}

impl Chain {
    pub fn culprit(&self) -> Option<&Link> {
        self.links.iter().find(|l| l.kind == Kind::Culprit)
    }

    pub fn bound(&self) -> Option<&Link> {
        self.links.iter().find(|l| l.kind == Kind::RequiredByBound)
    }

    pub fn unknowns(&self) -> usize {
        self.links
            .iter()
            .filter(|l| l.kind == Kind::Unknown)
            .count()
    }

    /// One line: `Rc<Vec<String>>  →  captured by closure at 17:32  →  Send, required by
    /// a bound in `spawn` (call at 17:18)`.
    pub fn to_line(&self) -> String {
        let parts: Vec<String> = self.links.iter().map(|l| self.describe(l)).collect();
        parts.join("  →  ")
    }

    /// A link in words, for text output and the diagrams' captions.
    pub fn describe(&self, l: &Link) -> String {
        let at = |prefix: &str| match &l.at {
            Some(at) => format!("{prefix}{}", short_at(at)),
            None => String::new(),
        };
        match l.kind {
            Kind::Culprit => format!("{} (not {})", l.subject, self.trait_name),
            Kind::WithinType => format!("within {}{}", l.subject, at(" at ")),
            Kind::ReferenceTo | Kind::RequiredFor => {
                format!("{} (not {})", l.subject, self.required_of(l))
            }
            Kind::CapturedByClosure => format!("captured by {}", closure_words(l, &at(" at "))),
            Kind::CapturedByFuture => format!("captured by the future{}", at(" at ")),
            Kind::HeldAcrossAwait => {
                let var = l
                    .detail
                    .as_deref()
                    .map(|v| format!("`{v}` "))
                    .unwrap_or_default();
                format!("{var}held across .await{}", at(" at "))
            }
            Kind::RequiredByBound => {
                let call = l
                    .detail
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                format!("{}, required by {}{call}", self.trait_name, l.subject)
            }
            Kind::Hidden => format!("({} hidden by rustc)", l.subject),
            Kind::Unknown => format!("unknown ({})", l.subject),
        }
    }

    /// The chain link by link, one per line, as `show` prints it and the snapshots pin it:
    /// kind, subject, where in the case, and what rustc adds.
    pub fn to_block(&self) -> String {
        let mut out = format!("{} ({} not implemented)\n", self.error, self.trait_name);
        let width = self
            .links
            .iter()
            .map(|l| l.kind.as_str().len())
            .max()
            .unwrap_or(0);
        for (i, l) in self.links.iter().enumerate() {
            out.push_str(&format!(
                "{:>2}. {:width$}  {}",
                i + 1,
                l.kind.as_str(),
                l.subject
            ));
            if let Some(at) = &l.at {
                out.push_str(&format!("  at {at}"));
            }
            if let Some(d) = &l.detail {
                out.push_str(&format!("  ({d})"));
            }
            out.push('\n');
        }
        out
    }

    fn required_of<'a>(&'a self, l: &'a Link) -> &'a str {
        l.detail.as_deref().unwrap_or(&self.trait_name)
    }
}

fn closure_words(l: &Link, at: &str) -> String {
    if l.subject.starts_with("{closure@") {
        format!("the closure{at}")
    } else {
        format!("{}{at}", l.subject)
    }
}

/// `17:32-17:39` → `17:32`.
pub fn short_at(at: &str) -> &str {
    at.split('-').next().unwrap_or(at)
}

/// Whether a diagnostic is an obligation error whose chain we draw: an E0277 about an auto
/// trait, or the codeless "future cannot be sent/shared between threads safely".
pub fn is_chain_error(d: &Diagnostic) -> bool {
    if !d.is_error() {
        return false;
    }
    let future = d.code.is_none() && d.message.starts_with("future cannot be ");
    future || d.code.as_deref() == Some("E0277") && trait_of(d).is_some()
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

/// The source text a one-line `line:col-line:col` span covers (columns count characters,
/// from 1, as in rustc's JSON).
pub fn text_at<'a>(source: &'a str, at: &str) -> Option<&'a str> {
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
fn until_closing_tick(s: &str) -> &str {
    s.split('`').next().unwrap_or(s)
}

/// The first `...` quotation in a message.
fn first_quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    Some(until_closing_tick(&message[start..]))
}

/// A span inside the case, or nothing: std's spans (`$RUST/...`), other files, and the dummy
/// `1:1-1:1` rustc gives items whose source it does not have.
fn case_at(at: &str) -> Option<String> {
    let in_case = at.as_bytes().first().is_some_and(u8::is_ascii_digit);
    (in_case && at != "1:1-1:1").then(|| at.to_string())
}

fn primary_at(d: &Diagnostic) -> Option<String> {
    d.spans
        .iter()
        .find(|s| s.primary)
        .and_then(|s| case_at(&s.at))
}

fn chain_of(d: &Diagnostic, source: Option<&str>) -> Chain {
    let trait_name = trait_of(d).unwrap_or_else(|| "Send".into());
    let mut links = Vec::new();
    let culprit = d
        .children
        .iter()
        .find_map(|c| not_implemented(&c.message))
        .map(|(_, ty)| ty.to_string())
        .or_else(|| headline_type(&d.message));
    match culprit {
        Some(ty) => links.push(link(Kind::Culprit, &simplify(&ty), None, None)),
        None => links.push(link(
            Kind::Unknown,
            "rustc names no culprit type",
            None,
            None,
        )),
    }
    // Where the call that introduced the bound is, from the error's own labels.
    let call = d
        .spans
        .iter()
        .find(|s| s.label.as_deref() == Some("required by a bound introduced by this call"))
        .and_then(|s| case_at(&s.at));
    let mut bound = None;
    for c in &d.children {
        let m = c.message.as_str();
        let at = c
            .spans
            .iter()
            .find(|s| s.primary)
            .and_then(|s| case_at(&s.at));
        if let Some(ty) = m.strip_prefix("required because it appears within the type `") {
            let ty = simplify(until_closing_tick(ty));
            let kind = if is_closure(&ty) {
                Kind::CapturedByClosure
            } else if is_future(&ty) {
                Kind::CapturedByFuture
            } else {
                Kind::WithinType
            };
            links.push(link(kind, &ty, at, None));
        } else if let Some(rest) = m.strip_prefix("required for `") {
            if let Some((ty, tr)) = rest.split_once("` to implement `") {
                let ty = simplify(ty);
                let tr = until_closing_tick(tr);
                let kind = if ty.starts_with('&') {
                    Kind::ReferenceTo
                } else {
                    Kind::RequiredFor
                };
                links.push(link(kind, &ty, at, Some(tr.to_string())));
            }
        } else if m.starts_with("required for the cast from `") {
            // "required for the cast from `{closure}` to the object type `dyn Fn() + Send`"
            let to = m.rsplit_once(" to ").map(|(_, to)| to).unwrap_or_default();
            let to = first_quoted(to).unwrap_or(to);
            bound = Some(link(
                Kind::RequiredByBound,
                &format!("the cast to `{}`", simplify(to)),
                at.or_else(|| primary_at(d)),
                None,
            ));
        } else if m == "required because it's used within this closure" {
            let subject = at
                .as_deref()
                .map(|a| format!("{{closure@{}}}", short_at(a)))
                .unwrap_or_else(|| "a closure".into());
            links.push(link(Kind::CapturedByClosure, &subject, at, None));
        } else if let Some(rest) = m.strip_prefix("required because it's used within this ") {
            // "this `async` block", "this `async fn` body"
            let what = rest.replace('`', "");
            links.push(link(Kind::CapturedByFuture, &what, at, None));
        } else if m.starts_with("future is not `") && m.contains("used across an await") {
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
            place_or_push(&mut links, &simplify(&ty), held_at);
            links.push(link(Kind::HeldAcrossAwait, "the future", at, var));
        } else if m.starts_with("captured value is not `") {
            let held = c.spans.iter().find_map(|s| {
                let label = s.label.as_deref()?;
                let ty = label.strip_prefix("has type `")?;
                Some(until_closing_tick(ty).to_string())
            });
            if let Some(ty) = held {
                place_or_push(&mut links, &simplify(&ty), at.clone());
            }
            links.push(link(Kind::CapturedByFuture, "the async block", at, None));
        } else if let Some(item) = m.strip_prefix("required by a bound in `") {
            let item = until_closing_tick(item);
            // A bound declared in the case points at itself; one in std points at the call
            // that introduced it. Either way the call is named where rustc labels it.
            let detail = call.as_ref().map(|c| format!("call at {}", short_at(c)));
            let bound_at = at.or_else(|| call.clone());
            bound = Some(link(
                Kind::RequiredByBound,
                &format!("a bound in `{item}`"),
                bound_at,
                detail,
            ));
        } else if m == "required by a bound in an opaque type" {
            bound = Some(link(
                Kind::RequiredByBound,
                "the `impl Trait` return type's bound",
                at,
                None,
            ));
        } else if m.starts_with("shared static variables must have a type that implements `") {
            bound = Some(link(
                Kind::RequiredByBound,
                "a `static`",
                primary_at(d),
                None,
            ));
        } else if let Some(n) = m.strip_suffix(" redundant requirement hidden") {
            links.push(link(
                Kind::Hidden,
                &format!("{n} redundant requirement"),
                None,
                None,
            ));
        } else if let Some(n) = m.strip_suffix(" redundant requirements hidden") {
            links.push(link(
                Kind::Hidden,
                &format!("{n} redundant requirements"),
                None,
                None,
            ));
        }
    }
    if bound.is_none() {
        // A future returned as `impl Future + Send`: rustc points at the return type itself.
        let primary = d.spans.iter().find(|s| s.primary);
        let ret = primary.and_then(|s| Some((s, text_at(source?, &s.at)?)));
        if let Some((span, text)) = ret.filter(|(_, t)| t.starts_with("impl ")) {
            bound = Some(link(
                Kind::RequiredByBound,
                &format!("the return type `{text}`"),
                case_at(&span.at),
                None,
            ));
        }
    }
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

fn link(kind: Kind, subject: &str, at: Option<String>, detail: Option<String>) -> Link {
    Link {
        kind,
        subject: subject.to_string(),
        at,
        detail,
    }
}

/// "`Rc<i32>` cannot be sent between threads safely" → `Rc<i32>`.
fn headline_type(message: &str) -> Option<String> {
    let rest = message.strip_prefix('`')?;
    let ty = until_closing_tick(rest);
    (!ty.is_empty() && message.contains(" cannot be ")).then(|| ty.to_string())
}

fn is_closure(ty: &str) -> bool {
    ty.starts_with("{closure@")
}

fn is_future(ty: &str) -> bool {
    ty.starts_with("{async") || ty.starts_with("{coroutine") || ty.starts_with("impl Future")
}

/// Shortens the file-qualified names rustc gives closures and async blocks, which differ
/// between toolchains only in their brackets and path:
/// `{closure@$DIR/cases/rc_arc/x.rs:17:32: 17:39}` and `[closure@…:17:32: 17:39]` both become
/// `{closure@17:32}`; `{async block@…:24:5: 24:15}` becomes `{async block@24:5}`.
pub fn simplify(ty: &str) -> String {
    let mut out = String::with_capacity(ty.len());
    let mut rest = ty;
    while let Some(start) = rest.find(['{', '[']) {
        out.push_str(&rest[..start]);
        let open = rest.as_bytes()[start];
        let close = if open == b'{' { '}' } else { ']' };
        let inner = &rest[start + 1..];
        let shortened = inner.split_once('@').and_then(|(what, loc)| {
            let known = ["closure", "async block", "async closure", "coroutine"];
            if !known.contains(&what) {
                return None;
            }
            let end = loc.find(close)?;
            let loc = &loc[..end];
            // `path:17:32: 17:39` or `path:17:32`: the first line:col after the path.
            let head = loc.split(": ").next().unwrap_or(loc);
            let mut parts = head.rsplitn(3, ':');
            let col = parts.next()?;
            let line = parts.next()?;
            let ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            (ok(line) && ok(col)).then(|| (format!("{{{what}@{line}:{col}}}"), end))
        });
        match shortened {
            Some((short, end)) => {
                out.push_str(&short);
                let consumed = inner.find('@').unwrap_or(0) + 1 + end + 1;
                rest = &inner[consumed..];
            }
            None => {
                out.push(open as char);
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// How two toolchains' chains of one case differ, in a line naming the first differing link;
/// `None` when they read the same.
pub fn difference(base: &[Chain], other: &[Chain]) -> Option<String> {
    let sorted = |c: &[Chain]| {
        let mut v = c.to_vec();
        v.sort();
        v
    };
    // The same chains in another order is a reordering of the errors, which the drift
    // engine already calls rendering.
    if sorted(base) == sorted(other) {
        return None;
    }
    if base.len() != other.len() {
        return Some(format!("{} chains became {}", base.len(), other.len()));
    }
    for (i, (a, b)) in base.iter().zip(other).enumerate() {
        let which = if base.len() > 1 {
            format!("chain {} ", i + 1)
        } else {
            "chain ".to_string()
        };
        if a.trait_name != b.trait_name {
            return Some(format!(
                "{which}trait `{}` became `{}`",
                a.trait_name, b.trait_name
            ));
        }
        let n = a.links.len().max(b.links.len());
        for j in 0..n {
            match (a.links.get(j), b.links.get(j)) {
                (Some(x), Some(y)) if x == y => continue,
                (Some(x), Some(y)) => {
                    return Some(format!(
                        "{which}link {}: {} became {}",
                        j + 1,
                        brief(x),
                        brief(y)
                    ))
                }
                (Some(x), None) => {
                    return Some(format!("{which}link {} dropped: {}", j + 1, brief(x)))
                }
                (None, Some(y)) => {
                    return Some(format!("{which}link {} added: {}", j + 1, brief(y)))
                }
                (None, None) => unreachable!("j < max of both lengths"),
            }
        }
        if a.error != b.error {
            return Some(format!("{which}error `{}` became `{}`", a.error, b.error));
        }
        if a.at != b.at {
            let at = |c: &Chain| c.at.clone().unwrap_or_else(|| "nowhere".into());
            return Some(format!("{which}error at {} moved to {}", at(a), at(b)));
        }
    }
    None
}

/// A link in a few words for drift reports: `within-type `Job` at 9:8`.
pub fn brief(l: &Link) -> String {
    let at =
        l.at.as_deref()
            .map(|a| format!(" at {}", short_at(a)))
            .unwrap_or_default();
    if l.subject.contains('`') {
        // Already quotes its code: "a bound in `spawn`".
        format!("{} {}{at}", l.kind.as_str(), l.subject)
    } else {
        format!("{} `{}`{at}", l.kind.as_str(), l.subject)
    }
}

/// The culprit type's constructor, for matching by structure: `Rc<Config>` → `Rc`,
/// `&Cell<u32>` → `Cell`, `dyn Fn() + Send` → `dyn`, `*mut u8` → `*mut`, `MutexGuard<'_, T>` →
/// `MutexGuard`.
pub fn constructor(ty: &str) -> String {
    let t = ty.trim();
    let t = t.trim_start_matches('&').trim_start();
    let t = t.strip_prefix("'_ ").unwrap_or(t);
    let t = t.strip_prefix("mut ").unwrap_or(t);
    if t.starts_with("*const") || t.starts_with("*mut") {
        return if t.starts_with("*mut") {
            "*mut".into()
        } else {
            "*const".into()
        };
    }
    if t.starts_with("dyn ") || t.starts_with("(dyn ") {
        return "dyn".into();
    }
    if t.starts_with('(') {
        return "tuple".into();
    }
    if t.starts_with('[') {
        return "slice".into();
    }
    if let Some(c) = t.strip_prefix('{') {
        return c.split('@').next().unwrap_or(c).to_string();
    }
    let head = t.split('<').next().unwrap_or(t);
    head.rsplit("::").next().unwrap_or(head).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::diagnostic::Span;

    fn span(at: &str, primary: bool, label: Option<&str>) -> Span {
        Span {
            at: at.into(),
            primary,
            label: label.map(String::from),
            replacement: None,
        }
    }

    fn child(level: &str, message: &str, spans: Vec<Span>) -> Diagnostic {
        Diagnostic {
            level: level.into(),
            code: None,
            message: message.into(),
            spans,
            children: vec![],
        }
    }

    fn error(
        code: Option<&str>,
        message: &str,
        spans: Vec<Span>,
        children: Vec<Diagnostic>,
    ) -> Diagnostic {
        Diagnostic {
            level: "error".into(),
            code: code.map(String::from),
            message: message.into(),
            spans,
            children,
        }
    }

    fn kinds(c: &Chain) -> Vec<&'static str> {
        c.links.iter().map(|l| l.kind.as_str()).collect()
    }

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
    fn captured_by_an_async_block_a_static_and_a_cast() {
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

    #[test]
    fn closure_names_read_the_same_on_every_toolchain() {
        assert_eq!(
            simplify("[closure@$DIR/cases/rc_arc/x.rs:17:32: 17:39]"),
            "{closure@17:32}"
        );
        assert_eq!(
            simplify("{closure@$DIR/cases/rc_arc/x.rs:17:32: 17:39}"),
            "{closure@17:32}"
        );
        assert_eq!(
            simplify("Vec<{async block@src/main.rs:4:5: 4:15}>"),
            "Vec<{async block@4:5}>"
        );
        assert_eq!(
            simplify("{async fn body of run()}"),
            "{async fn body of run()}"
        );
        assert_eq!(simplify("[u8; 4]"), "[u8; 4]");
    }

    #[test]
    fn a_changed_link_is_named() {
        let a = Chain {
            trait_name: "Send".into(),
            error: "e".into(),
            at: None,
            links: vec![link(Kind::Culprit, "Rc<u8>", None, None)],
        };
        let mut b = a.clone();
        assert_eq!(
            difference(std::slice::from_ref(&a), std::slice::from_ref(&b)),
            None
        );
        b.links
            .push(link(Kind::WithinType, "Job", Some("9:8-9:11".into()), None));
        assert_eq!(
            difference(std::slice::from_ref(&a), std::slice::from_ref(&b)).as_deref(),
            Some("chain link 2 added: within-type `Job` at 9:8")
        );
        let mut moved = a.clone();
        moved.at = Some("3:1-3:9".into());
        assert_eq!(
            difference(std::slice::from_ref(&a), std::slice::from_ref(&moved)).as_deref(),
            Some("chain error at nowhere moved to 3:1-3:9")
        );
        // Two chains in another order are the same chains.
        assert_eq!(
            difference(&[a.clone(), moved.clone()], &[moved, a.clone()]),
            None
        );
        b.links[0].subject = "Rc<u16>".into();
        assert_eq!(
            difference(&[a], &[b]).as_deref(),
            Some("chain link 1: culprit `Rc<u8>` became culprit `Rc<u16>`")
        );
    }

    #[test]
    fn constructors() {
        for (ty, c) in [
            ("Rc<Config>", "Rc"),
            ("&Cell<u32>", "Cell"),
            ("&mut RefCell<u8>", "RefCell"),
            ("std::sync::MutexGuard<'_, u32>", "MutexGuard"),
            ("*mut u8", "*mut"),
            ("dyn Fn() + Send", "dyn"),
            ("(u32, Rc<u8>)", "tuple"),
            ("T", "T"),
        ] {
            assert_eq!(constructor(ty), c, "{ty}");
        }
    }
}
