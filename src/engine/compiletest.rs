//! Running rustc's own UI tests as compiletest runs them: whether a test applies on a
//! toolchain's host (`only-*`, `ignore-*`, `needs-*`), its `normalize-stderr` rules, and its
//! `.stderr` compared as compiletest compares it. The tests are read by
//! [`crate::input::compiletest`].

use crate::error::Result;
use crate::input::case::Case;
use crate::toolchain::host::Host;
use crate::toolchain::Toolchain;
use std::path::PathBuf;

/// Why a compiletest test does not apply on `toolchain`: each `only-*`, `ignore-*` and
/// `needs-*` line its host does not meet, with compiletest's reason. `None` when it applies,
/// and for any case that is not a compiletest test.
pub(crate) fn not_applicable_on(case: &Case, toolchain: &Toolchain) -> Option<String> {
    case.compiletest
        .as_ref()
        .filter(|p| !p.conditions.is_empty())
        .and_then(|_| not_met(case, &Host::of(toolchain)))
}

/// [`not_applicable_on`] for a given host.
pub(crate) fn not_met(case: &Case, host: &Host) -> Option<String> {
    let props = case.compiletest.as_ref()?;
    let mut reasons = Vec::new();
    for c in &props.conditions {
        if let Some(what) = c.name.strip_prefix("only-") {
            let (holds, words) = host.condition(what);
            if !holds {
                reasons.push(format!("`{}`: only executed {words}", c.name));
            }
        } else if let Some(what) = c.name.strip_prefix("ignore-") {
            let (holds, words) = host.condition(what);
            if holds {
                reasons.push(format!("`{}`: ignored {words}", c.name));
            }
        } else if let Err(why) = host.needs(&c.name, &c.value) {
            reasons.push(format!("`{}`: {why}", c.name));
        }
    }
    (!reasons.is_empty()).then(|| {
        format!(
            "compiletest test does not apply on {}: {}",
            host.triple,
            reasons.join("; ")
        )
    })
}

/// The test's `normalize-stderr*` rules that apply on a host of `bits` pointer width, as
/// (regex, replacement) pairs in order.
pub(crate) fn rules_for(case: &Case, bits: u32) -> Vec<(String, String)> {
    case.compiletest
        .iter()
        .flat_map(|p| &p.normalize_stderr)
        .filter(|r| r.bits.is_none_or(|b| b == bits))
        .map(|r| (r.regex.clone(), r.replacement.clone()))
        .collect()
}

/// Whether the test's stderr is compared at all (not with `dont-check-compiler-stderr`).
pub(crate) fn compares_stderr(case: &Case) -> bool {
    case.compiletest.as_ref().is_some_and(|p| p.check_stderr)
}

/// The `.stderr` compiletest holds the test's output to on a host of `bits` pointer width:
/// `<name>.stderr`, or `<name>.64bit.stderr` with `stderr-per-bitwidth`.
pub(crate) fn expected_stderr_path(case: &Case, bits: u32) -> PathBuf {
    match &case.compiletest {
        Some(p) if p.stderr_per_bitwidth => case.path.with_extension(format!("{bits}bit.stderr")),
        _ => case.path.with_extension("stderr"),
    }
}

/// How the test's normalized stderr (`observed`) differs from its `.stderr` on `toolchain`'s
/// host: `None` when it is the same. A missing `.stderr` is an empty one, as in compiletest
/// (a test that should print nothing has none); an unreadable one is an error naming it.
pub(crate) fn stderr_difference(
    case: &Case,
    toolchain: &Toolchain,
    observed: &str,
) -> Result<Option<String>> {
    let path = expected_stderr_path(case, Host::of(toolchain).pointer_width);
    let expected = if path.exists() {
        crate::fs::read_text(&path)?.replace("\r\n", "\n")
    } else {
        String::new()
    };
    Ok((expected != observed).then(|| {
        format!(
            "stderr differs from {}, as compiletest normalizes it:\n{}",
            path.display(),
            crate::engine::difference::diff(&expected, observed)
        )
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn case(source: &str) -> Case {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.rs");
        std::fs::write(&path, source).unwrap();
        Case::load_lenient(&path).unwrap()
    }

    #[test]
    fn normalize_rules_apply_by_pointer_width() {
        let c = case(
            "//@ normalize-stderr-test \"x\" -> \"y\"\n//@ normalize-stderr-32bit: \"p\" -> \"q\"\nfn main() {}\n",
        );
        assert_eq!(rules_for(&c, 64), [("x".to_string(), "y".to_string())]);
        assert_eq!(rules_for(&c, 32).len(), 2);
    }

    #[test]
    fn conditions_are_held_against_the_host() {
        let c = case(
            "//@ only-windows\n//@ ignore-wasm\n//@ needs-threads\n//@ check-pass\nfn main() {}\n",
        );
        assert_eq!(c.unsupported, None);
        let linux = Host::from_triple("x86_64-unknown-linux-gnu", "1.95.0");
        let why = not_met(&c, &linux).unwrap();
        assert!(
            why.contains("`only-windows`: only executed when")
                && why.contains("x86_64-unknown-linux-gnu")
                && !why.contains("needs-threads"),
            "{why}"
        );
        let windows = Host::from_triple("x86_64-pc-windows-msvc", "1.95.0");
        assert_eq!(not_met(&c, &windows), None);
        let wasm = Host::from_triple("wasm32-unknown-unknown", "1.95.0");
        let why = not_met(&c, &wasm).unwrap();
        assert!(
            why.contains("`ignore-wasm`") && why.contains("`needs-threads`"),
            "{why}"
        );
        // `ignore-pass` and the version ranges are not target conditions.
        let c = case(
            "//@ ignore-pass\n//@ ignore-llvm-version: 10 - 11\n//@ check-pass\nfn main() {}\n",
        );
        assert_eq!(not_met(&c, &linux), None);
    }
}
