//! Initialising a `static` with a run-time function call
//!
//! A `static` is built into the program image, so its initialiser must be evaluated at compile
//! time: only `const fn` calls are allowed. `load_config` reads an environment variable and
//! allocates a `String`, which can only happen at run time. The fix stores a `OnceLock<Config>`
//! (its `new` is `const`) and fills it on first use with `get_or_init`.
//!
//@ fail: E0015
//@ fix: oncelock_global_config

use std::thread;

struct Config {
    name: String,
    workers: usize,
}

fn load_config() -> Config {
    let workers = std::env::var("APP_WORKERS").ok().and_then(|w| w.parse().ok());
    Config { name: String::from("prod"), workers: workers.unwrap_or(4) }
}

static CONFIG: Config = load_config();

fn config() -> &'static Config {
    &CONFIG
}

fn main() {
    let handles: Vec<_> = (0..3).map(|_| thread::spawn(|| config().workers)).collect();
    for handle in handles {
        assert_eq!(handle.join().unwrap(), config().workers);
    }
    println!("{} runs {} workers", config().name, config().workers);
}
