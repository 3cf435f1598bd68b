//! A struct that is `Send` because its fields are
//!
//! With an `Arc<String>` field, `Job` is `Send` by the auto-trait rule: every field is `Send`, so
//! the struct is, with no `unsafe impl` to get wrong. Should a later field not be `Send`, the
//! compiler says so at `thread::spawn` instead of letting it race.
//!
//@ pass

#![warn(clippy::non_send_fields_in_send_ty)]

use std::sync::Arc;
use std::thread;

struct Job {
    name: Arc<String>,
}

impl Job {
    fn run(self) -> usize {
        self.name.len()
    }
}

fn main() {
    let job = Job {
        name: Arc::new("backup".to_string()),
    };
    let handle = thread::spawn(move || job.run());
    assert_eq!(handle.join().unwrap(), 6);
}
