//! `sendsync ui`: a crate's own UI tests on every toolchain. A small crate in a temp folder,
//! whose UI programs' stderr differs between 1.75.0 and 1.95.0 (std's `spawn` moved from
//! `thread/mod.rs` to `thread/functions.rs`, and E0277's help gained "which is required by"),
//! is recorded on both; each toolchain then checks against its own expectation; a changed
//! program fails on both with the difference; bad input exits 2.

mod common;

use std::path::Path;
use std::process::{Command, Output};

const OLD: &str = "1.75.0";
const NEW: &str = "1.95.0";

fn sendsync(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sendsync"));
    cmd.args(args).env_remove("SENDSYNC_BLESS");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("runs sendsync")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn ui(verb: &str, krate: &Path, more: &[&str]) -> Output {
    let manifest = krate.join("Cargo.toml");
    let mut args = vec!["ui", verb, "--manifest-path", manifest.to_str().unwrap()];
    args.extend(more);
    sendsync(&args, &[])
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

const LIB: &str = "use std::rc::Rc;\n\n/// A handle that must stay on its thread.\npub struct Local(pub Rc<u8>);\n\n/// Runs `f` on another thread.\npub fn run_elsewhere<F: FnOnce() + Send + 'static>(f: F) {\n    std::thread::spawn(f).join().unwrap();\n}\n";

const RC_TO_THREAD: &str = "use std::rc::Rc;\n\nfn main() {\n    let rc = Rc::new(5);\n    std::thread::spawn(move || {\n        println!(\"{}\", rc);\n    });\n}\n";

/// A crate with three UI programs: one that std rejects, one that the crate's own bound
/// rejects, and one that compiles.
fn fixture(dir: &Path, lib: &str) {
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::create_dir_all(dir.join("tests/ui")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"fixture\"\nversion = \"0.1.0\"\nedition = \"2021\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("src/lib.rs"), lib).unwrap();
    std::fs::write(dir.join("tests/ui/rc_to_thread.rs"), RC_TO_THREAD).unwrap();
    std::fs::write(
        dir.join("tests/ui/local_elsewhere.rs"),
        "fn main() {\n    let local = fixture::Local(std::rc::Rc::new(1));\n    fixture::run_elsewhere(move || {\n        let _ = &local;\n    });\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("tests/ui/fine.rs"),
        "fn main() {\n    fixture::run_elsewhere(|| println!(\"hi\"));\n}\n",
    )
    .unwrap();
}

fn both_installed(what: &str) -> bool {
    common::installed_all(&[OLD, NEW], what).len() == 2
}

#[test]
fn each_toolchain_checks_against_its_own_expectation_and_a_change_fails_on_both() {
    if !both_installed("ui record and check") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path(), LIB);
    let toolchains = format!("{OLD},{NEW}");
    let r = ui("record", dir.path(), &["--toolchains", &toolchains]);
    assert_eq!(code(&r), 0, "{}", text(&r));
    assert!(
        text(&r).contains("1.75.0: 3 programs: 3 added"),
        "{}",
        text(&r)
    );
    let file = dir.path().join("tests/ui/rc_to_thread.sendsync.toml");
    let recorded = std::fs::read_to_string(&file).unwrap();
    // Two variants, the real difference between the two rustcs: where std's `spawn` lies.
    let old = sendsync::uitest::expect::Expectations::load(
        &dir.path().join("tests/ui/rc_to_thread.rs"),
        "tests/ui/rc_to_thread.rs",
        NEW,
    )
    .unwrap();
    let (a, b) = (old.on(OLD).unwrap().unwrap(), old.on(NEW).unwrap().unwrap());
    assert!(
        a.stderr.contains("--> $RUST/std/src/thread/mod.rs\n"),
        "{}",
        a.stderr
    );
    assert!(
        b.stderr.contains("--> $RUST/std/src/thread/functions.rs\n"),
        "{}",
        b.stderr
    );
    assert!(a.stderr.contains(" --> tests/ui/rc_to_thread.rs:5:24\n"));
    for tc in [OLD, NEW] {
        let c = ui("check", dir.path(), &["--toolchain", tc]);
        assert_eq!(code(&c), 0, "{tc}: {}", text(&c));
        assert!(text(&c).contains(&format!("{tc}: 3 programs, 3 as expected")));
    }
    let show = ui("show", dir.path(), &[]);
    assert_eq!(code(&show), 0, "{}", text(&show));
    assert!(
        text(&show).contains(
            "tests/ui/rc_to_thread.rs:\n  1.75.0: A (fail E0277)\n  1.95.0: B (fail E0277)\n"
        ),
        "{}",
        text(&show)
    );

    // The drift timeline: a matrix against the pinned toolchain, as `sendsync site --matrix`
    // draws it.
    let json = ui("show", dir.path(), &["--format", "json"]);
    assert_eq!(code(&json), 0, "{}", text(&json));
    let m: sendsync::drift::matrix::Matrix = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(
        (m.baseline.as_str(), m.toolchains.clone()),
        (NEW, vec![OLD.to_string(), NEW.to_string()])
    );
    let drift = |program: &str| {
        let row = m.cases.iter().find(|r| r.name == program).unwrap();
        row.cells[OLD].drift.as_str()
    };
    assert_eq!(drift("tests/ui/rc_to_thread.rs"), "detail");
    assert_eq!(drift("tests/ui/fine.rs"), "identical");

    // A change to one program: both toolchains fail, with the difference.
    std::fs::write(
        dir.path().join("tests/ui/rc_to_thread.rs"),
        RC_TO_THREAD.replace("println!(\"{}\", rc);", "let _ = &rc;"),
    )
    .unwrap();
    for tc in [OLD, NEW] {
        let c = ui("check", dir.path(), &["--toolchain", tc]);
        let t = text(&c);
        assert_eq!(code(&c), 1, "{tc}: {t}");
        assert!(
            t.contains(&format!(
                "tests/ui/rc_to_thread.rs: differs from the expectation of {tc} (drift: rendering"
            )),
            "{t}"
        );
        assert!(t.contains("-6 | |         println!(\"{}\", rc);"), "{t}");
        assert!(t.contains("+6 | |         let _ = &rc;"), "{t}");
        assert!(
            t.contains(&format!("{tc}: 3 programs, 2 as expected, 1 not")),
            "{t}"
        );
    }
    // Recording does not overwrite an expectation unless asked to.
    let r = ui("record", dir.path(), &["--toolchains", &toolchains]);
    assert_eq!(code(&r), 1, "{}", text(&r));
    assert!(
        text(&r).contains("which is kept (--bless replaces it)"),
        "{}",
        text(&r)
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), recorded);
    let manifest = dir.path().join("Cargo.toml");
    let args = [
        "ui",
        "record",
        "--manifest-path",
        manifest.to_str().unwrap(),
        "--toolchains",
        &toolchains,
    ];
    let r = sendsync(&args, &[("SENDSYNC_BLESS", "1")]);
    assert_eq!(code(&r), 0, "{}", text(&r));
    assert_ne!(std::fs::read_to_string(&file).unwrap(), recorded);
    let c = ui("check", dir.path(), &["--toolchains", &toolchains]);
    assert_eq!(code(&c), 0, "{}", text(&c));
}

#[test]
fn a_toolchain_never_recorded_is_held_to_the_nearest_recorded_one() {
    let Some(_) = common::installed("1.76.0", "ui check against a neighbour") else {
        return;
    };
    if !both_installed("ui check against a neighbour") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path(), LIB);
    let r = ui(
        "record",
        dir.path(),
        &["--toolchains", &format!("{OLD},{NEW}")],
    );
    assert_eq!(code(&r), 0, "{}", text(&r));
    let c = ui("check", dir.path(), &["--toolchain", "1.76.0"]);
    let t = text(&c);
    assert!(
        t.contains("tests/ui/fine.rs: no expectation recorded for 1.76.0: held against the nearest recorded toolchain, 1.75.0"),
        "{t}"
    );
    // 1.76.0 renders these as 1.75.0 does: `spawn` still lies in `thread/mod.rs`.
    assert_eq!(code(&c), 0, "{t}");
}

