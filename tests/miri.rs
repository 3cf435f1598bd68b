//! Runtime truth: every passing case of the corpus under nightly Miri is Miri-clean or finds what
//! its `//@ miri:` directive says, with the report pinned beside it (`<name>.miri.stderr`); and
//! `sendsync miri` reports a header-less folder of programs correctly. Where nightly Miri (the
//! `miri` and `rust-src` components) is not installed, these tests print `SKIPPED …` and pass.

mod common;

use sendsync::learn::miri::{self, Miri, Verdict};
use std::path::Path;
use std::process::Command;

/// Nightly's Miri with its sysroot prepared, or `None` after saying why the caller skips.
fn nightly_miri(what: &str) -> Option<Miri> {
    let toolchain = common::installed("nightly", what)?;
    match Miri::find(&toolchain) {
        Ok(m) => match m.prepare(|line| {
            use std::io::Write;
            // Uncaptured, as `common::skip` writes: a minute's wait is said, not silent.
            let _ = writeln!(std::io::stderr(), "note: {line}");
        }) {
            Ok(()) => Some(m),
            Err(e) => {
                common::skip(common::Need::Miri, format_args!("{what}: {e}"));
                None
            }
        },
        Err(e) => {
            common::skip(common::Need::Miri, format_args!("{what}: {e}"));
            None
        }
    }
}

#[test]
fn every_passing_case_is_miri_clean_or_finds_what_its_directive_says() {
    let Some(runner) = nightly_miri("the corpus under Miri") else {
        return;
    };
    let cases = common::cases();
    // Through the cache: its key holds the nightly, the Miri binary and sysroot, the flags and
    // the case's content, so a hit is the same run.
    let options = miri::Options::new(sendsync::input::corpus::package_root());
    let results = miri::check_all(&runner, &cases, &options, false, |_| {});
    let bad: Vec<String> = results
        .iter()
        .filter(|r| r.is_failure())
        .map(|r| format!("{}: {}", r.case.path.display(), r.problem))
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    let passing = cases
        .iter()
        .filter(|c| c.expectation == sendsync::input::case::Expectation::Pass)
        .count();
    // Lint cases that compile run too, with no verdict promised: their lesson is the lint.
    let run = results
        .iter()
        .filter(|r| r.miri.is_some() && !r.case.expectation.is_lint())
        .count();
    assert_eq!(run, passing, "every passing case has a Miri verdict");
    let findings = results
        .iter()
        .filter(|r| r.verdict().is_some_and(Verdict::is_finding))
        .count();
    assert!(findings >= 7, "only {findings} cases show a Miri finding");
}

/// `sendsync miri --format json` on `dir` with `args`, which must exit 0: its rows, and its
/// standard output for messages.
fn miri_json(dir: &Path, args: &[&str]) -> (Vec<serde_json::Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(["miri", "--format", "json"])
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    (json["programs"].as_array().unwrap().clone(), stdout)
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join(name), text).unwrap();
}

/// The acceptance: on a folder of programs without headers, native outcome and Miri
/// verdict of a data race behind a lying `unsafe impl`, a deadlock, a leak and clean programs.
#[test]
fn a_headerless_folder_is_reported_by_native_outcome_and_miri_verdict() {
    if nightly_miri("sendsync miri on a header-less folder").is_none() {
        return;
    }
    // A folder named the same on every run: a program's folder is part of its name in
    // diagnostics, and so of its cache key.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("headerless");
    write(
        &dir,
        "lying_send.rs",
        "use std::rc::Rc;\nstruct S(Rc<u8>);\nunsafe impl Send for S {}\nfn main() {\n    let rc = Rc::new(1);\n    let s = S(Rc::clone(&rc));\n    let t = std::thread::spawn(move || { let s = s; drop(Rc::clone(&s.0)); });\n    drop(Rc::clone(&rc));\n    t.join().unwrap();\n}\n",
    );
    write(
        &dir,
        "relock.rs",
        "fn main() {\n    let m = std::sync::Mutex::new(1);\n    let _a = m.lock().unwrap();\n    let _b = m.lock().unwrap();\n}\n",
    );
    write(
        &dir,
        "forget.rs",
        "fn main() { std::mem::forget(vec![1u8, 2, 3]); }\n",
    );
    write(
        &dir,
        "clean.rs",
        "fn main() {\n    let v = std::sync::Arc::new(5);\n    let w = std::sync::Arc::clone(&v);\n    assert_eq!(std::thread::spawn(move || *w).join().unwrap(), 5);\n}\n",
    );
    write(&dir, "broken.rs", "fn main() { let x: u8 = \"no\"; }\n");
    // Through the shared result cache: a warm run reads the native runs (one of them a 3 s
    // time-out) and Miri's verdicts; a changed sendsync, nightly or program runs again.
    // Programs without headers promise nothing: no mismatch, exit 0.
    let (rows, stdout) = miri_json(&dir, &["--timeout", "3"]);
    let row = |name: &str| {
        rows.iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing from {stdout}"))
    };
    let want = [
        ("lying_send", "pass", Some("data-race")),
        ("relock", "timeout", Some("deadlock")),
        ("forget", "pass", Some("leak")),
        ("clean", "pass", Some("clean")),
        ("broken", "fail", None),
    ];
    for (name, native, verdict) in want {
        let r = row(name);
        assert_eq!(r["native"], native, "{name}: {r}");
        assert_eq!(r["miri"].as_str(), verdict, "{name}: {r}");
        for key in ["path", "name", "native", "miri", "headline"] {
            assert!(r.get(key).is_some(), "{name} has no {key}: {r}");
        }
    }
    assert!(row("lying_send")["headline"]
        .as_str()
        .unwrap()
        .starts_with("Undefined Behavior: Data race detected between"));
    assert_eq!(
        row("relock")["headline"],
        "the evaluated program deadlocked"
    );
    assert_eq!(row("clean")["headline"], serde_json::Value::Null);
}

