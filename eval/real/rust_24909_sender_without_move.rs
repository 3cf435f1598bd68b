// Rebuilt from rust-lang/rust#24909, "Error for using a by-ref closure when by-move was needed
// could be improved" (see eval/real/MANIFEST.toml).
use std::sync::mpsc::channel;
use std::thread;

fn main() {
    let (tx, _rx) = channel();
    thread::spawn(|| tx.send(()).unwrap());
}
