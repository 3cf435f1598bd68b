//! Using `Arc` instead of a lying `unsafe impl Send` around an `Rc`
//!
//! This is the fix for `rc_behind_lying_send_impl_races_count`. `Arc` keeps its count in an
//! atomic integer, so clones in two threads cannot race, and `Arc<Vec<u32>>` is `Send` on its
//! own: no wrapper and no `unsafe impl`. Miri runs the same two clones and finds nothing.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let shared = Arc::new(vec![1, 2, 3]);
    let theirs = Arc::clone(&shared);
    let worker = thread::spawn(move || Arc::clone(&theirs).len());
    let here = Arc::clone(&shared).len(); // an atomic increment: no race
    assert_eq!(worker.join().unwrap(), here);
}
