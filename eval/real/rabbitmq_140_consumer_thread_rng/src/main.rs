// Rebuilt from rabbitmq/rabbitmq-stream-rust-client#140 (see eval/real/MANIFEST.toml): a
// `Consumer` that keeps a `ThreadRng` cannot be moved into a `tokio::spawn`ed task.
use rand::rngs::ThreadRng;
use rand::Rng;

struct Consumer {
    stream: String,
    rng: ThreadRng,
}

impl Consumer {
    async fn next(&mut self) -> Option<u64> {
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        Some(self.rng.gen())
    }
}

#[tokio::main]
async fn main() {
    let mut consumer = Consumer {
        stream: "test-stream".into(),
        rng: rand::thread_rng(),
    };
    let handle = tokio::spawn(async move {
        while let Some(delivery) = consumer.next().await {
            println!("{}: {delivery}", consumer.stream);
        }
    });
    handle.await.unwrap();
}
