//! Obligation chains: how a missing `Send` (or `Sync`, or any auto trait) travels from the
//! culprit type to the bound that demanded it, read from rustc's structured notes.
//!
//! rustc prints the chain as a flat list of children under an E0277 (or the codeless "future
//! cannot be sent between threads safely"): a `help` naming the culprit ("the trait `Send` is
//! not implemented for `Rc<Config>`"), then notes from the inside out ("required because it
//! appears within the type `Job`", "required for `&Cell<u32>` to implement `Send`", "required
//! because it's used within this closure", "has type `Rc<i32>` which is not `Send`" with "await
//! occurs here"), and last the demand ("required by a bound in `spawn`"). This module turns that
//! list into ordered [`Link`]s. It is a pure function of the recorded
//! [`Diagnostic`](crate::engine::diagnostic::Diagnostic)s, so it works on a fresh compile, on
//! the pinned snapshots and on every toolchain's history alike.
//!
//! Nothing is guessed: a chain with no culprit or no demanding bound in rustc's notes gets an
//! explicit [`Kind::Unknown`] link there, and a requirement rustc says it hid is
//! [`Kind::Hidden`].
//!
//! The folder, by job: `read.rs` finds the obligation errors and reads each into a chain, with
//! `notes.rs` reading rustc's notes one by one; `names.rs` shortens the types they name and
//! names their constructors; `render.rs` puts a chain in words; `difference.rs` compares two
//! toolchains' chains of one case.

mod difference;
#[cfg(test)]
mod fixtures;
mod names;
mod notes;
mod read;
mod render;

pub(crate) use difference::difference;
pub(crate) use names::constructor;
pub use notes::AWAITED;
pub use read::{chains, is_chain_error, is_future_headline};

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
    pub(crate) fn as_str(self) -> &'static str {
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
    pub(crate) subject: String,
    /// `line:col-line:col` in the case, where rustc points at it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) at: Option<String>,
    /// More that rustc says about this link: the trait a `required-for` needs, the variable
    /// held across `.await`, the call that introduced a bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) detail: Option<String>,
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
}

/// `17:32-17:39` → `17:32`.
pub(crate) fn short_at(at: &str) -> &str {
    at.split('-').next().unwrap_or(at)
}

fn link(kind: Kind, subject: &str, at: Option<String>, detail: Option<String>) -> Link {
    Link {
        kind,
        subject: subject.to_string(),
        at,
        detail,
    }
}
