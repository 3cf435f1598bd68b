//! Passing `catch_unwind` a closure that captures `&mut`
//!
//! `catch_unwind` requires its closure to be `UnwindSafe`, an auto trait of its own, separate from
//! `Send` and `Sync`. `&mut T` is never `UnwindSafe`: if the closure panicked halfway through an
//! update, the caller could go on to observe the broken value. This closure captures `&mut total`,
//! which is `Send` and `Sync`, yet rustc's E0277 says the type "may not be safely transferred
//! across an unwind boundary". The fix wraps the closure in `AssertUnwindSafe`, stating that a
//! half-updated `u32` is acceptable here.
//!
//@ fail: E0277
//@ fix: catch_unwind_assert_unwind_safe

use std::panic;

fn main() {
    let mut total = 0u32;
    let result = panic::catch_unwind(|| {
        for n in [1, 2, 3] {
            total += n;
        }
    });
    assert!(result.is_ok());
    assert_eq!(total, 6);
}
