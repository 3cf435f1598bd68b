//! `sendsync-rustc`: a `RUSTC_WRAPPER` that runs rustc on a view of its sysroot without std's
//! sources, so that what rustc prints does not depend on whether the `rust-src` component is
//! installed (see the `sysroot` module). `tests/ui.rs` gives it to trybuild's cargo; anyone can
//! use it the same way: `RUSTC_WRAPPER=sendsync-rustc cargo check`.

use std::os::unix::process::CommandExt;
use std::process::{Command, ExitCode};

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(rustc) = args.next() else {
        eprintln!("usage: sendsync-rustc RUSTC [ARGS...]  (as cargo's RUSTC_WRAPPER)");
        return ExitCode::from(2);
    };
    let args: Vec<_> = args.collect();
    let mut cmd = Command::new(&rustc);
    let has_sysroot = args.iter().any(|a| {
        let a = a.to_string_lossy();
        a == "--sysroot" || a.starts_with("--sysroot=")
    });
    if !has_sysroot {
        let view = sendsync::toolchain::sysroot::of_rustc(rustc.as_ref()).and_then(|real| {
            sendsync::toolchain::sysroot::view(&real, &sendsync::toolchain::sysroot::default_dir())
        });
        match view {
            Ok(view) => {
                cmd.arg("--sysroot").arg(view);
            }
            Err(e) => {
                eprintln!("sendsync-rustc: {e}");
                return ExitCode::from(e.exit_code());
            }
        }
    }
    let err = cmd.args(args).exec();
    eprintln!(
        "sendsync-rustc: cannot run {}: {err}",
        rustc.to_string_lossy()
    );
    ExitCode::from(2)
}
