//! Handing `fmt::Arguments` to a helper thread
//!
//! `format_args!` builds a `fmt::Arguments` that refers to its values through type-erased
//! pointers, so the type no longer knows whether those values are `Sync`; one of them could be a
//! `Display` type with a `Cell` inside. std therefore makes `Arguments` neither `Send` nor `Sync`,
//! and moving it into a scoped thread is rejected. The fix renders the message to an owned
//! `String` on the calling thread and moves that instead.
//!
//@ fail: E0277
//@ fix: fmt_arguments_rendered_before_thread

use std::fmt;
use std::thread;

fn log_on_helper(args: fmt::Arguments<'_>) {
    thread::scope(|s| {
        s.spawn(move || println!("[log] {args}"));
    });
}

fn main() {
    let user = "ada";
    log_on_helper(format_args!("{user} logged in"));
}
