// Rebuilt from zesterer/spin-rs#73, "MutexGuard should not implement Send" (see
// eval/real/MANIFEST.toml): the poster's snippet, which should not compile, with std's `Mutex`
// and scoped threads for spin's and crossbeam's.
use std::sync::Mutex;
use std::thread;

fn main() {
    let mutex = Mutex::new(0usize);
    let mut locked = mutex.lock().unwrap();

    thread::scope(move |s| {
        s.spawn(move || {
            *locked += 1;
            println!("locked: {}", *locked);
        });
    });
}
