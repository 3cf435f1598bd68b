//! Writing `unsafe impl` for a trait that is not `unsafe`
//!
//! `unsafe impl` is only for traits declared `unsafe trait`, whose contract the compiler cannot
//! check. `Service` has `Send + Sync` as supertraits, but it is an ordinary trait: the compiler
//! verifies those supertraits itself and would reject an impl for a type that lacks them, so
//! there is nothing for the implementer to vouch for, and the stray `unsafe` is an error. The fix
//! drops the keyword; `Doubler` has no fields and is automatically `Send` and `Sync`.
//!
//@ fail: E0199
//@ fix: safe_impl_of_send_sync_service

use std::sync::Arc;
use std::thread;

trait Service: Send + Sync {
    fn call(&self, request: u32) -> u32;
}

struct Doubler;

unsafe impl Service for Doubler {
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