#[test]
fn a_crate_that_does_not_build_on_a_toolchain_is_na_there() {
    if !both_installed("ui record of a crate too new for a toolchain") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // `LazyLock` is stable since 1.80: the crate does not build on 1.75.0.
    let lib = format!(
        "{LIB}\npub static ANSWER: std::sync::LazyLock<u8> = std::sync::LazyLock::new(|| 42);\n"
    );
    fixture(dir.path(), &lib);
    let r = ui(
        "record",
        dir.path(),
        &["--toolchains", &format!("{OLD},{NEW}")],
    );
    let t = text(&r);
    assert_eq!(code(&r), 0, "{t}");
    assert!(
        t.contains("1.75.0: 3 programs: 3 added")
            && t.contains("(n/a: the crate does not build there: error"),
        "{t}"
    );
    let show = text(&ui("show", dir.path(), &[]));
    assert!(
        show.contains("  1.75.0: n/a\n  1.95.0: A (fail E0277)"),
        "{show}"
    );
    let c = ui("check", dir.path(), &["--toolchain", OLD]);
    let t = text(&c);
    assert_eq!(code(&c), 2, "{t}");
    assert!(
        t.contains("Cargo.toml does not build with 1.75.0 (recorded as n/a there), so its UI programs cannot be checked there"),
        "{t}"
    );
    let c = ui("check", dir.path(), &["--toolchain", NEW]);
    assert_eq!(code(&c), 0, "{}", text(&c));
}

