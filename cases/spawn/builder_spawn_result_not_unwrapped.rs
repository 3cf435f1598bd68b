//! Calling `join` on the `Result` returned by `Builder::spawn`
//!
//! `Builder::spawn` can fail (the OS may refuse to create a thread), so it returns
//! `io::Result<JoinHandle<T>>` rather than a handle. `join` is a method of `JoinHandle`, not of
//! `Result`, so the call does not resolve. The fix deals with the spawn error first with `expect`,
//! leaving a `JoinHandle` whose `join` waits for the thread.
//!
//@ fail: E0599
//@ fix: builder_spawn_named_thread

use std::thread;

fn main() {
    let handle = thread::Builder::new()
        .name("indexer".into())
        .stack_size(256 * 1024)
        .spawn(|| thread::current().name().map(str::to_owned));
    assert_eq!(handle.join().unwrap().as_deref(), Some("indexer"));
}
