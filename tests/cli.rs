//! The `sendsync` command end to end: what users type, what they see, and the exit codes.

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn sendsync(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(args)
        .output()
        .expect("runs sendsync")
}

fn sendsync_in(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(args)
        .env("SENDSYNC_CACHE_DIR", cache)
        .output()
        .expect("runs sendsync")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn list_shows_every_chapter_16_listing() {
    let out = sendsync(&["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for n in 1..=15 {
        assert!(
            text.contains(&format!("Listing 16-{n}\n")),
            "listing 16-{n} missing from:\n{text}"
        );
    }
}

#[test]
fn list_json_counts_cases_topics_and_codes() {
    let out = sendsync(&["list", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary = &json["summary"];
    assert!(summary["cases"].as_u64().unwrap() >= 200, "{summary}");
    assert!(summary["topics"].as_u64().unwrap() >= 15, "{summary}");
    let codes: Vec<&str> = json["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(
        codes.iter().filter(|c| c.starts_with('E')).count() >= 20,
        "{codes:?}"
    );
    assert!(
        codes.contains(&"-"),
        "codeless errors are part of the corpus: {codes:?}"
    );
    // Every failing case names its fix.
    for case in json["cases"].as_array().unwrap() {
        if case["expected"] == "fail" {
            assert!(case["fix"].is_string(), "{case}");
        }
    }
}

#[test]
fn show_prints_explanation_source_error_and_fix() {
    let out = sendsync(&["show", "book_16_14_rc_mutex_not_send"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(text.contains("Rust Book listing 16-14"), "{text}");
    assert!(
        text.contains("--- source ---") && text.contains("Rc::new(Mutex::new(0))"),
        "{text}"
    );
    assert!(
        text.contains(
            "error[E0277]: `Rc<std::sync::Mutex<i32>>` cannot be sent between threads safely"
        ),
        "{text}"
    );
    assert!(
        text.contains("--- fix: book_16_15")
            && text.contains("+    let counter = Arc::new(Mutex::new(0));"),
        "{text}"
    );
}

/// `show` draws the obligation chain under the pinned error, and its JSON carries it link by
/// link: here a struct field (`Retry`, then `Tagged`) through the spawned closure to `spawn`.
#[test]
fn show_prints_and_carries_the_obligation_chain() {
    let name = "nested_generic_wrapper_with_rc_not_send";
    let out = sendsync(&["show", name]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        text.contains("--- obligation chain: how `Send` is missing ---\nRc<Vec<u8>> (not Send)  →  within Retry<Rc<Vec<u8>>> at 15:8  →  within Tagged<Retry<Rc<Vec<u8>>>> at 20:8  →  captured by the closure at 33:32  →  Send, required by a bound in `spawn` (call at 33:18)"),
        "{text}"
    );
    let out = sendsync(&["show", name, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let links = json["chains"][0]["links"].as_array().expect("a chain");
    let kinds: Vec<&str> = links.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        [
            "culprit",
            "within-type",
            "within-type",
            "captured-by-closure",
            "required-by-bound"
        ]
    );
    assert_eq!(json["chains"][0]["trait"], "Send");
    assert_eq!(links[3]["at"], "33:32-33:39");
    assert_eq!(
        json["fixes"][0]["name"],
        "nested_generic_wrapper_with_arc_send"
    );
}

#[test]
fn show_prints_every_fix_with_its_diff() {
    let out = sendsync(&["show", "config_ref_into_spawn"]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        text.contains("--- fix: config_ref_shared_with_scoped_threads")
            && text.contains("+++ config_ref_shared_with_scoped_threads"),
        "{text}"
    );
    assert!(
        text.contains("--- another idiomatic fix: leaked_config_for_threads")
            && text.contains("+++ leaked_config_for_threads"),
        "{text}"
    );
}

#[test]
fn show_an_unknown_case_is_bad_input() {
    let out = sendsync(&["show", "no_such_case"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no case named `no_such_case`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn bad_arguments_exit_2() {
    assert_eq!(
        sendsync(&["check", "--format", "yaml"]).status.code(),
        Some(2)
    );
    let out = sendsync(&["check", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/no/such/folder: no such file or folder"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_missing_toolchain_is_exit_2_with_the_install_command() {
    let out = sendsync(&["check", "--toolchain", "1.2.0"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("toolchain `1.2.0` is not installed")
            && err.contains("rustup toolchain install 1.2.0"),
        "{err}"
    );
}

#[test]
fn a_bad_header_in_a_checked_folder_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.rs"),
        "//! Title\n//! Text.\n//@ pas\nfn main() {}\n",
    )
    .unwrap();
    let out = sendsync(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("bad.rs:3: unknown directive `pas`"),
        "{}",
        stderr(&out)
    );
}

/// Header-less programs are compiled and reported by what they do.
#[test]
fn headerless_programs_are_reported_with_outcome_and_codes() {
    if common::pinned_toolchain("header-less check").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("rc_spawn.rs"), "use std::rc::Rc;\nfn main() {\n    let r = Rc::new(1);\n    std::thread::spawn(move || drop(r)).join().unwrap();\n}\n").unwrap();
    std::fs::write(
        dir.path().join("fine.rs"),
        "fn main() {\n    println!(\"hi\");\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("moved.rs"),
        "fn main() {\n    let v = vec![1];\n    drop(v);\n    drop(v);\n}\n",
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let out = sendsync_in(
        cache.path(),
        &[
            "check",
            "--format",
            "json",
            "--toolchain",
            sendsync::toolchain::pinned(),
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cases = json["cases"].as_array().unwrap();
    let find = |name: &str| {
        cases
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(find("rc_spawn")["outcome"], "fail");
    assert_eq!(find("rc_spawn")["codes"], serde_json::json!(["E0277"]));
    assert_eq!(find("moved")["codes"], serde_json::json!(["E0382"]));
    assert_eq!(find("fine")["outcome"], "pass");
    assert_eq!(find("fine")["run_exit_code"], 0);
    for c in cases {
        assert_eq!(c["verdict"], "no-expectation");
    }
    assert_eq!(json["toolchain"]["release"], sendsync::toolchain::pinned());
    assert_eq!(json["summary"]["no-expectation"], 3);
}

fn processes_with(marker: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains(marker) {
                found.push(format!(
                    "{}: {cmdline}",
                    entry.file_name().to_string_lossy()
                ));
            }
        }
    }
    found
}

/// A passing case that deadlocks (and has started a child process) is killed, whole, at the
/// time limit, and reported as `timeout`.
#[test]
fn a_deadlock_times_out_and_leaves_no_process() {
    if common::pinned_toolchain("timeout").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let marker = format!("{}.25", 900 + std::process::id() % 97);
    std::fs::write(
        dir.path().join("deadlock.rs"),
        format!(
            "//! A deadlock\n//!\n//! Locks a mutex twice.\n//!\n//@ pass\nuse std::sync::Mutex;\nfn main() {{\n    let _child = std::process::Command::new(\"sleep\").arg(\"{marker}\").spawn().unwrap();\n    let m = Mutex::new(0);\n    let _a = m.lock().unwrap();\n    let _b = m.lock().unwrap();\n}}\n"
        ),
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let started = std::time::Instant::now();
    let out = sendsync_in(
        cache.path(),
        &[
            "check",
            "--timeout",
            "2",
            "--format",
            "json",
            dir.path().to_str().unwrap(),
        ],
    );
    let elapsed = started.elapsed();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["cases"][0]["verdict"], "timeout");
    assert_eq!(json["cases"][0]["outcome"], "timeout");
    assert!(elapsed.as_secs() < 60, "took {elapsed:?}");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let left = processes_with(&marker);
    assert!(left.is_empty(), "processes left behind: {left:?}");
}

/// Two checks at once on the same corpus and the same cache both succeed.
#[test]
fn two_checks_at_once_both_succeed() {
    if common::pinned_toolchain("concurrent checks").is_none() {
        return;
    }
    let cache = tempfile::tempdir().unwrap();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_sendsync"))
            .args([
                "check",
                "--toolchain",
                sendsync::toolchain::pinned(),
                "cases/book",
            ])
            .env("SENDSYNC_CACHE_DIR", cache.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap()
    };
    // As many cases as the topic holds, so that adding a case does not break this test.
    let n = common::cases().iter().filter(|c| c.topic == "book").count();
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().unwrap(), b.join().unwrap())
    });
    for o in [&a, &b] {
        assert_eq!(o.status.code(), Some(0), "{}{}", stdout(o), stderr(o));
        assert!(
            stdout(o).contains(&format!("{n} cases on")),
            "{}",
            stdout(o)
        );
    }
    // A third run finds everything in the cache.
    let c = spawn();
    assert!(
        stdout(&c).contains(&format!("{n} from cache")),
        "{}",
        stdout(&c)
    );
}

/// A mismatch: a failing case whose fix was applied compiles, and check says so (exit 1).
#[test]
fn an_expected_failure_that_compiles_is_a_mismatch() {
    if common::pinned_toolchain("mismatch").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("now_fine.rs"),
        "//! Was broken\n//!\n//! Text.\n//!\n//@ fail: E0382\n//@ fix: x\nfn main() {}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("x.rs"),
        "//! The fix\n//!\n//! Text.\n//!\n//@ pass\nfn main() {}\n",
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let out = sendsync_in(cache.path(), &["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("expected to fail with E0382, but it compiled"),
        "{}",
        stdout(&out)
    );
}

/// `native: hangs`: a run still going after the probe is `ok` (and cached: it is the promised
/// result), one that ends is a mismatch saying so. Neither needs Miri; `check` holds the native
/// half of the promise.
#[test]
fn native_hangs_holds_only_for_a_run_that_does_not_end() {
    let Some(pinned) = common::pinned_toolchain("native: hangs") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    let header =
        "//! T\n//!\n//! E.\n//!\n//@ pass\n//@ native: hangs\n//@ miri: deadlock\n//@ fix: twin\n";
    std::fs::write(
        dir.path().join("relock.rs"),
        format!("{header}fn main() {{\n    let m = std::sync::Mutex::new(0);\n    let _a = m.lock().unwrap();\n    let _b = m.lock().unwrap();\n}}\n"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ends.rs"),
        format!(
            "{}fn main() {{}}\n",
            header.replace("fix: twin", "fix: twin2")
        ),
    )
    .unwrap();
    for twin in ["twin", "twin2"] {
        std::fs::write(
            dir.path().join(format!("{twin}.rs")),
            "//! T\n//!\n//! E.\n//!\n//@ pass\nfn main() {}\n",
        )
        .unwrap();
    }
    let args = ["check", "--toolchain", &pinned.name, "--format", "json"];
    let dir_arg = dir.path().to_str().unwrap();
    for round in ["cold", "cached"] {
        let started = std::time::Instant::now();
        let out = sendsync_in(cache.path(), &[&args[..], &[dir_arg]].concat());
        let json: serde_json::Value = serde_json::from_str(&stdout(&out))
            .unwrap_or_else(|e| panic!("{e}: {}{}", stdout(&out), stderr(&out)));
        let rows = json["cases"]
            .as_array()
            .or(json.as_array())
            .cloned()
            .unwrap_or_default();
        let text = json.to_string();
        assert_eq!(out.status.code(), Some(1), "{round}: {text}");
        let verdict = |name: &str| {
            rows.iter()
                .find(|r| r["name"] == name)
                .map(|r| {
                    (
                        r["verdict"].as_str().unwrap_or("").to_string(),
                        r.to_string(),
                    )
                })
                .unwrap_or_else(|| panic!("{name} missing: {text}"))
        };
        assert_eq!(
            verdict("relock").0,
            "ok",
            "{round}: {}",
            verdict("relock").1
        );
        let (v, row) = verdict("ends");
        assert!(
            v == "mismatch"
                && row.contains("expected to hang (`native: hangs`), but its run ended"),
            "{round}: {row}"
        );
        if round == "cached" {
            // The hang is not waited for again.
            assert!(
                started.elapsed() < std::time::Duration::from_secs(2),
                "{:?}",
                started.elapsed()
            );
        }
    }
}

/// `table --toolchain` probes through the cache: `--no-cache` writes nothing there, a cached
/// probe writes one entry, and both print the same table.
#[test]
fn table_probes_through_the_cache_unless_told_not_to() {
    if common::pinned_toolchain("table --no-cache").is_none() {
        return;
    }
    let cache = tempfile::tempdir().unwrap();
    let entries = || common::files_under(cache.path()).len();
    let args = ["table", "--toolchain", sendsync::toolchain::pinned()];
    let fresh = sendsync_in(cache.path(), &[&args[..], &["--no-cache"]].concat());
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));
    assert_eq!(entries(), 0, "--no-cache wrote to the cache");
    let cached = sendsync_in(cache.path(), &args);
    assert_eq!(cached.status.code(), Some(0), "{}", stderr(&cached));
    assert_eq!(entries(), 1, "one probe, one entry");
    // The same table; only the first line's timing may differ.
    let table = |o: &Output| stdout(o).split_once('\n').unwrap().1.to_string();
    assert_eq!(table(&fresh), table(&cached));
    assert!(table(&fresh).contains("rc::Rc<T>"), "{}", stdout(&fresh));
}
