//! A list of stateful `Box<dyn FnMut + Send>` tasks run on a worker
//!
//! Boxing closures into a trait object erases their concrete types, and with them the
//! compiler's knowledge of which auto traits they have: a plain `Box<dyn FnMut(u32) -> String>`
//! is not `Send`, even if every closure put in it is. Writing `+ Send` in the object type keeps
//! that promise, checked when each closure is boxed, so the whole `Vec` may move to the worker.
//! `FnMut` lets the first task update its own captured `total` on every call.
//!
//@ pass

use std::thread;

type Task = Box<dyn FnMut(u32) -> String + Send>;

fn main() {
    let mut total = 0;
    let mut tasks: Vec<Task> = vec![
        Box::new(move |tick| {
            total += tick;
            format!("running total {total}")
        }),
        Box::new(|tick| format!("tick {tick}")),
    ];
    let worker = thread::spawn(move || {
        let mut lines = Vec::new();
        for tick in 1..=3 {
            for task in tasks.iter_mut() {
                lines.push(task(tick));
            }
        }
        lines
    });
    for line in worker.join().unwrap() {
        println!("{line}");
    }
}
