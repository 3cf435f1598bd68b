//! The corpus as a whole: it loads and validates, every case's observed outcome matches its
//! directives exactly, and every failing case's structured diagnostics match its insta
//! snapshot. All cases are compiled once, in parallel, on the pinned toolchain, through
//! sendsync's result cache (`target/sendsync/cache`, shared with `cargo run -- check`): a fresh
//! clone (and CI) compiles and runs every case; a warm run compiles only the cases whose key
//! changed. The key covers everything that changes a result (`src/engine/cache.rs`); `tests/sysroot.rs`
//! shows the part of it that is easy to get wrong (std's sources) by compiling for real.

mod common;

use sendsync::engine::check::{self, Checked, Options, Verdict};
use sendsync::input::corpus::{self, Corpus};
use serde::Serialize;
use std::sync::OnceLock;

fn checked() -> Option<&'static [Checked]> {
    static RESULTS: OnceLock<Option<Vec<Checked>>> = OnceLock::new();
    RESULTS
        .get_or_init(|| {
            let toolchain = common::pinned_toolchain("corpus outcomes and snapshots")?;
            let cases = common::cases();
            let options = Options::new(corpus::package_root());
            Some(check::check_all(&toolchain, &cases, &options, |_| {}))
        })
        .as_deref()
}

#[test]
fn corpus_loads_and_validates() {
    if let Err(errors) = Corpus::load(&corpus::bundled_root()) {
        let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        panic!("the corpus does not validate:\n{}", list.join("\n"));
    }
}

#[test]
fn outcomes_match_directives() {
    let Some(results) = checked() else { return };
    let bad: Vec<String> = results
        .iter()
        .filter(|r| r.verdict != Verdict::Ok)
        .map(|r| {
            format!(
                "{} ({}): {}: {}",
                r.case.name,
                r.case.path.display(),
                r.verdict.as_str(),
                r.reason
            )
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{} of {} cases differ from their directives:\n{}",
        bad.len(),
        results.len(),
        bad.join("\n")
    );
    assert!(
        results.len() >= 200,
        "the corpus shrank to {} cases",
        results.len()
    );
}

/// What insta pins for a failing case or a lint case: its diagnostics' structure, normalized.
/// A lint case's record also names the lints that fired.
#[derive(Serialize)]
struct Snapshot<'a> {
    codes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lints: Option<Vec<String>>,
    diagnostics: &'a [sendsync::engine::diagnostic::Diagnostic],
}

/// Runs an insta assertion about `case` (named after it, with its title and the pinned
/// toolchain as the snapshot's info, under `dir` if given) and says whether it held, so one
/// test can report every case that differs rather than the first.
fn pinned_like_insta(
    case: &sendsync::input::case::Case,
    dir: Option<&str>,
    assertion: impl FnOnce(),
) -> bool {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    if let Some(dir) = dir {
        settings.set_snapshot_path(dir);
    }
    settings.set_input_file(&case.path);
    settings.set_omit_expression(true);
    settings.set_info(&format!(
        "{} ({})",
        case.title,
        sendsync::toolchain::pinned()
    ));
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| settings.bind(assertion))).is_ok()
}

#[test]
fn structured_diagnostics_match_snapshots() {
    let Some(results) = checked() else { return };
    let mut failed = Vec::new();
    for r in results.iter().filter(|r| r.case.expectation.is_pinned()) {
        let Some(outcome) = &r.outcome else { continue };
        let snapshot = Snapshot {
            codes: outcome.codes().into_iter().collect(),
            lints: r
                .case
                .expectation
                .is_lint()
                .then(|| outcome.lints().into_iter().collect()),
            diagnostics: &outcome.diagnostics,
        };
        let name = r.case.name.clone();
        if !pinned_like_insta(&r.case, None, || {
            insta::assert_json_snapshot!(name.as_str(), snapshot)
        }) {
            failed.push(r.case.name.clone());
        }
    }
    assert!(
        failed.is_empty(),
        "structured diagnostics differ from the snapshot for: {}",
        failed.join(", ")
    );
}

