//! An `impl Future + Send` that holds an `Rc` across an `.await`
//!
//! An `async` block compiles to a state machine that stores every local still alive at an
//! `.await`, because the task may be suspended there and resumed later, perhaps on another
//! thread. Here `shared` lives until the end of the block, so the future contains an `Rc` and is
//! not `Send`, breaking the `+ Send` promised by the signature. The fix confines the `Rc` to an
//! inner block that ends before the `.await`, so it is never part of the suspended state.
//!
//@ fail: -
//@ fix: impl_future_send_drops_rc_before_await

use std::future::{ready, Future};
use std::pin::pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

struct NoopWake;
impl Wake for NoopWake {
    fn wake(self: Arc<Self>) {}
}

fn summarize(words: Vec<String>) -> impl Future<Output = bool> + Send {
    async move {
        let shared = Rc::new(words);
        let total = shared.iter().map(|w| w.len()).sum::<usize>();
        ready(total > 0).await
    }
}

fn main() {
    let waker = Waker::from(Arc::new(NoopWake));
    let future = pin!(summarize(vec!["alpha".to_string()]));
    let poll = future.poll(&mut Context::from_waker(&waker));
    assert_eq!(poll, Poll::Ready(true));
}
