//! Running a non-`Send` future on a one-thread `block_on`
//!
//! `Send` is demanded by whoever moves a future to another thread, not by `async` itself. This
//! `block_on` polls the future on the calling thread until it is ready, so `tally`, which keeps an
//! `Rc` across an `.await` that really suspends once, runs to completion although its future is
//! not `Send`. A multi-threaded executor's `spawn` requires `Future + Send` and would reject it.
//!
//@ pass

use std::future::{poll_fn, Future};
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct NoopWake;
impl Wake for NoopWake {
    fn wake(self: Arc<Self>) {}
}

fn block_on<F: Future>(future: F) -> F::Output {
    let waker = Waker::from(Arc::new(NoopWake));
    let mut future = pin!(future);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut Context::from_waker(&waker)) {
            return out;
        }
    }
}

async fn tally(words: Vec<&str>) -> usize {
    let shared = Rc::new(words);
    let mut yielded = false;
    poll_fn(|_| if yielded { Poll::Ready(()) } else { yielded = true; Poll::Pending }).await;
    shared.len()
}

fn main() {
    assert_eq!(block_on(tally(vec!["a", "b"])), 2);
}
