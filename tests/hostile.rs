//! The bad-input and hostile-program catalogue: each entry is what a user (or a case) did, the
//! exit code `sendsync` must give, and what it must say. None of these may come back.

mod common;
// Pins that fail closed, plain-text failures, panicking threads: tests/hostile/pins.rs.
#[path = "hostile/pins.rs"]
mod pins;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// `sendsync` with a private cache and temporary folder, so a test sees only its own files.
struct Env {
    cache: tempfile::TempDir,
    tmp: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        Env {
            cache: tempfile::tempdir().unwrap(),
            tmp: tempfile::tempdir().unwrap(),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sendsync"));
        cmd.args(args)
            .env("SENDSYNC_CACHE_DIR", self.cache.path())
            .env("TMPDIR", self.tmp.path());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("runs sendsync")
    }

    /// What is left in the private temporary folder.
    fn leftovers(&self) -> Vec<String> {
        std::fs::read_dir(self.tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// Asserts an exit code and that stderr holds every one of `says`.
fn expect(o: &Output, code: i32, says: &[&str]) {
    let all = text(o);
    assert_eq!(o.status.code(), Some(code), "{all}");
    let stderr = String::from_utf8_lossy(&o.stderr);
    for s in says {
        assert!(stderr.contains(s), "stderr lacks {s:?}:\n{all}");
    }
}

fn write(dir: &Path, name: &str, source: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, source).unwrap();
    path
}

fn pass_case(body: &str) -> String {
    format!("//! A case\n//!\n//! It runs.\n//!\n//@ pass\n{body}")
}

fn processes_with(marker: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        if stat.contains(") Z") {
            continue; // a zombie is gone, only not yet reaped by its parent
        }
        if let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) {
            let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
            if cmdline.contains(marker) {
                found.push(cmdline);
            }
        }
    }
    found
}

