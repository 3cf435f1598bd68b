//! An `Rc` alive across `.await` in a `tokio::spawn`ed task
//!
//! `tokio::spawn` asks for `F: Future + Send + 'static`: on the multi-threaded runtime that
//! `#[tokio::main]` starts, a task may be resumed by another worker thread after an `.await`. Every
//! local still alive at an `.await` is stored in the future, and `cart` is an `Rc`, which is not
//! `Send`: its owner count is updated without atomics. So the error says "future created by async
//! block is not `Send`" and points at the `.await` where `cart` may be used later. One fix uses
//! `Arc`; the other keeps the `Rc` and runs the task with `spawn_local`, which asks for no `Send`.
//!
//@ fail: -
//@ fix: arc_alive_across_await_in_tokio_spawn rc_task_on_local_set_spawn_local
//@ crates: tokio

use std::rc::Rc;

async fn fetch_price(item: &str) -> u32 {
    tokio::task::yield_now().await;
    item.len() as u32 * 100
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let cart = Rc::new(vec!["tea", "milk"]);
        let mut total = 0;
        for item in cart.iter() {
            total += fetch_price(item).await;
        }
        total
    });
    assert_eq!(task.await.unwrap(), 700);
}
