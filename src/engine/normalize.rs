//! Normalization of rustc's rendered stderr, the same as trybuild applies before it compares a
//! case's output with its pinned `.stderr` file.
//!
//! This is a port of trybuild 1.0.122's `normalize.rs` (MIT or Apache-2.0, by David Tolnay),
//! reduced to its preferred variation: the one trybuild writes with `TRYBUILD=overwrite`, so
//! every `.stderr` it wrote is matched. All of its steps apply, in its order: paths become
//! `$DIR`, `$RUST`, `$CARGO`; line numbers outside the case file are blanked; "aborting due
//! to", "could not compile" and `--explain` lines are dropped; long "types implement trait"
//! lists are cut after nine; code blocks are unindented. `tests/agreement.rs` holds it to
//! trybuild's verdicts on the whole corpus.

use std::cmp;
use std::path::Path;

pub(crate) mod compiletest;
mod later;

pub(crate) use later::{comparable, comparable_span};

/// What the normalizer needs to know about where a compile happened.
pub struct Context<'a> {
    /// The crate name given to rustc (`$CRATE`).
    pub krate: &'a str,
    /// The root that paths are made relative to: for the corpus, the package root, where
    /// trybuild's `CARGO_MANIFEST_DIR` points. Must end with `/`.
    pub source_dir: &'a str,
    /// The case file's path relative to `source_dir`, as the user named it.
    pub input_file: &'a str,
    /// Cargo's target folder (`source_dir` + `target/`): trybuild leaves paths below it
    /// absolute, except for build-script output (`$OUT_DIR[crate]`). Must end with `/`.
    pub target_dir: &'a str,
}

/// Normalizes one rendered diagnostic.
pub fn diagnostic(rendered: &str, cx: &Context) -> String {
    let output = rendered.replace("\r\n", "\n");
    let lines: Vec<&str> = output.lines().collect();
    let mut filter = Filter {
        all_lines: &lines,
        cx,
        hide_numbers: 0,
        other_types: None,
    };
    let mut normalized = String::new();
    for i in 0..lines.len() {
        if let Some(line) = filter.apply(i) {
            normalized += &line;
            if !normalized.ends_with("\n\n") {
                normalized.push('\n');
            }
        }
    }
    trim(&unindent(normalized))
}

/// Normalizes a whole compile: each rendered message normalized alone, then joined with a
/// newline, as trybuild concatenates them.
pub fn stderr<'a>(rendered: impl IntoIterator<Item = &'a str>, cx: &Context) -> String {
    let mut out = String::new();
    for message in rendered {
        let one = diagnostic(message, cx);
        if !out.is_empty() && !one.is_empty() {
            out.push('\n');
        }
        out.push_str(&one);
    }
    out
}

pub(crate) fn trim(output: &str) -> String {
    let mut normalized = output.trim_end().to_string();
    if !normalized.is_empty() {
        normalized.push('\n');
    }
    normalized
}

struct Filter<'a> {
    all_lines: &'a [&'a str],
    cx: &'a Context<'a>,
    hide_numbers: usize,
    other_types: Option<usize>,
}

