//! Counting in an `AtomicU32` so a `PhantomData<&T>` ticket is `Send`
//!
//! `Ticket<'a, Venue>` carries `PhantomData<&'a Venue>`, so it is `Send` exactly when `&Venue` is,
//! and `&T` is `Send` exactly when `T` is `Sync`. Counting sales in an `AtomicU32` makes `Venue`
//! `Sync`: every update is a single atomic read-modify-write, so concurrent readers and writers
//! cannot tear it. The ticket can now move into a scoped thread, and the marker still ties it to
//! the venue's lifetime, so it cannot outlive the borrow.
//!
//@ pass

use std::marker::PhantomData;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

struct Venue { sold: AtomicU32 }

struct Ticket<'a, T> { seat: u32, _venue: PhantomData<&'a T> }

impl Venue {
    fn sell(&self) -> Ticket<'_, Venue> {
        let seat = self.sold.fetch_add(1, Ordering::Relaxed) + 1;
        Ticket { seat, _venue: PhantomData }
    }
}

impl<T> Ticket<'_, T> {
    fn seat(&self) -> u32 { self.seat }
}

fn main() {
    let venue = Venue { sold: AtomicU32::new(0) };
    let ticket = venue.sell();
    thread::scope(|s| {
        s.spawn(move || println!("seat {}", ticket.seat()));
    });
}