/// Every E0277 about an auto trait and every "future cannot be sent" error has an obligation
/// chain that starts at a culprit and ends at the bound that demanded the trait, with no link
/// left unknown on the pinned toolchain; each failing case's chains are pinned as text in
/// `tests/snapshots/chains/`, so a rustc change that reorders or drops a note is seen.
#[test]
fn obligation_chains_are_complete_and_match_snapshots() {
    let Some(results) = checked() else { return };
    let mut failed = Vec::new();
    let mut incomplete = Vec::new();
    let mut total = 0;
    for r in results.iter().filter(|r| r.case.expectation.is_fail()) {
        let Some(outcome) = &r.outcome else { continue };
        let chains = sendsync::engine::chain::chains(&outcome.diagnostics, Some(&r.case.source));
        if chains.is_empty() {
            continue;
        }
        total += chains.len();
        for c in &chains {
            let ends = (c.links.first(), c.links.last());
            let ok = matches!(
                ends,
                (Some(first), Some(last)) if first.kind == sendsync::engine::chain::Kind::Culprit
                    && last.kind == sendsync::engine::chain::Kind::RequiredByBound
            ) && c.unknowns() == 0;
            if !ok {
                incomplete.push(format!("{}: {}", r.case.name, c.to_line()));
            }
        }
        let text: String = chains
            .iter()
            .map(|c| format!("{}\n{}\n", c.to_line(), c.to_block()))
            .collect::<Vec<_>>()
            .join("\n");
        let name = r.case.name.clone();
        if !pinned_like_insta(&r.case, Some("snapshots/chains"), || {
            insta::assert_snapshot!(name.as_str(), text)
        }) {
            failed.push(r.case.name.clone());
        }
    }
    assert!(
        incomplete.is_empty(),
        "chains without a culprit or a demanding bound, or with an unknown link:\n{}",
        incomplete.join("\n")
    );
    assert!(total >= 70, "only {total} obligation chains in the corpus");
    assert!(
        failed.is_empty(),
        "obligation chains differ from the snapshot for: {}",
        failed.join(", ")
    );
}

/// A lint case's fixes, linted with the same clippy: none of the case's lints fire in them, and
/// each still compiles. The lint is then about the hazard the fix removes, not about a spelling
/// the fix merely hides.
#[test]
fn lint_cases_fixes_do_not_fire_the_lints() {
    let Some(toolchain) = common::pinned_toolchain("lint fixes") else {
        return;
    };
    assert!(
        toolchain.clippy.is_some(),
        "{} (clippy is a pinned component: rust-toolchain.toml)",
        toolchain.clippy_install_hint()
    );
    let cases = common::cases();
    let mut checked = 0;
    let mut bad = Vec::new();
    for case in cases.iter().filter(|c| c.expectation.is_lint()) {
        let sendsync::input::case::Expectation::Lint(lints) = &case.expectation else {
            unreachable!()
        };
        for name in &case.fix {
            let fix = cases.iter().find(|c| &c.name == name).expect("validated");
            let outcome = sendsync::engine::compile::compile(
                &toolchain,
                fix,
                sendsync::engine::compile::Mode::Lint,
                sendsync::engine::compile::Limits::default(),
            )
            .unwrap();
            let fired: Vec<String> = outcome.lints().intersection(lints).cloned().collect();
            if outcome.kind != sendsync::engine::compile::Kind::Pass || !fired.is_empty() {
                bad.push(format!(
                    "{} fixed by {}: {:?}, lints {:?} still fire",
                    case.name, fix.name, outcome.kind, fired
                ));
            }
            checked += 1;
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    assert!(checked >= 12, "only {checked} lint fixes");
}

/// Like compiletest's tidy check: no snapshot survives its case.
#[test]
fn no_stale_snapshots() {
    let cases = common::cases();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let entries = [dir.clone(), dir.join("chains")]
        .into_iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten();
    let mut stale = Vec::new();
    for entry in entries {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".snap") else {
            continue;
        };
        if !cases
            .iter()
            .any(|c| c.name == stem && c.expectation.is_pinned())
        {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "snapshots with no failing case: {}",
        stale.join(", ")
    );
}

/// Sentences in an explanation: `.`, `!` or `?` followed by white space or the end, outside
/// code spans.
fn sentences(text: &str) -> usize {
    let mut in_code = false;
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '`' => in_code = !in_code,
            '.' | '!' | '?' if !in_code && chars.get(i + 1).is_none_or(|n| n.is_whitespace()) => {
                n += 1
            }
            _ => {}
        }
    }
    n
}

