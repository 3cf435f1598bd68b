// Rebuilt from carllerche/two-lock-queue#2, "Prevent sending non-thread-safe T to another
// thread" (see eval/real/MANIFEST.toml), with std's channel, which already forbids it.
use std::sync::mpsc;

fn main() {
    let (tx, _rx) = mpsc::sync_channel(1024);

    std::thread::spawn(move || {
        let x = std::rc::Rc::new(0);
        tx.send(x.clone()).unwrap();
    });
}