impl Filter<'_> {
    /// trybuild's filter for one line, as a sequence of its steps in its order: `None` drops
    /// the line.
    fn apply(&mut self, index: usize) -> Option<String> {
        let mut line = self.all_lines[index].to_owned();
        if self.hide_numbers > 0 {
            hide_leading_numbers(&mut line);
            self.hide_numbers -= 1;
        }
        let trim_start = line.trim_start();
        let indent = line.len() - trim_start.len();
        if trim_start.starts_with("--> ") || trim_start.starts_with("::: ") {
            return Some(self.path_line(index, line, indent));
        }
        if is_summary(&line) {
            return None;
        }
        line.truncate(line.trim_end().len());
        if line
            .trim_start()
            .starts_with("= note: required because it appears within the type")
        {
            line = line.replace('\\', "/");
        }
        hide_others_count(&mut line);
        if names_type_name_file(&line) {
            return None;
        }
        if !self.cut_type_list(index, &mut line, indent) {
            return None;
        }
        if !self.cx.krate.is_empty() {
            line = line.replace(self.cx.krate, "$CRATE");
        }
        line = replace_case_insensitive(&line, self.cx.source_dir, "$DIR/");
        Some(line)
    }

    /// A `-->` or `:::` line: its path made `$DIR`, `$OUT_DIR[..]`, `$RUST` or `$CARGO`, and,
    /// when it leads outside the case file, its line numbers and those of the code after it
    /// blanked.
    fn path_line(&mut self, index: usize, line: String, indent: usize) -> String {
        let mut line = line.replace('\\', "/");
        let Some(mut other_crate) = self.replace_dirs(&mut line, indent) else {
            // Line numbers are kept only within the case file itself.
            return line;
        };
        if !other_crate {
            other_crate = replace_rust_source(&mut line, indent);
        }
        if !other_crate && normalize_cargo_registry(&mut line, indent) {
            other_crate = true;
            hide_registry_version(&mut line, indent);
        }
        if other_crate {
            // rustc reaches into code outside the case (std, mostly): its line numbers
            // change with every release, so they are blanked.
            hide_trailing_numbers(&mut line);
            self.hide_numbers = 1;
            while let Some(next_line) = self.all_lines.get(index + self.hide_numbers) {
                match next_line.trim_start().chars().next().unwrap_or_default() {
                    '0'..='9' | '|' | '.' => self.hide_numbers += 1,
                    _ => break,
                }
            }
        }
        line
    }

    /// The target folder's and the source folder's part of a path line: `None` for the case
    /// file itself, else whether the path leads into another crate.
    fn replace_dirs(&self, line: &mut String, indent: usize) -> Option<bool> {
        let line_lower = line.to_ascii_lowercase();
        let source_dir_pat = self.cx.source_dir.to_ascii_lowercase().replace('\\', "/");
        let target_dir_pat = self.cx.target_dir.to_ascii_lowercase().replace('\\', "/");
        if !target_dir_pat.is_empty() && line_lower.find(&target_dir_pat) == Some(indent + 4) {
            return Some(replace_out_dir(line, indent, &target_dir_pat));
        }
        let Some(i) = line_lower
            .find(&source_dir_pat)
            .filter(|_| !source_dir_pat.is_empty())
        else {
            return Some(false);
        };
        if i == indent + 4 {
            line.replace_range(i..i + source_dir_pat.len(), "");
            let input_file_pat = self.cx.input_file.to_ascii_lowercase().replace('\\', "/");
            if line_lower[i + source_dir_pat.len()..].starts_with(&input_file_pat) {
                return None;
            }
        } else {
            // The folder without its trailing `/` becomes `$DIR` (a pattern without
            // one, from a library caller, is replaced whole).
            let cut = source_dir_pat
                .strip_suffix('/')
                .map_or(source_dir_pat.len(), str::len);
            line.replace_range(i..i + cut, "$DIR");
        }
        Some(true)
    }

    /// Cuts a "the following types implement trait" list after nine entries, as
    /// `and $N others`: `false` drops the line.
    fn cut_type_list(&mut self, index: usize, line: &mut String, indent: usize) -> bool {
        let trim_start = line.trim_start();
        if trim_start.starts_with("= help: the following types implement trait ")
            || trim_start.starts_with("= help: the following other types implement trait ")
        {
            self.other_types = Some(0);
        } else if let Some(count) = &mut self.other_types {
            if indent >= 12 && trim_start != "and $N others" {
                *count += 1;
                if *count == 9 {
                    if let Some(next) = self.all_lines.get(index + 1) {
                        let next_trim_start = next.trim_start();
                        let next_indent = next.len() - next_trim_start.len();
                        if indent == next_indent {
                            line.replace_range(indent - 2.., "and $N others");
                        }
                    }
                } else if *count > 9 {
                    return false;
                }
            } else {
                self.other_types = None;
            }
        }
        true
    }
}

