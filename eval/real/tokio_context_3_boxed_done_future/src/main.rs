// Rebuilt from PrismaPhonic/tokio-context#3 (see eval/real/MANIFEST.toml): `RefContext::done`
// returns `Pin<Box<dyn Future<Output = ()> + '_>>` without `+ Send`, and the poster's task hands
// that future out of a `tokio::spawn`ed block.
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use tokio::sync::Mutex;

struct Inner;

impl Inner {
    async fn done(&mut self) {}
}

#[derive(Clone)]
struct RefContext(Arc<Mutex<Inner>>);

struct Handle;

impl RefContext {
    fn new() -> (RefContext, Handle) {
        (RefContext(Arc::new(Mutex::new(Inner))), Handle)
    }

    pub fn done(&mut self) -> Pin<Box<dyn Future<Output = ()> + '_>> {
        let soft_copy = self.clone();
        Box::pin(async move {
            let mut inner = soft_copy.0.lock().await;
            inner.done().await
        })
    }
}

#[tokio::main]
async fn main() {
    let (mut ref_context, _parent_handle) = RefContext::new();
    tokio::spawn(async move {
        ref_context.done()
    });
}
