// Rebuilt from the users.rust-lang.org thread "Lifetime about using closure" (t/51214; see
// eval/real/MANIFEST.toml).
use std::thread;

fn main() {
    let mut handles = Vec::new();

    for x in 0..10 {
        handles.push(thread::spawn(|| {
            println!("{}", x);
        }));
    }

    for handle in handles {
        handle.join().unwrap();
    }
}
