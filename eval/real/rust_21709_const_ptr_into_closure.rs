// Rebuilt from rust-lang/rust#21709, "core::marker::Send and raw pointers" (see
// eval/real/MANIFEST.toml), with today's `thread::spawn` for the pre-1.0 `Thread::spawn`.
use std::thread;

struct ShouldBeSendable {
    x: i32,
}
unsafe impl Send for ShouldBeSendable {}

fn main() {
    let sendable_ptr: *const ShouldBeSendable = &ShouldBeSendable { x: 5 };
    let closure = move || unsafe {
        println!("{}", (*sendable_ptr).x);
    };
    let something = thread::spawn(closure);
    something.join().unwrap();
}
