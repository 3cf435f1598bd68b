// Rebuilt from Matthias247/futures-intrusive#53, "GenericMutexGuard should be marked !Sync"
// (see eval/real/MANIFEST.toml): the reporter's demonstration, with std's `Mutex` and scoped
// threads for the crate's mutex and crossbeam, where it is rejected as the report asks.
use std::cell::Cell;
use std::sync::Mutex;
use std::thread;

static SOME_INT: u64 = 123;

fn main() {
    #[derive(Debug, Clone, Copy)]
    enum RefOrInt<'a> {
        Ref(&'a u64),
        Int(u64),
    }
    let cell = Cell::new(RefOrInt::Ref(&SOME_INT));

    let futures_mutex: Mutex<Cell<_>> = Mutex::new(cell);
    let mutex_guard = futures_mutex.try_lock().unwrap();

    thread::scope(|s| {
        let guard_ref = &mutex_guard;
        let child = s.spawn(move || {
            let smuggled = &(**guard_ref);
            println!("In the thread: {:p} {:?}", smuggled, smuggled.get());
            smuggled.set(RefOrInt::Int(0xdeadbeef));
        });
        mutex_guard.set(RefOrInt::Ref(&SOME_INT));
        child.join().unwrap();
    });
}
