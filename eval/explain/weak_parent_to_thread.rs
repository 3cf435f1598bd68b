//! Handing an `rc::Weak` parent link to a background thread.
//@ expect: rc_weak_into_thread
use std::rc::{Rc, Weak};
use std::thread;

struct Node {
    name: String,
}

fn main() {
    let root = Rc::new(Node { name: "root".into() });
    let parent: Weak<Node> = Rc::downgrade(&root);
    let t = thread::spawn(move || parent.upgrade().is_some());
    println!("{} alive: {}", root.name, t.join().unwrap());
}
