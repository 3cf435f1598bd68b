// Rebuilt from rust-lang/rust#21469, "Threads with Arc<RefCell<T>>" (see
// eval/real/MANIFEST.toml), with today's `thread::spawn` for the pre-1.0 `Thread::scoped` and
// `try_borrow_mut`'s `Ok` for its old `Some`.
use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

fn main() {
    let r = Arc::new(RefCell::new(42u8));
    let r1 = r.clone();
    let t = thread::spawn(move || loop {
        if let Ok(mut n) = r1.try_borrow_mut() {
            *n += 1;
            break;
        }
    });

    t.join().unwrap();
    println!("{}", *r.borrow_mut());
}
