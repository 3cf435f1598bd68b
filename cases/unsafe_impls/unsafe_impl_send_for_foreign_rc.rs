//! Writing `unsafe impl Send for Rc<Local>`
//!
//! `unsafe` lets you vouch for your own types, not overrule another crate. Two coherence rules
//! block this impl: the orphan rule (E0117) forbids implementing a foreign trait for a foreign
//! type, and `Rc<Reading>` is foreign even though `Reading` is local; and std already declares
//! `impl !Send for Rc<T>`, which the impl would contradict (E0751). The veto is real: `main` and
//! the worker would both own clones and could race on the non-atomic count. The fix uses
//! `Arc<Reading>`, which is `Send` automatically because `Reading` is `Send + Sync`.
//!
//@ fail: E0117 E0751
//@ fix: arc_local_sent_without_send_impl

use std::rc::Rc;
use std::thread;

struct Reading {
    sensor: &'static str,
    value: f64,
}

unsafe impl Send for Rc<Reading> {}

fn main() {
    let latest = Rc::new(Reading { sensor: "north", value: 21.5 });
    let kept = Rc::clone(&latest);
    let worker = thread::spawn(move || format!("{} reads {}", latest.sensor, latest.value));
    println!("{} (main still holds {})", worker.join().unwrap(), kept.sensor);
}
