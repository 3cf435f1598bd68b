// Rebuilt from Stack Overflow question 61320595, "Why is Rust forcing to use move in case of i32
// while spawning threads?" (see eval/real/MANIFEST.toml): the answer's reduction, where
// `use_closure` stands for `thread::spawn`.
fn use_closure<F: FnOnce() + 'static>(_: F) {}

fn main() {
    let x: i32 = 0;
    use_closure(|| {
        let _y = x;
    });
}
