//! rustc's output as compiletest compares it with a UI test's `.stderr`.
//!
//! Followed from rust-lang/rust's `src/tools/compiletest/src`: `json.rs` (`extract_rendered`:
//! every diagnostic's rendered text in order, the "aborting" and `--explain` notes included,
//! future-incompatibility reports, lines that are not JSON kept) and `runtest.rs`
//! (`normalize_output`: the test's folder becomes `$DIR`, std's `/rustc/<commit>/library`
//! `$SRC_DIR` and its compiler `$COMPILER_DIR`, the output folder `$TEST_BUILD_DIR`,
//! `$SRC_DIR/…:LL:COL` for std's line numbers, `\\` becomes `\`, long type files get
//! `$LONG_TYPE_HASH`, tabs are shown as `\t`, `//~` annotations are cut from quoted source, and
//! last the test's own `normalize-stderr` rules). One thing compiletest has rustc do itself,
//! with the unstable `-Z ui-testing`, is done here instead, since a stable rustc takes no `-Z`
//! flag: `LL` for every line number in the margin, which is then two columns wide, and
//! `YYYY-MM-DD` for a nightly's build date.
//!
//! Not followed: what only `-Z` flags give (`-Z deduplicate-diagnostics=no` repeats a
//! diagnostic rustc otherwise prints once; `-Z write-long-types-to-disk=no` prints long types in
//! full), the Windows path rewriting, and the symbol-hash and allocation-id renumbering, which
//! no Send/Sync test needs.

use regex_lite::Regex;
use std::sync::OnceLock;

/// Where the compile happened, for the path placeholders, and the test's own rules.
pub(crate) struct Context<'a> {
    /// The test's folder as rustc names it (after any remapping), without a trailing `/`.
    pub(crate) dir: &'a str,
    /// The compile's output folder, without a trailing `/`.
    pub(crate) build_dir: &'a str,
    /// The test's `normalize-stderr` rules, (regex, replacement), in order.
    pub(crate) rules: &'a [(String, String)],
}

/// The rendered text of each message in rustc's JSON output (`--error-format=json
/// --json=future-incompat`), in order, as compiletest's `extract_rendered` takes it.
pub(crate) fn extract_rendered(json: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in json.lines() {
        let value = line
            .starts_with('{')
            .then(|| serde_json::from_str::<serde_json::Value>(line).ok())
            .flatten();
        let Some(value) = value else {
            out.push(format!("{line}\n"));
            continue;
        };
        if value.get("message").is_some() && value.get("level").is_some() {
            if let Some(text) = value["rendered"].as_str() {
                out.push(text.to_string());
            }
        } else if let Some(items) = value["future_incompat_report"].as_array() {
            if !items.is_empty() {
                let items: String = items
                    .iter()
                    .map(|item| {
                        let text = item["diagnostic"]["rendered"]
                            .as_str()
                            .unwrap_or("Not rendered");
                        format!("Future breakage diagnostic:\n{text}")
                    })
                    .collect();
                out.push(format!("Future incompatibility report: {items}"));
            }
        } else if value.get("artifact").is_none() && value.get("unused_extern_names").is_none() {
            out.push(format!("{line}\n"));
        }
    }
    out
}

/// The messages of one compile, as compiletest compares them.
pub(crate) fn stderr(messages: &[String], cx: &Context) -> String {
    let text: String = messages
        .iter()
        .map(|m| ui_testing_date(&ui_testing_margin(m)))
        .collect();
    normalize_output(&text, cx)
}

/// A nightly's note on its build date as `-Z ui-testing` has rustc print it: `YYYY-MM-DD`.
fn ui_testing_date(message: &str) -> String {
    static DATE: OnceLock<Regex> = OnceLock::new();
    regex(
        &DATE,
        r"(this compiler was built on )\d{4}-\d{2}-\d{2}(; consider upgrading it)",
    )
    .replace_all(message, "${1}YYYY-MM-DD$2")
    .into_owned()
}

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a valid pattern"))
}

