// Rebuilt from kongbytes/arp-scan-rs#2 (filed there for OliLay/arp-toolkit-rust, fixed in its
// PR #1; see eval/real/MANIFEST.toml): a `&dyn Fn` check is held across `.await` inside
// `ip_to_mac`, so the future spawned with `tokio::spawn` is not `Send`.
use std::net::Ipv4Addr;
use std::time::Duration;

#[derive(Clone, Copy, Debug)]
struct MacAddr(u64);

struct ArpMessage {
    sender: MacAddr,
    ip: Ipv4Addr,
}

struct ArpClient;

impl ArpClient {
    fn new() -> ArpClient {
        ArpClient
    }

    async fn receive(&mut self) -> ArpMessage {
        tokio::time::sleep(Duration::from_millis(1)).await;
        ArpMessage {
            sender: MacAddr(0),
            ip: Ipv4Addr::LOCALHOST,
        }
    }

    async fn send_message_with_check(
        &mut self,
        timeout: Option<Duration>,
        check_answer: &dyn Fn(ArpMessage) -> Option<MacAddr>,
    ) -> Option<MacAddr> {
        let _ = timeout;
        loop {
            let message = self.receive().await;
            if let Some(mac) = check_answer(message) {
                return Some(mac);
            }
        }
    }

    async fn ip_to_mac(&mut self, ip: Ipv4Addr, timeout: Option<Duration>) -> Option<MacAddr> {
        self.send_message_with_check(timeout, &move |m: ArpMessage| {
            if m.ip == ip {
                Some(m.sender)
            } else {
                None
            }
        })
        .await
    }
}

#[tokio::main]
async fn main() {
    let ip = Ipv4Addr::LOCALHOST;
    tokio::spawn(async move {
        let mut client = ArpClient::new();
        let mac = client.ip_to_mac(ip, Some(Duration::from_secs(5))).await.unwrap();
        println!("{mac:?}");
    });
}
