//! Marking a typed id with `PhantomData<fn() -> T>` to keep it `Send` and `Sync`
//!
//! A function pointer type such as `fn() -> T` is always `Send` and `Sync`, whatever `T` is,
//! because a function pointer owns no `T` and shares no state. Using it as the marker lets `Id<T>`
//! remember its type parameter for type checking without inheriting `T`'s auto traits. So
//! `Id<Rc<Node>>` now moves into `thread::spawn`: it is just a `u64` with a compile-time label.
//!
//@ pass

use std::marker::PhantomData;
use std::rc::Rc;
use std::thread;

struct Node;

struct Id<T> {
    raw: u64,
    _kind: PhantomData<fn() -> T>,
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
