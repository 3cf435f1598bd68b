// Rebuilt from the users.rust-lang.org thread "Can't move a closure into a spawned thread"
// (t/111332; see eval/real/MANIFEST.toml).
use std::thread;

fn foo<F: Fn() + Send>(f: F) {
    thread::spawn(move || (f)());
}

fn main() {
    foo(|| println!("hi"));
}
