//! Property tests of every parser that reads outside input: a case's header, rustc's JSON
//! diagnostics and rendered text, `rustc -vV`, and the history and matrix JSON that `merge`
//! and `history` read. On any input: no panic, and either a value or an error that names the
//! file (and line, where there is one).

use proptest::prelude::*;
use sendsync::engine::diagnostic::{Normalizer, Raw};
use sendsync::input::case::Case;
use std::path::Path;

/// Text that looks like a case header more often than random text would.
fn header_like() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just("//! Title".to_string()),
        Just("//!".to_string()),
        Just("//! Some explanation.".to_string()),
        Just("//@ pass".to_string()),
        Just("//@ fail: E0277 -".to_string()),
        Just("//@ fail:".to_string()),
        Just("//@ fix: other".to_string()),
        Just("//@ min-rust: 1.80".to_string()),
        Just("//@ edition: 2024".to_string()),
        Just("//@ book: 16-14".to_string()),
        Just("// a comment".to_string()),
        Just("fn main() {}".to_string()),
        "//@ [ -~]{0,20}",
        "//! \\PC{0,20}",
        "\\PC{0,30}",
    ];
    prop::collection::vec(line, 0..12).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn case_headers_parse_or_name_file_and_line(text in header_like(), strict in any::<bool>()) {
        let path = Path::new("cases/topic/x.rs");
        match Case::parse(path, text.clone(), strict) {
            Ok(case) => {
                prop_assert_eq!(case.source, text);
                prop_assert!(!case.title.is_empty());
            }
            Err(e) => {
                let msg = e.to_string();
                prop_assert!(msg.starts_with("cases/topic/x.rs"), "{}", msg);
            }
        }
    }

    #[test]
    fn any_text_is_a_header_or_an_error(text in "\\PC{0,200}", strict in any::<bool>()) {
        let _ = Case::parse(Path::new("a/b.rs"), text, strict);
    }

    #[test]
    fn rustc_vv_parses_or_says_what_is_missing(
        release in prop_oneof![Just("1.80.0".to_string()), Just("1.97.0-nightly".to_string()), "\\PC{0,12}"],
        hash in "\\PC{0,45}",
        date in "\\PC{0,12}",
        junk in "\\PC{0,40}",
    ) {
        let text = format!("rustc x\nbinary: rustc\ncommit-hash: {hash}\ncommit-date: {date}\nhost: h\nrelease: {release}\n{junk}");
        match sendsync::toolchain::parse_vv(&text) {
            Ok(tc) => prop_assert!(sendsync::toolchain::Version::parse(&tc.release).is_some()),
            Err(e) => prop_assert!(!e.is_empty()),
        }
    }

    #[test]
    fn rustc_json_is_read_without_panicking(
        message in "\\PC{0,60}",
        file in prop_oneof![Just("/r/cases/t/x.rs".to_string()), Just("/rustc/abc/library/std/src/lib.rs".to_string()), "\\PC{0,30}"],
        line in 0usize..10_000,
        col in 0usize..500,
        label in proptest::option::of("\\PC{0,20}"),
        root in prop_oneof![Just(String::new()), Just("/".to_string()), Just("/r/".to_string()), "\\PC{0,10}"],
        krate in prop_oneof![Just(String::new()), Just("sendsync_case".to_string()), "\\PC{0,6}"],
    ) {
        let raw = serde_json::json!({
            "message": message,
            "code": {"code": "E0277"},
            "level": "error",
            "spans": [{"file_name": file, "line_start": line, "column_start": col, "is_primary": true, "label": label}],
            "children": [{"message": message, "code": null, "level": "note", "spans": [], "children": [], "rendered": null}],
            "rendered": format!("error[E0277]: {message}\n --> {file}:{line}:{col}\n"),
        });
        let raw: Raw = serde_json::from_value(raw).unwrap();
        let n = Normalizer { input: "/r/cases/t/x.rs", root: &root, krate: &krate };
        let _ = n.diagnostic(&raw);
        let cx = sendsync::engine::normalize::Context {
            krate: &krate,
            source_dir: &root,
            input_file: "cases/t/x.rs",
            target_dir: "",
        };
        let _ = sendsync::engine::normalize::stderr([raw.rendered.as_deref().unwrap()], &cx);
    }

    #[test]
    fn rendered_text_normalizes_without_panicking(text in "\\PC{0,300}", root in "\\PC{0,8}") {
        let cx = sendsync::engine::normalize::Context {
            krate: "sendsync_case",
            source_dir: &root,
            input_file: "cases/t/x.rs",
            target_dir: "/r/target/",
        };
        let _ = sendsync::engine::normalize::stderr([text.as_str()], &cx);
    }

    #[test]
    fn history_and_matrix_files_load_or_name_the_file(text in prop_oneof![
        "\\PC{0,200}",
        Just("{\"case\":\"x\",\"toolchains\":{},\"variants\":{}}".to_string()),
        Just("{\"case\":\"x\",\"toolchains\":{\"1.80.0\":{\"release\":\"1.80.0\",\"commit_date\":\"\",\"variant\":\"Z\"}},\"variants\":{}}".to_string()),
        Just("{\"baseline\":\"a\",\"toolchains\":[\"a\"],\"cases\":[]}".to_string()),
    ]) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.json");
        std::fs::write(&path, &text).unwrap();
        if let Err(e) = sendsync::drift::history::History::load(&path) {
            prop_assert!(e.to_string().contains("f.json"), "{}", e);
        }
        match sendsync::drift::matrix::load(&path) {
            Ok(m) => { let _ = sendsync::drift::matrix::merge(vec![("f.json".into(), m)], None); }
            Err(e) => prop_assert!(e.to_string().contains("f.json"), "{}", e),
        }
    }
}

/// A matrix cell whose outcome is `error` (not compiled) merges as "not drift"; it once
/// panicked.
#[test]
fn a_cell_with_an_error_outcome_merges() {
    let json = r#"{"baseline":"a","toolchains":["a","b"],"toolchain_info":{},"cases":[
        {"name":"x","path":"x.rs","topic":"t","cells":{
            "a":{"outcome":"fail","codes":["E0277"],"messages":[],"drift":"identical"},
            "b":{"outcome":"error","codes":[],"messages":[],"drift":"identical"}}}]}"#;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.json");
    std::fs::write(&path, json).unwrap();
    let m = sendsync::drift::matrix::load(&path).unwrap();
    let merged = sendsync::drift::matrix::merge(vec![("m.json".into(), m)], Some("a")).unwrap();
    let cell = &merged.cases[0].cells["b"];
    assert_eq!(cell.drift, sendsync::drift::Drift::NotApplicable);
    assert!(!merged.any_drift());
}

/// A non-ASCII commit hash once panicked on byte slicing.
#[test]
fn a_non_ascii_commit_hash_is_described() {
    let text = "rustc 1.80.0\ncommit-hash: ééééééééééé\ncommit-date: 2024-01-01\nhost: x\nrelease: 1.80.0\n";
    let tc = sendsync::toolchain::parse_vv(text).unwrap();
    assert_eq!(tc.commit_hash, "ééééééééééé");
}
