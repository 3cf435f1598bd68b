//! Diagnostics across toolchains: the committed history holds on every tracked toolchain that
//! is installed; drift is classified end to end on real toolchains; merging single-toolchain
//! matrices gives the same matrix as one run over all of them. Toolchains that are not
//! installed are skipped, and each skip is printed.

mod common;

use sendsync::drift::history;
use sendsync::drift::matrix;
use sendsync::drift::Drift;
use sendsync::engine::check::Options;
use sendsync::input::corpus::{self, Corpus};

/// Through the result cache (`target/sendsync/cache`): sound, because its key holds everything
/// that changes a result (the compiler binaries, the sysroot view, the source of the modules
/// that shape a result), and a warm `cargo test` then re-verifies 27 toolchains in seconds.
fn options() -> Options {
    Options::new(corpus::package_root())
}

#[test]
fn history_covers_every_case_and_holds_on_installed_toolchains() {
    let corpus = Corpus::load(&corpus::bundled_root()).expect("the corpus validates");
    let root = history::default_root();
    // Every case has a history, and every history a case. A toolchain recorded for no case is
    // new to the history (a nightly after `rustup update`): skipped, as `history verify` does.
    let recorded_keys = history::recorded_keys(&root, &corpus.cases).unwrap();
    for case in &corpus.cases {
        let path = history::History::path(&root, case);
        let h = history::History::load(&path)
            .unwrap()
            .unwrap_or_else(|| panic!("no history for {} at {}", case.name, path.display()));
        assert_eq!(h.case, case.name);
        for name in history::tracked().iter().filter(|n| n.starts_with("1.")) {
            assert!(
                h.toolchains.contains_key(name),
                "{}: {name} is not recorded",
                case.name
            );
        }
    }
    for topic in std::fs::read_dir(&root).unwrap() {
        for file in std::fs::read_dir(topic.unwrap().path()).unwrap() {
            let path = file.unwrap().path();
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            assert!(
                corpus.get(&stem).is_some(),
                "{} has no case",
                path.display()
            );
        }
    }
    let mut checked = Vec::new();
    let mut differences = Vec::new();
    let mut unrecorded = Vec::new();
    let mut verified = Vec::new();
    for tc in common::installed_all(&history::tracked(), "history verification") {
        let key = history::key_of(&tc);
        if !recorded_keys.contains(&key) {
            unrecorded.push((tc.name.clone(), key));
            continue;
        }
        checked.push(key);
        verified.push(tc);
    }
    for diffs in history::verify_all(&root, &corpus.cases, &verified, &options()).unwrap() {
        for d in diffs {
            differences.push(format!("{} on {}: {}", d.case, d.toolchain, d.what));
        }
    }
    let (names, keys): (Vec<String>, Vec<String>) = unrecorded.into_iter().unzip();
    common::skip_group(
        common::Need::Nothing,
        "history verification",
        "toolchain",
        &format!("the history does not record ({})", keys.join(", ")),
        &names,
        &format!(
            " (record: `sendsync history record --toolchains {}`)",
            names.join(",")
        ),
    );
    // Their lint cases are kept as recorded, unverified: clippy-driver is what lints them.
    let without_clippy: Vec<String> = verified
        .iter()
        .filter(|tc| tc.clippy.is_none())
        .map(|tc| tc.name.clone())
        .collect();
    common::skip_group(
        common::Need::Clippy,
        "history verification of the lint cases",
        "toolchain",
        "without clippy",
        &without_clippy,
        " (add it to each: rustup component add clippy --toolchain NAME)",
    );
    println!(
        "history verified on {} toolchains: {}",
        checked.len(),
        checked.join(", ")
    );
    assert!(
        differences.is_empty(),
        "the history differs from the compiler:\n{}",
        differences.join("\n")
    );
}

fn program(dir: &std::path::Path, name: &str, text: &str) {
    std::fs::write(dir.join(format!("{name}.rs")), text).unwrap();
}

