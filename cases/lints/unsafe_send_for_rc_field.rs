//! `unsafe impl Send` for a struct with an `Rc` field
//!
//! `Job` holds an `Rc`, so it is not `Send`, and the `unsafe impl` overrides that for every `Job`
//! ever made. This program happens to move the only handle, but nothing stops the next change
//! from keeping an `Rc::clone` on this thread: then two threads update one plain counter at once.
//! rustc trusts `unsafe impl`; clippy's `non_send_fields_in_send_ty` (in the nursery group, so the
//! case turns it on) names the field. The fix uses `Arc` and lets the compiler derive `Send`.
//!
//@ lint: clippy::non_send_fields_in_send_ty
//@ fix: arc_field_job_is_send

#![warn(clippy::non_send_fields_in_send_ty)]

use std::rc::Rc;
use std::thread;

struct Job {
    name: Rc<String>,
}

unsafe impl Send for Job {}

impl Job {
    fn run(self) -> usize {
        self.name.len()
    }
}

fn main() {
    let job = Job {
        name: Rc::new("backup".to_string()),
    };
    let handle = thread::spawn(move || job.run());
    assert_eq!(handle.join().unwrap(), 6);
}
