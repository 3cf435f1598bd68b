//! Sending a ticket whose `PhantomData<&T>` marks a `Cell` counter
//!
//! A `Ticket<'a, T>` borrows its venue without storing a reference, so it records the borrow with
//! `PhantomData<&'a T>`. That marker carries the auto traits of `&T`, and `&T` is `Send` only when
//! `T: Sync`, because sending a shared reference lets two threads read `T` at once. `Venue` counts
//! sales in a `Cell`, which is not `Sync`, so the ticket cannot move into a scoped thread. The fix
//! makes the counter an `AtomicU32`, which is `Sync`.
//!
//@ fail: E0277
//@ fix: shared_ref_marker_over_atomic_counter

use std::cell::Cell;
use std::marker::PhantomData;
use std::thread;

struct Venue { sold: Cell<u32> }

struct Ticket<'a, T> { seat: u32, _venue: PhantomData<&'a T> }

impl Venue {
    fn sell(&self) -> Ticket<'_, Venue> {
        self.sold.set(self.sold.get() + 1);
        Ticket { seat: self.sold.get(), _venue: PhantomData }
    }
}

impl<T> Ticket<'_, T> {
    fn seat(&self) -> u32 { self.seat }
}

fn main() {
    let venue = Venue { sold: Cell::new(0) };
    let ticket = venue.sell();
    thread::scope(|s| {
        s.spawn(move || println!("seat {}", ticket.seat()));
    });
}
