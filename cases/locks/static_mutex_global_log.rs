//! A global log in a `static Mutex`
//!
//! Every thread can reach a `static`, so its type must be `Sync`; `Mutex<Vec<String>>` is,
//! because `Vec<String>` is `Send`. `Mutex::new` and `Vec::new` are `const fn`, so the static
//! is built at compile time with no lazy initialisation. Threads then append through `lock()`
//! without any `Arc`, since a static lives for the whole program.
//!
//@ pass

use std::sync::Mutex;
use std::thread;

static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn log(line: String) {
    LOG.lock().unwrap().push(line);
}

fn main() {
    let handles: Vec<_> = (0..3)
        .map(|id| thread::spawn(move || log(format!("worker {id} done"))))
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let mut lines = LOG.lock().unwrap().clone();
    lines.sort();
    assert_eq!(lines.len(), 3);
    println!("{}", lines.join("\n"));
}
