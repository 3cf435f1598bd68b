//! Pushing onto a `Vec` through an `Arc`
//!
//! `Arc<T>` implements `Deref` but not `DerefMut`: other clones (here, the reader thread's
//! `snapshot`) may be reading the same vector, so handing out `&mut Vec` would break the rule of
//! one writer or many readers. The fix calls `Arc::make_mut`, which gives `&mut` access only after
//! cloning the vector if any other `Arc` still points at it (clone-on-write).
//!
//@ fail: E0596
//@ fix: arc_make_mut_copy_on_write

use std::sync::Arc;
use std::thread;

fn main() {
    let playlist = Arc::new(vec!["intro".to_string(), "theme".to_string()]);
    let snapshot = Arc::clone(&playlist);
    let reader = thread::spawn(move || snapshot.len());
    playlist.push("outro".to_string());
    assert_eq!(reader.join().unwrap(), 2);
    assert_eq!(playlist.len(), 3);
}