/// `Sender<i32>: Sync` became true in 1.72; the ambiguity trick lost its extra E0282 in 1.75.
#[test]
fn drift_classes_on_real_toolchains() {
    let (Some(_), Some(_)) = (
        common::installed("1.70.0", "end-to-end drift"),
        common::installed("1.75.0", "end-to-end drift"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    program(dir.path(), "sender_sync", "fn is_sync<T: Sync>() {}\nfn main() {\n    is_sync::<std::sync::mpsc::Sender<i32>>();\n}\n");
    program(
        dir.path(),
        "same",
        "fn main() {\n    let v = vec![1];\n    drop(v);\n    drop(v);\n}\n",
    );
    program(dir.path(), "fine", "fn main() {}\n");
    let cases: Vec<_> = ["fine", "same", "sender_sync"]
        .iter()
        .map(|n| {
            sendsync::input::case::Case::load_lenient(&dir.path().join(format!("{n}.rs"))).unwrap()
        })
        .collect();
    let mut o = options();
    o.root = dir.path().to_path_buf();
    let names = vec![
        "1.70.0".to_string(),
        "1.75.0".to_string(),
        "0.1.0".to_string(),
    ];
    let mut warnings = vec![];
    let m = matrix::build(&cases, &names, None, &o, &mut warnings, |_, _| {}).unwrap();
    assert_eq!(
        m.baseline, "1.70.0",
        "the pinned toolchain is not listed, so the first is the baseline"
    );
    let cell =
        |case: &str, tc: &str| m.cases.iter().find(|r| r.name == case).unwrap().cells[tc].clone();
    assert_eq!(cell("sender_sync", "1.70.0").outcome, "fail");
    assert_eq!(cell("sender_sync", "1.75.0").outcome, "pass");
    assert_eq!(cell("sender_sync", "1.75.0").drift, Drift::Outcome);
    assert_eq!(cell("fine", "1.75.0").drift, Drift::Identical);
    assert_eq!(cell("same", "1.70.0").drift, Drift::Identical);
    assert_eq!(cell("same", "1.75.0").codes, vec!["E0382"]);
    assert_eq!(cell("same", "0.1.0").drift, Drift::Missing);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`0.1.0` is not installed")),
        "{warnings:?}"
    );
    // The ambiguity trick of the corpus: E0282 + E0283 on 1.70, E0283 alone from 1.75.
    let corpus = Corpus::load(&corpus::bundled_root()).unwrap();
    let trick: Vec<_> = corpus
        .cases
        .iter()
        .filter(|c| c.name == "not_send_assertion_flags_arc_handle")
        .cloned()
        .collect();
    let m = matrix::build(
        &trick,
        &names[..2],
        None,
        &options(),
        &mut vec![],
        |_, _| {},
    )
    .unwrap();
    assert_eq!(m.cases[0].cells["1.75.0"].drift, Drift::Codes);
}

/// Matrices made one toolchain at a time (on different machines, say) merge into the matrix
/// that one run over all of them gives.
#[test]
fn merging_single_toolchain_runs_equals_one_run() {
    let pinned = sendsync::toolchain::pinned().to_string();
    let (Some(_), Some(_)) = (
        common::installed("1.70.0", "merge"),
        common::installed(&pinned, "merge"),
    ) else {
        return;
    };
    let corpus = Corpus::load(&corpus::bundled_root()).unwrap();
    let cases: Vec<_> = corpus
        .cases
        .iter()
        .filter(|c| c.topic == "book" || c.topic == "async")
        .cloned()
        .collect();
    let o = options();
    let both = vec!["1.70.0".to_string(), pinned.clone()];
    let one_run = matrix::build(&cases, &both, None, &o, &mut vec![], |_, _| {}).unwrap();
    let a = matrix::build(&cases, &both[..1], None, &o, &mut vec![], |_, _| {}).unwrap();
    let b = matrix::build(&cases, &both[1..], None, &o, &mut vec![], |_, _| {}).unwrap();
    // Through JSON, as the files travel between machines.
    let a: matrix::Matrix = serde_json::from_str(&matrix::to_json(&a)).unwrap();
    let b: matrix::Matrix = serde_json::from_str(&matrix::to_json(&b)).unwrap();
    let merged = matrix::merge(vec![("a.json".into(), a), ("b.json".into(), b)], None).unwrap();
    assert_eq!(merged.baseline, pinned);
    assert_eq!(merged, one_run);
    assert!(
        one_run.any_drift(),
        "1.70 and the pin differ on some of these cases"
    );
}

/// `sendsync matrix --toolchains 1.70.0,<pin> --format json` on a folder of header-less
/// programs: the documented JSON shape, and exit 1 because something drifted.
#[test]
fn matrix_command_on_headerless_programs() {
    let pinned = sendsync::toolchain::pinned().to_string();
    let (Some(_), Some(_)) = (
        common::installed("1.70.0", "matrix command"),
        common::installed(&pinned, "matrix command"),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    program(dir.path(), "sender_sync", "fn is_sync<T: Sync>() {}\nfn main() {\n    is_sync::<std::sync::mpsc::Sender<i32>>();\n}\n");
    program(dir.path(), "fine", "fn main() {}\n");
    let cache = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args([
            "matrix",
            "--format",
            "json",
            "--toolchains",
            &format!("1.70.0,{pinned}"),
        ])
        .arg(dir.path())
        .env("SENDSYNC_CACHE_DIR", cache.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["baseline"], pinned.as_str());
    assert_eq!(json["toolchains"], serde_json::json!(["1.70.0", pinned]));
    let case = json["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "sender_sync")
        .unwrap();
    let old = &case["cells"]["1.70.0"];
    assert_eq!(old["outcome"], "fail");
    assert_eq!(old["codes"], serde_json::json!(["E0277"]));
    assert_eq!(old["drift"], "outcome");
    assert!(
        old["messages"][0]
            .as_str()
            .unwrap()
            .contains("cannot be shared between threads safely"),
        "{old}"
    );
    assert_eq!(case["cells"][pinned.as_str()]["drift"], "identical");
    assert!(case["path"].as_str().unwrap().ends_with("sender_sync.rs"));
}

/// The finer classes on real toolchains, from corpus cases whose drift was read and checked by
/// hand: a headline reworded (1.70.0), a note's std location moved (detail, 1.70.0), and only
/// the underline art of a span changed (rendering, 1.80.0).
#[test]
fn headline_detail_and_rendering_on_real_toolchains() {
    let pinned = sendsync::toolchain::pinned().to_string();
    let names = vec![
        "1.70.0".to_string(),
        "1.80.0".to_string(),
        "1.90.0".to_string(),
        pinned.clone(),
    ];
    if names
        .iter()
        .any(|n| common::installed(n, "finer drift classes").is_none())
    {
        return;
    }
    let corpus = Corpus::load(&corpus::bundled_root()).unwrap();
    let wanted = [
        (
            "fmt_arguments_sent_to_helper_thread",
            "1.70.0",
            Drift::Headline,
        ),
        (
            "const_assert_send_sync_catches_rc_field",
            "1.70.0",
            Drift::Detail,
        ),
        // The primary span grew from `async` to the whole block: once misread as rendering.
        (
            "async_block_borrows_local_for_static_spawn",
            "1.80.0",
            Drift::Detail,
        ),
        // 1.90 adds "this error originates in the macro" from the same expansion data.
        ("book_16_09_use_after_send", "1.90.0", Drift::Rendering),
        (
            "async_fn_in_trait_future_not_send",
            "1.70.0",
            Drift::NotApplicable,
        ),
    ];
    let cases: Vec<_> = corpus
        .cases
        .iter()
        .filter(|c| wanted.iter().any(|w| w.0 == c.name))
        .cloned()
        .collect();
    let m = matrix::build(&cases, &names, None, &options(), &mut vec![], |_, _| {}).unwrap();
    assert_eq!(m.baseline, pinned);
    for (case, tc, drift) in wanted {
        let row = m.cases.iter().find(|r| r.name == case).unwrap();
        assert_eq!(
            row.cells[tc].drift, drift,
            "{case} on {tc}: {}",
            row.cells[tc].why
        );
    }
    let rendering = &m
        .cases
        .iter()
        .find(|r| r.name == "book_16_09_use_after_send")
        .unwrap()
        .cells;
    assert_eq!(
        rendering["1.90.0"].diagnostics,
        rendering[pinned.as_str()].diagnostics
    );
    assert!(
        rendering["1.90.0"]
            .stderr
            .contains("this error originates in the macro")
            && !rendering[pinned.as_str()]
                .stderr
                .contains("this error originates in the macro")
    );
}

/// The obligation chains survive the toolchains: read from the committed record, every chain
/// of every toolchain has a culprit and a demanding bound with nothing unknown, and where
/// rustc's notes changed the chain (1.90.0 began printing `MutexGuard` with its path, which
/// moves the culprit of the guard-across-`.await` case), the history names that release.
#[test]
fn obligation_chains_across_the_recorded_toolchains() {
    let corpus = sendsync::input::corpus::Corpus::load(&sendsync::input::corpus::bundled_root())
        .unwrap_or_else(|e| panic!("{}", e[0]));
    let root = sendsync::drift::history::default_root();
    let (mut chains, mut incomplete) = (0, Vec::new());
    for case in &corpus.cases {
        let path = sendsync::drift::history::History::path(&root, case);
        let Some(h) = sendsync::drift::history::History::load(&path).unwrap() else {
            continue;
        };
        for (key, entry) in &h.toolchains {
            let Some(v) = h.variants.get(&entry.variant) else {
                continue;
            };
            for c in sendsync::engine::chain::chains(&v.diagnostics, Some(&case.source)) {
                chains += 1;
                let complete = c.culprit().is_some() && c.bound().is_some() && c.unknowns() == 0;
                if !complete {
                    incomplete.push(format!("{} on {key}: {}", case.name, c.to_line()));
                }
            }
        }
    }
    assert!(chains > 1000, "only {chains} chains in the whole history");
    assert!(
        incomplete.is_empty(),
        "incomplete chains in the history:\n{}",
        incomplete.join("\n")
    );
    let case = corpus
        .get("mutex_guard_held_across_await")
        .expect("the case exists");
    let h = sendsync::drift::history::History::load(&sendsync::drift::history::History::path(
        &root, case,
    ))
    .unwrap()
    .expect("its history is recorded");
    let changes = h.chain_changes(Some(&case.source));
    let on_190: Vec<&String> = changes
        .iter()
        .filter(|(tc, _)| tc == "1.90.0")
        .map(|(_, what)| what)
        .collect();
    assert_eq!(
        on_190,
        ["chain link 1: culprit `MutexGuard<'_, Vec<u32>>` at 22:9 became culprit `std::sync::MutexGuard<'_, Vec<u32>>` at 22:9"],
        "all changes: {changes:?}"
    );
}

/// `verify_all` finds a recorded variant that is not what the toolchain says, on that toolchain
/// only, and names the case; the same history unaltered verifies on both.
#[test]
fn verify_names_the_case_and_toolchain_whose_record_is_wrong() {
    let Some(pinned) = common::pinned_toolchain("verify of an altered history") else {
        return;
    };
    let Some(old) = common::installed("1.80.0", "verify of an altered history") else {
        return;
    };
    let corpus = Corpus::load(&corpus::bundled_root()).expect("the corpus validates");
    let case = corpus.get("rc_config_into_spawn").unwrap().clone();
    let from = history::History::path(&history::default_root(), &case);
    let dir = tempfile::tempdir().unwrap();
    let to = history::History::path(dir.path(), &case);
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    let toolchains = [old, pinned.clone()];
    let text = std::fs::read_to_string(&from).unwrap();
    std::fs::write(&to, &text).unwrap();
    let cases = std::slice::from_ref(&case);
    let all = history::verify_all(dir.path(), cases, &toolchains, &options()).unwrap();
    assert!(all.iter().all(Vec::is_empty), "{all:?}");

    // The pinned toolchain's entry now points at another variant of the same case.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let key = history::key_of(&pinned);
    let now = json["toolchains"][&key]["variant"]
        .as_str()
        .unwrap()
        .to_string();
    let other = json["variants"]
        .as_object()
        .unwrap()
        .keys()
        .find(|v| **v != now)
        .expect("the case has more than one variant")
        .clone();
    json["toolchains"][&key]["variant"] = serde_json::Value::String(other);
    std::fs::write(&to, serde_json::to_string_pretty(&json).unwrap()).unwrap();
    let all = history::verify_all(dir.path(), cases, &toolchains, &options()).unwrap();
    assert!(all[0].is_empty(), "1.80.0 is recorded right: {:?}", all[0]);
    assert_eq!(all[1].len(), 1, "{:?}", all[1]);
    assert_eq!(all[1][0].case, "rc_config_into_spawn");
    assert_eq!(all[1][0].toolchain, key);
    assert!(
        all[1][0].what.starts_with("recorded "),
        "{}",
        all[1][0].what
    );

    // A case with no history at all is a difference on every toolchain.
    std::fs::remove_file(&to).unwrap();
    let all = history::verify_all(dir.path(), cases, &toolchains, &options()).unwrap();
    for diffs in &all {
        assert_eq!(diffs.len(), 1, "{diffs:?}");
        assert!(
            diffs[0].what.starts_with("no history at "),
            "{}",
            diffs[0].what
        );
    }
}

/// A rustc that is the pinned one behind a script which, on every start, registers itself in
/// `running/` and appends how many are registered to `starts`: the most compiles ever running
/// at once, counted outside sendsync. (A count can only be low, never high: each process is
/// registered for less than its whole life.)
fn counting_rustc(real: &std::path::Path, dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let running = dir.join("running");
    std::fs::create_dir_all(&running).unwrap();
    let script = dir.join(name);
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nmkdir '{run}/{name}.'$$\nls '{run}' | wc -l >> '{starts}'\n'{real}' \"$@\"\nrc=$?\nrmdir '{run}/{name}.'$$\nexit $rc\n",
            run = running.display(),
            starts = dir.join("starts").display(),
            real = real.display(),
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

/// `--jobs` is one budget: `verify_all` over three toolchains and six cases never runs more
/// than `jobs` compiles at once (it once ran one pool per toolchain, each `jobs` wide).
#[test]
fn verify_over_several_toolchains_keeps_to_the_jobs_budget() {
    let Some(pinned) = common::pinned_toolchain("the jobs budget") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let topic = dir.path().join("cases/budget");
    std::fs::create_dir_all(&topic).unwrap();
    let cases: Vec<sendsync::input::case::Case> = (0..6)
        .map(|i| {
            let path = topic.join(format!("c{i}.rs"));
            std::fs::write(
                &path,
                format!("//! Case {i}\n//!\n//! Fails.\n//!\n//@ fail: E0308\nfn main() {{ let _x: u8 = \"{i}\"; }}\n"),
            )
            .unwrap();
            sendsync::input::case::Case::load(&path).unwrap()
        })
        .collect();
    for jobs in [1, 2] {
        let count = dir.path().join(format!("count-{jobs}"));
        let toolchains: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|name| {
                let rustc = counting_rustc(&pinned.rustc, &count, name);
                sendsync::toolchain::Toolchain::resolve(&sendsync::toolchain::Spec::Path(rustc))
                    .unwrap()
            })
            .collect();
        std::fs::write(count.join("starts"), "").unwrap();
        let mut options = options();
        options.cache = None;
        options.jobs = jobs;
        let all = history::verify_all(&dir.path().join("history"), &cases, &toolchains, &options)
            .unwrap();
        // Nothing is recorded there: every case differs on every toolchain, so each was compiled.
        assert!(all.iter().all(|d| d.len() == cases.len()), "{all:?}");
        let starts: Vec<usize> = std::fs::read_to_string(count.join("starts"))
            .unwrap()
            .lines()
            .map(|l| l.trim().parse().unwrap())
            .collect();
        assert_eq!(starts.len(), cases.len() * toolchains.len(), "{starts:?}");
        let peak = starts.iter().copied().max().unwrap();
        assert!(
            peak <= jobs,
            "--jobs {jobs}: {peak} compiles at once ({starts:?})"
        );
    }
}

/// A compiler crash is no variant of a case: recording a toolchain whose rustc crashes (here one
/// killed by SIGSEGV) reports the case and keeps what was recorded for it.
#[test]
fn a_compiler_crash_is_reported_and_not_recorded() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let sysroot = dir.path().join("sysroot");
    std::fs::create_dir_all(sysroot.join("lib/rustlib")).unwrap();
    let rustc = dir.path().join("rustc");
    std::fs::write(
        &rustc,
        format!(
            "#!/bin/sh\ncase \"$1\" in\n  -vV) printf 'rustc 1.80.0\\nbinary: rustc\\ncommit-hash: 0\\ncommit-date: 2024-07-21\\nhost: x86_64-unknown-linux-gnu\\nrelease: 1.80.0\\n' ;;\n  --print) echo {} ;;\n  *) kill -SEGV $$ ;;\nesac\n",
            sysroot.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&rustc, std::fs::Permissions::from_mode(0o755)).unwrap();
    let tc =
        sendsync::toolchain::Toolchain::resolve(&sendsync::toolchain::Spec::Path(rustc)).unwrap();
    let file = dir.path().join("cases/t/a.rs");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    program(file.parent().unwrap(), "a", "fn main() {}\n");
    let case = sendsync::input::case::Case::load_lenient(&file).unwrap();
    let root = dir.path().join("history");
    let path = history::History::path(&root, &case);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut before = history::History::new(&case.name);
    let variant = history::Variant {
        outcome: "pass".into(),
        codes: vec![],
        diagnostics: vec![],
        linted: false,
    };
    before.record(&history::key_of(&tc), &tc, Some(variant));
    before.save(&path).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();

    let mut options = options();
    options.cache = None;
    let mut reports = Vec::new();
    history::record_all(
        &root,
        std::slice::from_ref(&case),
        std::slice::from_ref(&tc),
        &options,
        |_, recorded| {
            reports.push((recorded.changed, recorded.unrecorded.clone()));
        },
    )
    .unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
    let [(changed, unrecorded)] = &reports[..] else {
        panic!("{reports:?}");
    };
    assert_eq!(*changed, 0);
    assert!(
        matches!(&unrecorded[..], [(case, why)] if case == "a" && why.starts_with("ice: ") && why.contains("SIGSEGV")),
        "{unrecorded:?}"
    );

    // The very crash already recorded (a toolchain's own ICE, recorded before) is no news.
    let mut known = history::History::new(&case.name);
    let crash = history::Variant {
        outcome: "ice".into(),
        codes: vec!["-".into()],
        diagnostics: vec![sendsync::engine::diagnostic::Diagnostic::crash(
            "rustc was killed by SIGSEGV",
        )],
        linted: false,
    };
    known.record(&history::key_of(&tc), &tc, Some(crash));
    known.save(&path).unwrap();
    let recorded = history::record(&root, std::slice::from_ref(&case), &tc, &options).unwrap();
    assert_eq!(recorded, history::Recorded::default());
}
