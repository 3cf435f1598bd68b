//! Creating a thread-bound token inside the thread that uses it
//!
//! `GlContext` carries `PhantomData<*const ()>`, so it is neither `Send` nor `Sync` and can never
//! move between threads. That rule only limits where a value travels, not where it is born: the
//! closure now creates the token itself, so it only captures the plain `u32` id, which is `Send`.
//! The token lives and dies on the render thread, which is exactly what the marker was protecting.
//!
//@ pass

use std::marker::PhantomData;
use std::thread;

struct GlContext {
    id: u32,
    _not_send_or_sync: PhantomData<*const ()>,
}

impl GlContext {
    fn current(id: u32) -> Self {
        GlContext {
            id,
            _not_send_or_sync: PhantomData,
        }
    }

    fn draw(&self) -> u32 {
        self.id * 2
    }
}

fn main() {
    let id = 1;
    let render = thread::spawn(move || GlContext::current(id).draw());
    println!("rendered frame {}", render.join().unwrap());
}
