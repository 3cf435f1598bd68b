// Rebuilt from rust-lang/rust#128096, "Async Borrowing Issue" (see eval/real/MANIFEST.toml): a
// `!Send` guard dropped with `drop(value)` before the `.await` still makes the future not
// `Send`.
#![allow(unused)]

struct NotSend(std::marker::PhantomData<*mut ()>);

impl NotSend {
    fn new() -> Self {
        Self(std::marker::PhantomData)
    }
}

unsafe impl Sync for NotSend {}

#[derive(Clone)]
struct WatchRecv;

impl WatchRecv {
    fn borrow(&self) -> Ref<'_> {
        Ref(self, NotSend::new())
    }
}

struct Ref<'a>(&'a WatchRecv, NotSend);

fn assert_send<F: std::future::Future + Send>(f: F) -> F {
    f
}

impl Ref<'_> {
    fn len(&self) -> usize {
        0
    }
}

async fn another_future() {}

async fn real_main() {
    let rx = WatchRecv;
    let mut binding = rx.clone();
    assert_send(async move {
        // This doesn't work.
        let value = binding.borrow();
        let len = value.len();
        drop(value);
        println!("len: {len}");
        another_future().await;
    })
    .await;
    println!("{:?}", rx.borrow().len());
}

fn main() {
    let _ = real_main();
}
