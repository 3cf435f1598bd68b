//! A `const` assertion reports a config that lost `Send` and `Sync`
//!
//! `const _: fn() = || { assert_send_sync::<Config>(); };` is checked at compile time and never
//! runs. A refactor switched `region` to `Rc<str>`, whose non-atomic count makes `Config` neither
//! `Send` nor `Sync`, so the assertion fails next to the type it protects, naming `Rc<str>` as the
//! culprit. The `thread::spawn` call fails as well; in a library with no such call, the assertion
//! would be the only guard. The fix goes back to `Arc<str>`.
//!
//@ fail: E0277
//@ fix: const_assert_send_sync_shared_config

use std::rc::Rc;
use std::sync::Arc;
use std::thread;

struct Config {
    region: Rc<str>,
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
