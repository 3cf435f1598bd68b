//! Keeping a config's fields `Send + Sync` so its `const` assertion holds
//!
//! `const _: fn() = || { .. };` is a compile-time assertion: the closure is type-checked but never
//! called, so `assert_send_sync::<Config>()` costs nothing at run time yet fails the build if
//! `Config` stops being `Send + Sync`. That turns a promise like *the config can be shared by every
//! worker* into something the compiler rechecks on each change. Every field here (`Arc<str>`,
//! `u16`) is `Send + Sync`, so the assertion holds and the workers share one `Arc`.
//!
//@ pass

use std::sync::Arc;
use std::thread;

struct Config {
    region: Arc<str>,
    port: u16,
}

const _: fn() = || {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Config>();
};

fn main() {
    let config = Arc::new(Config {
        region: "eu".into(),
        port: 80,
    });
    let workers: Vec<_> = (0..2)
        .map(|id| {
            let config = Arc::clone(&config);
            thread::spawn(move || println!("{id}: {}:{}", config.region, config.port))
        })
        .collect();
    workers.into_iter().for_each(|w| w.join().unwrap());
}