/// A case whose verdict differs from its directive makes `sendsync miri` exit 1, naming it.
#[test]
fn a_verdict_that_differs_from_the_directive_exits_1() {
    if nightly_miri("sendsync miri exit codes").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "claims_clean.rs",
        "//! Forgets a vector\n//!\n//! It leaks. Miri says so.\n//!\n//@ pass\nfn main() { std::mem::forget(vec![1u8]); }\n",
    );
    let out = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(["miri", "--no-cache"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Miri: leak (memory leaked: ALLOC")
            && stdout.contains("but the case says clean"),
        "{stdout}"
    );
}

/// Nothing is installed by surprise: a toolchain without Miri is exit 2 with the command that
/// adds it. Stable never has Miri, so this runs wherever the pinned toolchain is installed.
#[test]
fn a_toolchain_without_miri_is_exit_2_with_the_install_command() {
    let Some(pinned) = common::pinned_toolchain("sendsync miri without Miri") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(["miri", "--toolchain", &pinned.name, "cases/races"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("has no `miri` component")
            && stderr.contains("rustup toolchain install nightly --component miri,rust-src"),
        "{stderr}"
    );
}

/// `--seeds N` runs every seed below N (`-Zmiri-many-seeds=0..N`): a deadlock that only some
/// schedules reach is found, and a program that is right on every schedule stays clean. Two
/// threads take two locks in opposite orders three times each: whether they deadlock depends
/// on where Miri preempts them, which its seed decides (on nightly 2026-05-19 seeds 4 and 14 of
/// 0..16 deadlock, seed 0 does not). With locks taken in one order, no seed deadlocks.
#[test]
fn seeds_find_a_deadlock_that_depends_on_the_schedule() {
    if nightly_miri("sendsync miri --seeds").is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("seeds");
    let program = |first: &str, second: &str| {
        format!(
            "use std::sync::Mutex;\nfn main() {{\n    let (a, b) = (Mutex::new(0), Mutex::new(0));\n    std::thread::scope(|s| {{\n        s.spawn(|| for _ in 0..3 {{ let _x = a.lock().unwrap(); let _y = b.lock().unwrap(); }});\n        s.spawn(|| for _ in 0..3 {{ let _y = {first}.lock().unwrap(); let _x = {second}.lock().unwrap(); }});\n    }});\n}}\n"
        )
    };
    write(&dir, "opposite_orders.rs", &program("b", "a"));
    write(&dir, "one_order.rs", &program("a", "b"));
    // Through the shared result cache, as above: 64 seeds of a clean program are the cost.
    let (rows, stdout) = miri_json(&dir, &["--seeds", "64", "--timeout", "300"]);
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap();
    assert_eq!(row("opposite_orders")["miri"], "deadlock", "{stdout}");
    assert_eq!(
        row("opposite_orders")["headline"],
        "the evaluated program deadlocked"
    );
    assert_eq!(row("one_order")["miri"], "clean", "{stdout}");
    // The report keeps Miri's finding and drops the progress lines of the seeds.
    let runner = nightly_miri("sendsync miri --seeds").unwrap();
    let case = sendsync::input::case::Case::load_lenient(&dir.join("opposite_orders.rs")).unwrap();
    let mut options = miri::Options::new(dir.clone());
    options.timeout = std::time::Duration::from_secs(300);
    options.seeds = Some(64);
    let (run, _) = runner.run_cached(&case, &options).unwrap();
    assert_eq!(run.verdict, Verdict::Deadlock, "{}", run.report);
    assert!(
        run.report
            .starts_with("error: the evaluated program deadlocked")
            && !run.report.contains("Trying seed"),
        "{}",
        run.report
    );
}

/// Where the nightly lacks `miri` or `rust-src`, `sendsync miri` installs nothing: exit 2 and
/// the `rustup component add` command for that toolchain. Both situations are built from the
/// installed nightly as toolchains of a rustup home of the test's own (`RUSTUP_HOME`), so the
/// real rustup installation is left as it is.
#[test]
fn a_nightly_without_miri_or_rust_src_is_exit_2_with_the_component_command() {
    let Some(nightly) = common::installed("nightly", "sendsync miri on a nightly without Miri")
    else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let toolchains = home.path().join("toolchains");
    common::fake_toolchain(
        &nightly.sysroot,
        &toolchains.join("nightly-nomiri"),
        true,
        &[],
    );
    let has_miri = nightly.sysroot.join("bin/miri").is_file();
    if has_miri {
        common::fake_toolchain(
            &nightly.sysroot,
            &toolchains.join("nightly-nosrc"),
            false,
            &["miri", "cargo-miri"],
        );
    } else {
        common::skip(common::Need::Miri, format_args!(
            "sendsync miri without rust-src: nightly has no `miri` component to build that situation from"
        ));
    }
    let run = |name: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_sendsync"))
            .args(["miri", "--no-cache", "--toolchain", name, "cases/races"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("RUSTUP_HOME", home.path())
            .env("RUSTUP_AUTO_INSTALL", "0")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let mut situations = vec![("nightly-nomiri", "has no `miri` component")];
    if has_miri {
        situations.push(("nightly-nosrc", "has no `rust-src` component"));
    }
    for (name, says) in situations {
        let (code, stderr) = run(name);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert!(
            stderr.contains(says)
                && stderr.contains(&format!(
                    "rustup component add miri rust-src --toolchain {name}"
                )),
            "{name}: {stderr}"
        );
    }
}

/// `sendsync miri DIR` with `args`: its exit code, its JSON rows and its output for messages.
fn miri_rows(dir: &Path, args: &[&str]) -> (Option<i32>, Vec<serde_json::Value>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(["miri", "--format", "json"])
        .args(args)
        .arg(dir)
        .output()
        .unwrap();
    let all = format!(
        "{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {all}"));
    let rows = json["programs"]
        .as_array()
        .unwrap_or_else(|| panic!("{all}"))
        .clone();
    (out.status.code(), rows, all)
}

/// As `check`'s pins, Miri's fail closed: a pinned report that cannot be read is an error
/// naming it (exit 2), a missing one a failure saying how to bless it (exit 1).
#[test]
fn a_miri_pin_that_is_unreadable_or_missing_fails_closed() {
    if nightly_miri("Miri pins that fail closed").is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pins");
    write(
        &dir,
        "forgets.rs",
        "//! Forgets a vector\n//!\n//! It leaks. Miri says so.\n//!\n//@ pass\n//@ miri: leak\nfn main() { std::mem::forget(vec![1u8]); }\n",
    );
    let (code, rows, all) = miri_rows(&dir, &[]);
    assert_eq!(code, Some(1), "{all}");
    let problem = rows[0]["problem"].as_str().unwrap_or_default();
    assert!(
        problem.contains("no pinned Miri report") && problem.contains("forgets.miri.stderr"),
        "{all}"
    );
    let pin = dir.join("forgets.miri.stderr");
    std::fs::write(&pin, b"error: memory leaked\n\xff\n").unwrap();
    let (code, rows, all) = miri_rows(&dir, &[]);
    assert_eq!(code, Some(2), "{all}");
    let problem = rows[0]["problem"].as_str().unwrap_or_default();
    assert!(
        problem.contains(&format!("{}:2: the file is not valid UTF-8", pin.display())),
        "{all}"
    );
}

/// A spawned thread's panic leaves Miri's exit code 0, as it leaves the native one: the panic
/// is what makes the run `failed`, not `clean`, named by its message.
#[test]
fn a_panicking_thread_is_not_clean_under_miri() {
    if nightly_miri("a panicking thread under Miri").is_none() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("panics");
    write(
        &dir,
        "worker_panics.rs",
        "//! A worker that panics\n//!\n//! Its panic is not an exit code.\n//!\n//@ pass\nfn main() {\n    let t = std::thread::spawn(|| panic!(\"the worker gave up\"));\n    let _ = t.join();\n}\n",
    );
    let (code, rows, all) = miri_rows(&dir, &[]);
    assert_eq!(code, Some(1), "{all}");
    let row = &rows[0];
    assert_eq!(row["miri"], "failed", "{all}");
    let headline = row["headline"].as_str().unwrap_or_default();
    assert!(
        headline.contains("panicked at") && headline.contains("the worker gave up"),
        "{all}"
    );
    assert!(
        row["problem"]
            .as_str()
            .unwrap_or_default()
            .contains("but the case says clean"),
        "{all}"
    );
}
