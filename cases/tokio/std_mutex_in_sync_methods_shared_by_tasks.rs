//! A `std::sync::Mutex` locked only inside non-`async` methods, shared by tasks
//!
//! For plain data, tokio's documentation prefers std's `Mutex`, and suggests this pattern: a type
//! whose methods are not `async` and lock inside. Each guard is dropped before `record` returns, so
//! none can reach an `.await`. `Hits` is `Send` and `Sync` (`std::sync::Mutex<T>: Sync` when
//! `T: Send`), so each task can own an `Arc<Hits>` clone.
//!
//@ pass
//@ crates: tokio

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Default)]
struct Hits(Mutex<HashMap<&'static str, u32>>);

impl Hits {
    fn record(&self, page: &'static str) {
        *self.0.lock().unwrap().entry(page).or_default() += 1;
    }
}

#[tokio::main]
async fn main() {
    let hits = Arc::new(Hits::default());
    let mut tasks = Vec::new();
    for _visitor in 0..8 {
        let hits = Arc::clone(&hits);
        tasks.push(tokio::spawn(async move {
            hits.record("/home");
            tokio::task::yield_now().await;
            hits.record("/about");
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    let counts = hits.0.lock().unwrap();
    assert_eq!((counts["/home"], counts["/about"]), (8, 8));
}
