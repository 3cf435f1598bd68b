//! Wrapping a `catch_unwind` closure in `AssertUnwindSafe`
//!
//! `AssertUnwindSafe<F>` is `UnwindSafe` whatever `F` captures, and calling it calls `F`, so
//! wrapping the closure records the caller's judgement that whatever a panic leaves behind is
//! acceptable. Here the only state is a `u32` running total, which a panic could leave short but
//! never invalid.
//!
//@ pass

use std::panic::{self, AssertUnwindSafe};

fn main() {
    let mut total = 0u32;
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        for n in [1, 2, 3] {
            total += n;
        }
    }));
    assert!(result.is_ok());
    assert_eq!(total, 6);
}
