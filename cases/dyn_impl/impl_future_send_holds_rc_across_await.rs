//! Holding an `Rc` across `.await` in an `impl Future + Send`
//!
//! `shared` is an `Rc` alive at the `.await`, so the async block's future is not `Send`. Unlike
//! an `async fn` that only its caller requires to be `Send` (`async/rc_held_across_await`), the
//! `+ Send` here is part of the signature: rustc checks the body against it and points at the
//! return type, so the mistake is reported in the function itself, whoever calls it. The fix
//! confines the `Rc` to an inner block that ends before the `.await`.
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
