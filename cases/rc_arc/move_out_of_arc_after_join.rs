//! Moving the value out of an `Arc` with `*`
//!
//! `*lines` is a place behind the `&Vec` that `Deref::deref` returns, and E0507 refuses to move
//! out of any such place, whether other clones exist or not: the compiler never looks at the
//! count. Moving out would leave every other clone pointing at a moved-from vector. The fix calls
//! `Arc::into_inner`, which checks at run time that this is the last strong reference and only
//! then returns the value (after `join`, it always is).
//!
//@ fail: E0507
//@ fix: arc_into_inner_after_join

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
    let mut owned: Vec<String> = *lines;
    owned.sort();
    assert_eq!((total, owned[0].as_str()), (2, "a"));
}
