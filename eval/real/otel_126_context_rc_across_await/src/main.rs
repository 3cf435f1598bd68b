// Rebuilt from open-telemetry/opentelemetry-rust#126 (see eval/real/MANIFEST.toml): a span
// context that keeps its entries in an `Rc`, attached to a future awaited in an `async fn`
// whose future is given to `tokio::spawn`.
use std::any::{Any, TypeId};
use std::error::Error;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context as TaskContext, Poll};

struct Span {
    name: &'static str,
}

#[derive(Clone)]
struct Context {
    entries: Rc<(TypeId, Rc<dyn Any>)>,
}

impl Context {
    fn current_with_span(span: Span) -> Context {
        Context {
            entries: Rc::new((TypeId::of::<Span>(), Rc::new(span.name))),
        }
    }
}

struct Tracer;

impl Tracer {
    fn start(&self, name: &'static str) -> Span {
        Span { name }
    }
}

fn tracer(_name: &str) -> Tracer {
    Tracer
}

struct WithContext<F> {
    inner: F,
    otel_cx: Context,
}

trait FutureExt: Future + Sized {
    fn with_context(self, otel_cx: Context) -> WithContext<Self> {
        WithContext {
            inner: self,
            otel_cx,
        }
    }
}

impl<F: Future> FutureExt for F {}

impl<F: Future + Unpin> Future for WithContext<F> {
    type Output = F::Output;
    fn poll(mut self: Pin<&mut Self>, cx: &mut TaskContext<'_>) -> Poll<F::Output> {
        let _ = &self.otel_cx.entries;
        Pin::new(&mut self.inner).poll(cx)
    }
}

async fn another() {}

async fn something() {
    let tracer = tracer("async_example");
    let span = tracer.start("root");
    let cx = Context::current_with_span(span);

    Box::pin(another()).with_context(cx).await;
}

#[tokio::main]
pub async fn main() -> Result<(), Box<dyn Error>> {
    let f = something();
    tokio::spawn(f);
    Ok(())
}
