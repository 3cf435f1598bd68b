//! Moving a struct with an `Option<Rc<_>>` field into a thread, even when it is `None`
//!
//! Auto traits belong to types, not values: the compiler decides whether `Request` is `Send` once,
//! for every possible value, and `Option<Rc<Request>>` might hold an `Rc`. So the root request
//! below, whose `parent` is `None`, still cannot move into a thread, and rustc reports E0277. The
//! fix declares the field as `Option<Arc<Request>>`: a type that is `Send`, in both states.
//!
//@ fail: E0277
//@ fix: option_arc_field_send

use std::rc::Rc;
use std::thread;

struct Request {
    path: String,
    parent: Option<Rc<Request>>,
}

fn handle(req: Request) -> String {
    let depth = if req.parent.is_some() { 1 } else { 0 };
    format!("{} at depth {depth}", req.path)
}

fn main() {
    let root = Request { path: "/index.html".into(), parent: None };
    // `handle(root)` uses the request as a whole, so the closure captures all of `root`.
    let handler = thread::spawn(move || handle(root));
    println!("{}", handler.join().unwrap());
}
