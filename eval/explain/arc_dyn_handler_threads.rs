//! Request handlers as `Arc<dyn Handler + Send>` shared with threads, missing `+ Sync`.
//@ expect: arc_dyn_send_without_sync_to_threads
use std::sync::Arc;
use std::thread;

trait Handler {
    fn handle(&self, req: &str) -> String;
}

struct Echo;

impl Handler for Echo {
    fn handle(&self, req: &str) -> String {
        req.to_string()
    }
}

fn main() {
    let handler: Arc<dyn Handler + Send> = Arc::new(Echo);
    let h = Arc::clone(&handler);
    let t = thread::spawn(move || h.handle("ping"));
    println!("{}", t.join().unwrap());
}
