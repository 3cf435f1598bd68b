//! A memo cache in `Arc<RefCell<HashMap>>` shared by worker threads.
//@ expect: arc_refcell_shared_cache
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::thread;

fn main() {
    let cache: Arc<RefCell<HashMap<u64, u64>>> = Arc::new(RefCell::new(HashMap::new()));
    let mut workers = Vec::new();
    for n in 0..4u64 {
        let cache = Arc::clone(&cache);
        workers.push(thread::spawn(move || {
            let sq = *cache.borrow_mut().entry(n).or_insert(n * n);
            println!("{n}^2 = {sq}");
        }));
    }
    for w in workers {
        w.join().unwrap();
    }
}
