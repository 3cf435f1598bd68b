//! Handing a `RefMut` of a shared list to a scoped thread.
//@ expect: refmut_guard_into_scoped_thread
use std::cell::RefCell;
use std::thread;

fn main() {
    let list = RefCell::new(vec![1, 2]);
    let mut guard = list.borrow_mut();
    thread::scope(|s| {
        s.spawn(move || guard.push(3));
    });
    println!("{:?}", list.borrow());
}
