//! Taking two locks in one global order, under Miri
//!
//! This is the fix for `lock_order_inversion_deadlocks_under_miri`. A deadlock needs a cycle:
//! one thread holds A and waits for B while another holds B and waits for A. `transfer` now
//! always locks the account with the lower index first, whichever way the money moves, so no
//! such cycle can form. Miri runs the same overlapping schedule and finds nothing, and the total
//! stays 10,000. The compiler does not check lock order: it is a convention you keep.
//!
//@ pass

use std::sync::Mutex;
use std::thread;
use std::time::Duration;

fn transfer(accounts: &[Mutex<i64>; 2], from: usize, to: usize) {
    let mut low = accounts[from.min(to)].lock().unwrap(); // always index 0 first
    let mut high = accounts[from.max(to)].lock().unwrap();
    let (src, dst) = if from < to { (&mut *low, &mut *high) } else { (&mut *high, &mut *low) };
    *src -= 1;
    *dst += 1;
}

fn main() {
    let accounts = [Mutex::new(5000), Mutex::new(5000)];
    thread::scope(|s| {
        s.spawn(|| (0..200).for_each(|_| transfer(&accounts, 0, 1)));
        s.spawn(|| {
            thread::sleep(Duration::from_millis(100)); // arrives later
            (0..200).for_each(|_| transfer(&accounts, 1, 0));
        });
    });
    assert_eq!(*accounts[0].lock().unwrap() + *accounts[1].lock().unwrap(), 10_000);
}
