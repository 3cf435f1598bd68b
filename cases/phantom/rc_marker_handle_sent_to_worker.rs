//! Sending a handle with an `Rc` marker from a worker thread
//!
//! `PhantomData<Rc<()>>` makes a type neither `Send` nor `Sync`, since `Rc` is neither. A
//! `Sender<T>` can only move into another thread when `T: Send`, so a channel of `WindowHandle`s
//! cannot be handed to a worker. `!Send` forbids a value to leave the thread that made it, in
//! either direction: here the worker would build the handle and send it to the UI thread. The fix
//! sends the plain `u32` id instead and builds the handle on the UI thread.
//!
//@ fail: E0277
//@ fix: rc_marker_handle_id_sent_to_worker

use std::marker::PhantomData;
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

struct WindowHandle {
    id: u32,
    _ui_thread_only: PhantomData<Rc<()>>,
}

fn main() {
    let (tx, rx) = mpsc::channel::<WindowHandle>();
    let worker = thread::spawn(move || {
        tx.send(WindowHandle {
            id: 3,
            _ui_thread_only: PhantomData,
        })
        .unwrap();
    });
    worker.join().unwrap();
    println!("repaint window {}", rx.recv().unwrap().id);
}