/// The processes still running with `marker` once they had a moment to die: SIGKILL is
/// delivered asynchronously, and on a loaded machine a killed process can take a few
/// milliseconds to leave `/proc`.
fn still_running(marker: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let left = processes_with(marker);
        if left.is_empty() || Instant::now() > deadline {
            return left;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn marker(n: u32) -> String {
    format!("{}.{n}", 800 + std::process::id() % 97)
}

// ---------------------------------------------------------------- bad arguments and headers

#[test]
fn bad_arguments_are_refused_not_changed() {
    let env = Env::new();
    for (args, says) in [
        (
            &["check", "--jobs", "0"][..],
            "invalid value '0' for '--jobs <JOBS>'",
        ),
        (
            &["check", "--timeout", "0"][..],
            "invalid value '0' for '--timeout <TIMEOUT>'",
        ),
        (
            &["check", "--memory-limit", "0"][..],
            "invalid value '0' for '--memory-limit <MEMORY_LIMIT>'",
        ),
        (&["check", "--bless-outside-corpus"][..], "--bless"),
        (&["check", "--format", "yaml"][..], "invalid value 'yaml'"),
        (
            &["history", "verify", "--jobs", "0"][..],
            "invalid value '0'",
        ),
        // The matrix only type-checks: it has no run time limit to offer.
        (
            &["matrix", "--toolchains", "1.95.0", "--timeout", "5"][..],
            "unexpected argument '--timeout'",
        ),
        (
            &["matrix", "--toolchains", "1.95.0", "--jobs", "0"][..],
            "invalid value '0'",
        ),
        (&["table", "--jobs", "0"][..], "invalid value '0'"),
        (&["explain", "-", "--jobs", "0"][..], "invalid value '0'"),
    ] {
        expect(&env.run(args), 2, &[says]);
    }
}

#[test]
fn bad_programs_name_file_and_line() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A directive below an ordinary comment was once silently ignored.
    write(
        &d.join("late"),
        "x.rs",
        "// helper\n//@ pass\nfn main() {}\n",
    );
    expect(
        &env.run(&["check", d.join("late").to_str().unwrap()]),
        2,
        &["late/x.rs:2: a `//@` directive below the header"],
    );
    // A fix that names no case among those checked.
    write(
        &d.join("nofix"),
        "broken.rs",
        "//! Broken\n//!\n//! Why.\n//!\n//@ fail: E0382\n//@ fix: nowhere\nfn main() {}\n",
    );
    expect(
        &env.run(&["check", d.join("nofix").to_str().unwrap()]),
        2,
        &["nofix/broken.rs:6: `fix: nowhere` names no case"],
    );
    // Not UTF-8.
    std::fs::create_dir_all(d.join("binary")).unwrap();
    std::fs::write(d.join("binary/b.rs"), b"fn main() {}\n// \xff\xfe\n").unwrap();
    expect(
        &env.run(&["check", d.join("binary").to_str().unwrap()]),
        2,
        &["binary/b.rs:2: the file is not valid UTF-8"],
    );
    // Nothing there.
    expect(
        &env.run(&["check", "/no/such/folder"]),
        2,
        &["/no/such/folder: no such file or folder"],
    );
    // An empty folder.
    std::fs::create_dir_all(d.join("empty")).unwrap();
    expect(
        &env.run(&["check", d.join("empty").to_str().unwrap()]),
        2,
        &["no .rs programs here"],
    );
}

#[test]
fn a_toolchain_that_is_not_installed_says_how_to_install_it() {
    let env = Env::new();
    expect(
        &env.run(&["check", "--toolchain", "1.2.0"]),
        2,
        &["rustup toolchain install 1.2.0"],
    );
    expect(
        &env.run(&["check", "--rustc", "/no/rustc"]),
        2,
        &["no rustc at /no/rustc"],
    );
}

/// A lint case needs the toolchain's clippy-driver: a toolchain asked for without it is an
/// environment to fix (exit 2), not a row of `not-applicable`s. A rustc reached through a link in
/// a folder of its own has no clippy-driver beside it.
#[test]
fn a_toolchain_without_clippy_cannot_check_lint_cases() {
    let Some(tc) = common::pinned_toolchain("a toolchain without clippy") else {
        return;
    };
    let env = Env::new();
    let bin = env.tmp.path().join("bare/bin");
    std::fs::create_dir_all(&bin).unwrap();
    let rustc = bin.join("rustc");
    std::os::unix::fs::symlink(&tc.rustc, &rustc).unwrap();
    let case = sendsync::input::corpus::bundled_root().join("lints/arc_refcell_on_one_thread.rs");
    let case = case.to_str().unwrap();
    expect(
        &env.run(&["check", "--rustc", rustc.to_str().unwrap(), case]),
        2,
        &["no clippy-driver beside", "lint cases are linted"],
    );
    // The message for a rustup toolchain gives the command that adds the component.
    let named = sendsync::toolchain::Toolchain {
        name: "1.80.0".into(),
        ..tc.clone()
    };
    assert_eq!(
        named.clippy_install_hint(),
        "clippy is not installed on toolchain `1.80.0`; add it with `rustup component add clippy --toolchain 1.80.0`"
    );
    // With clippy, the same case checks.
    expect(
        &env.run(&["check", "--toolchain", sendsync::toolchain::pinned(), case]),
        0,
        &[],
    );
}

#[test]
fn merge_refuses_what_is_not_a_matrix() {
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let not_json = write(dir.path(), "a.json", "this is not json");
    expect(
        &env.run(&["merge", not_json.to_str().unwrap()]),
        2,
        &["a.json"],
    );
    let binary = dir.path().join("b.json");
    std::fs::write(&binary, [0u8, 159, 146, 150]).unwrap();
    expect(
        &env.run(&["merge", binary.to_str().unwrap()]),
        2,
        &["b.json"],
    );
    expect(&env.run(&["merge", "/no/such.json"]), 2, &["/no/such.json"]);
}

// ------------------------------------------------------------------- where a case lies

/// A topic folder copied anywhere checks `ok` from any current folder, and shares the cache
/// with the bundled corpus however its path is spelled.
#[test]
fn a_copied_topic_folder_checks_ok_from_anywhere() {
    let Some(_) = common::pinned_toolchain("copied topic folder") else {
        return;
    };
    let env = Env::new();
    let away = tempfile::tempdir().unwrap();
    let copy = away.path().join("rc_arc");
    std::fs::create_dir_all(&copy).unwrap();
    let topic = sendsync::input::corpus::bundled_root().join("rc_arc");
    for entry in std::fs::read_dir(&topic).unwrap().flatten() {
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    let n = std::fs::read_dir(&copy)
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .count();
    let root = sendsync::input::corpus::package_root();
    let runs: [(&Path, &str); 4] = [
        (away.path(), "rc_arc"),
        (Path::new("/"), copy.to_str().unwrap()),
        (&root, "cases/rc_arc"),
        (&root, "./cases/rc_arc"),
    ];
    for (i, (cwd, arg)) in runs.iter().enumerate() {
        let o = env
            .command(&["check", arg, "--format", "json"])
            .current_dir(cwd)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{arg} from {}: {}",
            cwd.display(),
            text(&o)
        );
        let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(json["summary"]["ok"], n, "{json}");
        if i > 0 {
            // The first run filled the cache; the same cases, however spelled, hit it.
            assert_eq!(json["summary"]["cached"], n, "run {i}: {json}");
        }
    }
    // Blessing the copy is refused: it lies outside the corpus.
    let o = env
        .command(&["check", "rc_arc", "--bless"])
        .current_dir(away.path())
        .output()
        .unwrap();
    expect(&o, 2, &["outside the corpus", "--bless-outside-corpus"]);
}

/// Symbolic links: a folder's walk does not follow them (a link back up would check each file
/// once per level, 41 times here), and a report written to a link goes to the link's target,
/// leaving the link a link.
#[test]
fn symbolic_links_are_not_walked_and_are_written_through() {
    use std::os::unix::fs::symlink;
    let Some(_) = common::pinned_toolchain("symbolic links") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("d");
    write(&d, "a.rs", &pass_case("fn main() {}\n"));
    std::fs::create_dir_all(d.join("sub")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    let o = env.run(&["check", d.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["cases"].as_array().unwrap().len(), 1, "{json}");

    let o = env.run(&[
        "matrix",
        d.to_str().unwrap(),
        "--toolchains",
        sendsync::toolchain::pinned(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let m = dir.path().join("m.json");
    std::fs::write(&m, &o.stdout).unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let link = dir.path().join("link.json");
    symlink("reports/merged.json", &link).unwrap();
    let o = env.run(&[
        "merge",
        m.to_str().unwrap(),
        "--format",
        "json",
        "--out",
        link.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let meta = std::fs::symlink_metadata(&link).unwrap();
    assert!(meta.file_type().is_symlink(), "the link was replaced");
    let merged: serde_json::Value =
        serde_json::from_slice(&std::fs::read(reports.join("merged.json")).unwrap()).unwrap();
    assert!(merged["cases"].is_array(), "{merged}");
}

// ------------------------------------------------------------------- explain

/// The codes of the errors `explain --format json` found.
fn explained_codes(o: &Output) -> Vec<String> {
    let json: serde_json::Value =
        serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", text(o)));
    json["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("no errors: {json}"))
        .iter()
        .map(|e| e["code"].as_str().unwrap_or("-").to_string())
        .collect()
}

/// A library whose function is called `main_loop` is a library: `explain` asks rustc, and does
/// not invent an E0601 ("`main` function not found") by reading `fn main` in the text. A file
/// whose `main` is only inside a module is a library too; one with a real `main` a binary.
#[test]
fn explain_tells_a_library_from_a_binary_by_asking_rustc() {
    let Some(_) = common::pinned_toolchain("explain a library") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let error = "    let rc = std::rc::Rc::new(5);\n    std::thread::spawn(move || drop(rc));\n";
    for (name, source, codes) in [
        (
            "main_loop.rs",
            format!("pub fn main_loop() {{\n{error}}}\n"),
            vec!["E0277"],
        ),
        (
            "in_a_module.rs",
            format!("pub mod app {{\n    pub fn main() {{\n{error}    }}\n}}\n"),
            vec!["E0277"],
        ),
        // A real `main`, under a comment that names it: a binary.
        (
            "binary.rs",
            format!("// fn main runs the app\nfn main() {{\n{error}}}\n"),
            vec!["E0277"],
        ),
    ] {
        let file = write(dir.path(), name, &source);
        let o = env.run(&[
            "explain",
            file.to_str().unwrap(),
            "--toolchain",
            sendsync::toolchain::pinned(),
            "--format",
            "json",
        ]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", text(&o));
        assert_eq!(explained_codes(&o), codes, "{name}: {}", text(&o));
    }
}

/// With no history recorded for the pinned toolchain there is nothing to match against:
/// `explain` says what is missing and how to record it, and exits 2, rather than printing
/// "nearest cases:" with nothing under it.
#[test]
fn explain_without_a_recorded_history_fails_loudly() {
    let env = Env::new();
    let empty = tempfile::tempdir().unwrap();
    let json = r#"{"$message_type":"diagnostic","message":"`Rc<i32>` cannot be sent between threads safely","code":{"code":"E0277","explanation":null},"level":"error","spans":[],"children":[],"rendered":"error[E0277]: `Rc<i32>` cannot be sent between threads safely\n"}"#;
    let mut child = env
        .command(&["explain", "-"])
        .env("SENDSYNC_HISTORY_DIR", empty.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(json.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let pinned = sendsync::toolchain::pinned();
    expect(
        &o,
        2,
        &[
            &empty.path().display().to_string(),
            &format!("sendsync history record --toolchains {pinned}"),
        ],
    );
    assert!(
        !String::from_utf8_lossy(&o.stdout).contains("nearest cases"),
        "{}",
        text(&o)
    );
}

/// `explain`'s compile runs within a time limit, in a process group of its own: a constant
/// that evaluates forever is killed at `--timeout`, said so, and leaves no rustc behind.
#[test]
fn explain_compiles_within_a_time_limit() {
    let Some(_) = common::pinned_toolchain("explain time limit") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let marker = marker(4000).replace('.', "_");
    let file = write(
        dir.path(),
        &format!("forever_{marker}.rs"),
        "#![allow(long_running_const_eval)]\nconst _: () = loop {};\nfn main() {}\n",
    );
    let started = Instant::now();
    let o = env.run(&[
        "explain",
        file.to_str().unwrap(),
        "--toolchain",
        sendsync::toolchain::pinned(),
        "--timeout",
        "3",
    ]);
    expect(&o, 2, &["time limit of 3 s", "forever_"]);
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    let left = still_running(&format!("forever_{marker}"));
    assert!(left.is_empty(), "left running: {left:?}");
    assert!(env.leftovers().is_empty(), "{:?}", env.leftovers());
}

// ------------------------------------------------------------------- hostile programs

/// A program's failure is named by its cause: the panic message, a signal by name, memory.
#[test]
fn a_failed_run_names_its_cause() {
    let Some(_) = common::pinned_toolchain("run failures") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("runs");
    write(
        &d,
        "panics.rs",
        &pass_case("fn main() {\n    panic!(\"the queue was empty\");\n}\n"),
    );
    write(
        &d,
        "segfaults.rs",
        &pass_case("fn main() {\n    unsafe { std::ptr::write_volatile(8 as *mut u8, 1) };\n}\n"),
    );
    write(
        &d,
        "hogs.rs",
        &pass_case(
            "fn main() {\n    let v = vec![1u8; 1 << 32];\n    println!(\"{}\", v[12345]);\n}\n",
        ),
    );
    write(
        &d,
        "exits.rs",
        &pass_case("fn main() {\n    std::process::exit(3);\n}\n"),
    );
    let o = env.run(&[
        "check",
        d.to_str().unwrap(),
        "--format",
        "json",
        "--memory-limit",
        "256",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let reason = |name: &str| -> String {
        json["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .and_then(|c| c["reason"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    let want = [
        (
            "panics",
            "panicked at cases/runs/panics.rs:7:5: the queue was empty",
        ),
        ("segfaults", "SIGSEGV"),
        ("hogs", "ran out of memory (the limit is 256 MiB)"),
        ("exits", "exit code 3"),
    ];
    for (name, says) in want {
        let r = reason(name);
        assert!(r.contains(says), "{name}: {r:?} lacks {says:?}");
    }
}

/// A case that starts a child and exits leaves nothing running.
#[test]
fn a_child_of_a_passing_case_is_gone_after_it() {
    let Some(_) = common::pinned_toolchain("orphans") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let marker = marker(1000);
    write(
        dir.path(),
        "spawns.rs",
        &pass_case(&format!(
            "fn main() {{\n    std::process::Command::new(\"sleep\").arg(\"{marker}\").spawn().unwrap();\n}}\n"
        )),
    );
    let o = env.run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let left = still_running(&marker);
    assert!(left.is_empty(), "left running: {left:?}");
    assert!(env.leftovers().is_empty(), "{:?}", env.leftovers());
}

/// A case that prints 100 MB: sendsync keeps the head and the tail, says how much it cut, and
/// stays small.
#[test]
fn a_flood_of_output_is_bounded() {
    let Some(_) = common::pinned_toolchain("output flood") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "floods.rs",
        &pass_case(
            "use std::io::Write;\nfn main() {\n    let line = [b'x'; 1023];\n    let mut out = std::io::stdout().lock();\n    for _ in 0..100 * 1024 {\n        out.write_all(&line).unwrap();\n        out.write_all(b\"\\n\").unwrap();\n    }\n    drop(out);\n    eprintln!(\"the end\");\n    std::process::exit(1);\n}\n",
        ),
    );
    let o = env
        .command(&["check", dir.path().to_str().unwrap(), "--format", "json"])
        .env("SENDSYNC_PEAK_RSS", "1")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("sendsync peak RSS: "))
        .and_then(|v| v.trim_end_matches(" kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak RSS in {stderr}"));
    assert!(kb < 200 * 1024, "sendsync peaked at {kb} kB");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let case = &json["cases"][0];
    assert!(
        case["reason"].as_str().unwrap().contains("exit code 1"),
        "{case}"
    );
    let tail = case["run"]["stderr_tail"].as_str().unwrap_or("");
    let cut = case["run"]["output_cut"].as_u64().unwrap_or(0);
    assert!(tail.ends_with("the end"), "{case}");
    assert!(cut > 100 * 1024 * 1024 - 64 * 1024, "cut {cut}: {case}");
}

/// Ctrl-C during a deadlocking case: every process is gone, no temporary folder is left, and
/// sendsync says so in one line and exits 130.
#[test]
fn an_interrupt_leaves_nothing_behind() {
    let Some(_) = common::pinned_toolchain("interrupt") else {
        return;
    };
    let env = Env::new();
    let dir = tempfile::tempdir().unwrap();
    let marker = marker(2000);
    write(
        dir.path(),
        "deadlocks.rs",
        &pass_case(&format!(
            "use std::sync::Mutex;\nfn main() {{\n    let _child = std::process::Command::new(\"sleep\").arg(\"{marker}\").spawn().unwrap();\n    let m = Mutex::new(0);\n    let _a = m.lock().unwrap();\n    let _b = m.lock().unwrap();\n}}\n"
        )),
    );
    let child = env
        .command(&["check", dir.path().to_str().unwrap(), "--timeout", "600"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while processes_with(&marker).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the case never started"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // SAFETY: kill(2) on our own child's pid.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let o = child.wait_with_output().unwrap();
    expect(&o, 130, &["interrupted (SIGINT)"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr).lines().count(),
        1,
        "{}",
        text(&o)
    );
    let left = still_running(&marker);
    assert!(left.is_empty(), "left running: {left:?}");
    assert!(env.leftovers().is_empty(), "left: {:?}", env.leftovers());
}

/// A process's state letter, parent and start time (`/proc/PID/stat` fields 3, 4 and 22), and
/// its process group (field 5): the start time tells a process from a later one that reused its
/// pid.
fn stat_of(pid: i32) -> Option<(char, i32, i32, u64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name is in parentheses and may hold spaces: fields count from its end.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let state = f.first()?.chars().next()?;
    Some((
        state,
        f[1].parse().ok()?,
        f[2].parse().ok()?,
        f[19].parse().ok()?,
    ))
}

/// Ctrl-C reaps what it kills: once `check` has exited 130, no process of the interrupted case's
/// group is left, not even as a zombie (`<defunct>`) waiting for init to reap it. Interrupted
/// three times, since whether the old code reaped a killed child before exiting was a race.
#[test]
fn an_interrupt_reaps_every_process_it_killed() {
    let Some(_) = common::pinned_toolchain("interrupt reaping") else {
        return;
    };
    let env = Env::new();
    for round in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let marker = marker(3000 + round);
        write(
            dir.path(),
            "deadlocks.rs",
            &pass_case(&format!(
                "use std::sync::Mutex;\nfn main() {{\n    let _child = std::process::Command::new(\"sleep\").arg(\"{marker}\").spawn().unwrap();\n    let m = Mutex::new(0);\n    let _a = m.lock().unwrap();\n    let _b = m.lock().unwrap();\n}}\n"
            )),
        );
        let child = env
            .command(&["check", dir.path().to_str().unwrap(), "--timeout", "600"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let sendsync = child.id() as i32;
        let started = Instant::now();
        // The case's group: the case (a child of sendsync, its group's leader) and its `sleep`.
        let group = loop {
            let sleeping: Vec<i32> = std::fs::read_dir("/proc")
                .unwrap()
                .flatten()
                .filter_map(|e| e.file_name().to_str()?.parse().ok())
                .filter(|pid: &i32| {
                    std::fs::read(format!("/proc/{pid}/cmdline"))
                        .is_ok_and(|c| String::from_utf8_lossy(&c).contains(&marker))
                })
                .collect();
            if let Some(&pid) = sleeping.first() {
                let (_, _, pgid, _) = stat_of(pid).unwrap();
                let members: Vec<(i32, u64)> = std::fs::read_dir("/proc")
                    .unwrap()
                    .flatten()
                    .filter_map(|e| e.file_name().to_str()?.parse().ok())
                    .filter_map(|p| stat_of(p).map(|(_, _, g, t)| (p, g, t)))
                    .filter(|&(_, g, _)| g == pgid)
                    .map(|(p, _, t)| (p, t))
                    .collect();
                let leader = stat_of(pgid).unwrap();
                assert_eq!(
                    leader.1, sendsync,
                    "the case's group leader is sendsync's child"
                );
                assert_eq!(members.len(), 2, "the case and its sleep: {members:?}");
                break members;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the case never started"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        // SAFETY: kill(2) on our own child's pid.
        unsafe {
            libc::kill(sendsync, libc::SIGINT);
        }
        let o = child.wait_with_output().unwrap();
        expect(&o, 130, &["interrupted (SIGINT)"]);
        // Right after the exit: nothing of the group may remain, running or defunct.
        let left: Vec<String> = group
            .iter()
            .filter_map(|&(pid, start)| {
                let (state, parent, _, t) = stat_of(pid)?;
                (t == start).then(|| format!("pid {pid} state {state} parent {parent}"))
            })
            .collect();
        assert!(left.is_empty(), "round {round}: left behind: {left:?}");
    }
    assert!(env.leftovers().is_empty(), "left: {:?}", env.leftovers());
}

/// `history record`, interrupted, leaves the folder as it was; let run, it writes it whole.
#[test]
fn an_interrupted_history_record_changes_nothing() {
    let Some(_) = common::pinned_toolchain("history record interrupt") else {
        return;
    };
    let env = Env::new();
    let parent = tempfile::tempdir().unwrap();
    let history = parent.path().join("history");
    std::fs::create_dir_all(&history).unwrap();
    std::fs::write(history.join("keep.txt"), "mine").unwrap();
    // The run to interrupt compiles everything (no cache), so that it is still at work when
    // the signal comes; the run let finish reads the shared result cache, which the other
    // tests keep warm: what is being shown is how the folder is written, not the compiles.
    let record = |interrupted: bool| {
        let mut cmd = env.command(&[
            "history",
            "record",
            "--toolchains",
            sendsync::toolchain::pinned(),
        ]);
        if interrupted {
            cmd.arg("--no-cache");
        } else {
            cmd.env("SENDSYNC_CACHE_DIR", sendsync::paths::cache_dir());
        }
        cmd.env("SENDSYNC_HISTORY_DIR", &history)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    };
    let files = || -> usize { common::files_under(&history).len() };
    let child = record(true).spawn().unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    // SAFETY: kill(2) on our own child's pid.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let o = child.wait_with_output().unwrap();
    if o.status.code() == Some(130) {
        assert_eq!(
            files(),
            1,
            "an interrupted record wrote: {:?}",
            common::files_under(&history)
        );
    } else {
        // The machine was fast enough to finish first: then it must be whole.
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    }
    let o = record(false).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let cases = common::cases().len();
    assert_eq!(files(), cases + 1, "every case recorded, and keep.txt kept");
    assert_eq!(
        std::fs::read_to_string(history.join("keep.txt")).unwrap(),
        "mine"
    );
    let leftovers: Vec<_> = std::fs::read_dir(parent.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "history" && n != ".history.lock")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

// ------------------------------------------------------------------- what it writes

/// Every file sendsync writes follows the umask: 0644 under umask 022.
#[test]
fn written_files_follow_the_umask() {
    let Some(_) = common::pinned_toolchain("umask") else {
        return;
    };
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "fine.rs", &pass_case("fn main() {}\n"));
    let sendsync = env!("CARGO_BIN_EXE_sendsync");
    for args in [
        format!("site --out {}", site.display()),
        format!("check {}", dir.path().display()),
    ] {
        let o = Command::new("sh")
            .arg("-c")
            .arg(format!("umask 022 && exec {sendsync} {args}"))
            .env("SENDSYNC_CACHE_DIR", env.cache.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{args}: {}", text(&o));
    }
    let mut files = common::files_under(&site);
    files.extend(common::files_under(env.cache.path()));
    assert!(files.len() > 10, "{files:?}");
    for f in files {
        let mode = std::fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{}", f.display());
    }
}
