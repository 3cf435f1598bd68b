//! A borrow of a local `Mutex` moved into `tokio::spawn`ed tasks
//!
//! `tokio::spawn` asks for `F: 'static` too: a task may outlive the function that spawned it, since
//! nothing forces anyone to await its `JoinHandle`. Each task captures `&tally`, a borrow of
//! `main`'s local, so rustc gives E0597, "argument requires that `tally` is borrowed for
//! `'static`". That `main` awaits every task before `tally` is dropped does not help: the bound is
//! on the future's type, checked at the call. The fix gives each task an `Arc` clone of the
//! `Mutex`, so no task borrows.
//!
//@ fail: E0597
//@ fix: arc_mutex_shared_by_tokio_tasks
//@ crates: tokio

use std::sync::Mutex;

#[tokio::main]
async fn main() {
    let tally = Mutex::new(0);
    let mut tasks = Vec::new();
    for n in 1..=4 {
        let tally = &tally;
        tasks.push(tokio::spawn(async move {
            tokio::task::yield_now().await;
            *tally.lock().unwrap() += n;
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(*tally.lock().unwrap(), 10);
}
