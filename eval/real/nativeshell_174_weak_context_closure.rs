// Rebuilt from nativeshell/nativeshell#174, "std::rc::Weak<ContextImpl> cannot be sent between
// threads safely" (see eval/real/MANIFEST.toml): a closure that captures the event channels,
// whose `Context` holds an `rc::Weak`, handed to a sender that runs it on another thread.
use std::rc::{Rc, Weak};
use std::thread;

struct ContextImpl {
    name: String,
}

#[derive(Clone)]
struct Context {
    internal: Weak<ContextImpl>,
}

struct EventChannels {
    context: Context,
}

struct RunLoopSender;

impl RunLoopSender {
    fn send<F: FnOnce() + Send + 'static>(&self, callback: F) {
        thread::spawn(callback);
    }
}

fn main() {
    let imp = Rc::new(ContextImpl { name: "app".into() });
    let channels = EventChannels {
        context: Context {
            internal: Rc::downgrade(&imp),
        },
    };
    let sender = RunLoopSender;
    sender.send(move || {
        if let Some(c) = channels.context.internal.upgrade() {
            println!("{}", c.name);
        }
    });
}
