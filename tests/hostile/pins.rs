//! Pins fail closed, what rustc says in plain text is kept, and a thread's panic is a failure.

use super::{common, expect, pass_case, text, write, Env};
use std::path::{Path, PathBuf};

/// `check DIR --format json`'s row for `name`: its verdict and reason.
fn row(json: &serde_json::Value, name: &str) -> (String, String) {
    let row = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {json}"));
    let s = |k: &str| row[k].as_str().unwrap_or_default().to_string();
    (s("verdict"), s("reason"))
}

/// A copy of a topic folder of the corpus in a folder of its own, and one of its failing cases
/// (the first with a pinned stderr).
fn copy_topic(away: &Path, topic: &str) -> (PathBuf, String) {
    let copy = away.join(topic);
    std::fs::create_dir_all(&copy).unwrap();
    for entry in std::fs::read_dir(sendsync::input::corpus::bundled_root().join(topic))
        .unwrap()
        .flatten()
    {
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    let mut pins: Vec<PathBuf> = std::fs::read_dir(&copy)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "stderr"))
        .filter(|p| !p.to_string_lossy().ends_with(".miri.stderr"))
        .collect();
    pins.sort();
    let name = pins[0].file_stem().unwrap().to_string_lossy().into_owned();
    (copy, name)
}

/// As trybuild: a pinned `.stderr` that cannot be read is an error naming it (exit 2), a missing
/// one is a failure saying how to bless it (exit 1), and `--bless` writes both.
#[test]
fn a_pin_that_is_unreadable_or_missing_fails_closed() {
    let Some(_) = common::pinned_toolchain("pins that fail closed") else {
        return;
    };
    let env = Env::new();
    let away = tempfile::tempdir().unwrap();
    let (copy, name) = copy_topic(away.path(), "rc_arc");
    let pin = copy.join(format!("{name}.stderr"));
    let good = std::fs::read(&pin).unwrap();
    let dir = copy.to_str().unwrap();
    let check = |extra: &[&str]| {
        let mut args = vec!["check", dir, "--format", "json"];
        args.extend(extra);
        let o = env.run(&args);
        let json: serde_json::Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&o)));
        (o, json)
    };

    std::fs::write(&pin, b"error\xff\n").unwrap();
    let (o, json) = check(&[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    let (verdict, reason) = row(&json, &name);
    assert_eq!(verdict, "error", "{reason}");
    assert!(
        reason.contains(&format!("{}:1: the file is not valid UTF-8", pin.display())),
        "{reason}"
    );

    std::fs::remove_file(&pin).unwrap();
    let (o, json) = check(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let (verdict, reason) = row(&json, &name);
    assert_eq!(verdict, "mismatch", "{reason}");
    assert!(
        reason.contains(&format!("pinned stderr {} is missing", pin.display()))
            && reason.contains("sendsync check --bless --bless-outside-corpus"),
        "{reason}"
    );

    // Blessing writes what is missing, and what cannot be read, as it writes what differs.
    for broken in [None, Some(&b"error\xff\n"[..])] {
        if let Some(bytes) = broken {
            std::fs::write(&pin, bytes).unwrap();
        }
        let (o, _) = check(&["--bless", "--bless-outside-corpus"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        assert_eq!(std::fs::read(&pin).unwrap(), good, "{}", text(&o));
    }
    let (o, _) = check(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

/// When rustc fails in plain text (its option parser does not speak JSON), what it said is the
/// reason, not an empty "expected to compile, but: ".
#[test]
fn a_plain_text_failure_of_rustc_is_the_reason() {
    let Some(_) = common::pinned_toolchain("rustc's plain-text failures") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("plain");
    write(
        &d,
        "edition_twice.rs",
        "//@ edition:2021\n//@ compile-flags: --edition=2018\n//@ check-pass\nfn main() {}\n",
    );
    write(
        &d,
        "unknown_flag.rs",
        "//@ compile-flags: --no-such-rustc-flag\n//@ check-pass\nfn main() {}\n",
    );
    let o = env.run(&["check", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for (name, says) in [
        (
            "edition_twice",
            "expected to compile, but: error: Option 'edition' given more than once",
        ),
        (
            "unknown_flag",
            "expected to compile, but: error: Unrecognized option: 'no-such-rustc-flag'",
        ),
    ] {
        let (verdict, reason) = row(&json, name);
        assert_eq!(verdict, "mismatch", "{name}: {reason}");
        assert!(reason.contains(says), "{name}: {reason:?} lacks {says:?}");
    }
}

/// A spawned thread's panic leaves the exit code 0: the panic in the run's output is what fails
/// the case, named by its message, for a named thread and for an unnamed one.
#[test]
fn a_panicking_thread_fails_a_passing_case() {
    let Some(_) = common::pinned_toolchain("panicking threads") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("panics");
    write(
        &d,
        "unnamed.rs",
        &pass_case(
            "fn main() {\n    let t = std::thread::spawn(|| panic!(\"the worker gave up\"));\n    let _ = t.join();\n}\n",
        ),
    );
    write(
        &d,
        "named.rs",
        &pass_case(
            "fn main() {\n    let t = std::thread::Builder::new().name(\"loader\".into());\n    let t = t.spawn(|| None::<u8>.expect(\"no config\")).unwrap();\n    let _ = t.join();\n}\n",
        ),
    );
    // A panic silenced by the program's own hook is its business: nothing is printed.
    write(
        &d,
        "silenced.rs",
        &pass_case(
            "fn main() {\n    std::panic::set_hook(Box::new(|_| {}));\n    assert!(std::thread::spawn(|| panic!(\"expected\")).join().is_err());\n}\n",
        ),
    );
    let o = env.run(&["check", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for (name, says) in [
        (
            "unnamed",
            "thread '<unnamed>' panicked at cases/panics/unnamed.rs:7:35: the worker gave up",
        ),
        (
            "named",
            "thread 'loader' panicked at cases/panics/named.rs:8:35: no config",
        ),
    ] {
        let (verdict, reason) = row(&json, name);
        assert_eq!(verdict, "mismatch", "{name}: {reason}");
        assert!(reason.contains(says), "{name}: {reason:?} lacks {says:?}");
        assert!(reason.contains("exit code 0"), "{name}: {reason}");
    }
    assert_eq!(row(&json, "silenced").0, "ok");
    expect(&o, 1, &[]);
}
