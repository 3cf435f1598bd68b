//! Asserting `Send` for a generic type without bounding its parameter
//!
//! Auto traits are conditional: `Batch<T>` holds a `Vec<T>`, so `Batch<T>` is `Send` exactly when
//! `T` is. The associated const below turns *a batch can go to a worker thread* into a compile-time
//! check (`assert_send::<Self>` only type-checks if `Self: Send`). In `impl<T>`, `T` could be
//! `Rc<u8>`, so rustc cannot prove the claim and reports that `T` cannot be sent. The fix states
//! the condition, `impl<T: Send>`, which is exactly when the assertion is true.
//!
//@ fail: E0277
//@ fix: generic_assert_send_with_param_bound

use std::thread;

fn assert_send<T: Send>() {}

struct Batch<T> {
    items: Vec<T>,
}

impl<T> Batch<T> {
    const IS_SEND: fn() = assert_send::<Self>;

    fn new(items: Vec<T>) -> Self {
        Batch { items }
    }
}

fn main() {
    let batch = Batch::new(vec![String::from("a"), String::from("b")]);
    let worker = thread::spawn(move || batch.items.len());
    println!("processed {}", worker.join().unwrap());
}
