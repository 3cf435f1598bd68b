//! Spawning a named thread with `thread::Builder`
//!
//! `thread::Builder` configures a thread (name, stack size) before starting it. Unlike
//! `thread::spawn`, which panics if the OS refuses to create a thread, `Builder::spawn` returns an
//! `io::Result<JoinHandle<T>>`, so the caller handles that failure explicitly. The closure has the
//! same `Send + 'static` bounds either way; the name shows up in panic messages and debuggers.
//!
//@ pass

use std::thread;

fn main() {
    let handle = thread::Builder::new()
        .name("indexer".into())
        .stack_size(256 * 1024)
        .spawn(|| thread::current().name().map(str::to_owned))
        .expect("failed to spawn thread");
    assert_eq!(handle.join().unwrap().as_deref(), Some("indexer"));
}
