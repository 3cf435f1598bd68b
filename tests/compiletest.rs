//! rustc's own UI tests (compiletest's format), read as compiletest reads them: the `needs-*`
//! this machine meets, edition 2015 by default, the test's own crate type, compile flags split
//! as compiletest splits them, `only-*`/`ignore-*` against the toolchain's host, and the
//! `.stderr` compared as compiletest normalizes it. Every fixture here is written for these
//! tests (none is copied from rust-lang/rust).

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

/// `sendsync check --format json` on `dir` with a cache of its own, and `extra` arguments.
fn check(dir: &Path, extra: &[&str]) -> (Output, Value) {
    let cache = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(["check", "--format", "json"])
        .args(extra)
        .arg(dir)
        .env("SENDSYNC_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    let json = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    (o, json)
}

/// The verdict and reason of the case `name` in a check's JSON.
fn verdict(json: &Value, name: &str) -> (String, String) {
    let c = case(json, name);
    (
        c["verdict"].as_str().unwrap().to_string(),
        c["reason"].as_str().unwrap_or("").to_string(),
    )
}

fn case<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("{name} missing from {json}"))
}

/// Item 3 of issue 24: a `needs-*` this machine meets (threads, unwinding) is honoured, and
/// the test runs; one it does not meet (XRay tracing is not in a stable toolchain's runtime)
/// is not applicable, with compiletest's reason.
#[test]
fn needs_that_this_machine_meets_are_honoured() {
    let Some(_) = common::pinned_toolchain("compiletest needs-*") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("threads-sendsync");
    write(
        &d,
        "joins.rs",
        "//@ run-pass\n//@ needs-threads\n\nuse std::thread;\n\npub fn main() {\n    let t = thread::spawn(|| 6 * 7);\n    assert_eq!(t.join().unwrap(), 42);\n}\n",
    );
    write(
        &d,
        "unwinds.rs",
        "//@ run-pass\n//@ needs-unwind\n\nfn main() {\n    let r = std::panic::catch_unwind(|| panic!(\"caught\"));\n    assert!(r.is_err());\n}\n",
    );
    write(
        &d,
        "traces.rs",
        "//@ check-pass\n//@ needs-xray\n\nfn main() {}\n",
    );
    let (_, json) = check(&d, &[]);
    assert_eq!(verdict(&json, "joins"), ("ok".into(), String::new()));
    assert_eq!(verdict(&json, "unwinds"), ("ok".into(), String::new()));
    let (v, why) = verdict(&json, "traces");
    assert_eq!(v, "not-applicable");
    assert!(why.contains("needs-xray") && why.contains("xray"), "{why}");
}

/// Item 4: compiletest passes no `--edition` unless told, so rustc's default, 2015, applies;
/// `//@ edition: 2018..` (a range) tests its lower bound.
#[test]
fn without_an_edition_a_ui_test_is_2015() {
    let Some(_) = common::pinned_toolchain("compiletest edition") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("editions");
    // `async` is an identifier in 2015 and a keyword from 2018 on.
    write(
        &d,
        "async_ident.rs",
        "//@ check-pass\n\nfn main() {\n    let async = 1;\n    assert_eq!(async, 1);\n}\n",
    );
    write(
        &d,
        "range.rs",
        "//@ check-pass\n//@ edition: 2018..\n\nasync fn f() {}\n\nfn main() {\n    let _ = f();\n}\n",
    );
    let (_, json) = check(&d, &[]);
    assert_eq!(verdict(&json, "async_ident"), ("ok".into(), String::new()));
    assert_eq!(verdict(&json, "range"), ("ok".into(), String::new()));
}

/// Item 5: the test's crate type wins: `--crate-type lib` in its flags, or a
/// `#![crate_type]` attribute (compiletest gives rustc no `--crate-type` of its own).
#[test]
fn the_tests_crate_type_wins() {
    let Some(_) = common::pinned_toolchain("compiletest crate type") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("crates");
    write(
        &d,
        "flag_lib.rs",
        "//@ check-pass\n//@ compile-flags: --crate-type lib\n\npub fn shared() -> u8 {\n    1\n}\n",
    );
    write(
        &d,
        "attr_lib.rs",
        "//@ check-pass\n\n#![crate_type = \"lib\"]\n\npub fn shared() -> u8 {\n    1\n}\n",
    );
    let (_, json) = check(&d, &[]);
    assert_eq!(verdict(&json, "flag_lib"), ("ok".into(), String::new()));
    assert_eq!(verdict(&json, "attr_lib"), ("ok".into(), String::new()));
}

