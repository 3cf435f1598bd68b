//! A global plugin list in a `static LazyLock<RefCell<_>>`.
//@ expect: static_lazylock_refcell_registry static_oncecell_greeting
use std::cell::RefCell;
use std::sync::LazyLock;

static PLUGINS: LazyLock<RefCell<Vec<&'static str>>> = LazyLock::new(|| RefCell::new(Vec::new()));

fn main() {
    PLUGINS.borrow_mut().push("spellcheck");
    println!("{:?}", PLUGINS.borrow());
}
