//! Giving each scoped thread its own `chunks_mut` chunk
//!
//! `chunks_mut` yields non-overlapping `&mut [T]` slices, so each one can be moved into its own
//! scoped thread. Every element is then reachable through exactly one `&mut`, which is what makes
//! parallel in-place writes safe without locks. `&mut [u8]` is `Send` because `u8` is `Send`.
//!
//@ pass

use std::thread;

fn main() {
    let mut pixels = vec![10u8; 12];
    thread::scope(|s| {
        for (row, chunk) in pixels.chunks_mut(4).enumerate() {
            s.spawn(move || {
                for p in chunk.iter_mut() {
                    *p += row as u8;
                }
            });
        }
    });
    assert_eq!(pixels, [10, 10, 10, 10, 11, 11, 11, 11, 12, 12, 12, 12]);
}
