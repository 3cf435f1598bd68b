//! Word counts keyed by `Rc<str>` moved to a summarising thread.
//@ expect: hashmap_with_rc_keys_not_send
use std::collections::HashMap;
use std::rc::Rc;
use std::thread;

fn main() {
    let mut counts: HashMap<Rc<str>, u32> = HashMap::new();
    *counts.entry(Rc::from("the")).or_insert(0) += 1;
    let summary = thread::spawn(move || counts.len());
    println!("{} words", summary.join().unwrap());
}
