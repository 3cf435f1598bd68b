//! Giving spawned workers a reference to local settings.
//@ expect: config_ref_into_spawn
use std::thread;

struct Settings {
    retries: u32,
}

fn main() {
    let settings = Settings { retries: 3 };
    let s = &settings;
    let worker = thread::spawn(move || {
        println!("retrying {} times", s.retries);
    });
    worker.join().unwrap();
}
