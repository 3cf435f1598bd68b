//! A `tokio::spawn`ed task that returns an owned value, wrapped in `Rc` by its caller
//!
//! `Vec<String>` is `Send`, so the task may return it, and `tokio::spawn(load_names())` needs no
//! wrapper. `main` puts the result in an `Rc` once it has it, on its own thread, and shares it from
//! there: an `Rc` may be cloned and dropped freely by the one thread that owns all its clones.
//!
//@ pass
//@ crates: tokio

use std::rc::Rc;

async fn load_names() -> Vec<String> {
    tokio::task::yield_now().await;
    vec![String::from("ada"), String::from("grace")]
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(load_names());
    let names: Rc<Vec<String>> = Rc::new(task.await.unwrap());
    let shared = Rc::clone(&names);
    assert_eq!((shared.len(), Rc::strong_count(&names)), (2, 2));
}