/// compiletest's `normalize_output`, for rendered text (not JSON output), in its order.
fn normalize_output(text: &str, cx: &Context) -> String {
    static COMMIT: OnceLock<Regex> = OnceLock::new();
    static SRC_LINES: OnceLock<Regex> = OnceLock::new();
    static LONG_TYPE: OnceLock<Regex> = OnceLock::new();
    static ANNOTATION: OnceLock<Regex> = OnceLock::new();

    let mut out = text.to_string();
    if !cx.dir.is_empty() {
        out = out.replace(cx.dir, "$DIR");
    }
    // compiletest has rustc name std's sources `/rustc/FAKE_PREFIX/library/…`; a release
    // names them `/rustc/<commit>/library/…` (its sources hidden, as there).
    out = regex(&COMMIT, r"/rustc/[0-9a-f]{40}/(library|compiler)")
        .replace_all(&out, |caps: &regex_lite::Captures| match &caps[1] {
            "library" => "$SRC_DIR".to_string(),
            _ => "$COMPILER_DIR".to_string(),
        })
        .into_owned();
    if !cx.build_dir.is_empty() {
        out = out.replace(cx.build_dir, "$TEST_BUILD_DIR");
        if let Ok(real) = std::fs::canonicalize(cx.build_dir) {
            out = out.replace(&*real.to_string_lossy(), "$TEST_BUILD_DIR");
        }
    }
    out = regex(&SRC_LINES, r"SRC_DIR(.+):\d+:\d+(: \d+:\d+)?")
        .replace_all(&out, "SRC_DIR$1:LL:COL")
        .into_owned();
    out = out.replace("\\\\", "\\").replace("\r\n", "\n");
    out = regex(
        &LONG_TYPE,
        r"\$TEST_BUILD_DIR/(?P<filename>[^\.]+).long-type-(?P<hash>\d+).txt",
    )
    .replace_all(
        &out,
        "$$TEST_BUILD_DIR/$filename.long-type-$$LONG_TYPE_HASH.txt",
    )
    .into_owned();
    out = out.replace('\t', "\\t");
    out = regex(&ANNOTATION, r"\s*//(\[.*\])?~.*")
        .replace_all(&out, "")
        .into_owned();
    for (pattern, replacement) in cx.rules {
        // Checked when the test was read (see `crate::input::compiletest::apply`).
        if let Ok(re) = Regex::new(pattern) {
            out = re.replace_all(&out, replacement.as_str()).into_owned();
        }
    }
    out
}

/// One message as `-Z ui-testing` has rustc render it: every line number in the margin is
/// `LL` (rustc_errors' `ANONYMIZED_LINE_NUM`), so the margin is two columns wide whatever the
/// largest line number, and everything drawn from the margin moves with it.
fn ui_testing_margin(message: &str) -> String {
    let lines: Vec<&str> = message.split('\n').collect();
    let Some(width) = margin_width(&lines) else {
        return message.to_string();
    };
    let mut out = Vec::with_capacity(lines.len());
    let mut in_note = false;
    for line in lines {
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let rest = &line[spaces..];
        // rustc right-aligns a line number in the margin (` 9 |` in a margin two wide).
        let numbered = line.len() > width + 1
            && line.is_char_boundary(width)
            && !line[..width].trim().is_empty()
            && line[..width].trim().bytes().all(|b| b.is_ascii_digit())
            && line[width..].starts_with(' ')
            && line[width + 1..].starts_with(['|', '+', '-', '~']);
        let new = if numbered {
            in_note = false;
            format!("LL{}", &line[width..])
        } else if spaces == width && (rest.starts_with("--> ") || rest.starts_with("::: ")) {
            in_note = false;
            format!("  {rest}")
        } else if spaces == width + 1 && (rest.starts_with('|') || rest.starts_with('=')) {
            in_note = rest.starts_with("= ");
            format!("   {rest}")
        } else if in_note && spaces > width + 1 {
            // A `= note:` message's next lines are aligned after its `= note: `.
            format!("  {}", &line[width..])
        } else {
            in_note = false;
            line.to_string()
        };
        out.push(new);
    }
    out.join("\n")
}

