// Rebuilt from rust-lang/rust#128095 (see eval/real/MANIFEST.toml): a `watch::Ref` dropped with
// `drop(value)` before the `.await` still makes the spawned future not `Send`.
#[tokio::main]
async fn main() {
    let (_tx, rx) = tokio::sync::watch::channel(vec![1, 1, 4, 5, 1, 4]);
    let mut binding = rx.clone();
    let _ = tokio::spawn(async move {
        let value = binding.borrow();
        let len = value.len();
        drop(value);
        println!("len: {}", len);
        binding.changed().await.expect("watch error");
    })
    .await;
    println!("{:?}", rx.borrow());
}
