// Rebuilt from rust-lang/rust#103854, "Do we need Send bounds to stabilize
// async_fn_in_trait?" (see eval/real/MANIFEST.toml): spawning from generic code that calls an
// `async fn` of a trait (stable since 1.75, so no feature gate).
use std::fmt::Display;

trait AsyncIterator {
    type Item;
    async fn next(&mut self) -> Option<Self::Item>;
}

fn spawn_print_all<I: AsyncIterator + Send + 'static>(mut count: I)
where
    I::Item: Display,
{
    tokio::spawn(async move {
        while let Some(x) = count.next().await {
            println!("{x}");
        }
    });
}

struct Countdown(u32);

impl AsyncIterator for Countdown {
    type Item = u32;
    async fn next(&mut self) -> Option<u32> {
        self.0 = self.0.checked_sub(1)?;
        Some(self.0)
    }
}

#[tokio::main]
async fn main() {
    spawn_print_all(Countdown(3));
}
