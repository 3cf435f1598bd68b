// Rebuilt from kaist-cp/cs431#833, "Why my `Send` declaration doesn't work?" (see
// eval/real/MANIFEST.toml): with edition 2021's disjoint captures the closures capture the
// `*mut i32` field, not the `Send` wrapper.
use std::thread;

struct RawPointWrapper(*mut i32);

unsafe impl Send for RawPointWrapper {}

fn main() {
    let mut value = 666;
    let p = &mut value;
    let p1 = p as *mut i32;
    let p2 = p as *mut i32;

    let wrapper1 = RawPointWrapper(p1);
    let wrapper2 = RawPointWrapper(p2);

    let handle1 = thread::spawn(move || unsafe { *wrapper1.0 += 1 });

    let handle2 = thread::spawn(move || unsafe { *wrapper2.0 += 1 });

    handle1.join().unwrap();
    handle2.join().unwrap();
    print!("{}", value);
}
