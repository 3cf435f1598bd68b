//! Bounding a generic job `T: Send + 'static` before spawning
//!
//! With `T: Send + 'static` on the function, the closure that owns `job` is `Send + 'static` for
//! every `T` the function accepts. Each call is checked where `T` is known: `5u8` is `Send`, and a
//! call with an `Rc` would be rejected at the call site instead of inside the function.
//!
//@ pass

use std::thread;

fn run_in_background<T: Send + 'static>(job: T) -> thread::JoinHandle<usize> {
    thread::spawn(move || std::mem::size_of_val(&job))
}

fn main() {
    assert_eq!(run_in_background(5u8).join().unwrap(), 1);
}