/// Item 6: compile flags are split as compiletest splits them: a single-quoted flag keeps its
/// spaces, double quotes are passed on as they are, and `-Z` with its value apart is one
/// unstable flag.
#[test]
fn compile_flags_split_as_compiletest_splits_them() {
    let Some(_) = common::pinned_toolchain("compiletest flags") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("flags");
    write(
        &d,
        "spaced.rs",
        "//@ check-pass\n//@ compile-flags: --cfg 'feature=\"x y\"'\n\n#[cfg(feature = \"x y\")]\nfn main() {}\n",
    );
    write(
        &d,
        "plain.rs",
        "//@ check-pass\n//@ compile-flags: --cfg feature=\"plain\"\n\n#[cfg(feature = \"plain\")]\nfn main() {}\n",
    );
    write(
        &d,
        "zapart.rs",
        "//@ check-pass\n//@ compile-flags: -Z unstable-options\n\nfn main() {}\n",
    );
    let (_, json) = check(&d, &[]);
    assert_eq!(verdict(&json, "spaced"), ("ok".into(), String::new()));
    assert_eq!(verdict(&json, "plain"), ("ok".into(), String::new()));
    let (v, why) = verdict(&json, "zapart");
    assert_eq!(v, "not-applicable");
    assert!(why.contains("`-Z unstable-options`"), "{why}");
}

