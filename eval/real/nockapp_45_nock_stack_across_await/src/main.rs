// Rebuilt from zorp-corp/nockapp#45, "NockApp not Send - Unable to run nockapp in another tokio
// thread" (see eval/real/MANIFEST.toml): the kernel's `NockStack` holds raw pointers, so a
// `NockApp` alive across `.await` inside `tokio::spawn` makes the task not `Send`.
use std::sync::mpsc;

struct NockStack {
    frame_pointer: *mut u64,
    stack_pointer: *mut u64,
}

struct Kernel {
    stack: NockStack,
}

struct IODriver;

struct NockApp {
    kernel: Kernel,
    drivers: Vec<IODriver>,
}

impl NockApp {
    fn new(kernel: Kernel) -> NockApp {
        NockApp {
            kernel,
            drivers: Vec::new(),
        }
    }

    async fn add_io_driver(&mut self, driver: IODriver) {
        self.drivers.push(driver);
    }

    fn poke(&mut self, req: String) {
        let _ = (self.kernel.stack.frame_pointer, self.kernel.stack.stack_pointer, req);
    }
}

fn setup() -> Kernel {
    Kernel {
        stack: NockStack {
            frame_pointer: std::ptr::null_mut(),
            stack_pointer: std::ptr::null_mut(),
        },
    }
}

fn fake_driver() -> IODriver {
    IODriver
}

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel::<String>();
    // nock kernel
    tokio::spawn(async move {
        let kernel = setup();
        let mut wallet_app = NockApp::new(kernel);
        wallet_app.add_io_driver(fake_driver()).await;

        loop {
            let Ok(req) = rx.recv() else {
                continue;
            };
            println!("Request received in manage_kernel: {:?}", req);
            wallet_app.poke(req);
        }
    });
    tx.send("balance".into()).unwrap();
}
