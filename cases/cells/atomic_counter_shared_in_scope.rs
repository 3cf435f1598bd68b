//! Replacing a `Cell<u32>` with an `AtomicU32` shared by scoped threads
//!
//! `AtomicU32` offers the same *mutate through `&`* as `Cell<u32>`, but every operation is atomic,
//! so it is `Sync` and `&AtomicU32` can be handed to many threads at once. `fetch_add` reads and
//! writes in one step, so no increment is lost. `Relaxed` is enough because `thread::scope` joins
//! all threads, making their writes visible before the final `load`. It is also the correct twin of
//! `cell_counter_behind_lying_sync_impl` (in `unsafe_impls`): no wrapper, no `unsafe impl Sync`,
//! and Miri finds nothing.
//!
//@ pass

use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    let processed = AtomicU32::new(0);
    let processed_ref = &processed;
    thread::scope(|s| {
        for job in [3, 5, 7] {
            s.spawn(move || processed_ref.fetch_add(job, Ordering::Relaxed));
        }
    });
    assert_eq!(processed.load(Ordering::Relaxed), 15);
}
