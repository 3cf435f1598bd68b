//! Capturing an `Arc` in an `async move` block spawned on another thread
//!
//! `spawn` below runs a future on a fresh OS thread, so it needs `F: Future + Send + 'static`, the
//! same bound real multi-threaded executors use. An `async move` block owns what it captures, and
//! it is `Send` only if every capture is. `Arc<String>` is `Send`: its count is atomic and `String`
//! is `Send + Sync`, so the block qualifies and the future runs to completion on the worker.
//!
//@ pass

use std::future::Future;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, JoinHandle, Thread};

struct Unpark(Thread);
impl Wake for Unpark {
    fn wake(self: Arc<Self>) { self.0.unpark() }
}

fn spawn<F: Future + Send + 'static>(fut: F) -> JoinHandle<F::Output>
where F::Output: Send + 'static {
    thread::spawn(move || {
        let waker = Waker::from(Arc::new(Unpark(thread::current())));
        let mut fut = Box::pin(fut);
        loop {
            match fut.as_mut().poll(&mut Context::from_waker(&waker)) {
                Poll::Ready(out) => return out,
                Poll::Pending => thread::park(),
            }
        }
    })
}

fn main() {
    let region = Arc::new(String::from("eu-west"));
    let job = spawn(async move { format!("syncing {region}") });
    println!("{}", job.join().unwrap());
}
