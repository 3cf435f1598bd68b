//! Writing `impl !Send` on stable Rust
//!
//! Negative impls such as `impl !Send for DepthGuard {}` are still an unstable feature
//! (`negative_impls`), so stable rustc rejects them. The intent is right: the guard's `Drop`
//! decrements the `DEPTH` of whichever thread drops it, so it must never move to another thread.
//! The fix expresses the same thing with a zero-sized `PhantomData<*const ()>` field: raw pointers
//! are not `Send`, so neither is a struct that (notionally) contains one.
//!
//@ fail: E0658
//@ fix: phantom_pointer_opts_out_of_send

use std::cell::Cell;

thread_local! {
    static DEPTH: Cell<u32> = Cell::new(0);
}

struct DepthGuard;

impl !Send for DepthGuard {}

impl DepthGuard {
    fn enter() -> Self {
        DEPTH.with(|d| d.set(d.get() + 1));
        DepthGuard
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
