//! `sendsync explain` end to end: a user's file, a Cargo package, rustc's and cargo's JSON on
//! stdin, rendered text, the exit codes of bad input, the evaluation set's accuracy floor
//! (top-3 ≥ 95 %, top-1 ≥ 85 %, and the rendered text giving the same answer as the JSON), the
//! real-world set read from its manifest, and the browser page agreeing with the command.

mod common;

use sendsync::learn::explain;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const LOGGER: &str = r#"use std::rc::Rc;
use std::thread;

struct Logger {
    prefix: String,
}

fn main() {
    let logger = Rc::new(Logger { prefix: "app".into() });
    let for_worker = Rc::clone(&logger);
    let worker = thread::spawn(move || println!("{}: worker", for_worker.prefix));
    worker.join().unwrap();
    println!("{}: main", logger.prefix);
}
"#;

fn sendsync(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sendsync"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs sendsync");
    let mut input = child.stdin.take().expect("piped");
    if let Some(bytes) = stdin {
        input.write_all(bytes).expect("writes stdin");
    }
    drop(input);
    child.wait_with_output().expect("sendsync ends")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn write_logger(dir: &Path) -> String {
    let file = dir.join("logger.rs");
    std::fs::write(&file, LOGGER).unwrap();
    file.display().to_string()
}

/// rustc's JSON for the logger, from the pinned toolchain (as `rustc --error-format=json`).
fn logger_json(dir: &Path) -> Option<String> {
    let tc = common::pinned_toolchain("explain from rustc's JSON")?;
    let file = write_logger(dir);
    Some(
        explain::compile_file(
            &tc,
            Path::new(&file),
            LOGGER,
            std::time::Duration::from_secs(300),
        )
        .unwrap(),
    )
}

