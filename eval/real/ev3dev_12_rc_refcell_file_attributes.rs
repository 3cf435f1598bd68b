// Rebuilt from pixix4/ev3dev-lang-rust#12, "Rc<RefCell<File>> cannot be sent between threads
// safely" (see eval/real/MANIFEST.toml): a sensor whose attribute map holds `Rc<RefCell<File>>`
// handles, moved into `thread::spawn`.
use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::rc::Rc;
use std::thread;

#[derive(Clone)]
struct Attribute {
    file: Rc<RefCell<File>>,
}

struct TouchSensor {
    attributes: HashMap<String, Attribute>,
}

impl TouchSensor {
    fn get_pressed_state(&self) -> bool {
        self.attributes.contains_key("value0")
    }
}

fn main() {
    let file = File::open("/dev/null").unwrap();
    let mut attributes = HashMap::new();
    attributes.insert(
        "value0".to_string(),
        Attribute {
            file: Rc::new(RefCell::new(file)),
        },
    );
    let sensor = TouchSensor { attributes };
    thread::spawn(move || {
        println!("{}", sensor.get_pressed_state());
    })
    .join()
    .unwrap();
}
