//! Updating shared data with `Arc::make_mut`
//!
//! `Arc::make_mut` returns `&mut T` only when that cannot alias another owner: if other `Arc`s
//! still point at the value, it first clones it (`T: Clone`) into a fresh allocation owned by
//! this `Arc` alone; if not, it mutates in place. The reader thread keeps seeing its unchanged
//! two-item snapshot whichever happens, and `main` pushes onto a value nobody else can see.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let mut playlist = Arc::new(vec!["intro".to_string(), "theme".to_string()]);
    let snapshot = Arc::clone(&playlist);
    let reader = thread::spawn(move || snapshot.len());
    Arc::make_mut(&mut playlist).push("outro".to_string());
    assert_eq!(reader.join().unwrap(), 2);
    assert_eq!(playlist.len(), 3);
}
