// Rebuilt from dpc/mioco.pre-0.9#132, "`Receiver` should not be always `Send`" (see
// eval/real/MANIFEST.toml): the poster's test case, with std's channel and thread for mioco's,
// where it is rejected as the poster expected.
use std::rc::Rc;
use std::sync::mpsc::channel;
use std::thread;

fn main() {
    let x = Rc::<i32>::new(42);
    let (send, recv) = channel::<Rc<i32>>();
    let handle = thread::spawn(move || {
        println!("Received: {}", recv.recv().unwrap());
    });
    send.send(x.clone()).unwrap();
    println!("Sent: {}", x);
    handle.join().unwrap();
}
