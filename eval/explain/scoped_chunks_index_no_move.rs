//! Scoped workers that borrow the loop's chunk index instead of moving it.
//@ expect: scoped_loop_index_borrowed_without_move
use std::thread;

fn main() {
    let data = vec![1, 2, 3, 4, 5, 6];
    thread::scope(|s| {
        for chunk in 0..3 {
            s.spawn(|| {
                let part = &data[chunk * 2..chunk * 2 + 2];
                println!("chunk {chunk}: {part:?}");
            });
        }
    });
}
