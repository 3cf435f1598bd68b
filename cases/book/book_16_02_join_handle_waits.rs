//! Waiting for a spawned thread with its JoinHandle
//!
//! `thread::spawn` returns a `JoinHandle<T>`; `join` blocks the calling thread until that thread
//! has finished, and returns its result (an `Err` if it panicked). Because `join` comes after the
//! main thread's loop, both threads still run at the same time and their lines interleave, but
//! `main` cannot return before all nine spawned lines are printed.
//!
//@ pass
//@ book: 16-2

use std::thread;
use std::time::Duration;

fn main() {
    let handle = thread::spawn(|| {
        for i in 1..10 {
            println!("hi number {i} from the spawned thread!");
            thread::sleep(Duration::from_millis(1));
        }
    });

    for i in 1..5 {
        println!("hi number {i} from the main thread!");
        thread::sleep(Duration::from_millis(1));
    }

    handle.join().unwrap();
}
