//! Giving an error type a `Box<dyn Error>` source that threads cannot carry
//!
//! A trait object is `Send` or `Sync` only when its type says so, in it (`dyn Error + Send`) or
//! by a supertrait. `Error` has neither, so `Box<dyn Error>` (which could hold an `Rc`) is neither
//! `Send` nor `Sync`, and `FetchError` is neither `Send` nor `Sync`: the `const` assertion fails
//! next to the type, and so does the worker. The fix stores `Box<dyn Error + Send + Sync>`.
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
