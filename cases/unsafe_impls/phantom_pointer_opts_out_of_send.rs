//! Opting out of `Send` on stable with a `PhantomData` marker
//!
//! `DepthGuard` has no fields that stop it from being `Send`, yet it must be dropped on the
//! thread that created it, because its `Drop` decrements the *dropping* thread's `DEPTH`. A
//! zero-sized `PhantomData<*const ()>` field makes the compiler treat the struct as if it held a
//! raw pointer, which is neither `Send` nor `Sync`, so the guard can no longer move to another
//! thread. The marker costs no memory and, unlike `impl !Send`, works on stable Rust.
//!
//@ pass

use std::cell::Cell;
use std::marker::PhantomData;

thread_local! {
    static DEPTH: Cell<u32> = Cell::new(0);
}

struct DepthGuard {
    _not_send: PhantomData<*const ()>,
}

impl DepthGuard {
    fn enter() -> Self {
        DEPTH.with(|d| d.set(d.get() + 1));
        DepthGuard { _not_send: PhantomData }
    }
}

impl Drop for DepthGuard {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

fn main() {
    let outer = DepthGuard::enter();
    let inner = DepthGuard::enter();
    println!("depth {}", DEPTH.with(Cell::get));
    drop((inner, outer));
}
