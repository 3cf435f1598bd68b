//! Spawning an `async move` block that owns an `Rc` on another thread
//!
//! `spawn` runs a future on a fresh OS thread, so it requires `F: Future + Send + 'static`. An
//! `async move` block stores its captures, so it is `Send` only if each of them is, and the
//! captured `Rc<String>` is not: the caller could keep a clone and both threads would update the
//! non-atomic count. The fix captures an `Arc<String>`, whose count is atomic.
//!
//@ fail: -
//@ fix: arc_captured_by_spawned_async_move

use std::future::Future;
use std::rc::Rc;
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
    let region = Rc::new(String::from("eu-west"));
    let job = spawn(async move { format!("syncing {region}") });
    println!("{}", job.join().unwrap());
}
