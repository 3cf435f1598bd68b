// Rebuilt from the first comment of tokio-rs/tokio#1913 (see eval/real/MANIFEST.toml): a
// `RandGen` holding a `ThreadRng`, used across `.await` in a connection handler given to
// `tokio::spawn`.
use rand::rngs::ThreadRng;
use rand::Rng;
use tokio::io::AsyncReadExt;
use tokio::net::{TcpListener, TcpStream};

#[tokio::main]
async fn main() {
    // set up tokio tcp listener.. removed for brevity
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let (stream, _) = listener.accept().await.unwrap();

    tokio::spawn(async move { handle_client(stream).await });
}

async fn handle_client(mut stream: TcpStream) {
    let mut data = [0 as u8; 50];
    let mut random = RandGen::new();

    while match stream.read(&mut data).await {
        Ok(_size) => {
            let rand_num = random.rand().await; // will complain
            println!("{}", rand_num);

            true
        }
        Err(_) => {
            println!("an error occured trying to read from client");
            false
        }
    } {}
}

struct RandGen {
    random: ThreadRng,
}

impl RandGen {
    fn new() -> RandGen {
        RandGen {
            random: rand::thread_rng(),
        }
    }

    async fn rand(&mut self) -> u8 {
        self.random.gen()
    }
}
