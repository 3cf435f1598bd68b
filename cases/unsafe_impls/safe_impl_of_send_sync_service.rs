//! A safe impl of a trait with `Send + Sync` supertraits
//!
//! Supertraits are requirements the compiler checks at each `impl`, not promises the
//! implementer makes, so `impl Service for Doubler` needs no `unsafe`. `Doubler` is `Send` and
//! `Sync` automatically, the check passes, and in return `dyn Service` is itself `Send + Sync`,
//! which lets one `Arc<dyn Service>` be cloned into every request thread.
//!
//@ pass

use std::sync::Arc;
use std::thread;

trait Service: Send + Sync {
    fn call(&self, request: u32) -> u32;
}

struct Doubler;

impl Service for Doubler {
    fn call(&self, request: u32) -> u32 {
        request * 2
    }
}

fn main() {
    let service: Arc<dyn Service> = Arc::new(Doubler);
    let handles: Vec<_> = (1..=3)
        .map(|request| {
            let service = Arc::clone(&service);
            thread::spawn(move || service.call(request))
        })
        .collect();
    let total: u32 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!("total = {total}");
}
