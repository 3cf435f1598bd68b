//! A `move` closure that captures an `Rc` cannot be spawned
//!
//! A closure is `Send` only if every value it captures is `Send`; the compiler works this out from
//! the captures, with nothing to annotate. This worker closure takes ownership of an
//! `Rc<String>`, and `Rc` is not `Send` because its reference count is updated without atomics:
//! if a clone stayed behind, two threads could race on that count. `thread::spawn` therefore
//! rejects the closure. The fix captures an `Arc<String>`, whose count is atomic.
//!
//@ fail: E0277
//@ fix: move_closure_arc_to_thread

use std::rc::Rc;
use std::thread;

fn main() {
    let prefix = Rc::new(String::from("[worker]"));
    let messages = vec!["started", "done"];
    let handle = thread::spawn(move || {
        for m in &messages {
            println!("{prefix} {m}");
        }
    });
    handle.join().unwrap();
}
