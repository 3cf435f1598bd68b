//! One download thread per URL while iterating over `&urls`.
//@ expect: spawn_loop_over_borrowed_vec borrowed_words_sent_to_spawned_thread
use std::thread;

fn main() {
    let urls = vec!["a.example".to_string(), "b.example".to_string()];
    let mut handles = Vec::new();
    for url in &urls {
        handles.push(thread::spawn(move || {
            println!("downloading {url}");
        }));
    }
    for h in handles {
        h.join().unwrap();
    }
}
