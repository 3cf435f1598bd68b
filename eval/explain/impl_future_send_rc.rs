//! A handler declared `-> impl Future + Send` that keeps an `Rc` across `.await`.
//@ expect: impl_future_send_holds_rc_across_await rc_held_across_await
use std::future::Future;
use std::rc::Rc;

async fn store(key: &str) {
    let _ = key;
}

fn save_user(name: String) -> impl Future<Output = ()> + Send {
    async move {
        let shared = Rc::new(name);
        store(&shared).await;
        println!("saved {shared}");
    }
}

fn main() {
    let _ = save_user("ada".into());
}
