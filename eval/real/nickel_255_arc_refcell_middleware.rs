// Rebuilt from nickel-org/nickel.rs#255, "How to write to a shared HashMap from a route
// handler" (see eval/real/MANIFEST.toml): nickel's `middleware!` requires a handler that is
// `Send + Sync`, stood in for by `Server::get`.
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

struct Server;

impl Server {
    fn get<F: Fn() + Send + Sync + 'static>(&mut self, _path: &str, _handler: F) {}
}

fn main() {
    let mut server = Server;
    let foo_map = Arc::new(RefCell::new(HashMap::new()));

    server.get("/foo", move || {
        let mut map = foo_map.borrow_mut();
        map.insert("foo", "bar");
    });
}
