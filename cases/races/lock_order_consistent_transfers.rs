//! Taking locks in one global order cannot deadlock
//!
//! A deadlock needs a cycle: thread 1 holds A and waits for B while thread 2 holds B and waits for
//! A. If every thread takes locks in the same order, here the lower account index first, whichever
//! way the money moves, no such cycle can form. Two threads then make 10,000 opposite transfers
//! each and always finish. The compiler does not check lock order; this is a convention you keep.
//!
//@ pass
//@ miri: skip: 20,000 locked transfers overrun the time limit under Miri; lock_order_by_index_never_deadlocks runs the same pattern under Miri

use std::sync::{Arc, Mutex};
use std::thread;

fn transfer(accounts: &[Mutex<i64>; 2], from: usize, to: usize, amount: i64) {
    let mut low = accounts[from.min(to)].lock().unwrap(); // always index 0 first...
    let mut high = accounts[from.max(to)].lock().unwrap(); // ...then index 1
    let (src, dst) = if from < to { (&mut *low, &mut *high) } else { (&mut *high, &mut *low) };
    *src -= amount;
    *dst += amount;
}

fn main() {
    let accounts = Arc::new([Mutex::new(100), Mutex::new(50)]);
    let mut handles = Vec::new();
    for (from, to) in [(0, 1), (1, 0)] {
        let accounts = Arc::clone(&accounts);
        handles.push(thread::spawn(move || {
            for _ in 0..10_000 {
                transfer(&accounts, from, to, 1);
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    assert_eq!(*accounts[0].lock().unwrap(), 100);
    assert_eq!(*accounts[1].lock().unwrap(), 50);
}
