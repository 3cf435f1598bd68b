//! Capturing an `Arc` so a returned `impl Fn` is `Send`
//!
//! Auto traits leak through `impl Trait`: the caller may use any auto trait the hidden type
//! really has. The closure returned here captures only an `Arc<String>`, which is `Send`, so
//! `thread::spawn` accepts it even though the signature does not say `+ Send`. Writing
//! `-> impl Fn(f64) -> String + Send` would turn that accident into a checked promise.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn make_formatter(unit: &str) -> impl Fn(f64) -> String {
    let unit = Arc::new(unit.to_string());
    move |value| format!("{value:.1} {unit}")
}

fn main() {
    let format_km = make_formatter("km");
    let worker = thread::spawn(move || format_km(12.345));
    println!("{}", worker.join().unwrap());
}
