// Rebuilt from rust-lang/book#2250, "confusion: borrowed value does not live long enough" (see
// eval/real/MANIFEST.toml): a runtime's `spawn` given an `async` block without `move` that uses
// a local `Arc`.
use std::sync::Arc;

struct Callback;

impl Callback {
    fn call(&self, code: u16) {
        println!("{code}");
    }
}

struct Tcp {
    cb: Arc<Callback>,
    runtime: tokio::runtime::Runtime,
}

async fn connect() -> Result<(), ()> {
    Ok(())
}

fn request(tcp: &Tcp) {
    let conn = connect();
    let cb = Arc::clone(&tcp.cb);

    let handle = tcp.runtime.spawn(async {
        let result = conn.await;
        let code = match result {
            Ok(_) => 200,
            Err(_) => 404,
        };
        cb.call(code);
    });
    let _ = handle;
}

fn main() {
    let tcp = Tcp {
        cb: Arc::new(Callback),
        runtime: tokio::runtime::Runtime::new().unwrap(),
    };
    request(&tcp);
}
