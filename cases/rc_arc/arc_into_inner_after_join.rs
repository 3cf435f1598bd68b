//! Taking the value back out of an `Arc` once the threads are done
//!
//! `Arc::into_inner` consumes an `Arc` and returns `Some(value)` if it was the last strong
//! reference, or `None` otherwise (dropping it either way). Once every worker has been joined,
//! their clones have been dropped, so `main` holds the only one and gets the vector back by value,
//! free to sort it. `Arc::try_unwrap` does the same but hands back the `Arc` on failure.
//!
//@ pass

use std::sync::Arc;
use std::thread;

fn main() {
    let lines = Arc::new(vec!["b".to_string(), "c".to_string(), "a".to_string()]);
    let workers: Vec<_> = (0..2)
        .map(|i| {
            let lines = Arc::clone(&lines);
            thread::spawn(move || lines[i].len())
        })
        .collect();
    let total: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    let mut owned: Vec<String> = Arc::into_inner(lines).expect("workers have finished");
    owned.sort();
    assert_eq!((total, owned[0].as_str()), (2, "a"));
}
