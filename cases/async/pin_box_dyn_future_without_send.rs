//! Moving a `Pin<Box<dyn Future>>` without `+ Send` into a thread
//!
//! Boxing a future erases its type, and `dyn Future<Output = u32>` names no auto trait, so the
//! compiler cannot tell whether the state machine behind the box is `Send`. `Box<T>` and
//! `Pin<Box<T>>` are `Send` only when `T: Send`, so the boxed task cannot move into `thread::spawn`
//! (E0277), even though this particular future holds only a `u32`. The fix writes `dyn
//! Future<Output = u32> + Send` in the alias: each future is then checked for `Send` where it is
//! boxed, and every `Task` may cross threads.
//!
//@ fail: E0277
//@ fix: pin_box_dyn_future_send

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread;

type Task = Pin<Box<dyn Future<Output = u32>>>;

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
