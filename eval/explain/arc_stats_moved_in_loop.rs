//! Moving the one `Arc<Mutex<_>>` of statistics into every worker of a loop.
//@ expect: move_original_arc_into_each_thread book_16_13_mutex_moved_into_loop
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    let stats = Arc::new(Mutex::new(Vec::new()));
    let mut handles = Vec::new();
    for i in 0..3 {
        handles.push(thread::spawn(move || {
            stats.lock().unwrap().push(i);
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
}
