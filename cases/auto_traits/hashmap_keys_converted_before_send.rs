//! Converting `Rc<str>` keys to `String` before sending a map
//!
//! `HashMap<String, u32>` is `Send` because both `String` and `u32` are. Rebuilding the map
//! with owned `String` keys just before spawning restructures the data so that nothing
//! non-thread-safe crosses the boundary; the `Rc<str>` values in `order` never leave the main
//! thread, so their reference counts are only ever touched there.
//!
//@ pass

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
    let counts: HashMap<String, u32> =
        counts.into_iter().map(|(w, n)| (w.to_string(), n)).collect();
    let reporter = thread::spawn(move || counts.values().filter(|&&n| n > 1).count());
    println!("{} repeated words, first was {}", reporter.join().unwrap(), order[0]);
}
