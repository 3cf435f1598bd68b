//! A reporting thread that borrows a local vector of scores (no `move`).
//@ expect: book_16_03_closure_borrows_v
use std::thread;

fn main() {
    let scores = vec![90, 72, 85];
    let reporter = thread::spawn(|| {
        let total: i32 = scores.iter().sum();
        println!("total {total}");
    });
    reporter.join().unwrap();
}
