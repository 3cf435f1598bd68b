//! A toy executor thread fed `Pin<Box<dyn Future>>` tasks without `+ Send`.
//@ expect: pin_box_dyn_future_without_send
use std::future::Future;
use std::pin::Pin;
use std::thread;

type Task = Pin<Box<dyn Future<Output = ()>>>;

fn main() {
    let tasks: Vec<Task> = vec![Box::pin(async { println!("task") })];
    let executor = thread::spawn(move || {
        println!("{} tasks", tasks.len());
    });
    executor.join().unwrap();
}
