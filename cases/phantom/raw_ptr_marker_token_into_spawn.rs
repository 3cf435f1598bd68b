//! Moving a token with a raw-pointer marker into `thread::spawn`
//!
//! `PhantomData<*const ()>` is the usual way to opt a type out of both `Send` and `Sync`: raw
//! pointers implement neither auto trait, and `PhantomData<P>` is `Send`/`Sync` exactly when `P`
//! is. A `GlContext` token that must stay on the thread that created it uses this marker, so moving
//! it into `thread::spawn` is rejected. The fix creates the token inside the new thread instead, so
//! it never crosses a thread boundary.
//!
//@ fail: E0277
//@ fix: raw_ptr_marker_token_made_in_thread

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
    let ctx = GlContext::current(1);
    let render = thread::spawn(move || ctx.draw());
    println!("rendered frame {}", render.join().unwrap());
}
