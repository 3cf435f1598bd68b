//! Holding an `Arc<str>` so a plugin meets its `Send` supertrait
//!
//! Declaring `trait Plugin: Send` means a type may implement `Plugin` only if it is `Send`, and
//! the compiler checks this once, at each `impl Plugin` block. In return, `dyn Plugin` is `Send`
//! without writing `+ Send` at every use, so `Vec<Box<dyn Plugin>>` can move into a worker.
//! `Greeter` holds an `Arc<str>`, which is `Send`, so its impl is accepted.
//!
//@ pass

use std::sync::Arc;
use std::thread;

trait Plugin: Send {
    fn handle(&self, event: &str) -> String;
}

struct Greeter {
    name: Arc<str>,
}

impl Plugin for Greeter {
    fn handle(&self, event: &str) -> String {
        format!("{} saw {event}", self.name)
    }
}

fn main() {
    let name: Arc<str> = Arc::from("greeter");
    let plugins: Vec<Box<dyn Plugin>> =
        vec![Box::new(Greeter { name: Arc::clone(&name) }), Box::new(Greeter { name })];
    let worker = thread::spawn(move || {
        plugins.iter().map(|p| p.handle("start")).collect::<Vec<_>>()
    });
    println!("{:?}", worker.join().unwrap());
}
