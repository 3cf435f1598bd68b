//! A `RefCell` borrow of a shopping cart kept across `.await`.
//@ expect: refcell_borrow_held_across_await
use std::cell::RefCell;
use std::future::Future;

fn spawn_task<F: Future<Output = ()> + Send + 'static>(_task: F) {}

async fn price_of(item: &str) -> u32 {
    item.len() as u32
}

async fn checkout() {
    let cart = RefCell::new(vec!["apple".to_string()]);
    let items = cart.borrow();
    let total = price_of(&items[0]).await;
    println!("{} items, total {total}", items.len());
}

fn main() {
    spawn_task(checkout());
}
