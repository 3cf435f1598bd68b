//! Naming a channel's message type with a turbofish
//!
//! Every channel has one message type, fixed at compile time, so the compiler must know it even if
//! nothing is sent yet. `mpsc::channel::<String>()` supplies the `T` it could not infer in Listing
//! 16-6, giving a `Sender<String>` and a `Receiver<String>`. The halves are still unused, so they
//! get a leading underscore to keep the unused-variable lint quiet.
//!
//@ pass

use std::sync::mpsc;

fn main() {
    let (_tx, _rx) = mpsc::channel::<String>();
}