#[test]
fn bad_input_is_an_error_naming_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let o = ui("check", &dir.path().join("nowhere"), &[]);
    let t = text(&o);
    assert_eq!(code(&o), 2, "{t}");
    assert!(t.contains("nowhere/Cargo.toml: no such manifest"), "{t}");
    fixture(dir.path(), LIB);
    for f in ["rc_to_thread.rs", "local_elsewhere.rs", "fine.rs"] {
        std::fs::remove_file(dir.path().join("tests/ui").join(f)).unwrap();
    }
    for verb in ["record", "check", "show"] {
        let o = ui(verb, dir.path(), &[]);
        let t = text(&o);
        assert_eq!(code(&o), 2, "{verb}: {t}");
        assert!(
            t.contains("tests/ui: the UI folder holds no programs"),
            "{verb}: {t}"
        );
    }
    let o = ui("show", dir.path(), &["--dir", "tests/nope"]);
    assert_eq!(code(&o), 2);
    assert!(
        text(&o).contains("tests/nope: no such UI folder"),
        "{}",
        text(&o)
    );
    // An expectation file that is not one: named, with its line.
    fixture(dir.path(), LIB);
    std::fs::write(
        dir.path().join("tests/ui/fine.sendsync.toml"),
        "schema = 1\nprogram = \"tests/ui/fine.rs\"\ntoolchains = 3\n",
    )
    .unwrap();
    let o = ui("show", dir.path(), &[]);
    assert_eq!(code(&o), 2);
    assert!(
        text(&o).contains("tests/ui/fine.sendsync.toml:3: not a sendsync UI expectation"),
        "{}",
        text(&o)
    );
}

/// The `tests/ui.rs` block of docs/uitest.md, as written there.
fn documented_shim() -> String {
    let doc =
        std::fs::read_to_string(sendsync::input::corpus::package_root().join("docs/uitest.md"))
            .unwrap();
    let after = doc
        .split("<!-- tests/uitest.rs compiles and runs the block below as a crate's tests/ui.rs -->\n```rust\n")
        .nth(1)
        .expect("docs/uitest.md has the shim block");
    after.split("\n```").next().unwrap().to_string() + "\n"
}

#[test]
fn the_documented_tests_ui_rs_runs_sendsync_from_cargo_test() {
    let Some(_) = common::pinned_toolchain("the tests/ui.rs shim") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let krate = dir.path().join("fixture");
    fixture(&krate, LIB);
    let r = ui("record", &krate, &["--toolchain", NEW]);
    assert_eq!(code(&r), 0, "{}", text(&r));
    std::fs::write(krate.join("tests/ui.rs"), documented_shim()).unwrap();
    let cargo_test = || {
        let out = Command::new("cargo")
            .args(["test", "--offline", "--test", "ui"])
            .current_dir(&krate)
            .env("RUSTUP_TOOLCHAIN", NEW)
            .env("SENDSYNC", env!("CARGO_BIN_EXE_sendsync"))
            .env("CARGO_TARGET_DIR", dir.path().join("target"))
            .env_remove("SENDSYNC_BLESS")
            .output()
            .unwrap();
        (out.status.success(), text(&out))
    };
    let (ok, t) = cargo_test();
    assert!(ok, "{t}");
    assert!(t.contains("1.95.0: 3 programs, 3 as expected"), "{t}");
    std::fs::write(
        krate.join("tests/ui/rc_to_thread.rs"),
        RC_TO_THREAD.replace("println!(\"{}\", rc);", "let _ = &rc;"),
    )
    .unwrap();
    let (ok, t) = cargo_test();
    assert!(!ok, "{t}");
    assert!(
        t.contains("tests/ui/rc_to_thread.rs: differs from the expectation of 1.95.0")
            && t.contains("sendsync ui check: exit status: 1"),
        "{t}"
    );
}

