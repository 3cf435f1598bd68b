//! Sending a plain id instead of a thread-bound handle
//!
//! `WindowHandle` is marked with `PhantomData<Rc<()>>`, so it is neither `Send` nor `Sync` and may
//! not travel through a channel whose `Sender` moves to a worker. The worker now sends the `u32`
//! id, which is `Send`, and the UI thread rebuilds the handle locally. Plain data crosses the
//! thread boundary; the thread-bound handle never does.
//!
//@ pass

use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

struct WindowHandle {
    id: u32,
    _ui_thread_only: PhantomData<Rc<()>>,
}

fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    let worker = thread::spawn(move || {
        tx.send(3).unwrap();
    });
    worker.join().unwrap();
    let handle = WindowHandle {
        id: rx.recv().unwrap(),
        _ui_thread_only: PhantomData,
    };
    println!("repaint window {}", handle.id);
}
