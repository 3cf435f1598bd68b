//! Taking a queue's lock, then handing the guard to a thread to finish the work.
//@ expect: mutex_guard_moved_to_thread
use std::sync::Mutex;
use std::thread;

static QUEUE: Mutex<Vec<u32>> = Mutex::new(Vec::new());

fn main() {
    let mut queue = QUEUE.lock().unwrap();
    queue.push(1);
    let t = thread::spawn(move || {
        queue.push(2);
    });
    t.join().unwrap();
}
