//! Spawning a thread without waiting for it
//!
//! `thread::spawn` starts a new OS thread that runs the closure, and returns at once. Nothing here
//! waits for that thread: when `main` returns the whole process exits, so the spawned thread is
//! usually stopped before it has printed all nine lines. Which lines appear, and in what order,
//! changes from run to run; that is scheduling, not a data race, since the threads share nothing
//! but stdout, which locks itself. Listing 16-2 keeps the `JoinHandle` to wait for the thread.
//!
//@ pass
//@ miri: leak
//@ book: 16-1

use std::thread;
use std::time::Duration;

fn main() {
    thread::spawn(|| {
        for i in 1..10 {
            println!("hi number {i} from the spawned thread!");
            thread::sleep(Duration::from_millis(1));
        }
    });

    for i in 1..5 {
        println!("hi number {i} from the main thread!");
        thread::sleep(Duration::from_millis(1));
    }
}
