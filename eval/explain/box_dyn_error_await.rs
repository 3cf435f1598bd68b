//! Parsing a config in an async task, keeping a `Box<dyn Error>` result across `.await`.
//@ expect: box_dyn_error_held_across_await
use std::error::Error;
use std::future::Future;

fn spawn_task<F: Future<Output = ()> + Send + 'static>(_task: F) {}

async fn report(msg: String) {
    let _ = msg;
}

async fn load_config(text: String) {
    let parsed: Result<u32, Box<dyn Error>> = text.parse::<u32>().map_err(|e| e.into());
    report(format!("loading {text}")).await;
    if let Err(e) = parsed {
        println!("bad config: {e}");
    }
}

fn main() {
    spawn_task(load_config("42".into()));
}
