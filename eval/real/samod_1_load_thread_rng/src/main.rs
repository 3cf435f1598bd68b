// Rebuilt from alexjg/samod#1 (see eval/real/MANIFEST.toml): a library's `async fn load` keeps
// a `ThreadRng` alive across `.await`, so the caller's own `async fn spawn`, handed to
// `tokio::spawn`, is not `Send`.
use rand::Rng;

struct Storage;

impl Storage {
    async fn load_all(&self) -> Vec<u8> {
        Vec::new()
    }
}

struct Samod {
    peer_id: u64,
}

struct SamodBuilder {
    storage: Storage,
}

impl SamodBuilder {
    async fn load(self) -> Samod {
        let SamodBuilder { storage } = self;
        let mut rng = rand::thread_rng();
        let _docs = storage.load_all().await;
        Samod {
            peer_id: rng.gen(),
        }
    }
}

struct Endpoint;

struct AutomergeNode {
    samod: Samod,
}

impl AutomergeNode {
    async fn spawn(ep: Endpoint) -> Result<Self, String> {
        let _ = ep;
        let samod = SamodBuilder { storage: Storage }.load().await;
        Ok(AutomergeNode { samod })
    }
}

#[tokio::main]
async fn main() {
    let node = tokio::spawn(AutomergeNode::spawn(Endpoint)).await.unwrap();
    println!("{}", node.unwrap().samod.peer_id);
}
