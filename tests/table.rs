//! The std Send/Sync table: the declaration against what toolchains say.
//!
//! The pinned toolchain must agree with the declared table at every row, instantiation and
//! trait; older toolchains must agree with it as amended by its recorded history. A toolchain
//! that is not installed is skipped, visibly.

mod common;

use sendsync::engine::cache::Cache;
use sendsync::error::Error;
use sendsync::learn::table::{self, Answer, Trait};
use sendsync::toolchain::{pinned, Toolchain, Version};

/// Every difference between a probe and a declared table, one line each.
fn compare(probed: &table::Table, declared: &table::Table) -> Vec<String> {
    let mut out = Vec::new();
    assert_eq!(probed.entries.len(), declared.entries.len());
    for (got, want) in probed.entries.iter().zip(&declared.entries) {
        assert_eq!(got.row.ty, want.row.ty);
        for t in Trait::BOTH {
            let (g, w) = (got.answers(t), want.answers(t));
            assert_eq!(g.len(), w.len(), "{}", got.row.ty);
            for (k, (g, w)) in g.iter().zip(w).enumerate() {
                if g != w {
                    let inst = got.row.is_generic().then(|| &table::instantiations()[k]);
                    out.push(format!(
                        "{}: {t}: declared {}, probed {}",
                        got.row.instantiate(inst),
                        w.symbol(),
                        g.symbol()
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn the_pinned_toolchain_agrees_with_the_declared_table() {
    let Some(toolchain) = common::installed(pinned(), "the probe of the pinned toolchain") else {
        return;
    };
    let probed = table::probe(&toolchain, None).unwrap_or_else(|e| panic!("{e}"));
    let declared = table::declared();
    let wrong = compare(&probed, &declared);
    assert!(
        wrong.is_empty(),
        "{} answer(s) differ on {}:\n{}",
        wrong.len(),
        toolchain.release,
        wrong.join("\n")
    );
    assert!(table::mismatches(&probed).is_empty());
    // Every row was probed: nothing is n/a on the pinned toolchain.
    for e in &probed.entries {
        assert!(
            !e.send.contains(&Answer::NotApplicable) && !e.sync.contains(&Answer::NotApplicable),
            "{}",
            e.row.ty
        );
    }
    println!(
        "{} checks of {} rows on {} in {} ms",
        probed.checks,
        probed.entries.len(),
        toolchain.release,
        probed.millis
    );
}

#[test]
fn sender_is_not_sync_on_1_70() {
    let Some(old) = common::installed("1.70.0", "Sender<i32>: Sync on 1.70.0") else {
        return;
    };
    let sender = || ("sync::mpsc::Sender<i32>".to_string(), Trait::Sync);
    let answers = table::probe_types(&old, &[sender()], None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(answers, [false], "Sender<i32>: Sync on 1.70.0");
    if let Some(now) = common::installed(pinned(), "Sender<i32>: Sync on the pinned toolchain") {
        let answers = table::probe_types(&now, &[sender()], None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(answers, [true], "Sender<i32>: Sync on {}", now.release);
    }
    // And the whole table on 1.70 is as the recorded history says, with the newer types n/a.
    let probed = table::probe(&old, None).unwrap_or_else(|e| panic!("{e}"));
    let wrong = compare(&probed, &table::declared_on(&old.version()));
    assert!(wrong.is_empty(), "on 1.70.0:\n{}", wrong.join("\n"));
    let lazy = probed
        .entries
        .iter()
        .find(|e| e.row.ty.starts_with("sync::LazyLock"))
        .unwrap();
    assert!(lazy.send.iter().all(|a| *a == Answer::NotApplicable));
}

#[test]
fn the_recorded_history_holds_on_the_releases_around_each_change() {
    let mut releases: Vec<String> = Vec::new();
    for row in table::rows() {
        for c in row.changes {
            let v = c.since();
            let before = Version::new(v.major, v.minor - 1, 0);
            releases.push(before.to_string());
            releases.push(v.to_string());
        }
    }
    releases.sort_by_key(|r| Version::parse(r));
    releases.dedup();
    assert!(!releases.is_empty(), "the table records no change");
    let toolchains: Vec<Toolchain> =
        common::installed_all(&releases, "a check of the recorded history");
    if toolchains.is_empty() {
        return;
    }
    let cache = Cache::new(Cache::default_dir());
    let tables = table::probe_all(&toolchains, Some(&cache), 2).unwrap_or_else(|e| panic!("{e}"));
    for t in &tables {
        let release = t.toolchain.as_ref().unwrap().version();
        let wrong = compare(t, &table::declared_on(&release));
        assert!(wrong.is_empty(), "on {release}:\n{}", wrong.join("\n"));
    }
}

#[test]
fn a_probe_that_disagrees_is_reported_row_by_row() {
    let Some(toolchain) = common::installed(pinned(), "the mismatch report") else {
        return;
    };
    let mut t = table::declared();
    t.toolchain = Some(toolchain);
    assert!(table::mismatches(&t).is_empty());
    let arc = t
        .entries
        .iter_mut()
        .find(|e| e.row.ty == "sync::Arc<T>")
        .unwrap();
    arc.sync[1] = Answer::Yes;
    let found = table::mismatches(&t);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].what(), "sync::Arc<cell::Cell<u8>>: Sync");
    let text = table::render_text(&t);
    assert!(text.contains("1 answer(s) differ"), "{text}");
    assert!(text.contains("≠ declared"), "{text}");
}

#[test]
fn the_table_has_the_types_teachers_ask_about() {
    let wanted = [
        "rc::Rc<T>",
        "rc::Weak<T>",
        "sync::Arc<T>",
        "sync::Weak<T>",
        "cell::Cell<T>",
        "cell::RefCell<T>",
        "cell::Ref<'static, T>",
        "cell::RefMut<'static, T>",
        "cell::UnsafeCell<T>",
        "cell::OnceCell<T>",
        "cell::LazyCell<T, fn() -> T>",
        "sync::Mutex<T>",
        "sync::MutexGuard<'static, T>",
        "sync::RwLock<T>",
        "sync::RwLockReadGuard<'static, T>",
        "sync::RwLockWriteGuard<'static, T>",
        "sync::Condvar",
        "sync::Barrier",
        "sync::Once",
        "sync::OnceLock<T>",
        "sync::LazyLock<T, fn() -> T>",
        "sync::atomic::AtomicBool",
        "sync::atomic::AtomicUsize",
        "sync::atomic::AtomicPtr<T>",
        "sync::mpsc::Sender<T>",
        "sync::mpsc::SyncSender<T>",
        "sync::mpsc::Receiver<T>",
        "*const T",
        "*mut T",
        "ptr::NonNull<T>",
        "&'static T",
        "&'static mut T",
        "Box<T>",
        "Vec<T>",
        "String",
        "Option<T>",
        "marker::PhantomData<T>",
        "pin::Pin<Box<T>>",
        "thread::JoinHandle<T>",
        "thread::ScopedJoinHandle<'static, T>",
        "thread::Thread",
        "thread::LocalKey<T>",
        "io::Stdout",
        "io::StdoutLock<'static>",
        "io::StdinLock<'static>",
        "fmt::Arguments<'static>",
        "env::Args",
        "task::Context<'static>",
        "task::Waker",
        "slice::Iter<'static, T>",
        "dyn any::Any",
        "dyn any::Any + Send",
        "dyn any::Any + Sync",
    ];
    let have: Vec<&str> = table::rows().iter().map(|r| r.ty).collect();
    for w in wanted {
        assert!(have.contains(&w), "no row for {w}; rows: {have:?}");
    }
    assert!(have.len() >= 60, "{} rows", have.len());
    let atomics = have.iter().filter(|t| t.contains("atomic::Atomic")).count();
    assert_eq!(atomics, 12, "every stable atomic type");
}

#[test]
fn the_declared_table_renders_in_every_format() {
    let (text, code) = table::command(&[], "text", None, 2).unwrap();
    assert_eq!(code, 0);
    assert!(text.contains("sync::Arc<T>"), "{text}");
    assert!(
        text.contains("Send if T: Send + Sync; Sync if T: Send + Sync"),
        "{text}"
    );
    assert!(
        text.contains("Sync if T: Send (never before 1.72.0)"),
        "{text}"
    );

    let (json, _) = table::command(&[], "json", None, 2).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), table::rows().len());
    let arc = rows.iter().find(|r| r["type"] == "sync::Arc<T>").unwrap();
    assert_eq!(
        arc["answers"]["send"],
        serde_json::json!([true, false, false, false])
    );
    assert_eq!(arc["send"], serde_json::json!({"if": ["Send", "Sync"]}));

    let (md, _) = table::command(&[], "markdown", None, 2).unwrap();
    assert!(
        md.contains("| `sync::Arc<T>` | ✓ ✗ ✗ ✗ | ✓ ✗ ✗ ✗ |"),
        "{md}"
    );

    let html = table::render_html_table(&table::declared());
    assert!(html.starts_with("<table") && html.trim_end().ends_with("</table>"));
    assert!(html.contains('✓') && html.contains('✗') && !html.contains("<html"));
    assert!(html.contains("<code>sync::MutexGuard&lt;&#39;static, T&gt;</code>"));

    assert!(matches!(
        table::command(&[], "yaml", None, 2),
        Err(Error::Usage(_))
    ));
}

#[test]
fn several_toolchains_show_only_what_changed() {
    let names = ["1.70.0", "1.80.0", pinned()];
    if names
        .iter()
        .any(|n| common::installed(n, "the --toolchains comparison").is_none())
    {
        return;
    }
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let cache = Cache::new(Cache::default_dir());
    let (text, code) =
        table::command(&names, "text", Some(&cache), 2).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("sync::mpsc::Sender<T>"), "{text}");
    assert!(text.contains("in 1.72.0 (recorded;"), "{text}");
    assert!(text.contains("io::StdoutLock<'static>"), "{text}");
    assert!(!text.contains("sync::Arc<T>"), "{text}");
    let (json, _) = table::command(&names, "json", Some(&cache), 2).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(!v["differences"].as_array().unwrap().is_empty());
}

/// On every installed release from 1.70.0 to the pinned one, and nightly, the probe agrees
/// with the declared table and the changes it records (`Sender: Sync` in 1.72.0, ...). With
/// `--nocapture` it also prints in which release each answer changed.
#[test]
fn every_installed_release_agrees_with_the_recorded_changes() {
    let last = Version::parse(pinned()).unwrap().minor;
    let mut names: Vec<String> = (70..=last).map(|m| format!("1.{m}.0")).collect();
    names.push("nightly".into());
    let toolchains: Vec<Toolchain> = common::installed_all(&names, "the sweep");
    // Through the shared result cache: each toolchain's probe program is compiled once.
    let cache = Cache::new(Cache::default_dir());
    let tables = table::probe_all(&toolchains, Some(&cache), 2).unwrap_or_else(|e| panic!("{e}"));
    let mut bad = Vec::new();
    for t in &tables {
        let tc = t.toolchain.as_ref().unwrap();
        println!(
            "{} ({}): {} checks, {} ms",
            tc.name, tc.release, t.checks, t.millis
        );
        for m in table::mismatches(t) {
            bad.push(format!(
                "{} on {}: declared {}, probed {}",
                m.what(),
                tc.name,
                m.expected.symbol(),
                m.observed.symbol()
            ));
        }
    }
    for d in table::differences(&tables) {
        let changes: Vec<String> = d.transitions.iter().map(|t| t.describe()).collect();
        println!("{}: {}", d.what(), changes.join("; "));
    }
    assert!(
        bad.is_empty(),
        "the table disagrees with the compiler:\n{}",
        bad.join("\n")
    );
}

/// A probe through the cache is stored once and read back with the same answers; an entry that
/// cannot be read is a miss, and the probe compiles again.
#[test]
fn a_cached_probe_reads_back_the_same_table() {
    let Some(toolchain) = common::installed(pinned(), "the cached probe") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(dir.path().to_path_buf());
    let entries = || common::files_under(dir.path());
    let fresh = table::probe(&toolchain, Some(&cache)).unwrap_or_else(|e| panic!("{e}"));
    let stored = entries();
    assert_eq!(stored.len(), 1, "one entry for one probe: {stored:?}");
    let again = table::probe(&toolchain, Some(&cache)).unwrap_or_else(|e| panic!("{e}"));
    assert!(compare(&again, &fresh).is_empty());
    assert_eq!(entries(), stored, "a hit writes nothing");
    std::fs::write(&stored[0], "not json").unwrap();
    let after = table::probe(&toolchain, Some(&cache)).unwrap_or_else(|e| panic!("{e}"));
    assert!(compare(&after, &fresh).is_empty());
    assert_ne!(std::fs::read_to_string(&stored[0]).unwrap(), "not json");
}
