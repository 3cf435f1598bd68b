//! An `Rc` task given to `tokio::spawn` on a current-thread runtime
//!
//! A current-thread runtime runs its tasks on the thread that drives it, yet `tokio::spawn` still
//! asks for `Send`: the function has one signature for every runtime and finds its runtime only at
//! run time, from the context it is called in, so its bounds cannot depend on the flavor. The `Rc`
//! alive across `yield_now().await` makes the task not `Send`, and the error is the one a
//! multi-threaded runtime gets. The fix spawns the task with `spawn_local` on a `LocalSet`.
//!
//@ fail: -
//@ fix: rc_task_on_local_set_spawn_local
//@ crates: tokio

use std::rc::Rc;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let task = tokio::spawn(async {
        let tags = Rc::new(vec!["new", "sale"]);
        tokio::task::yield_now().await;
        tags.len()
    });
    assert_eq!(task.await.unwrap(), 2);
}
