//! Borrowing a `task::Context` from a scoped thread
//!
//! A `Context` is what an executor passes to `poll`, and std deliberately makes it neither `Send`
//! nor `Sync` so it can later carry thread-local state, such as a waker that only works on the
//! polling thread. The scoped thread below borrows `cx`, which requires `Context: Sync`, so rustc
//! rejects it. Code that must wake a task from another thread should hand over the `Waker`
//! instead: the fix clones `cx.waker()` and moves the clone into the thread.
//!
//@ fail: E0277
//@ fix: task_waker_cloned_for_thread

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::task::{Context, Wake, Waker};
use std::thread;

struct CountWakes(AtomicUsize);
impl Wake for CountWakes {
    fn wake(self: Arc<Self>) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

fn main() {
    let counter = Arc::new(CountWakes(AtomicUsize::new(0)));
    let waker = Waker::from(Arc::clone(&counter));
    let cx = Context::from_waker(&waker);
    thread::scope(|s| {
        s.spawn(|| cx.waker().wake_by_ref());
    });
    println!("woken {} time(s)", counter.0.load(Ordering::Relaxed));
}
