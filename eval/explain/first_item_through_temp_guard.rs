//! Borrowing the first queued item through a temporary `MutexGuard`.
//@ expect: mutex_temporary_guard_borrowed
use std::sync::Mutex;

fn main() {
    let queue = Mutex::new(vec![String::from("job")]);
    let first: &String = queue.lock().unwrap().first().unwrap();
    println!("next: {first}");
}