/// The width of the margin rustc drew: the spaces before `-->`, else one less than those
/// before a bare `|` or a `= note:`. `None` when the message has no margin.
fn margin_width(lines: &[&str]) -> Option<usize> {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    lines
        .iter()
        .find(|l| {
            let rest = l.trim_start_matches(' ');
            rest.starts_with("--> ") || rest.starts_with("::: ")
        })
        .map(|l| indent(l))
        .or_else(|| {
            lines
                .iter()
                .find(|l| {
                    let rest = l.trim_start_matches(' ');
                    indent(l) > 0 && (rest == "|" || rest.starts_with("= "))
                })
                .map(|l| indent(l) - 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Context<'static> {
        Context {
            dir: "/root/cases/ui",
            build_dir: "/tmp/build-1",
            rules: &[],
        }
    }

    /// What rustc prints without `-Z ui-testing` (a margin three wide, since std's line 723
    /// counts) against what compiletest's `.stderr` holds: each difference is one of
    /// compiletest's steps.
    #[test]
    fn a_message_as_compiletest_compares_it() {
        let rendered = "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n   --> /root/cases/ui/x.rs:7:5\n    |\n7   |     thread::spawn(move || r); //~ ERROR cannot be sent\n    |     ^^^^^^^^^^^^^ `Rc<i32>` cannot be sent\n    |\n    = help: within `{closure@/root/cases/ui/x.rs:7:19: 7:26}`, the trait `Send` is not implemented\n            for `Rc<i32>`\nnote: required by a bound in `spawn`\n   --> /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/std/src/thread/mod.rs:723:8\n\n";
        let tail = [
            "error: aborting due to 1 previous error\n\n".to_string(),
            "For more information about this error, try `rustc --explain E0277`.\n".to_string(),
        ];
        let messages: Vec<String> = std::iter::once(rendered.to_string()).chain(tail).collect();
        let want = "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n  --> $DIR/x.rs:7:5\n   |\nLL |     thread::spawn(move || r);\n   |     ^^^^^^^^^^^^^ `Rc<i32>` cannot be sent\n   |\n   = help: within `{closure@$DIR/x.rs:7:19: 7:26}`, the trait `Send` is not implemented\n           for `Rc<i32>`\nnote: required by a bound in `spawn`\n  --> $SRC_DIR/std/src/thread/mod.rs:LL:COL\n\nerror: aborting due to 1 previous error\n\nFor more information about this error, try `rustc --explain E0277`.\n";
        assert_eq!(stderr(&messages, &cx()), want);
    }

    #[test]
    fn margins_of_every_width_become_two() {
        // one digit: the margin grows
        let one = " --> x.rs:3:1\n  |\n3 |     a\n  |     ^\n";
        assert_eq!(
            ui_testing_margin(one),
            "  --> x.rs:3:1\n   |\nLL |     a\n   |     ^\n"
        );
        // right-aligned numbers in a wider margin
        let wide = "   --> x.rs:100:1\n    |\n  9 |     a\n100 |     b\n";
        assert_eq!(
            ui_testing_margin(wide),
            "  --> x.rs:100:1\n   |\nLL |     a\nLL |     b\n"
        );
        // suggestions: `+`, `-` and `~` lines
        let diff = "   --> x.rs:100:1\n    |\n100 -     a\n100 +     b\n";
        assert_eq!(
            ui_testing_margin(diff),
            "  --> x.rs:100:1\n   |\nLL -     a\nLL +     b\n"
        );
        // no span: the margin of a bare `|` and `= note`
        let bare = "error[E0602]: unknown lint\n  |\n  = note: requested on the command line\n";
        assert_eq!(
            ui_testing_margin(bare),
            "error[E0602]: unknown lint\n   |\n   = note: requested on the command line\n"
        );
        // no margin at all
        assert_eq!(ui_testing_margin("error: aborting\n"), "error: aborting\n");
    }

    /// A nightly's feature-gate errors say when it was built: `-Z ui-testing` has rustc say
    /// `YYYY-MM-DD` instead.
    #[test]
    fn the_build_date_of_a_nightly_is_anonymized() {
        let gate = "error[E0658]: x\n  |\n  = note: this compiler was built on 2026-05-18; consider upgrading it if it is out of date\n";
        assert_eq!(
            stderr(&[gate.to_string()], &cx()),
            "error[E0658]: x\n   |\n   = note: this compiler was built on YYYY-MM-DD; consider upgrading it if it is out of date\n"
        );
    }

    #[test]
    fn paths_build_dir_long_types_tabs_and_rules() {
        let rules = [(r"\d+ bytes".to_string(), "N bytes".to_string())];
        let cx = Context {
            rules: &rules,
            ..cx()
        };
        let text = "note: written to '/tmp/build-1/x.long-type-1234567.txt'\n\tsize 16 bytes\nsee /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/compiler/rustc_x/src/a.rs\n";
        assert_eq!(
            normalize_output(text, &cx),
            "note: written to '$TEST_BUILD_DIR/x.long-type-$LONG_TYPE_HASH.txt'\n\\tsize N bytes\nsee $COMPILER_DIR/rustc_x/src/a.rs\n"
        );
    }

    #[test]
    fn rendered_text_is_extracted_as_compiletest_extracts_it() {
        let log = concat!(
            r#"{"$message_type":"diagnostic","message":"m","code":null,"level":"error","spans":[],"children":[],"rendered":"error: m\n\n"}"#,
            "\n",
            r#"{"$message_type":"diagnostic","message":"n","code":null,"level":"note","spans":[],"children":[],"rendered":null}"#,
            "\n",
            r#"{"$message_type":"future_incompat","future_incompat_report":[{"diagnostic":{"rendered":"warning: w\n"}}]}"#,
            "\n",
            r#"{"$message_type":"future_incompat","future_incompat_report":[]}"#,
            "\n",
            "thread 'rustc' panicked at x\n",
        );
        assert_eq!(
            extract_rendered(log),
            [
                "error: m\n\n",
                "Future incompatibility report: Future breakage diagnostic:\nwarning: w\n",
                "thread 'rustc' panicked at x\n",
            ]
        );
    }
}
