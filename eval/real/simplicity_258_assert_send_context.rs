// Rebuilt from BlockstreamResearch/rust-simplicity#258, "Arcs cannot be sent across threads"
// (see eval/real/MANIFEST.toml): an inference `Context` whose bounds hold a
// `*const Mutex<Vec<Bound>>`, checked with `assert_send::<Context>()`.
use std::sync::{Arc, Mutex};

#[allow(dead_code)]
enum Bound {
    Free(String),
    Sum(BoundRef, BoundRef),
}

#[allow(dead_code)]
struct BoundRef {
    context: *const Mutex<Vec<Bound>>,
    index: usize,
}

#[allow(dead_code)]
struct Context {
    slab: Arc<Mutex<Vec<Bound>>>,
}

fn assert_send<T: Send>() {}

fn main() {
    assert_send::<Context>();
}
