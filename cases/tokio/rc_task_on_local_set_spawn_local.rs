//! An `Rc` task run by `spawn_local` on a `LocalSet`
//!
//! `tokio::task::spawn_local` asks only for `F: Future + 'static`, with no `Send`: its task belongs
//! to the `LocalSet` it is spawned on, and runs on the thread that drives the set (here `main`'s,
//! through `run_until`), as the assert shows. `LocalSet` is not `Send`, so neither the set nor its
//! tasks can leave that thread. The task keeps its `Rc`: an `Rc` shared only by one thread's tasks
//! is safe.
//!
//@ pass
//@ crates: tokio

use std::rc::Rc;
use std::thread;
use tokio::task::LocalSet;

async fn fetch_price(item: &str) -> u32 {
    tokio::task::yield_now().await;
    item.len() as u32 * 100
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let main_thread = thread::current().id();
    let local = LocalSet::new();
    local
        .run_until(async {
            let task = tokio::task::spawn_local(async move {
                let cart = Rc::new(vec!["tea", "milk"]);
                let mut total = 0;
                for item in cart.iter() {
                    total += fetch_price(item).await;
                }
                assert_eq!(thread::current().id(), main_thread);
                total
            });
            assert_eq!(task.await.unwrap(), 700);
        })
        .await;
}
