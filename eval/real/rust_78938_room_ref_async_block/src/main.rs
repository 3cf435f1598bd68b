// Rebuilt from rust-lang/rust#78938, "Explain why borrows can't be held across yield point in
// async blocks/functions" (see eval/real/MANIFEST.toml).
use std::sync::Arc;
use tokio::runtime::Runtime;

async fn f() {
    let room_ref = Arc::new(Vec::new());

    let gameloop_handle = Runtime::new().unwrap().spawn(async {
        game_loop(Arc::clone(&room_ref))
    });
    gameloop_handle.await.unwrap();
}

fn game_loop(v: Arc<Vec<usize>>) {
    let _ = v;
}

fn main() {
    let _ = f();
}
