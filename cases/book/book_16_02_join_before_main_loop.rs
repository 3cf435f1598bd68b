//! Joining too early serializes the threads
//!
//! The Book's prose moves `handle.join()` from Listing 16-2 up before the main thread's loop.
//! `join` blocks until the spawned thread is done, so the main thread does no work in the
//! meantime: all nine spawned lines come first, then the four main lines, never interleaved.
//! It is still correct, just no longer concurrent; where `join` is called decides that.
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

    handle.join().unwrap();

    for i in 1..5 {
        println!("hi number {i} from the main thread!");
        thread::sleep(Duration::from_millis(1));
    }
}
