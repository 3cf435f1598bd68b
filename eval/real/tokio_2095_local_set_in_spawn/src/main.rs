// Rebuilt from tokio-rs/tokio#2095 (see eval/real/MANIFEST.toml): a `LocalSet` created and run
// inside a task given to `tokio::spawn`.
#[tokio::main]
async fn main() {
    tokio::spawn(async move {
        let local = tokio::task::LocalSet::new();
        local.run_until(async {}).await;
    })
    .await
    .unwrap()
}
