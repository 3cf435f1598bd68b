// Rebuilt from ihalila/pancurses#53, "*mut i8 cannot be sent between threads safely" (see
// eval/real/MANIFEST.toml): a curses `Window`, which wraps a raw `*mut i8`, moved into a
// spawned thread.
use std::thread;

struct Window {
    _window: *mut i8,
}

fn create_new_window(windows_vector: &mut Vec<usize>, width_of_windows: i32) -> Window {
    windows_vector.push(width_of_windows as usize);
    Window {
        _window: std::ptr::null_mut(),
    }
}

fn process(characters: String, w: Window) {
    let _ = (characters, w._window);
}

fn main() {
    let mut windows_vector = Vec::new();
    let characters = String::from("abc");
    let w = create_new_window(&mut windows_vector, 20);
    let handle = thread::spawn(move || process(characters, w));
    handle.join().unwrap();
}
