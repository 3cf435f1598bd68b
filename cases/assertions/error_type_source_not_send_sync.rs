//! Giving an error type a `Box<dyn Error>` source that threads cannot carry
//!
//! A trait object carries only the auto traits written in its type, and `dyn Error` names none, so
//! the box could hold an error with an `Rc` inside. `FetchError` is therefore neither `Send` nor
//! `Sync`: the `const` assertion fails next to the type, and so does the worker returning it. The
//! fix stores `Box<dyn Error + Send + Sync>`, the usual source type for errors that cross threads.
//!
//@ fail: E0277
//@ fix: error_type_asserted_send_sync

use std::error::Error;
use std::fmt;
use std::thread;

#[derive(Debug)]
struct FetchError {
    url: String,
    source: Box<dyn Error>,
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "fetching {} failed: {}", self.url, self.source)
    }
}

impl Error for FetchError {}

const _: fn() = || {
    fn assert_thread_safe_error<E: Error + Send + Sync + 'static>() {}
    assert_thread_safe_error::<FetchError>();
};

fn main() {
    let worker = thread::spawn(|| FetchError {
        url: "/a".into(),
        source: "timeout".into(),
    });
    println!("{}", worker.join().unwrap());
}
