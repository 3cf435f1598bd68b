//! Returning `Box<dyn Error + Send + Sync>` from an `async fn`
//!
//! With `+ Send` in the object type the boxed error is `Send`, so the future may keep it across
//! `audit(..).await` and still be `Send`. `+ Sync` is added because std's `From` impls convert any
//! `E: Error + Send + Sync`, a `String` or a `&str` into `Box<dyn Error + Send + Sync>`, and have
//! no such conversion into `Box<dyn Error + Send>`: with `+ Send` alone, the
//! `.map_err(Into::into)` below would not compile.
//!
//@ pass

use std::error::Error;
use std::future::Future;

type BoxError = Box<dyn Error + Send + Sync>;

fn require_send<F: Future + Send>(_: F) {}

async fn audit(line: &str) -> usize {
    line.len()
}

async fn load_port(text: &str) -> Result<u16, BoxError> {
    let parsed: Result<u16, BoxError> = text.trim().parse().map_err(Into::into);
    audit(text).await;
    parsed
}

fn main() {
    require_send(load_port(" 8080 "));
}
