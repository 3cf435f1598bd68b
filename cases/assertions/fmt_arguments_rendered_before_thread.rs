//! Rendering `fmt::Arguments` to a `String` before crossing threads
//!
//! `fmt::Arguments` is neither `Send` nor `Sync` because it points at type-erased values of unknown
//! thread-safety. Calling `args.to_string()` runs the formatting right away, on the thread that
//! owns those values, and yields a `String`, which is `Send`. Only the finished text travels to the
//! helper thread, so nothing it touches could be shared unsafely.
//!
//@ pass

use std::fmt;
use std::thread;

fn log_on_helper(args: fmt::Arguments<'_>) {
    let line = args.to_string();
    thread::scope(|s| {
        s.spawn(move || println!("[log] {line}"));
    });
}

fn main() {
    let user = "ada";
    log_on_helper(format_args!("{user} logged in"));
}
