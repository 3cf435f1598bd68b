//! Spawning an `async` block that borrows a local
//!
//! A plain `async { .. }` block captures the variables it uses by reference, so this future
//! borrows `user` from `main`. `spawn` demands `F: 'static` because the worker thread may keep
//! polling the future after `main` has moved on, when `user` could already be freed. rustc reports
//! that the block may outlive the borrowed value. The fix writes `async move`, so the future owns
//! its own `String`.
//!
//@ fail: E0373
//@ fix: async_move_block_owns_local

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
    let job = spawn(async { format!("hello {user}") });
    println!("{}", job.join().unwrap());
}
