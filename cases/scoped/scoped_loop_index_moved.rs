//! Moving a loop variable into each scoped thread
//!
//! With `move`, every closure owns a copy of `i`, so it no longer matters that the loop
//! variable dies at the end of the iteration. `names` is a `&[String]`, so moving it just copies
//! the reference; the slice itself is still borrowed, which is fine because it outlives the scope.
//!
//@ pass

use std::thread;

fn greet_all(names: &[String]) {
    thread::scope(|s| {
        for i in 0..names.len() {
            s.spawn(move || {
                println!("worker {i} greets {}", names[i]);
            });
        }
    });
}

fn main() {
    let names = vec!["Ada".to_string(), "Grace".to_string(), "Linus".to_string()];
    greet_all(&names);
}
