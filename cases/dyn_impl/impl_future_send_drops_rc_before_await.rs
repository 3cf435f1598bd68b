//! Dropping the `Rc` before the `.await` of an `impl Future + Send`
//!
//! Only locals that are still alive at an `.await` become part of the future's stored state.
//! The `Rc` now lives in an inner block that ends before `ready(..).await`, so the state saved
//! at that point holds only the `Ready<bool>` being awaited, and the `+ Send` in the signature is
//! satisfied. An `Rc` may still be used freely between await points. `main` polls the future
//! once with a no-op waker.
//!
//@ pass

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
        let total = {
            let shared = Rc::new(words);
            shared.iter().map(|w| w.len()).sum::<usize>()
        };
        ready(total > 0).await
    }
}

fn main() {
    let waker = Waker::from(Arc::new(NoopWake));
    let future = pin!(summarize(vec!["alpha".to_string()]));
    let poll = future.poll(&mut Context::from_waker(&waker));
    assert_eq!(poll, Poll::Ready(true));
}
