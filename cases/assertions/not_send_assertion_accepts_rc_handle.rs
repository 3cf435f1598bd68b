//! Keeping a thread-bound handle on `Rc` so the "is not `Send`" assertion holds
//!
//! `EditorHandle` holds an `Rc`, so it is not `Send`. Only the blanket impl
//! `AmbiguousIfSend<()> for T` applies to it; the second impl needs `T: Send`. With exactly one
//! candidate, rustc infers `_ = ()` and the assertion compiles. If a later change made the handle
//! `Send`, both impls would match and the build would break, which is the point of the check.
//!
//@ pass

use std::rc::Rc;

struct EditorHandle {
    buffer: Rc<String>,
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
        buffer: Rc::new(String::from("fn main() {}")),
    };
    println!("{} bytes", h.buffer.len());
}
