//! A `Box<dyn Error>` kept alive across `.await`
//!
//! `dyn Error` names no auto trait, so `Box<dyn Error>` is not `Send`, and a future that still
//! holds one at an `.await` is not `Send` either. Here `parsed` is a `Result` whose `Err` side is
//! such a box, and it is returned only after `audit(..).await`, so it is stored in the state
//! machine. The fix uses `Box<dyn Error + Send + Sync>`, the form std's `From` conversions produce
//! for any `E: Error + Send + Sync`, so `?` and `.into()` keep working and the future is `Send`.
//!
//@ fail: -
//@ fix: box_dyn_error_send_sync_across_await

use std::error::Error;
use std::future::Future;

fn require_send<F: Future + Send>(_: F) {}

async fn audit(line: &str) -> usize {
    line.len()
}

async fn load_port(text: &str) -> Result<u16, Box<dyn Error>> {
    let parsed: Result<u16, Box<dyn Error>> = text.trim().parse().map_err(Into::into);
    audit(text).await;
    parsed
}

fn main() {
    require_send(load_port(" 8080 "));
}
