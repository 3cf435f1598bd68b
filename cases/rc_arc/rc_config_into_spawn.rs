//! Moving an `Rc` clone of read-only data into a spawned thread
//!
//! Nothing here mutates the vector, unlike Listing 16-14's counter, yet the `Rc` cannot go: its
//! owner count is plain, non-atomic shared state. With a clone in a worker and one in `main`, both
//! threads could update the count at once and free the vector early. So `Rc` is not `Send`, and
//! `thread::spawn` takes only `Send` closures. The fix uses `Arc`, whose count is atomic.
//!
//@ fail: E0277
//@ fix: arc_config_into_spawn

use std::rc::Rc;
use std::thread;

fn main() {
    let args = Rc::new(vec!["--verbose".to_string(), "--jobs=4".to_string()]);
    let for_worker = Rc::clone(&args);
    let handle = thread::spawn(move || for_worker.iter().filter(|a| a.starts_with("--")).count());
    assert_eq!(handle.join().unwrap(), args.len());
}
