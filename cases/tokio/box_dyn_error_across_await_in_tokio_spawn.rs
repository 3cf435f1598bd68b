//! A `Box<dyn Error>` alive across `.await` in a `tokio::spawn`ed task
//!
//! `Error` has no `Send` supertrait and `dyn Error` names no auto trait, so `Box<dyn Error>` is not
//! `Send`. In the `Err(e)` arm, `e` lives until the arm ends, past `report(..).await`, so the
//! future stores a `Box<dyn Error>` although only its message is used after it: the task is not
//! `Send`. The fix returns `Box<dyn Error + Send + Sync>`, whose box is `Send`; `?` still converts
//! the `ParseIntError`, since std's blanket `From` impl turns every `E: Error + Send + Sync` into
//! that type.
//!
//@ fail: -
//@ fix: box_dyn_error_send_sync_across_await_in_tokio_spawn
//@ crates: tokio

use std::error::Error;

fn parse_port(text: &str) -> Result<u16, Box<dyn Error>> {
    Ok(text.trim().parse()?)
}

async fn report(message: String) {
    tokio::task::yield_now().await;
    assert!(message.contains("invalid digit"));
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        match parse_port("80x") {
            Ok(port) => port,
            Err(e) => {
                report(e.to_string()).await;
                8080
            }
        }
    });
    assert_eq!(task.await.unwrap(), 8080);
}
