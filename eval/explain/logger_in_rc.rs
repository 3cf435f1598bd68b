//! A logger shared through `Rc` with a background flusher thread.
//@ expect: rc_config_into_spawn book_16_14_rc_mutex_not_send
use std::rc::Rc;
use std::thread;

struct Logger {
    prefix: String,
}

impl Logger {
    fn log(&self, msg: &str) {
        println!("[{}] {msg}", self.prefix);
    }
}

fn main() {
    let logger = Rc::new(Logger { prefix: "app".into() });
    let flusher_logger = Rc::clone(&logger);
    let flusher = thread::spawn(move || {
        flusher_logger.log("flushing");
    });
    logger.log("main running");
    flusher.join().unwrap();
}
