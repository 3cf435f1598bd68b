// Rebuilt from google/tarpc#421, "Future returned by `Serve::serve()` is not `Send`" (see
// eval/real/MANIFEST.toml), with a `Serve` trait of its own in tarpc's shape.
use std::net::SocketAddr;

pub trait Serve {
    type Req;
    type Resp;
    async fn serve(self) -> Result<Self::Resp, String>;
}

async fn start_tarpc_server<ServeFn>(addr: SocketAddr, serve: ServeFn) -> std::io::Result<()>
where
    ServeFn: Serve + Send + 'static + Clone,
    ServeFn::Req: Send + 'static,
    ServeFn::Resp: Send + 'static,
{
    let _ = addr;
    tokio::spawn(serve.serve());
    Ok(())
}

#[derive(Clone)]
struct Echo;

impl Serve for Echo {
    type Req = String;
    type Resp = String;
    async fn serve(self) -> Result<String, String> {
        Ok("echo".into())
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    start_tarpc_server("127.0.0.1:0".parse().unwrap(), Echo).await
}
