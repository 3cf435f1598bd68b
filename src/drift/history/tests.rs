use super::*;

fn tc(release: &str, date: &str) -> Toolchain {
    Toolchain {
        name: release.into(),
        release: release.into(),
        commit_hash: "0".repeat(40),
        commit_date: date.into(),
        host: "x".into(),
        ..Toolchain::default()
    }
}

fn variant(codes: &[&str]) -> Variant {
    Variant {
        outcome: "fail".into(),
        codes: codes.iter().map(|s| s.to_string()).collect(),
        diagnostics: vec![],
        linted: false,
    }
}

#[test]
fn recording_one_toolchain_leaves_the_others() {
    let mut h = History::new("x");
    let (a, b, c) = (
        tc("1.70.0", "2023-05-31"),
        tc("1.75.0", "2023-12-21"),
        tc("1.97.0-nightly", "2026-05-19"),
    );
    h.record(&key_of(&a), &a, Some(variant(&["E0282", "E0283"])));
    h.record(&key_of(&b), &b, Some(variant(&["E0283"])));
    h.record(&key_of(&c), &c, Some(variant(&["E0283"])));
    let before = h.toolchains.get("1.70.0").cloned();
    assert_eq!(
        h.describe(),
        "1.70.0: A (fail E0282 E0283); 1.75.0 to nightly-2026-05-19: B (fail E0283)"
    );
    // Re-recording 1.75.0 with a new variant changes only 1.75.0's entry.
    h.record("1.75.0", &b, Some(variant(&["E0277"])));
    assert_eq!(h.toolchains.get("1.70.0").cloned(), before);
    assert_eq!(h.toolchains["nightly-2026-05-19"].variant, "B");
    assert_eq!(h.toolchains["1.75.0"].variant, "C");
    // A variant nobody points at is dropped; the others keep their ids.
    h.record("nightly-2026-05-19", &c, Some(variant(&["E0277"])));
    assert!(!h.variants.contains_key("B"));
    assert_eq!(
        h.describe(),
        "1.70.0: A (fail E0282 E0283); 1.75.0 to nightly-2026-05-19: C (fail E0277)"
    );
    h.record("1.70.0", &a, None);
    assert_eq!(h.spans()[0].variant, "n/a");
}

#[test]
fn a_nightly_comes_before_its_release_and_old_nightlies_go() {
    let mut h = History::new("x");
    let stable = tc("1.97.0", "2026-07-01");
    h.record("1.97.0", &stable, Some(variant(&["E0277"])));
    for date in ["2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04"] {
        let n = tc("1.97.0-nightly", date);
        h.record(&key_of(&n), &n, Some(variant(&["E0277"])));
    }
    let keys: Vec<&String> = h.toolchains.keys().collect();
    assert_eq!(
        keys,
        [
            "1.97.0",
            "nightly-2026-05-02",
            "nightly-2026-05-03",
            "nightly-2026-05-04"
        ],
        "the oldest nightly is dropped, {NIGHTLIES_KEPT} kept"
    );
    let spans = h.spans();
    assert_eq!(spans[0].from, "nightly-2026-05-02");
    assert_eq!(
        spans[0].to, "1.97.0",
        "the nightlies of 1.97 come before 1.97.0"
    );
}

#[test]
fn files_of_another_schema_are_refused_or_started_afresh() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.json");
    std::fs::write(
        &newer,
        r#"{"schema": 99, "case": "x", "toolchains": {}, "variants": {}}"#,
    )
    .unwrap();
    let err = History::load(&newer).unwrap_err().to_string();
    assert!(
        err.contains("newer.json") && err.contains("newer sendsync"),
        "{err}"
    );
    assert!(
        History::load_for_update(&newer, "x").is_err(),
        "never overwritten"
    );
    let older = dir.path().join("older.json");
    std::fs::write(&older, r#"{"case": "x", "toolchains": {}, "variants": {}}"#).unwrap();
    let err = History::load(&older).unwrap_err().to_string();
    assert!(err.contains("record it again"), "{err}");
    assert_eq!(
        History::load_for_update(&older, "x").unwrap(),
        History::new("x")
    );
}

