//! An `Rc` future run by `block_on` on a current-thread `tokio` runtime
//!
//! `Runtime::block_on` takes any `F: Future`, with no `Send`: it polls the future on the thread
//! that calls it and returns the output there, as the assert shows. So `render`, which keeps an
//! `Rc<str>` across its `.await`, can run on a runtime built by `Builder::new_current_thread()`;
//! `enable_time()` turns on the timer that `sleep` needs. The `Send` bound is `tokio::spawn`'s, not
//! the runtime's.
//!
//@ pass
//@ crates: tokio

use std::rc::Rc;
use std::thread;
use std::time::Duration;

async fn render(title: Rc<str>) -> (String, thread::ThreadId) {
    tokio::time::sleep(Duration::from_millis(1)).await;
    (format!("<h1>{title}</h1>"), thread::current().id())
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let (html, ran_on) = runtime.block_on(render(Rc::from("Home")));
    assert_eq!(html, "<h1>Home</h1>");
    assert_eq!(ran_on, thread::current().id());
}
