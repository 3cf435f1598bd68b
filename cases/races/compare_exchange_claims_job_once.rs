//! Claiming a job once with compare_exchange
//!
//! `compare_exchange(false, true, ..)` checks that the flag is still `false` and sets it to `true`
//! in one atomic step, and reports which happened. When two workers race for it, exactly one gets
//! `Ok` and the other gets `Err(true)`, so the job runs once even though both start at the same
//! moment. (`claimed.swap(true, ..)` returning `false` would work as well.)
//!
//@ pass

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::Barrier;
use std::thread;

fn main() {
    let claimed = AtomicBool::new(false);
    let runs = AtomicU32::new(0);
    let barrier = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                barrier.wait(); // both workers try at the same time
                if claimed.compare_exchange(false, true, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
                    runs.fetch_add(1, Ordering::SeqCst); // only the winner runs the job
                }
            });
        }
    });
    assert_eq!(runs.load(Ordering::SeqCst), 1);
}
