//! From a claim to the questions that test it: the subject's parameters instantiated at the
//! truth table's types, each with the answer the claim requires.

use super::parse::bare_row;
use super::{Claim, Cond};
use crate::learn::table::{instantiations, Trait};

/// A concrete question for the compiler: does `ty` implement `trait_path`, and what the claim
/// expects (`None`: anything, where an *only when* condition does not hold, nothing is
/// promised... but where it holds, both answers are allowed too: see [`Claim::checks`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// The type, written against [`crate::learn::table::PRELUDE`] and [`IMPORTS`].
    pub ty: String,
    /// A path to the trait (`Send`, `::core::iter::IntoIterator`).
    pub trait_path: String,
    /// The answer the claim requires.
    pub expect: bool,
}

/// The std names a claim may use bare, imported by every generated program (unless the case
/// defines the name itself).
pub const IMPORTS: &[(&str, &str)] = &[
    ("Rc", "std::rc::Rc"),
    ("Arc", "std::sync::Arc"),
    ("Cell", "std::cell::Cell"),
    ("RefCell", "std::cell::RefCell"),
    ("UnsafeCell", "std::cell::UnsafeCell"),
    ("OnceCell", "std::cell::OnceCell"),
    ("Ref", "std::cell::Ref"),
    ("RefMut", "std::cell::RefMut"),
    ("Mutex", "std::sync::Mutex"),
    ("MutexGuard", "std::sync::MutexGuard"),
    ("RwLock", "std::sync::RwLock"),
    ("RwLockReadGuard", "std::sync::RwLockReadGuard"),
    ("RwLockWriteGuard", "std::sync::RwLockWriteGuard"),
    ("Condvar", "std::sync::Condvar"),
    ("OnceLock", "std::sync::OnceLock"),
    ("Sender", "std::sync::mpsc::Sender"),
    ("SyncSender", "std::sync::mpsc::SyncSender"),
    ("Receiver", "std::sync::mpsc::Receiver"),
    ("NonNull", "std::ptr::NonNull"),
    ("PhantomData", "std::marker::PhantomData"),
    ("JoinHandle", "std::thread::JoinHandle"),
    ("ScopedJoinHandle", "std::thread::ScopedJoinHandle"),
    ("AtomicBool", "std::sync::atomic::AtomicBool"),
    ("AtomicU8", "std::sync::atomic::AtomicU8"),
    ("AtomicU16", "std::sync::atomic::AtomicU16"),
    ("AtomicU32", "std::sync::atomic::AtomicU32"),
    ("AtomicU64", "std::sync::atomic::AtomicU64"),
    ("AtomicUsize", "std::sync::atomic::AtomicUsize"),
    ("AtomicI32", "std::sync::atomic::AtomicI32"),
    ("AtomicI64", "std::sync::atomic::AtomicI64"),
    ("AtomicPtr", "std::sync::atomic::AtomicPtr"),
    ("Error", "std::error::Error"),
    ("Any", "std::any::Any"),
    ("Pin", "std::pin::Pin"),
    ("LazyLock", "std::sync::LazyLock"),
    ("LazyCell", "std::cell::LazyCell"),
    ("Future", "std::future::Future"),
];

/// Trait names and the path a generated program uses for each (any other name is used as
/// written: a trait the case defines).
pub(super) const TRAITS: &[(&str, &str)] = &[
    ("Send", "::core::marker::Send"),
    ("Sync", "::core::marker::Sync"),
    ("Copy", "::core::marker::Copy"),
    ("Unpin", "::core::marker::Unpin"),
    ("Clone", "::core::clone::Clone"),
    ("Default", "::core::default::Default"),
    ("Iterator", "::core::iter::Iterator"),
    ("IntoIterator", "::core::iter::IntoIterator"),
    ("Deref", "::core::ops::Deref"),
    ("DerefMut", "::core::ops::DerefMut"),
    ("Future", "::core::future::Future"),
    ("Debug", "::core::fmt::Debug"),
    ("Display", "::core::fmt::Display"),
    ("Error", "::std::error::Error"),
    ("UnwindSafe", "::std::panic::UnwindSafe"),
    ("RefUnwindSafe", "::std::panic::RefUnwindSafe"),
];