/// A path below the target folder: build-script output becomes `$OUT_DIR[crate]` (`true`);
/// anything else stays absolute (`false`).
fn replace_out_dir(line: &mut String, indent: usize, target_dir_pat: &str) -> bool {
    let mut offset = indent + 4 + target_dir_pat.len();
    let mut out_dir_crate_name = None;
    while let Some(slash) = line[offset..].find('/') {
        let component = &line[offset..offset + slash];
        if component == "out" {
            if let Some(name) = out_dir_crate_name {
                let replacement = format!("$OUT_DIR[{name}]");
                line.replace_range(indent + 4..offset + 3, &replacement);
                return true;
            }
        } else if component.len() > 17
            && component.rfind('-') == Some(component.len() - 17)
            && is_ascii_lowercase_hex(&component[component.len() - 16..])
        {
            out_dir_crate_name = Some(component[..component.len() - 17].to_string());
        } else {
            out_dir_crate_name = None;
        }
        offset += slash + 1;
    }
    false
}

/// std's sources (in `rust-src`, or under `/rustc/<commit hash>/`) become `$RUST`.
fn replace_rust_source(line: &mut String, indent: usize) -> bool {
    if let Some(pos) = line.find("/rustlib/src/rust/src/") {
        line.replace_range(indent + 4..pos + 17, "$RUST");
        true
    } else if let Some(pos) = line.find("/rustlib/src/rust/library/") {
        line.replace_range(indent + 4..pos + 25, "$RUST");
        true
    } else if line[indent + 4..].starts_with("/rustc/")
        && line
            .get(indent + 11..indent + 51)
            .is_some_and(is_ascii_lowercase_hex)
        && line[indent + 51..].starts_with("/library/")
    {
        line.replace_range(indent + 4..indent + 59, "$RUST");
        true
    } else {
        false
    }
}

/// `$CARGO/serde-1.0.200/src`  ->  `$CARGO/serde-$VERSION/src`
fn hide_registry_version(line: &mut String, indent: usize) {
    let rest = &line[indent + 11..];
    let end_of_version = rest.find('/');
    if let Some(end_of_crate_name) = end_of_version
        .and_then(|end| rest[..end].find('.'))
        .and_then(|end| rest[..end].rfind('-'))
    {
        line.replace_range(
            indent + end_of_crate_name + 12..indent + end_of_version.unwrap() + 11,
            "$VERSION",
        );
    }
}

/// The lines trybuild drops: rustc's and cargo's summaries ("aborting due to", "could not
/// compile", `--explain`) and the old compiler warning.
fn is_summary(line: &str) -> bool {
    let trim_start = line.trim_start();
    line.starts_with("error: aborting due to ")
        || line == "To learn more, run the command again with --verbose."
        || (trim_start.starts_with("= note: this compiler was built on 2")
            && trim_start.ends_with("; consider upgrading it if it is out of date"))
        || line.starts_with("error: Could not compile `")
        || line.starts_with("error: could not compile `")
        || line.starts_with("For more information about this error, try `rustc --explain")
        || line.starts_with("Some errors have detailed explanations:")
        || line.starts_with("For more information about an error, try `rustc --explain")
}

/// `and 12 others`  ->  `and $N others`
fn hide_others_count(line: &mut String) {
    let trim_start = line.trim_start();
    if trim_start.starts_with("and ") && line.ends_with(" others") {
        let indent = line.len() - trim_start.len();
        let num_start = indent + "and ".len();
        let num_end = line.len() - " others".len();
        if num_start < num_end && line[num_start..num_end].bytes().all(|b| b.is_ascii_digit()) {
            line.replace_range(num_start..num_end, "$N");
        }
    }
}

/// rustc's note that a long type's name was written to a file (whose name changes each run).
fn names_type_name_file(line: &str) -> bool {
    let trimmed = line.trim_start();
    let trimmed = trimmed.strip_prefix("= note: ").unwrap_or(trimmed);
    trimmed.starts_with("the full type name has been written to")
        || trimmed.starts_with("the full name for the type has been written to")
}