#[test]
fn a_trybuild_stderr_is_the_pinned_toolchains_expectation_and_is_never_written() {
    if !both_installed("ui check of a crate moved over from trybuild") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    fixture(dir.path(), LIB);
    // Recorded once, in a copy: the stderr that 1.95.0 gives, as trybuild's file would hold it.
    let r = ui("record", dir.path(), &["--toolchain", NEW]);
    assert_eq!(code(&r), 0, "{}", text(&r));
    let program = dir.path().join("tests/ui/rc_to_thread.rs");
    let e = sendsync::uitest::expect::Expectations::load(&program, "tests/ui/rc_to_thread.rs", NEW)
        .unwrap();
    let stderr = e.on(NEW).unwrap().unwrap().stderr.clone();
    for f in ["rc_to_thread", "local_elsewhere", "fine"] {
        std::fs::remove_file(dir.path().join(format!("tests/ui/{f}.sendsync.toml"))).unwrap();
    }
    std::fs::remove_file(dir.path().join("tests/ui/local_elsewhere.rs")).unwrap();
    std::fs::remove_file(dir.path().join("tests/ui/fine.rs")).unwrap();
    let pinned = program.with_extension("stderr");
    std::fs::write(&pinned, &stderr).unwrap();
    let c = ui("check", dir.path(), &["--toolchain", NEW]);
    assert_eq!(code(&c), 0, "{}", text(&c));
    // On 1.75.0 the trybuild file is the nearest expectation, and it differs.
    let c = ui("check", dir.path(), &["--toolchain", OLD]);
    let t = text(&c);
    assert_eq!(code(&c), 1, "{t}");
    assert!(t.contains("no expectation recorded for 1.75.0: held against the nearest recorded toolchain, 1.95.0"), "{t}");
    assert!(t.contains("classified from the text alone"), "{t}");
    let r = ui(
        "record",
        dir.path(),
        &["--toolchains", &format!("{OLD},{NEW}")],
    );
    assert_eq!(code(&r), 0, "{}", text(&r));
    assert_eq!(std::fs::read_to_string(&pinned).unwrap(), stderr);
    let show = text(&ui("show", dir.path(), &[]));
    assert!(show.contains("  1.75.0: B (fail E0277)\n  1.95.0: A (fail E0277)\n  (1.95.0: read from trybuild's rc_to_thread.stderr)"), "{show}");
    let e = sendsync::uitest::expect::Expectations::load(&program, "x", NEW).unwrap();
    assert!(e.on(NEW).unwrap().unwrap().diagnostics().is_some());
}

/// trybuild's own `.stderr` files, written by trybuild 1.0.122 (`TRYBUILD=overwrite`) for the
/// fixture on the pinned toolchain, pass `sendsync ui check` there untouched: the crate moves
/// over without blessing anything again. The fixture and both target folders lie at fixed
/// places below `target/`, so a warm run builds nothing again.
#[test]
fn trybuilds_own_stderr_files_pass_ui_check_unchanged() {
    if !common::in_quiet_child("trybuilds_own_stderr_files_pass_ui_check_unchanged") {
        return;
    }
    let Some(_) = common::pinned_toolchain("trybuild's .stderr files under ui check") else {
        return;
    };
    let base = sendsync::paths::target_dir().join("uitest-trybuild");
    let krate = base.join("fixture");
    let _ = std::fs::remove_dir_all(krate.join("tests"));
    fixture(&krate, LIB);
    std::fs::remove_file(krate.join("tests/ui/fine.rs")).unwrap();
    let root = sendsync::input::corpus::package_root();
    std::fs::write(
        krate.join("Cargo.toml"),
        "[package]\nname = \"fixture\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dev-dependencies]\ntrybuild = \"=1.0.122\"\n",
    )
    .unwrap();
    std::fs::copy(root.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    std::fs::write(
        krate.join("tests/trybuild.rs"),
        "#[test]\nfn ui() {\n    trybuild::TestCases::new().compile_fail(\"tests/ui/*.rs\");\n}\n",
    )
    .unwrap();
    let out = Command::new("cargo")
        .args(["test", "--offline", "--test", "trybuild"])
        .current_dir(&krate)
        .env("RUSTUP_TOOLCHAIN", sendsync::toolchain::pinned())
        // Hides std's sources from trybuild's rustc, as sendsync hides them from its own.
        .env("RUSTC_WRAPPER", env!("CARGO_BIN_EXE_sendsync-rustc"))
        .env("TRYBUILD", "overwrite")
        .env("CARGO_TARGET_DIR", base.join("target"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let pinned = krate.join("tests/ui/local_elsewhere.stderr");
    let written = std::fs::read_to_string(&pinned).unwrap();
    assert!(written.contains(" --> src/lib.rs\n"), "{written}");
    let c = ui(
        "check",
        &krate,
        &["--toolchain", sendsync::toolchain::pinned()],
    );
    assert_eq!(code(&c), 0, "{}", text(&c));
    assert!(
        text(&c).contains("2 programs, 2 as expected"),
        "{}",
        text(&c)
    );
    assert_eq!(std::fs::read_to_string(&pinned).unwrap(), written);
}