impl Claim {
    /// The questions that test the claim, at the truth table's instantiations of the subject's
    /// parameters (a bare generic std name such as `Rc` is its table row, `rc::Rc<T>`).
    /// `defined`: the type names the case defines itself, which a bare name then means.
    pub fn checks(&self, defined: &[String]) -> Vec<Check> {
        let ty = if defined.contains(&self.subject) {
            self.subject.clone()
        } else {
            generic_form(&self.subject)
        };
        let claimed = match self.trait_name.as_str() {
            "Send" => Some(Trait::Send),
            "Sync" => Some(Trait::Sync),
            _ => None,
        };
        let params = params(&ty);
        let trait_path = TRAITS
            .iter()
            .find(|(n, _)| *n == self.trait_name)
            .map_or(self.trait_name.clone(), |(_, p)| (*p).to_string());
        if params.is_empty() {
            let expect = match &self.cond {
                Cond::Always => self.holds,
                // A condition on a parameter the type does not have: nothing to instantiate.
                Cond::When(_) | Cond::OnlyWhen(_) => self.holds,
            };
            return vec![Check {
                ty,
                trait_path,
                expect,
            }];
        }
        let mut out = Vec::new();
        for inst in instantiations() {
            let concrete = substitute(&ty, &params, inst.ty);
            let meets = |cond: &[(String, Vec<Trait>)]| {
                cond.iter().all(|(_, traits)| {
                    // An empty list: "when `T` is", the claimed trait itself.
                    let same = claimed.map(|c| vec![c]).unwrap_or_default();
                    let traits = if traits.is_empty() { &same } else { traits };
                    traits.iter().all(|t| match t {
                        Trait::Send => inst.send,
                        Trait::Sync => inst.sync,
                    })
                })
            };
            let expect = match &self.cond {
                Cond::Always => Some(self.holds),
                Cond::When(c) => Some(meets(c)),
                // Where the condition fails the trait must not hold; where it holds, nothing
                // is promised.
                Cond::OnlyWhen(c) => (!meets(c)).then_some(false),
            };
            if let Some(expect) = expect {
                out.push(Check {
                    ty: concrete,
                    trait_path: trait_path.clone(),
                    expect,
                });
            }
        }
        out
    }
}

/// The subject as a type with its parameters: lifetimes made `'static`, `_` read as a
/// parameter, a bare generic std name replaced by its table row (`MutexGuard` ->
/// `sync::MutexGuard<'static, T>`).
fn generic_form(subject: &str) -> String {
    let s = subject.trim();
    if let Some(row) = bare_row(s) {
        return match row.param {
            Some(p) => substitute(row.ty, &[p.to_string()], "T"),
            None => row.ty.to_string(),
        };
    }
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            // A lifetime: `'a`, `'_`, `'static`.
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            out.push_str("'static");
            i = j;
            continue;
        }
        let boundary = |k: usize| k >= chars.len() || !(chars[k].is_alphanumeric());
        if c == '_' && (i == 0 || boundary(i - 1)) && boundary(i + 1) {
            out.push('T');
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// The type parameters a type names (single capital letters standing alone).
fn params(ty: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = ty.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let alone = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_none_or(|n| !(n.is_alphanumeric() || *n == '_' || *n == ':'))
        };
        if c.is_ascii_uppercase()
            && alone(i.checked_sub(1))
            && alone(Some(i + 1))
            && !out.contains(&c.to_string())
        {
            out.push(c.to_string());
        }
    }
    out
}

/// Every parameter replaced by `with`.
fn substitute(ty: &str, params: &[String], with: &str) -> String {
    let chars: Vec<char> = ty.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        let alone = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_none_or(|n| !(n.is_alphanumeric() || *n == '_' || *n == ':'))
        };
        if params.contains(&c.to_string()) && alone(i.checked_sub(1)) && alone(Some(i + 1)) {
            out.push_str(with);
        } else {
            out.push(*c);
        }
    }
    out
}