/// Each case is small, shows one rule, and teaches it in 2 to 6 sentences, in lines of at
/// most 100 columns.
#[test]
fn cases_are_small_and_explained() {
    assert_eq!(sentences("One `a.b()` two. Three! Four?"), 3);
    let mut bad = Vec::new();
    for case in common::cases() {
        let lines = case.source.lines().count();
        if lines > 40 {
            bad.push(format!(
                "{}: {lines} lines (at most 40)",
                case.path.display()
            ));
        }
        for (i, line) in case.source.lines().enumerate() {
            let columns = line.chars().count();
            if line.starts_with("//!") && columns > 100 {
                bad.push(format!(
                    "{}:{}: {columns} columns of title or explanation (at most 100)",
                    case.path.display(),
                    i + 1
                ));
            }
        }
        let n = sentences(&case.explanation);
        if !(2..=6).contains(&n) {
            bad.push(format!(
                "{}: {n} sentences of explanation (2 to 6)",
                case.path.display()
            ));
        }
        if case.name.chars().any(|c| c.is_ascii_digit()) && !case.name.starts_with("book_") {
            // Names say what a case does, never `case17`.
            let digits = case.name.chars().filter(|c| c.is_ascii_digit()).count();
            if digits * 3 > case.name.len() {
                bad.push(format!(
                    "{}: the name should say what the case does",
                    case.path.display()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// The bad headers of the foundation issue, each in a corpus of its own: validation fails with
/// a message that names the file and the line.
#[test]
fn bad_headers_fail_validation_naming_file_and_line() {
    let good = "//! A good case\n//!\n//! It compiles. It runs.\n//!\n//@ pass\nfn main() {}\n";
    let table: [(&str, &[u8], &str); 5] = [
        (
            "unknown_directive",
            b"//! T\n//!\n//! E.\n//@ pass\n//@ toolchain: 1.80\nfn main() {}\n",
            "unknown_directive.rs:5: unknown directive `toolchain`",
        ),
        (
            "fix_names_nothing",
            b"//! T\n//!\n//! E.\n//@ fail: E0277\n//@ fix: no_such_case\nfn main() {}\n",
            "fix_names_nothing.rs:5: `fix: no_such_case` names no case in the corpus",
        ),
        (
            "missing_title",
            b"//@ pass\nfn main() {}\n",
            "missing_title.rs:1: a case must open with a `//! Title` line",
        ),
        ("empty", b"", "empty.rs:1: the file is empty"),
        (
            "not_utf8",
            b"//! T\n//!\n//! \xe9t\xe9.\n//@ pass\nfn main() {}\n",
            "not_utf8.rs:3: the file is not valid UTF-8",
        ),
    ];
    for (name, bytes, want) in table {
        let root = tempfile::tempdir().unwrap();
        let topic = root.path().join("topic");
        std::fs::create_dir(&topic).unwrap();
        std::fs::write(topic.join("README.md"), "# Topic\n\nAn introduction.\n").unwrap();
        std::fs::write(topic.join("good.rs"), good).unwrap();
        std::fs::write(topic.join(format!("{name}.rs")), bytes).unwrap();
        if name == "fix_names_nothing" {
            std::fs::write(topic.join(format!("{name}.stderr")), "error\n").unwrap();
        }
        let errors = Corpus::load(root.path()).expect_err(name);
        let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.contains(&format!("{}/{want}", topic.display()))),
            "{name}: wanted an error ending in {want:?}, got {messages:?}"
        );
    }
    // A stale pinned file, and a topic without an introduction.
    let root = tempfile::tempdir().unwrap();
    let topic = root.path().join("topic");
    std::fs::create_dir(&topic).unwrap();
    std::fs::write(topic.join("good.rs"), good).unwrap();
    std::fs::write(topic.join("gone.stderr"), "error\n").unwrap();
    let messages: Vec<String> = Corpus::load(root.path())
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("README.md: topic `topic` has no introduction")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("gone.stderr: a pinned stderr with no failing case")),
        "{messages:?}"
    );
}
