//! A `PhantomData<T>` unit tag is `Send` when the tag type is
//!
//! Units of measure are a classic use of `PhantomData<T>`: `Length<Meters>` and `Length<Feet>` are
//! different types, so mixing them up is a compile error, yet both are a bare `f64` at run time.
//! Because `PhantomData<T>` is `Send`/`Sync` exactly when `T` is, and the unit structs `Meters` and
//! `Feet` hold nothing, `Length<Meters>` is `Send` and can be moved into a worker thread.
//!
//@ pass

use std::marker::PhantomData;
use std::thread;

struct Meters;
struct Feet;

struct Length<Unit> {
    value: f64,
    _unit: PhantomData<Unit>,
}

impl<Unit> Length<Unit> {
    fn new(value: f64) -> Self {
        Length {
            value,
            _unit: PhantomData,
        }
    }
}

fn to_feet(m: Length<Meters>) -> Length<Feet> {
    Length::new(m.value * 3.28084)
}

fn main() {
    let track = Length::<Meters>::new(400.0);
    let worker = thread::spawn(move || to_feet(track));
    println!("{:.1} ft", worker.join().unwrap().value);
}