/// Item 6: `only-*` and `ignore-*` are held against the host that the toolchain's
/// `rustc -vV` names: here a wrapper that says it is an Apple Silicon Mac.
#[test]
fn only_and_ignore_read_the_toolchains_host() {
    let Some(real) = common::pinned_toolchain("compiletest host") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let wrapper = dir.path().join("rustc");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nif [ \"$1\" = \"-vV\" ]; then\n  '{0}' -vV | sed 's/^host: .*/host: aarch64-apple-darwin/'\nelse\n  exec '{0}' \"$@\"\nfi\n",
            real.rustc.display()
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();
    let d = dir.path().join("hosts");
    let pass = "//@ check-pass\n\nfn main() {}\n";
    write(&d, "only_macos.rs", &format!("//@ only-macos\n{pass}"));
    write(&d, "only_apple.rs", &format!("//@ only-apple\n{pass}"));
    write(&d, "only_linux.rs", &format!("//@ only-linux\n{pass}"));
    write(
        &d,
        "ignore_aarch64.rs",
        &format!("//@ ignore-aarch64\n{pass}"),
    );
    write(
        &d,
        "ignore_x86_64.rs",
        &format!("//@ ignore-x86_64\n{pass}"),
    );
    let (_, json) = check(&d, &["--rustc", wrapper.to_str().unwrap()]);
    assert_eq!(verdict(&json, "only_macos"), ("ok".into(), String::new()));
    assert_eq!(verdict(&json, "only_apple"), ("ok".into(), String::new()));
    assert_eq!(
        verdict(&json, "ignore_x86_64"),
        ("ok".into(), String::new())
    );
    let (v, why) = verdict(&json, "only_linux");
    assert!(
        v == "not-applicable" && why.contains("only-linux"),
        "{v}: {why}"
    );
    let (v, why) = verdict(&json, "ignore_aarch64");
    assert!(
        v == "not-applicable"
            && why.contains("ignore-aarch64")
            && why.contains("aarch64-apple-darwin"),
        "{v}: {why}"
    );
}

/// Item 6, on the real toolchain: its full target triple is a condition too.
#[test]
fn the_hosts_own_triple_is_a_condition() {
    let Some(tc) = common::pinned_toolchain("compiletest triple") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("triple");
    let pass = "//@ check-pass\n\nfn main() {}\n";
    write(&d, "only_here.rs", &format!("//@ only-{}\n{pass}", tc.host));
    write(
        &d,
        "ignore_here.rs",
        &format!("//@ ignore-{}\n{pass}", tc.host),
    );
    let (_, json) = check(&d, &[]);
    assert_eq!(verdict(&json, "only_here"), ("ok".into(), String::new()));
    assert_eq!(verdict(&json, "ignore_here").0, "not-applicable");
}

/// What compiletest compares a UI test's stderr with for [`RC_SPAWN`]: written by hand from
/// rustc's rendering of E0277, as compiletest normalizes it (`$DIR`, `LL` for line numbers in
/// the margin, `$SRC_DIR/…:LL:COL` for std, the `//~` annotation cut from the quoted line, the
/// closing "aborting" and `--explain` lines kept).
const RC_SPAWN_STDERR: &str = "error[E0277]: `Rc<Vec<u8>>` cannot be sent between threads safely
  --> $DIR/rc_spawn.rs:7:24
   |
LL |     std::thread::spawn(move || drop(shared));
   |     ------------------ -------^^^^^^^^^^^^^
   |     |                  |
   |     |                  `Rc<Vec<u8>>` cannot be sent between threads safely
   |     |                  within this `{closure@$DIR/rc_spawn.rs:7:24: 7:31}`
   |     required by a bound introduced by this call
   |
   = help: within `{closure@$DIR/rc_spawn.rs:7:24: 7:31}`, the trait `Send` is not implemented for `Rc<Vec<u8>>`
note: required because it's used within this closure
  --> $DIR/rc_spawn.rs:7:24
   |
LL |     std::thread::spawn(move || drop(shared));
   |                        ^^^^^^^
note: required by a bound in `spawn`
  --> $SRC_DIR/std/src/thread/functions.rs:LL:COL

error: aborting due to 1 previous error

For more information about this error, try `rustc --explain E0277`.
";

const RC_SPAWN: &str = "// A UI test of our own, in compiletest's format.
use std::rc::Rc;

fn main() {
    let shared = Rc::new(vec![1u8]);
    let _copy = Rc::clone(&shared);
    std::thread::spawn(move || drop(shared)); //~ ERROR cannot be sent between threads safely
}
";

/// Item 7: the `.stderr` is compared as compiletest normalizes it; a difference the codes do
/// not show is a mismatch with a diff; `--compare codes` compares codes only; both reports say
/// which comparison was used.
#[test]
fn stderr_is_compared_as_compiletest_normalizes_it() {
    let Some(_) = common::pinned_toolchain("compiletest stderr") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("ui");
    write(&d, "rc_spawn.rs", RC_SPAWN);
    write(&d, "rc_spawn.stderr", RC_SPAWN_STDERR);
    // The same program, its stderr reworded where the error codes cannot see it.
    write(&d, "reworded.rs", RC_SPAWN);
    write(
        &d,
        "reworded.stderr",
        &RC_SPAWN_STDERR
            .replace("rc_spawn.rs", "reworded.rs")
            .replace(
                "it's used within this closure",
                "it is used in this closure",
            ),
    );
    // A rule of the test's own, applied after compiletest's.
    write(
        &d,
        "ruled.rs",
        &format!("//@ normalize-stderr-test: \"Vec<u8>\" -> \"BYTES\"\n{RC_SPAWN}"),
    );
    write(
        &d,
        "ruled.stderr",
        &RC_SPAWN_STDERR
            .replace("rc_spawn.rs", "ruled.rs")
            .replace(":7:", ":8:")
            .replace(" 7:31", " 8:31")
            .replace("Vec<u8>", "BYTES"),
    );
    // A test expected to pass, with no `.stderr`: any warning is a difference.
    write(
        &d,
        "warns.rs",
        "//@ check-pass\n\nfn main() {\n    while true {\n        break;\n    }\n}\n",
    );
    // Nothing to compare: `dont-check-compiler-stderr`.
    write(
        &d,
        "unchecked.rs",
        "//@ check-pass\n//@ dont-check-compiler-stderr\n\nfn main() {\n    while true {\n        break;\n    }\n}\n",
    );

    let (o, json) = check(&d, &[]);
    assert_eq!(o.status.code(), Some(1), "{json}");
    assert_eq!(json["comparison"], "stderr", "{json}");
    assert_eq!(verdict(&json, "rc_spawn"), ("ok".into(), String::new()));
    assert_eq!(case(&json, "rc_spawn")["compared"], "stderr");
    let (v, why) = verdict(&json, "reworded");
    assert_eq!(v, "mismatch", "{why}");
    assert!(
        why.contains("reworded.stderr")
            && why.contains("-note: required because it is used in this closure")
            && why.contains("+note: required because it's used within this closure"),
        "{why}"
    );
    assert_eq!(verdict(&json, "ruled"), ("ok".into(), String::new()));
    let (v, why) = verdict(&json, "warns");
    assert!(
        v == "mismatch" && why.contains("+warning: denote infinite loops with `loop { ... }`"),
        "{v}: {why}"
    );
    assert_eq!(verdict(&json, "unchecked"), ("ok".into(), String::new()));
    assert_eq!(case(&json, "unchecked")["compared"], "codes");

    // Codes only, on request: the reworded and warning tests are then as expected.
    let (o, json) = check(&d, &["--compare", "codes"]);
    assert_eq!(o.status.code(), Some(0), "{json}");
    assert_eq!(json["comparison"], "codes");
    assert_eq!(verdict(&json, "reworded"), ("ok".into(), String::new()));
    assert_eq!(case(&json, "reworded")["compared"], "codes");

    // The text report says which comparison was used.
    let cache = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(["check", "--compare", "codes"])
        .arg(&d)
        .env("SENDSYNC_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("compared by error codes only (--compare codes)"),
        "{text}"
    );
}