fn is_ascii_lowercase_hex(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn normalize_cargo_registry(line: &mut String, indent: usize) -> bool {
    let prefix = "/registry/src/";
    let Some(pos) = line.find(prefix) else {
        return false;
    };
    let rest = &line[pos + prefix.len()..];
    let Some(slash) = rest.find('/') else {
        return false;
    };
    let Some((_, hash)) = rest[..slash].rsplit_once('-') else {
        return false;
    };
    if !(hash.len() == 16 && is_ascii_lowercase_hex(hash)) {
        return false;
    }
    line.replace_range(indent + 4..pos + prefix.len() + slash, "$CARGO");
    true
}

/// "10 | T: Send,"  ->  "   | T: Send,"
fn hide_leading_numbers(line: &mut String) {
    let n = line
        .bytes()
        .take_while(|b| *b == b' ' || b.is_ascii_digit())
        .count();
    line.replace_range(..n, &" ".repeat(n));
}

/// "main.rs:22:29"  ->  "main.rs"
fn hide_trailing_numbers(line: &mut String) {
    for _ in 0..2 {
        let digits = line.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits == 0 || !line[..line.len() - digits].ends_with(':') {
            return;
        }
        line.truncate(line.len() - digits - 1);
    }
}

fn replace_case_insensitive(line: &str, pattern: &str, replacement: &str) -> String {
    if pattern.is_empty() {
        return line.to_string();
    }
    let line_lower = line.to_ascii_lowercase().replace('\\', "/");
    let pattern_lower = pattern.to_ascii_lowercase().replace('\\', "/");
    let mut replaced = String::with_capacity(line.len());
    let line_lower = line_lower.as_str();
    let mut split = line_lower.split(&pattern_lower);
    let mut pos = 0;
    let mut insert_replacement = false;
    while let Some(keep) = split.next() {
        if insert_replacement {
            replaced.push_str(replacement);
            pos += pattern.len();
        }
        let mut keep = &line[pos..pos + keep.len()];
        if insert_replacement {
            let end_of_maybe_path = keep.find(&[' ', ':'][..]).unwrap_or(keep.len());
            replaced.push_str(&keep[..end_of_maybe_path].replace('\\', "/"));
            pos += end_of_maybe_path;
            keep = &keep[end_of_maybe_path..];
        }
        replaced.push_str(keep);
        pos += keep.len();
        insert_replacement = true;
        if replaced.ends_with(|ch: char| ch.is_ascii_alphanumeric()) {
            if let Some(ch) = line[pos..].chars().next() {
                replaced.push(ch);
                pos += ch.len_utf8();
                split = line_lower[pos..].split(&pattern_lower);
                insert_replacement = false;
            }
        }
    }
    replaced
}

#[derive(PartialEq)]
enum LineKind {
    /// `error...`, `warning...`
    Heading,
    /// A code line; holds the most spaces that can be cut from it.
    Code(usize),
    /// `note:`, `help:`, `...`
    Note,
    /// Anything else; holds its leading spaces.
    Other(usize),
}

fn unindent(diag: String) -> String {
    let mut normalized = String::new();
    let mut lines = diag.lines();
    while let Some(line) = lines.next() {
        normalized.push_str(line);
        normalized.push('\n');
        if line_kind(line, true, &mut false) != LineKind::Heading {
            continue;
        }
        let mut ahead = lines.clone();
        let Some(next_line) = ahead.next() else {
            continue;
        };
        let LineKind::Code(indent) = line_kind(next_line, false, &mut false) else {
            continue;
        };
        if !next_line[indent + 1..].starts_with("--> ") {
            continue;
        }
        let mut lines_in_block = 1;
        let mut least_indent = indent;
        let mut previous_line_is_note = false;
        for line in ahead {
            match line_kind(line, false, &mut previous_line_is_note) {
                LineKind::Heading => break,
                LineKind::Code(indent) => {
                    lines_in_block += 1;
                    least_indent = cmp::min(least_indent, indent);
                }
                LineKind::Note => lines_in_block += 1,
                LineKind::Other(spaces) if spaces > 10 => lines_in_block += 1,
                LineKind::Other(_) => break,
            }
        }
        previous_line_is_note = false;
        for _ in 0..lines_in_block {
            let line = lines.next().unwrap();
            if let LineKind::Code(_) | LineKind::Other(_) =
                line_kind(line, false, &mut previous_line_is_note)
            {
                let space = line.find(' ').unwrap();
                normalized.push_str(&line[..space]);
                normalized.push_str(&line[space + least_indent..]);
            } else {
                normalized.push_str(line);
            }
            normalized.push('\n');
        }
    }
    normalized
}

fn line_kind(line: &str, first_line_in_block: bool, previous_line_is_note: &mut bool) -> LineKind {
    let previous_line_was_note = std::mem::replace(previous_line_is_note, false);
    let heading_len = if line.starts_with("error") {
        Some("error".len())
    } else if line.starts_with("warning") {
        Some("warning".len())
    } else {
        None
    };
    if let Some(len) = heading_len {
        if line[len..].starts_with([':', '[']) {
            return LineKind::Heading;
        }
    }
    if first_line_in_block && line.starts_with("note: ") {
        return LineKind::Heading;
    }
    if line.starts_with("note:")
        || line == "..."
        || line.starts_with("help:")
        || (previous_line_was_note && line.starts_with("      "))
    {
        *previous_line_is_note = true;
        return LineKind::Note;
    }
    let is_space = |b: &u8| *b == b' ';
    if let Some(rest) = line.strip_prefix("... ") {
        return LineKind::Code(rest.bytes().take_while(is_space).count());
    }
    let mut spaces = line.bytes().take_while(is_space).count();
    let digits = line[spaces..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    spaces += line[spaces + digits..].bytes().take_while(is_space).count();
    let rest = &line[digits + spaces..];
    let starts = |p: &str| rest == p || rest.starts_with(&format!("{p} "));
    if spaces > 0
        && (starts("|")
            || (digits > 0 && (starts("~") || starts("+") || starts("-")))
            || (digits == 0
                && (rest.starts_with("--> ")
                    || rest.starts_with("::: ")
                    || rest.starts_with("= "))))
    {
        return LineKind::Code(spaces - 1);
    }
    LineKind::Other(if digits == 0 { spaces } else { 0 })
}

/// The path of `file` relative to `root`, as text with `/` separators, when it lies below it.
pub(crate) fn relative(file: &Path, root: &Path) -> Option<String> {
    file.strip_prefix(root)
        .ok()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx() -> Context<'static> {
        Context {
            krate: "sendsync_case",
            source_dir: "/work/p/",
            input_file: "cases/t/x.rs",
            target_dir: "/work/p/target/",
        }
    }

    #[test]
    fn paths_and_std_line_numbers() {
        let input = "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n   --> /work/p/cases/t/x.rs:7:5\n    |\n7   |     thread::spawn(move || {\n    |     ^^^^^^^^^^^^^ bad\n    |\nnote: required by a bound in `spawn`\n   --> /rustc/59807616e1fa2540724bfbac14d7976d7e4a3860/library/std/src/thread/mod.rs:723:8\n    |\n723 | pub fn spawn<F, T>(f: F) -> JoinHandle<T>\n    |        ----- required by a bound in this function\n\nerror: aborting due to 1 previous error\n\nFor more information about this error, try `rustc --explain E0277`.\n";
        let want = "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n --> cases/t/x.rs:7:5\n  |\n7 |     thread::spawn(move || {\n  |     ^^^^^^^^^^^^^ bad\n  |\nnote: required by a bound in `spawn`\n --> $RUST/std/src/thread/mod.rs\n  |\n  | pub fn spawn<F, T>(f: F) -> JoinHandle<T>\n  |        ----- required by a bound in this function\n";
        assert_eq!(diagnostic(input, &cx()), want);
    }

    #[test]
    fn paths_below_target_stay_absolute_as_in_trybuild() {
        let input = "error: x\n --> /work/p/target/agree/x.rs:1:1\n";
        assert_eq!(
            diagnostic(input, &cx()),
            "error: x\n --> /work/p/target/agree/x.rs:1:1\n"
        );
    }

    #[test]
    fn drops_failure_notes_and_trailing_space() {
        let input = "error: x   \n\nSome errors have detailed explanations: E0373, E0505.\nFor more information about an error, try `rustc --explain E0373`.\n";
        assert_eq!(diagnostic(input, &cx()), "error: x\n");
    }

    #[test]
    fn crate_name_and_others() {
        let input = "error: in `sendsync_case::Foo`\n    and 12 others\n";
        assert_eq!(
            diagnostic(input, &cx()),
            "error: in `$CRATE::Foo`\n    and $N others\n"
        );
    }

    #[test]
    fn joins_messages_with_a_blank_line() {
        let got = stderr(["warning: a\n", "error: b\n"], &cx());
        assert_eq!(got, "warning: a\n\nerror: b\n");
    }
}
