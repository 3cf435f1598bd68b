//! Creating a channel without saying what it carries
//!
//! `mpsc::channel::<T>()` is generic over the type `T` of its messages, and this listing neither
//! sends nor receives anything, so the compiler has nothing to infer `T` from (E0282). The Book
//! shows it as a first step that *won't compile yet*. The fix names the message type with a
//! turbofish; Listing 16-7 instead lets inference pick `String` by sending one.
//!
//@ fail: E0282
//@ fix: book_16_06_channel_type_annotated
//@ book: 16-6

use std::sync::mpsc;

fn main() {
    let (tx, rx) = mpsc::channel();
}
