//! Scoped threads reading a config held in an `Rc`.
//@ expect: scoped_closure_borrows_rc
use std::rc::Rc;
use std::thread;

fn main() {
    let config = Rc::new(vec![("threads", 4)]);
    thread::scope(|s| {
        s.spawn(|| println!("{:?}", config));
    });
}
