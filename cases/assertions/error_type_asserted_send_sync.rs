//! Asserting that an error type is `Send + Sync + 'static`
//!
//! Errors often cross threads: a worker returns one through `join`, or a channel carries it to a
//! supervisor. A `Box<dyn Error + Send + Sync>` source keeps `FetchError` `Send` and `Sync`,
//! because the trait object promises those auto traits for whatever error it holds. The `const`
//! assertion records that guarantee next to the type, so it is rechecked whenever a field changes,
//! even in a library that never spawns a thread itself.
//!
//@ pass

use std::error::Error;
use std::fmt;
use std::thread;

#[derive(Debug)]
struct FetchError {
    url: String,
    source: Box<dyn Error + Send + Sync>,
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
