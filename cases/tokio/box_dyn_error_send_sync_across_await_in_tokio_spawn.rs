//! A `Box<dyn Error + Send + Sync>` alive across `.await` in a `tokio::spawn`ed task
//!
//! `Box<dyn Error + Send + Sync>` is `Send`, so `e` may stay alive across `report(..).await`.
//! `Send` is what `tokio::spawn` needs; `Sync` is what lets `?` convert the `ParseIntError`: std's
//! blanket `From` impl turns every `E: Error + Send + Sync` into a `Box<dyn Error + Send + Sync>`,
//! but it has no such impl for `Box<dyn Error + Send>`, with which the `?` would not compile.
//!
//@ pass
//@ crates: tokio

use std::error::Error;

fn parse_port(text: &str) -> Result<u16, Box<dyn Error + Send + Sync>> {
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
