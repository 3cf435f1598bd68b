//! Moving a `*mut T` into a spawned thread
//!
//! Raw pointers are neither `Send` nor `Sync`: the compiler knows nothing about who owns the
//! pointee or who else is using it, so it refuses to assume thread safety. A closure that
//! captures a `*mut Vec<String>` is therefore not `Send`, and `thread::spawn` fails with E0277
//! even though this program happens to give up the pointer. The fix drops the raw pointer and
//! moves the `Box` itself, whose ownership the compiler can track.
//!
//@ fail: E0277
//@ fix: box_moved_into_spawn

use std::thread;

fn main() {
    let log = Box::new(vec!["boot".to_string()]);
    let raw = Box::into_raw(log);
    let worker = thread::spawn(move || {
        let mut log = unsafe { Box::from_raw(raw) };
        log.push("worker started".to_string());
        log.len()
    });
    println!("{} log lines", worker.join().unwrap());
}
