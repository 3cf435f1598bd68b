//! Joining scoped threads inside the scope and returning their results
//!
//! `thread::scope` returns whatever its closure returns, so handles can be joined inside the
//! scope and only their plain results carried out. `ScopedJoinHandle::join` gives back the
//! thread's return value, exactly like `JoinHandle::join`. The handles never outlive the scope,
//! which satisfies the `'scope` lifetime they carry.
//!
//@ pass

use std::thread;

fn main() {
    let files = ["a.txt", "bb.txt", "ccc.txt"];
    let total: usize = thread::scope(|s| {
        let mut handles = Vec::new();
        for name in &files {
            handles.push(s.spawn(move || name.len()));
        }
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    assert_eq!(total, 18);
    println!("{total}");
}
