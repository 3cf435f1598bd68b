//! Binding the `MutexGuard` so borrows through it stay valid
//!
//! Storing the guard in `guard` extends its life to the end of the block, so the mutex stays
//! locked while `longest` points into the `Vec`, and no other thread can change it meanwhile.
//! The borrow checker now sees the reference end before the guard does. (If the lock should be
//! released sooner, clone the value out instead, for example with `.cloned()`.)
//!
//@ pass

use std::sync::Mutex;

fn main() {
    let names = Mutex::new(vec![String::from("ada"), String::from("grace")]);
    let guard = names.lock().unwrap();
    let longest = guard.iter().max_by_key(|n| n.len());
    println!("longest name: {longest:?}");
}
