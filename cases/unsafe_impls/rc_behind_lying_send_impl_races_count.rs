//! Cloning an Rc in two threads behind a lying `unsafe impl Send`
//!
//! `Rc` is not `Send` because its reference count is a plain `Cell<usize>`, updated without any
//! synchronization. Wrapping it and writing `unsafe impl Send` silences the compiler: the program
//! compiles, runs and exits 0. Miri shows what the rule prevents: `main` writes the count in
//! `Rc::clone` while the spawned thread reads it, a data race inside `Rc` itself.
//!
//@ pass
//@ miri: data-race
//@ fix: arc_clones_in_two_threads_need_no_unsafe_impl

use std::rc::Rc;
use std::thread;

struct SendRc(Rc<Vec<u32>>);

// A lie: the count inside `Rc` is not safe to update from two threads.
unsafe impl Send for SendRc {}

fn main() {
    let shared = Rc::new(vec![1, 2, 3]);
    let lie = SendRc(Rc::clone(&shared));
    let worker = thread::spawn(move || {
        let lie = lie; // moves the whole wrapper: `lie.0` alone would capture only the `Rc`
        Rc::clone(&lie.0).len()
    });
    let here = Rc::clone(&shared).len(); // races with the clone in the worker
    assert_eq!(worker.join().unwrap(), here);
}
