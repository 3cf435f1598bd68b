//! Sending `Rc<String>` log lines through a channel to a writer thread.
//@ expect: channel_of_rc_to_worker
use std::rc::Rc;
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<Rc<String>>();
    let writer = thread::spawn(move || {
        for line in rx {
            println!("{line}");
        }
    });
    tx.send(Rc::new("started".to_string())).unwrap();
    drop(tx);
    writer.join().unwrap();
}
