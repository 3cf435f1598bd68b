//! An `Rc` as the output of a `tokio::spawn`ed task
//!
//! `tokio::spawn` asks for `F::Output: Send` as well as `F: Send`: the task runs on a worker
//! thread, and its result is moved to the code that awaits the handle
//! (`tokio::task::JoinHandle<T>: Send` when `T: Send`). This future is `Send`, since the `Rc` is
//! made only as it returns, but its output is an `Rc<Vec<String>>`, which is not `Send`. So the
//! error is E0277 at the `F::Output: Send` bound. The fix returns the `Vec<String>` and wraps it in
//! `Rc` in `main`, after `task.await`.
//!
//@ fail: E0277
//@ fix: owned_output_of_tokio_spawn_then_rc
//@ crates: tokio

use std::rc::Rc;

async fn load_names() -> Vec<String> {
    tokio::task::yield_now().await;
    vec![String::from("ada"), String::from("grace")]
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async { Rc::new(load_names().await) });
    let names: Rc<Vec<String>> = task.await.unwrap();
    let shared = Rc::clone(&names);
    assert_eq!((shared.len(), Rc::strong_count(&names)), (2, 2));
}
