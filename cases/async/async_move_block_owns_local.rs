//! Writing `async move` so a spawned future owns its captures
//!
//! With `move`, the async block takes ownership of `user` instead of borrowing it, so the future
//! contains no references into `main`'s stack frame and is `'static`. `String` is `Send`, so the
//! future is also `Send`, and `spawn` can run it on another thread for as long as it needs.
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
    let user = String::from("ada");
    let job = spawn(async move { format!("hello {user}") });
    println!("{}", job.join().unwrap());
}