#[test]
fn without_clippy_a_lint_case_keeps_its_record_and_is_not_verified() {
    let dir = tempfile::tempdir().unwrap();
    let source =
        "//! T\n//!\n//! A lint. It fires.\n//@ lint: clippy::rc_mutex\n//@ fix: y\nfn main() {}\n";
    let case = Case::parse(&dir.path().join("t/x.rs"), source.into(), true).unwrap();
    let no_clippy = tc("1.80.0", "2024-07-21");
    assert!(no_clippy.clippy.is_none());
    let options = Options::new(dir.path().to_path_buf());
    let root = dir.path().join("history");
    // Nothing recorded yet: `n/a`.
    record(&root, std::slice::from_ref(&case), &no_clippy, &options).unwrap();
    let path = History::path(&root, &case);
    assert_eq!(
        History::load(&path).unwrap().unwrap().toolchains["1.80.0"].variant,
        "n/a"
    );
    // A real record (made where clippy was installed) is kept, and not held against n/a.
    let mut h = History::new("x");
    h.record("1.80.0", &no_clippy, Some(variant(&[])));
    h.save(&path).unwrap();
    record(&root, std::slice::from_ref(&case), &no_clippy, &options).unwrap();
    assert_eq!(History::load(&path).unwrap().unwrap(), h);
    let differences = verify(&root, &[case], &no_clippy, &options).unwrap();
    assert!(differences.is_empty(), "{differences:?}");
}

/// The fallback of a file system without an atomic exchange: whichever rename fails, the
/// folder is there afterwards, whole, old or new.
#[test]
fn replacing_by_renames_never_leaves_the_folder_missing() {
    use std::cell::Cell;
    let read = |dir: &Path| std::fs::read_to_string(dir.join("f")).ok();
    // The renames are: old aside, new in place, old to the staging path.
    for fail_at in [None, Some(0), Some(1), Some(2)] {
        let tmp = tempfile::tempdir().unwrap();
        let (from, to) = (tmp.path().join("staging"), tmp.path().join("history"));
        for (dir, text) in [(&from, "new"), (&to, "old")] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join("f"), text).unwrap();
        }
        let n = Cell::new(0);
        let result = replace_by_renames(&from, &to, |a, b| {
            let i = n.get();
            n.set(i + 1);
            if Some(i) == fail_at {
                return Err(std::io::Error::other("refused"));
            }
            std::fs::rename(a, b)
        });
        let want = match fail_at {
            Some(0 | 1) => "old",
            _ => "new",
        };
        assert_eq!(
            read(&to).as_deref(),
            Some(want),
            "failing rename {fail_at:?}"
        );
        assert_eq!(
            result.is_err(),
            matches!(fail_at, Some(0 | 1)),
            "{fail_at:?}"
        );
        // Nothing is left beside the folder but the staging path, which the caller removes.
        let left: Vec<String> = std::fs::read_dir(tmp.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "history" && n != "staging")
            .collect();
        assert!(left.is_empty(), "{fail_at:?}: {left:?}");
    }
}

#[test]
fn keys() {
    assert_eq!(key_of(&tc("1.80.0", "2024-07-21")), "1.80.0");
    assert_eq!(
        key_of(&tc("1.97.0-nightly", "2026-05-19")),
        "nightly-2026-05-19"
    );
    assert_eq!(
        key_of(&tc("1.96.0-beta.3", "2026-05-01")),
        "beta-2026-05-01"
    );
}

#[test]
fn tracked_runs_from_1_70_to_the_pin() {
    let t = tracked();
    assert_eq!(t.first().map(String::as_str), Some("1.70.0"));
    assert!(t.contains(&crate::toolchain::pinned().to_string()));
    assert_eq!(t.last().map(String::as_str), Some("nightly"));
}
