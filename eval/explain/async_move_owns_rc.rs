//! An `async move` task that owns an `Rc` counter, spawned on an executor that needs `Send`.
//@ expect: rc_captured_by_spawned_async_move
use std::future::Future;
use std::rc::Rc;

fn spawn_task<F: Future<Output = ()> + Send + 'static>(_task: F) {}

fn main() {
    let counter = Rc::new(5);
    spawn_task(async move {
        println!("count {counter}");
    });
}
