//! Moving a `HashMap` with `Rc<str>` keys into a thread
//!
//! Collections are `Send` only when what they contain is: `HashMap<K, V>` needs `K: Send` and
//! `V: Send`. Sharing each word as an `Rc<str>` between the map and the `order` list saves
//! allocations within one thread, but it makes the map non-`Send`, so moving it into a
//! reporting thread fails with E0277. The fix converts the keys to `String` at the thread
//! boundary, and the `Rc`s stay behind on the main thread.
//!
//@ fail: E0277
//@ fix: hashmap_keys_converted_before_send

use std::collections::HashMap;
use std::rc::Rc;
use std::thread;

fn main() {
    let mut order: Vec<Rc<str>> = Vec::new();
    let mut counts: HashMap<Rc<str>, u32> = HashMap::new();
    for word in "to be or not to be".split(' ') {
        if let Some(n) = counts.get_mut(word) {
            *n += 1;
            continue;
        }
        let key: Rc<str> = Rc::from(word);
        order.push(Rc::clone(&key));
        counts.insert(key, 1);
    }
    let reporter = thread::spawn(move || counts.values().filter(|&&n| n > 1).count());
    println!("{} repeated words, first was {}", reporter.join().unwrap(), order[0]);
}
