// Rebuilt from plabayo/tower-async#9, "Service::call doesn't seem to implement Send trait
// bound" (see eval/real/MANIFEST.toml): a `Service` with an `async fn call`, called inside
// `tokio::spawn` from a function generic over the service.
trait Service<Request> {
    type Response;
    type Error;
    async fn call(&self, req: Request) -> Result<Self::Response, Self::Error>;
}

struct EchoService;

impl Service<String> for EchoService {
    type Response = String;
    type Error = std::convert::Infallible;
    async fn call(&self, req: String) -> Result<String, Self::Error> {
        Ok(req)
    }
}

fn serve<S>(service: S, req: String)
where
    S: Service<String> + Send + Sync + 'static,
    S::Response: Send,
{
    tokio::spawn(async move {
        let _ = service.call(req).await;
    });
}

fn make_service() -> EchoService {
    EchoService
}

#[tokio::main]
async fn main() {
    let service = make_service();
    serve(service, "hello".into());
}
