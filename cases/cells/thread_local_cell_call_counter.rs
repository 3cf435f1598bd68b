//! A per-thread call counter with `thread_local!` and `Cell`
//!
//! `thread_local!` gives each thread its own instance of the value, created on first use, and
//! `with` lends out a reference that cannot escape the current thread. Because no two threads
//! ever touch the same `Cell`, it need not be `Sync`. That fits state that really is per thread,
//! such as how often *this* thread called a function: the spawned thread's count starts at zero
//! and `main`'s is unchanged by it. It is no way around `Sync` for state that threads must share:
//! IDs unique across threads need one counter, an atomic (`static_atomic_id_counter`).
//!
//@ pass

use std::cell::Cell;
use std::thread;

thread_local! {
    static CALLS: Cell<u32> = const { Cell::new(0) };
}

fn parse(line: &str) -> usize {
    CALLS.with(|calls| calls.set(calls.get() + 1));
    line.split(',').count()
}

fn calls_on_this_thread() -> u32 {
    CALLS.with(Cell::get)
}

fn main() {
    assert_eq!(parse("a,b") + parse("c"), 3);
    let worker = thread::spawn(|| {
        parse("d,e,f");
        calls_on_this_thread()
    });
    assert_eq!(worker.join().unwrap(), 1);
    assert_eq!(calls_on_this_thread(), 2);
}
