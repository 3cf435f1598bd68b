//! Switching a thread-bound handle to `Arc`, which the "is not `Send`" assertion catches
//!
//! Rust has no `T: !Send` bound, so the check exploits ambiguity: `AmbiguousIfSend<A>` has one impl
//! for every type and a second one only for `Send` types. Naming `<T as AmbiguousIfSend<_>>` has a
//! single candidate when `T` is not `Send`, and two when it is, so rustc cannot pick `_`. Someone
//! switched `EditorHandle` from `Rc` to `Arc`, silently making it `Send`, and the assertion now
//! fails with "type annotations needed". The fix restores the `Rc`.
//!
//@ fail: E0283
//@ fix: not_send_assertion_accepts_rc_handle

use std::sync::Arc;

struct EditorHandle {
    buffer: Arc<String>,
}

// Guarantee: an editor handle must never leave the UI thread.
const _: fn() = || {
    trait AmbiguousIfSend<A> {
        fn some_item() {}
    }
    impl<T: ?Sized> AmbiguousIfSend<()> for T {}
    struct IsSend;
    impl<T: ?Sized + Send> AmbiguousIfSend<IsSend> for T {}
    let _ = <EditorHandle as AmbiguousIfSend<_>>::some_item;
};

fn main() {
    let h = EditorHandle {
        buffer: Arc::new(String::from("fn main() {}")),
    };
    println!("{} bytes", h.buffer.len());
}
