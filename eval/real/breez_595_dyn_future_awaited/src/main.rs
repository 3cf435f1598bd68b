// Rebuilt from breez/breez-sdk-greenlight#595 (see eval/real/MANIFEST.toml): a trait method
// returns `Pin<Box<dyn Future>>` without `+ Send`, and a `tokio::spawn`ed loop awaits it.
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

#[derive(Debug)]
struct BoltzApiReverseSwapStatus;
#[derive(Debug)]
struct ReverseSwapError;

trait ReverseSwapperAPI: Send + Sync {
    fn get_boltz_status(
        &self,
        id: String,
    ) -> Pin<Box<dyn Future<Output = Result<BoltzApiReverseSwapStatus, ReverseSwapError>>>>;
}

struct BoltzApi;

impl ReverseSwapperAPI for BoltzApi {
    fn get_boltz_status(
        &self,
        _id: String,
    ) -> Pin<Box<dyn Future<Output = Result<BoltzApiReverseSwapStatus, ReverseSwapError>>>> {
        Box::pin(async { Ok(BoltzApiReverseSwapStatus) })
    }
}

struct BTCSendSwap {
    reverse_swapper_api: Arc<dyn ReverseSwapperAPI>,
}

impl BTCSendSwap {
    async fn get_status_on_chain(&self, id: String) -> Option<BoltzApiReverseSwapStatus> {
        match self.reverse_swapper_api.get_boltz_status(id).await {
            Ok(status) => Some(status),
            Err(_) => None,
        }
    }
}

#[tokio::main]
async fn main() {
    let cloned = Arc::new(BTCSendSwap {
        reverse_swapper_api: Arc::new(BoltzApi),
    });
    tokio::spawn(async move {
        loop {
            let status = cloned.get_status_on_chain("swap".into()).await;
            println!("{status:?}");
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
        }
    });
}
