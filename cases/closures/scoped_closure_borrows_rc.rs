//! Borrowing an `Rc` from a scoped thread
//!
//! Scoped threads may borrow locals, but the borrowing closure must still be `Send`. This closure
//! captures `&Rc<Vec<i32>>`, and `&T` is `Send` only when `T` is `Sync`; `Rc` is not `Sync`,
//! because the other thread could call `clone()` through the reference and race with this thread
//! on the non-atomic count. The fix borrows the `Vec` inside the `Rc` instead: a `&[i32]` is
//! `Send` because `[i32]` is `Sync`, and no `Rc` is reachable from the other thread.
//!
//@ fail: E0277
//@ fix: scoped_closure_borrows_rc_contents

use std::rc::Rc;
use std::thread;

fn main() {
    let scores = Rc::new(vec![3, 9, 4]);
    let total: i32 = thread::scope(|s| {
        let worker = s.spawn(|| scores.iter().sum::<i32>());
        worker.join().unwrap()
    });
    println!("total = {total}, owners = {}", Rc::strong_count(&scores));
}
