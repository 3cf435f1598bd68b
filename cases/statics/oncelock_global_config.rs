//! A global configuration in a `static OnceLock`
//!
//! `OnceLock::new()` is a `const fn`, so the `static` itself is built at compile time, empty.
//! The first call to `get_or_init` runs `load_config` at run time; if several threads race to it,
//! exactly one initialiser runs and the others wait, then all get the same `&'static Config`.
//! `OnceLock<T>` is `Sync` when `T: Send + Sync`, which `Config` is, so it may be a `static`.
//!
//@ pass
//@ min-rust: 1.70

use std::sync::OnceLock;
use std::thread;

struct Config {
    name: String,
    workers: usize,
}

fn load_config() -> Config {
    let workers = std::env::var("APP_WORKERS").ok().and_then(|w| w.parse().ok());
    Config { name: String::from("prod"), workers: workers.unwrap_or(4) }
}

static CONFIG: OnceLock<Config> = OnceLock::new();

fn config() -> &'static Config {
    CONFIG.get_or_init(load_config)
}

fn main() {
    let handles: Vec<_> = (0..3).map(|_| thread::spawn(|| config().workers)).collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), config().workers);
    }
    println!("{} runs {} workers", config().name, config().workers);
}