#[test]
fn explains_a_file_in_text() {
    if !common::active_is_pinned("explain a file") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write_logger(dir.path());
    let out = sendsync(&["explain", &file], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for want in [
        &format!("{file}:11:32: error[E0277]: `Rc<Logger>` cannot be sent between threads safely")
            as &str,
        "chain: Rc<Logger> (not Send)  →  captured by the closure at 11:32",
        "nearest cases:",
        "1. Moving an `Rc` clone of read-only data into a spawned thread (cases/rc_arc/rc_config_into_spawn.rs",
        "same culprit `Rc<_>`",
        "demanded by `thread::spawn`",
        "fix of rc_config_into_spawn: arc_config_into_spawn",
        "+use std::sync::Arc;",
    ] {
        assert!(text.contains(want), "{want:?} missing from:\n{text}");
    }
    // What a learner takes in: the error, the chain, three cases and one diff of code only.
    let diff_lines: Vec<&str> = text.lines().filter(|l| l.starts_with("       ")).collect();
    assert!(
        !diff_lines
            .iter()
            .any(|l| l.contains("//!") || l.contains("//@")),
        "the corpus's header or directives in the diff:\n{text}"
    );
    assert_eq!(text.matches("fix of ").count(), 1, "{text}");
    assert!(
        text.lines().count() <= 40,
        "{} lines:\n{text}",
        text.lines().count()
    );
    // --verbose: every case's explanation and its whole diff.
    let out = sendsync(&["explain", &file, "--verbose"], None);
    let verbose = stdout(&out);
    assert!(
        verbose.contains("non-atomic"),
        "no explanation in:\n{verbose}"
    );
    assert!(
        verbose.contains("+//@ pass"),
        "no whole diff in:\n{verbose}"
    );
    assert!(verbose.matches("fix of ").count() >= 2, "{verbose}");
}

#[test]
fn explains_a_file_in_json() {
    if !common::active_is_pinned("explain a file as JSON") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write_logger(dir.path());
    let out = sendsync(&["explain", &file, "--format", "json"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let errors = json["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{json}");
    let e = &errors[0];
    assert_eq!(e["file"], file.as_str());
    assert_eq!(e["line"], 11);
    assert_eq!(e["code"], "E0277");
    assert_eq!(
        e["message"],
        "`Rc<Logger>` cannot be sent between threads safely"
    );
    assert_eq!(e["chain"][0]["kind"], "culprit");
    assert_eq!(e["chain"][0]["subject"], "Rc<Logger>");
    let matches = e["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 3);
    for m in matches {
        for key in ["name", "path", "title", "score", "why"] {
            assert!(!m[key].is_null(), "{key} missing in {m}");
        }
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(m["path"].as_str().unwrap());
        assert!(path.is_file(), "{} is no case", path.display());
    }
    assert_eq!(matches[0]["name"], "rc_config_into_spawn");
}

#[test]
fn reads_rustc_and_cargo_json_and_rendered_text_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let Some(json) = logger_json(dir.path()) else {
        return;
    };
    let first_match = |o: &Output| -> String {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["errors"][0]["matches"][0]["name"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let rustc = sendsync(&["explain", "-", "--format", "json"], Some(json.as_bytes()));
    assert_eq!(first_match(&rustc), "rc_config_into_spawn");

    // cargo's form: each rustc diagnostic wrapped in a compiler-message, with cargo's own lines
    // mixed in (`2>&1`).
    let mut cargo = String::from("    Checking logger v0.1.0 (/tmp/logger)\n");
    for line in json.lines().filter(|l| l.starts_with('{')) {
        cargo.push_str(&format!(
            "{{\"reason\":\"compiler-message\",\"package_id\":\"logger\",\"message\":{line}}}\n"
        ));
    }
    cargo.push_str("{\"reason\":\"build-finished\",\"success\":false}\n");
    cargo.push_str("error: could not compile `logger` (bin \"logger\") due to 1 previous error\n");
    let out = sendsync(
        &["explain", "-", "--format", "json"],
        Some(cargo.as_bytes()),
    );
    assert_eq!(first_match(&out), "rc_config_into_spawn");

    // The rendered text that rustc's JSON carries, as a terminal shows it.
    let rendered: String = json
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["rendered"].as_str().map(String::from))
        .collect();
    let out = sendsync(
        &["explain", "--rendered", "-", "--format", "json"],
        Some(rendered.as_bytes()),
    );
    assert_eq!(first_match(&out), "rc_config_into_spawn");
}

#[test]
fn explains_a_cargo_package() {
    if !common::active_is_pinned("explain a Cargo package") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path().join("logger");
    std::fs::create_dir_all(pkg.join("src")).unwrap();
    std::fs::write(
        pkg.join("Cargo.toml"),
        "[package]\nname = \"logger\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(pkg.join("src/main.rs"), LOGGER).unwrap();
    let out = sendsync(
        &["explain", pkg.to_str().unwrap(), "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &json["errors"][0];
    assert!(
        e["file"].as_str().unwrap().ends_with("logger/src/main.rs"),
        "{e}"
    );
    assert_eq!(e["line"], 11);
    assert_eq!(e["matches"][0]["name"], "rc_config_into_spawn");
}

#[test]
fn other_errors_are_listed_and_left_alone() {
    if !common::active_is_pinned("explain a non-Send/Sync error") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("typo.rs");
    std::fs::write(
        &file,
        "struct Point;\n\nfn show<T: std::fmt::Display>(t: T) {\n    println!(\"{t}\");\n}\n\n\
         fn main() {\n    show(Point);\n}\n\nfn count() -> u32 {\n    \"four\"\n}\n",
    )
    .unwrap();
    let out = sendsync(&["explain", file.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("error[E0308]: mismatched types"), "{text}");
    assert!(
        text.contains("error[E0277]: `Point` doesn't implement `std::fmt::Display`"),
        "{text}"
    );
    assert_eq!(text.matches("not a Send/Sync error").count(), 2, "{text}");
    assert!(!text.contains("nearest cases"), "{text}");
}

/// Arguments, stdin, and the words the one line of stderr must hold.
type BadInput<'a> = (&'a [&'a str], Option<&'a [u8]>, &'a str);

#[test]
fn bad_input_is_exit_2_with_one_line() {
    let cases: [BadInput; 5] = [
        (&["explain", "-"], Some(b"this is not json\n"), "not JSON"),
        (
            &["explain", "-"],
            Some(b"\x00\x01\x02\xff binary"),
            "binary",
        ),
        (&["explain", "-"], Some(b""), "empty"),
        (
            &["explain", "-"],
            Some(b"{\"a\": 1}\n"),
            "no rustc or cargo",
        ),
        (&["explain", "/nonexistent/x.rs"], None, "no such file"),
    ];
    for (args, input, want) in cases {
        let out = sendsync(args, input);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: one line, got {err:?}");
        assert!(err.contains(want), "{args:?}: {want:?} not in {err:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
}

/// The quality floor: the evaluation set (`eval/explain`, programs written outside the corpus,
/// each naming the cases a teacher would point to) must reach top-3 ≥ 90 % and top-1 ≥ 70 %,
/// and reading rustc's rendered text must give the same three cases as reading its JSON.
#[test]
fn evaluation_set_meets_the_accuracy_floor() {
    let Some(rows) = evaluated("the explain evaluation") else {
        return;
    };
    let corpus =
        sendsync::input::corpus::Corpus::load(&sendsync::input::corpus::bundled_root()).unwrap();
    assert!(rows.len() >= 30, "only {} programs", rows.len());
    for r in rows {
        for name in &r.expected {
            assert!(corpus.get(name).is_some(), "{}: no case {name}", r.file);
        }
        assert_eq!(
            r.got, r.from_rendered,
            "{}: the rendered text gives other cases",
            r.file
        );
    }
    let (top1, top3) = explain::accuracy(rows);
    let misses: Vec<String> = rows
        .iter()
        .filter(|r| !r.top1)
        .map(|r| format!("{}: expected {:?}, got {:?}", r.file, r.expected, r.got))
        .collect();
    assert!(top3 >= 95.0, "top-3 {top3:.1} %:\n{}", misses.join("\n"));
    assert!(top1 >= 85.0, "top-1 {top1:.1} %:\n{}", misses.join("\n"));
}

/// The evaluation set explained as the CLI explains it (compiled on the pinned toolchain, matched
/// against the index `sendsync explain` builds): once for the tests that need it, or `None`
/// after saying why not.
fn evaluated(what: &str) -> Option<&'static [explain::EvalRow]> {
    static ROWS: std::sync::OnceLock<Option<Vec<explain::EvalRow>>> = std::sync::OnceLock::new();
    let rows = ROWS.get_or_init(|| {
        let tc = common::pinned_toolchain("the explain evaluation")?;
        let corpus =
            sendsync::input::corpus::Corpus::load(&sendsync::input::corpus::bundled_root())
                .unwrap();
        let index = explain::Index::build(&corpus, &sendsync::paths::history_root()).unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/explain");
        Some(explain::evaluate(&dir, &tc, &index, 2, std::time::Duration::from_secs(300)).unwrap())
    });
    if rows.is_none() {
        common::skip(
            common::Need::Pinned,
            format_args!("{what}: the pinned toolchain is not available"),
        );
    }
    rows.as_deref()
}

/// The real-world set (`eval/real`: files and Cargo packages with tokio, listed with their
/// labels and halves in its `MANIFEST.toml`) explained as `sendsync explain --evaluate
/// eval/real` explains it: once for the tests that need it, or `None` after saying why not.
fn evaluated_real(what: &str) -> Option<&'static [explain::EvalRow]> {
    static ROWS: std::sync::OnceLock<Option<Vec<explain::EvalRow>>> = std::sync::OnceLock::new();
    let rows = ROWS.get_or_init(|| {
        let tc = common::pinned_toolchain("the real-world evaluation")?;
        let corpus =
            sendsync::input::corpus::Corpus::load(&sendsync::input::corpus::bundled_root())
                .unwrap();
        let index = explain::Index::build(&corpus, &sendsync::paths::history_root()).unwrap();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("eval/real");
        Some(explain::evaluate(&dir, &tc, &index, 2, std::time::Duration::from_secs(900)).unwrap())
    });
    if rows.is_none() {
        common::skip(
            common::Need::Pinned,
            format_args!("{what}: the pinned toolchain is not available"),
        );
    }
    rows.as_deref()
}

#[test]
fn the_real_set_is_read_from_its_manifest_with_its_halves() {
    let Some(rows) = evaluated_real("the real-world evaluation") else {
        return;
    };
    assert!(rows.len() >= 40, "only {} programs", rows.len());
    for half in ["tuning", "held-out"] {
        let n = rows
            .iter()
            .filter(|r| r.half.as_deref() == Some(half))
            .count();
        assert!(n >= 20, "{n} programs in the {half} half");
    }
    for r in rows {
        assert!(!r.rendered.is_empty(), "{}: no rendered error", r.file);
        assert_eq!(r.got.len(), 3, "{}: {:?}", r.file, r.got);
    }
}

/// `encodeURIComponent`: everything but unreserved characters percent-encoded.
fn uri_component(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The site's explain page in headless Chromium: the rendered error of every program of the
/// evaluation set, pasted in (through the address's `#batch=`), gives the same three cases in
/// the browser as `sendsync explain` gives from rustc's JSON; one pasted error (`#text=`) shows
/// its matches as links to the case pages, and a screenshot is saved under target/sendsync/.
#[test]
fn explain_page_agrees_with_the_cli_in_headless_chromium() {
    let Some(binary) = common::chromium::find() else {
        common::skip(common::Need::Chromium, format_args!(
            "explain page browser test: no Chromium found (install Debian's `chromium`, or set SENDSYNC_CHROMIUM)"
        ));
        return;
    };
    let corpus =
        sendsync::input::corpus::Corpus::load(&sendsync::input::corpus::bundled_root()).unwrap();
    let history = sendsync::paths::history_root();
    let inputs = sendsync::learn::pages::PageInputs::gather(&corpus, &history, None).unwrap();
    let out = sendsync::paths::target_dir().join("sendsync");
    let site = out.join("explain-browser-test-site");
    sendsync::learn::pages::write_site(&inputs, &site).unwrap();
    let page = site.join("explain.html");
    assert!(page.is_file());

    let Some(rows) = evaluated("the explain page browser test") else {
        return;
    };
    let texts: Vec<&str> = rows.iter().map(|r| r.rendered.as_str()).collect();
    let url = format!(
        "file://{}#batch={}",
        page.display(),
        uri_component(&serde_json::to_string(&texts).unwrap())
    );
    // One pasted error (`#text=`), whose page is also kept as a screenshot; Chromium runs for
    // both addresses at once.
    let logger = rows
        .iter()
        .find(|r| r.file.ends_with("logger_in_rc.rs"))
        .unwrap();
    let one_url = format!(
        "file://{}#text={}",
        page.display(),
        uri_component(&logger.rendered)
    );
    let shot = out.join("site-explain-page.png");
    let one_args = [
        "--dump-dom".to_string(),
        format!("--screenshot={}", shot.display()),
        "--window-size=1280,1400".into(),
    ];
    let (batch, one) = std::thread::scope(|s| {
        let batch = s.spawn(|| common::chromium::run(&binary, &["--dump-dom".into()], &url));
        let one = s.spawn(|| common::chromium::run(&binary, &one_args, &one_url));
        (batch.join().unwrap(), one.join().unwrap())
    });
    let dom = match batch {
        Ok(dom) if !dom.is_empty() => dom,
        Ok(_) | Err(_) => {
            common::skip(
                common::Need::Chromium,
                format_args!(
                    "explain page browser test: {} cannot run here",
                    binary.display()
                ),
            );
            return;
        }
    };
    let answers = batch_answers(&dom);
    assert_eq!(answers.len(), rows.len());
    for (r, browser) in rows.iter().zip(&answers) {
        assert_eq!(&r.got, browser, "{}: the browser gives other cases", r.file);
    }
    // The real-world set: the page gives what the command gives from the same rendered text
    // (where rustc's rendered text leaves out lines of a long span that its JSON holds, the
    // JSON may tell more than any pasted text can).
    if let Some(real) = evaluated_real("the explain page on the real-world set") {
        let texts: Vec<&str> = real.iter().map(|r| r.rendered.as_str()).collect();
        let url = format!(
            "file://{}#batch={}",
            page.display(),
            uri_component(&serde_json::to_string(&texts).unwrap())
        );
        let dom = common::chromium::run(&binary, &["--dump-dom".into()], &url).unwrap();
        let answers = batch_answers(&dom);
        assert_eq!(answers.len(), real.len());
        for (r, browser) in real.iter().zip(&answers) {
            assert_eq!(
                &r.from_rendered, browser,
                "{}: the browser gives other cases than the command",
                r.file
            );
        }
    }

    // The pasted error: the matches are links to the case pages, and they resolve.
    let dom = one.unwrap();
    let first = format!(
        "<li class=\"match\" data-name=\"{}\" data-page=\"",
        logger.got[0]
    );
    let at = dom
        .find(&first)
        .unwrap_or_else(|| panic!("no {first} in:\n{}", &dom[..dom.len().min(3000)]));
    let href = &dom[at + first.len()..];
    let href = &href[..href.find('"').unwrap()];
    assert!(site.join(href).is_file(), "{href} is no page of the site");
    assert!(
        dom[at..].contains(&format!("<a href=\"{href}\">")),
        "the match is no link to {href}"
    );
    assert!(
        dom.contains("same culprit <code>Rc&lt;_&gt;</code>"),
        "why missing"
    );
    assert!(
        std::fs::read(&shot).is_ok_and(|png| png.starts_with(b"\x89PNG")),
        "{} is no PNG",
        shot.display()
    );
}

/// The page's answers to a `#batch=` of rendered errors: each one's three nearest cases.
fn batch_answers(dom: &str) -> Vec<Vec<String>> {
    let start = dom
        .find("<pre id=\"batch\" hidden=\"\">")
        .map(|i| i + "<pre id=\"batch\" hidden=\"\">".len())
        .unwrap_or_else(|| panic!("no batch answer in:\n{}", &dom[..dom.len().min(3000)]));
    let end = start + dom[start..].find("</pre>").unwrap();
    serde_json::from_str(&dom[start..end]).unwrap()
}

#[test]
fn a_program_that_compiles_has_nothing_to_explain_and_a_broken_package_is_exit_2() {
    if !common::active_is_pinned("explain a program without errors") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.rs");
    std::fs::write(&ok, "fn main() {\n    println!(\"hi\");\n}\n").unwrap();
    let out = sendsync(&["explain", ok.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "no errors: nothing to explain\n");
    let out = sendsync(&["explain", ok.to_str().unwrap(), "--format", "json"], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"schema": "sendsync.explain/1", "errors": []})
    );

    let plain = dir.path().join("plain");
    std::fs::create_dir(&plain).unwrap();
    let out = sendsync(&["explain", plain.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("has no Cargo.toml"),
        "{}",
        stderr(&out)
    );

    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).unwrap();
    std::fs::write(broken.join("Cargo.toml"), "garbage\n").unwrap();
    let out = sendsync(&["explain", broken.to_str().unwrap()], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cargo check gave no diagnostics"), "{err}");
}

proptest::proptest! {
    /// The readers of outside input never panic, whatever they are given: arbitrary text, and
    /// text made of the pieces they look for.
    #[test]
    fn readers_never_panic(text in "\\PC{0,200}") {
        let _ = explain::read_json(&text, None);
        for f in explain::read_rendered(&text) {
            let _ = explain::shape_of(&f.diagnostic, &f.snippet);
        }
    }

    #[test]
    fn rendered_pieces_never_panic(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "error[E0277]: `Rc<", "error: future cannot be ", "  --> ", "src/a.rs:", "9:", "x",
        "   = help: the trait `Send` is not implemented for `", "note: required by a bound in `",
        "note: future is not `Send` as this value is used across an await", "has type `",
        "12 |", "   |", "`", "\n", ":", "{closure@", "\x1b[1m", "\x1b",
    ]), 0..40)) {
        let text: String = pieces.concat();
        for f in explain::read_rendered(&text) {
            let _ = explain::shape_of(&f.diagnostic, &f.snippet);
        }
        let _ = explain::read_json(&text, None);
    }
}
