//! A user session in an `Rc` kept alive across `.await` in a spawned task.
//@ expect: rc_held_across_await
use std::future::Future;
use std::rc::Rc;

fn spawn_task<F: Future<Output = ()> + Send + 'static>(_task: F) {}

async fn fetch_profile(id: u32) -> String {
    format!("profile {id}")
}

async fn serve(id: u32) {
    let user = Rc::new(format!("user-{id}"));
    let profile = fetch_profile(id).await;
    println!("{user}: {profile}");
}

fn main() {
    spawn_task(serve(7));
}
