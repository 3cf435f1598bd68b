//! Moving captured data into a spawned thread with `move`
//!
//! `thread::spawn` requires its closure to be `'static`: the new thread may outlive the function
//! that started it, so the closure must not borrow that function's locals. A `move` closure takes
//! ownership of `words` instead of borrowing it, so the thread owns everything it touches and the
//! `'static` bound is met.
//!
//@ pass

use std::thread;

fn main() {
    let words = vec![String::from("send"), String::from("sync")];
    let handle = thread::spawn(move || {
        let total: usize = words.iter().map(|w| w.len()).sum();
        total
    });
    assert_eq!(handle.join().unwrap(), 8);
}
