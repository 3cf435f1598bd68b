//! Implementing a `Send`-supertrait plugin for a type holding an `Rc`
//!
//! `trait Plugin: Send` makes `Send` a precondition of implementing the trait, which is what
//! lets `dyn Plugin` be `Send` everywhere it is used. `Greeter` holds an `Rc<str>`, which is not
//! `Send` (its count is non-atomic, and both boxes share it), so the error appears at the
//! `impl Plugin for Greeter` line, not at the later `thread::spawn`. The fix stores an `Arc<str>`.
//!
//@ fail: E0277
//@ fix: plugin_trait_with_send_supertrait

use std::rc::Rc;
use std::thread;

trait Plugin: Send {
    fn handle(&self, event: &str) -> String;
}

struct Greeter {
    name: Rc<str>,
}

impl Plugin for Greeter {
    fn handle(&self, event: &str) -> String {
        format!("{} saw {event}", self.name)
    }
}

fn main() {
    let name: Rc<str> = Rc::from("greeter");
    let plugins: Vec<Box<dyn Plugin>> =
        vec![Box::new(Greeter { name: Rc::clone(&name) }), Box::new(Greeter { name })];
    let worker = thread::spawn(move || {
        plugins.iter().map(|p| p.handle("start")).collect::<Vec<_>>()
    });
    println!("{:?}", worker.join().unwrap());
}
