// Rebuilt from tokio-rs/tokio#3885 (see eval/real/MANIFEST.toml): the read guard is a temporary
// in the block's tail expression, so it lives until the end of the `sleep(...).await` statement.
use std::{sync::RwLock, time::Duration};

#[tokio::main]
async fn main() {
    let timeout = RwLock::new(Duration::from_secs(1));
    tokio::spawn(async move {
        tokio::time::sleep({
            timeout.read().unwrap().clone()
        })
        .await;
    });
}
