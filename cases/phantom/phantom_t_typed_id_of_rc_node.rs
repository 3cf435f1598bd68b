//! Sending a typed id whose `PhantomData<T>` names an `Rc`
//!
//! `PhantomData<T>` tells the compiler *this type acts as if it owns a `T`*, so auto traits follow:
//! `Id<T>` is `Send` only when `T` is. `Id<Rc<Node>>` holds just a `u64`, yet it is not `Send`
//! because `Rc<Node>` is not, and `thread::spawn` refuses it. An id never owns a node, so the
//! marker overstates things; the fix uses `PhantomData<fn() -> T>`, which names `T` without
//! claiming ownership and is always `Send` and `Sync`.
//!
//@ fail: E0277
//@ fix: phantom_fn_typed_id_of_rc_node

use std::marker::PhantomData;
use std::rc::Rc;
use std::thread;

struct Node;

struct Id<T> {
    raw: u64,
    _kind: PhantomData<T>,
}

impl<T> Id<T> {
    fn raw(&self) -> u64 {
        self.raw
    }
}

fn main() {
    let id: Id<Rc<Node>> = Id {
        raw: 42,
        _kind: PhantomData,
    };
    let lookup = thread::spawn(move || id.raw() + 1);
    println!("next id {}", lookup.join().unwrap());
}
