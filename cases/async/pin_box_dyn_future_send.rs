//! Writing `+ Send` into a boxed future's type
//!
//! `Pin<Box<dyn Future<Output = u32> + Send>>` is `Send`, because the object type now promises it.
//! The promise is checked where a future is boxed: `Box::pin(double(21))` compiles because
//! `double`'s future holds only a `u32`, and boxing a future that keeps an `Rc` across an `.await`
//! would be rejected at that line instead of at `thread::spawn`. The worker polls the task once
//! with a no-op waker, which is enough here because `double` never waits.
//!
//@ pass

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread;

type Task = Pin<Box<dyn Future<Output = u32> + Send>>;

struct NoopWake;
impl Wake for NoopWake {
    fn wake(self: Arc<Self>) {}
}

async fn double(x: u32) -> u32 {
    x * 2
}

fn main() {
    let mut task: Task = Box::pin(double(21));
    let worker = thread::spawn(move || {
        let waker = Waker::from(Arc::new(NoopWake));
        task.as_mut().poll(&mut Context::from_waker(&waker))
    });
    assert_eq!(worker.join().unwrap(), Poll::Ready(42));
}
