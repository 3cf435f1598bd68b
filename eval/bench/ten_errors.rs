//! Ten Send/Sync errors in one program, for the `explain` benchmark (scripts/bench.py
//! --only-explain): what explain costs beyond compiling, with ten errors to explain.
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;
use std::sync::{mpsc, Arc, Mutex};
use std::thread;

fn spawn_task<F: Future<Output = ()> + Send + 'static>(_task: F) {}
async fn tick() {}

fn rc_into_spawn() {
    let rc = Rc::new(1);
    thread::spawn(move || println!("{rc}"));
}
fn arc_refcell() {
    let cache = Arc::new(RefCell::new(0));
    thread::spawn(move || *cache.borrow_mut() += 1);
}
fn cell_in_scope() {
    let hits = Cell::new(0);
    thread::scope(|s| {
        s.spawn(|| hits.set(1));
    });
}
fn guard_to_thread(m: &'static Mutex<u32>) {
    let g = m.lock().unwrap();
    thread::spawn(move || drop(g));
}
fn rc_over_channel() {
    let (tx, rx) = mpsc::channel::<Rc<u8>>();
    thread::spawn(move || drop(rx));
    drop(tx);
}
fn rc_across_await() {
    spawn_task(async {
        let rc = Rc::new(1);
        tick().await;
        drop(rc);
    });
}
fn guard_across_await(m: &'static Mutex<u32>) {
    spawn_task(async move {
        let g = m.lock().unwrap();
        tick().await;
        drop(g);
    });
}
fn raw_ptr(p: *mut u8) {
    thread::spawn(move || drop(p));
}
fn borrow_without_move() {
    let v = vec![1];
    thread::spawn(|| println!("{v:?}"));
}
fn generic_without_send<T: 'static>(t: T) {
    thread::spawn(move || drop(t));
}

fn main() {
    rc_into_spawn();
    arc_refcell();
    cell_in_scope();
    rc_over_channel();
    rc_across_await();
    borrow_without_move();
    let _ = (guard_to_thread, guard_across_await, raw_ptr, generic_without_send::<u8>);
}
