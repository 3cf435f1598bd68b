// Rebuilt from tokio-rs/tokio#1862 (see eval/real/MANIFEST.toml), in tokio 1's names: the
// poster's `basic_scheduler` is today's `new_current_thread`, and `delay_for` is `sleep`.
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

use tokio::runtime;
use tokio::time::sleep;

async fn loop_forever(name: &'static str, count: Rc<Cell<u32>>) {
    // There is only one thread involved so there's no danger of losing counts due to other
    // threads running this get-and-set logic concurrently.
    loop {
        let curr_count: u32 = count.get();
        count.set(curr_count + 1);
        println!("{} saw {}", name, curr_count);
        sleep(Duration::from_millis(100)).await;
    }
}

fn main() {
    let rt = runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let count = Rc::new(Cell::new(0));
    rt.spawn(loop_forever("A", count.clone()));
    rt.spawn(loop_forever("B", count.clone()));
    rt.block_on(sleep(Duration::from_secs(1)));
}
