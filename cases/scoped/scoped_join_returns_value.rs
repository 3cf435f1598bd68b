//! Returning a scoped thread's result through `join`
//!
//! The worker sums into a local of its own and returns it; `ScopedJoinHandle::join` gives that
//! value back to the spawning thread. The closure only borrows `prices` immutably, so nothing
//! conflicts with reading the result inside the scope.
//!
//@ pass

use std::thread;

fn main() {
    let prices = [3, 7, 11];
    thread::scope(|s| {
        let worker = s.spawn(|| prices.iter().sum::<i32>());
        let total = worker.join().unwrap();
        println!("total: {total}");
        assert_eq!(total, 21);
    });
}
