//! Declaring the optional parent as `Option<Arc<_>>` to keep a struct `Send`
//!
//! `Option<T>` is `Send` exactly when `T` is, and `Arc<Request>` is `Send` because `Request`
//! (a `String` plus this option) is `Send + Sync`. The recursive check succeeds, so `Request`
//! is `Send` whether or not a parent is present, and the handler thread can own a request.
//!
//@ pass

use std::sync::Arc;
use std::thread;

struct Request {
    path: String,
    parent: Option<Arc<Request>>,
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
