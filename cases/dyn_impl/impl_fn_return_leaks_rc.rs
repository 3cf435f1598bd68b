//! Spawning a returned `impl Fn` that captures an `Rc`
//!
//! The signature `-> impl Fn(f64) -> String` hides the closure's type but not its auto traits:
//! callers see whether the hidden type is `Send` and `Sync`, since that is decided by what it
//! captures. This closure captures an `Rc<String>`, so it is not `Send`, and the caller's
//! `thread::spawn` fails even though the signature never mentions `Rc`. Changing a function body
//! can thus break callers. The fix captures an `Arc<String>`, making the hidden type `Send`.
//!
//@ fail: E0277
//@ fix: impl_fn_return_captures_arc

use std::rc::Rc;
use std::thread;

fn make_formatter(unit: &str) -> impl Fn(f64) -> String {
    let unit = Rc::new(unit.to_string());
    move |value| format!("{value:.1} {unit}")
}

fn main() {
    let format_km = make_formatter("km");
    let worker = thread::spawn(move || format_km(12.345));
    println!("{}", worker.join().unwrap());
}
