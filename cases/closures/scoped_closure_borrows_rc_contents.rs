//! Borrowing the data inside an `Rc`, not the `Rc`, from a scoped thread
//!
//! The closure given to a scoped thread must be `Send`, and a captured reference `&T` is `Send`
//! when `T` is `Sync`. By dereferencing the `Rc` before the scope, the closure captures a
//! `&[i32]` rather than a `&Rc<Vec<i32>>`. Slices of `i32` are `Sync`, and the other thread has
//! no way to reach the `Rc` and touch its count, so the program compiles. The `Rc` itself never
//! leaves the main thread.
//!
//@ pass

use std::rc::Rc;
use std::thread;

fn main() {
    let scores = Rc::new(vec![3, 9, 4]);
    let view: &[i32] = &scores;
    let total: i32 = thread::scope(|s| {
        let worker = s.spawn(|| view.iter().sum::<i32>());
        worker.join().unwrap()
    });
    println!("total = {total}, owners = {}", Rc::strong_count(&scores));
}
