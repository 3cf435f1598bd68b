// Rebuilt from maidsafe/sn_client#1555, "Most Futures returned are not Send" (see
// eval/real/MANIFEST.toml): deep inside `store_public_blob` a `Pin<Box<dyn Future>>` without
// `+ Send` is awaited, and the caller's block is given to `tokio::spawn`.
use std::future::Future;
use std::pin::Pin;

#[derive(Debug)]
struct SelfEncryptionError;

type EncryptFuture = Pin<Box<dyn Future<Output = Result<Vec<u8>, SelfEncryptionError>>>>;

fn self_encrypt(data: Vec<u8>) -> EncryptFuture {
    Box::pin(async move { Ok(data) })
}

struct Client;

impl Client {
    async fn new(
        _keypair: Option<()>,
        _config: Option<()>,
        _bootstrap: Option<()>,
    ) -> Result<Client, String> {
        Ok(Client)
    }

    async fn store_public_blob(&self, data: &[u8]) -> Result<Vec<u8>, SelfEncryptionError> {
        self_encrypt(data.to_vec()).await
    }
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        tokio::spawn(async {
            let c = Client::new(None, None, None).await.unwrap();
            let _ = c.store_public_blob(&[0; 16]).await;
        });
    });
}
