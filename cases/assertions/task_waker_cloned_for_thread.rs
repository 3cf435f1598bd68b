//! Handing a cloned `Waker`, not the `Context`, to another thread
//!
//! `Context` is neither `Send` nor `Sync`, but the `Waker` inside it is both: waking a task from
//! another thread, for example when I/O or a timer completes, is exactly what wakers are for.
//! Cloning `cx.waker()` gives an owned `Waker` that the scoped thread can take with `move`; calling
//! `wake()` on it runs `CountWakes::wake`, which counts atomically.
//!
//@ pass

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
    let thread_waker = cx.waker().clone();
    thread::scope(|s| {
        s.spawn(move || thread_waker.wake());
    });
    println!("woken {} time(s)", counter.0.load(Ordering::Relaxed));
}
