//! Colouring at generation time, so that the site needs no script for it: a small Rust
//! highlighter (keywords, types, strings, comments, lifetimes, macros, numbers, attributes),
//! rustc's rendered errors classified line by line (as rustc colours them in a terminal), and
//! the classes of a unified diff's lines. Every function that returns HTML returns HTML whose
//! text, with the tags taken out, is exactly the input HTML-escaped; and no `<span>` crosses a
//! line break, so the output can be split into lines.

use super::DiffLine;
use crate::engine::report::html_escape;
use std::collections::BTreeSet;

/// A token's class: the CSS class it gets.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Class {
    Plain,
    Keyword,
    Type,
    Str,
    Comment,
    Lifetime,
    Macro,
    Number,
    Attribute,
    Constant,
}

impl Class {
    fn css(self) -> Option<&'static str> {
        match self {
            Class::Plain => None,
            Class::Keyword => Some("k"),
            Class::Type => Some("t"),
            Class::Str => Some("s"),
            Class::Comment => Some("c"),
            Class::Lifetime => Some("l"),
            Class::Macro => Some("m"),
            Class::Number => Some("n"),
            Class::Attribute => Some("a"),
            Class::Constant => Some("cn"),
        }
    }
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type",
    "unsafe", "use", "where", "while", "yield",
];

const PRIMITIVES: &[&str] = &[
    "bool", "char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64",
    "i128", "isize", "f32", "f64",
];

/// Splits Rust source into classified tokens. Unknown or malformed input never fails: what
/// cannot be classified is plain.
pub fn tokens(src: &str) -> Vec<(Class, &str)> {
    let b: Vec<(usize, char)> = src.char_indices().collect();
    let n = b.len();
    let at = |i: usize| b.get(i).map(|&(_, c)| c);
    let pos = |i: usize| b.get(i).map_or(src.len(), |&(p, _)| p);
    let mut out: Vec<(Class, &str)> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = b[i].1;
        let start = i;
        let class;
        if c == '/' && at(i + 1) == Some('/') {
            while i < n && b[i].1 != '\n' {
                i += 1;
            }
            class = Class::Comment;
        } else if c == '/' && at(i + 1) == Some('*') {
            let mut depth = 0;
            while i < n {
                if b[i].1 == '/' && at(i + 1) == Some('*') {
                    depth += 1;
                    i += 2;
                } else if b[i].1 == '*' && at(i + 1) == Some('/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            class = Class::Comment;
        } else if let Some(len) = string_start(&b, i) {
            i = string_end(&b, i, len);
            class = Class::Str;
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{1F600}') or a lifetime ('a, 'static).
            if at(i + 1) == Some('\\') {
                i += 2;
                while i < n && b[i].1 != '\'' && b[i].1 != '\n' {
                    i += 1;
                }
                i = (i + 1).min(n);
                class = Class::Str;
            } else if at(i + 2) == Some('\'') && at(i + 1).is_some_and(|c| c != '\n') {
                i += 3;
                class = Class::Str;
            } else if at(i + 1).is_some_and(is_ident_start) {
                i += 1;
                while i < n && is_ident_char(b[i].1) {
                    i += 1;
                }
                class = Class::Lifetime;
            } else {
                i += 1;
                class = Class::Plain;
            }
        } else if c.is_ascii_digit() {
            while i < n {
                let d = b[i].1;
                let fraction = d == '.'
                    && at(i + 1).is_some_and(|x| x.is_ascii_digit())
                    && b[start..i].iter().all(|&(_, x)| x != '.');
                if d.is_ascii_alphanumeric() || d == '_' || fraction {
                    i += 1;
                } else {
                    break;
                }
            }
            class = Class::Number;
        } else if is_ident_start(c) {
            while i < n && is_ident_char(b[i].1) {
                i += 1;
            }
            let word = &src[pos(start)..pos(i)];
            class = if at(i) == Some('!') && at(i + 1) != Some('=') && !KEYWORDS.contains(&word) {
                i += 1;
                Class::Macro
            } else if KEYWORDS.contains(&word) {
                Class::Keyword
            } else if PRIMITIVES.contains(&word) {
                Class::Type
            } else if word.starts_with(|c: char| c.is_ascii_uppercase()) {
                if word.len() > 1 && !word.chars().any(|c| c.is_ascii_lowercase()) {
                    Class::Constant
                } else {
                    Class::Type
                }
            } else {
                Class::Plain
            };
        } else if c == '#'
            && (at(i + 1) == Some('[') || (at(i + 1) == Some('!') && at(i + 2) == Some('[')))
        {
            let mut depth = 0;
            while i < n && b[i].1 != '\n' {
                match b[i].1 {
                    '[' => depth += 1,
                    ']' => {
                        depth -= 1;
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            class = Class::Attribute;
        } else {
            i += 1;
            class = Class::Plain;
        }
        let text = &src[pos(start)..pos(i)];
        match out.last_mut() {
            Some((Class::Plain, prev)) if class == Class::Plain => {
                // Merge runs of plain text.
                let s = pos(start) - prev.len();
                *prev = &src[s..pos(i)];
            }
            _ => out.push((class, text)),
        }
    }
    out
}

fn is_ident_start(c: char) -> bool {
    c.is_alphabetic() || c == '_'
}

fn is_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// If a string literal starts at `i`: the length of its prefix up to and including the `"`
/// (`"`, `b"`, `c"`, `r"`, `r#"`, `br##"`, ...).
fn string_start(b: &[(usize, char)], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(k).map(|&(_, c)| c);
    if i > 0 && at(i - 1).is_some_and(is_ident_char) {
        return None;
    }
    let mut k = i;
    if matches!(at(k), Some('b') | Some('c')) {
        k += 1;
    }
    if at(k) == Some('r') {
        k += 1;
        while at(k) == Some('#') {
            k += 1;
        }
    }
    (at(k) == Some('"')).then_some(k + 1 - i)
}

/// The index after the string literal that starts at `i` with a prefix of `len` characters.
fn string_end(b: &[(usize, char)], i: usize, len: usize) -> usize {
    let prefix: String = b[i..i + len].iter().map(|&(_, c)| c).collect();
    let raw = prefix.contains('r');
    let hashes = prefix.chars().filter(|&c| c == '#').count();
    let mut k = i + len;
    while k < b.len() {
        let c = b[k].1;
        if !raw && c == '\\' {
            k += 2;
            continue;
        }
        if c == '"' && (0..hashes).all(|h| b.get(k + 1 + h).map(|&(_, c)| c) == Some('#')) {
            return k + 1 + hashes;
        }
        k += 1;
    }
    b.len()
}

/// Wraps `text` (escaped) in a span of `class`, line by line, so that no span crosses a line
/// break.
fn span(out: &mut String, class: Option<&str>, text: &str) {
    match class {
        None => out.push_str(&html_escape(text)),
        Some(class) => {
            for (k, piece) in text.split('\n').enumerate() {
                if k > 0 {
                    out.push('\n');
                }
                if !piece.is_empty() {
                    out.push_str(&format!(
                        "<span class=\"{class}\">{}</span>",
                        html_escape(piece)
                    ));
                }
            }
        }
    }
}

/// Rust source as HTML with `<span class=...>` around keywords (`k`), types (`t`), strings
/// and chars (`s`), comments (`c`), lifetimes (`l`), macros (`m`), numbers (`n`), attributes
/// (`a`) and constants (`cn`).
pub fn rust(src: &str) -> String {
    let mut out = String::with_capacity(src.len() * 2);
    for (class, text) in tokens(src) {
        span(&mut out, class.css(), text);
    }
    out
}

/// Rust source as HTML lines, each with its line number (the first being `first`).
/// `anchors` gives each line an `id="L<n>"` to link to: only for the one program of a page
/// that links point at (ids are unique in a page).
pub fn rust_lines(src: &str, first: usize, anchors: bool) -> String {
    let html = rust(src.strip_suffix('\n').unwrap_or(src));
    let lines: Vec<&str> = html.split('\n').collect();
    let mut out = String::new();
    for (k, line) in lines.iter().enumerate() {
        let n = first + k;
        let id = if anchors {
            format!(" id=\"L{n}\"")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "<span class=\"ln\"{id} data-ln=\"{n}\"></span>{line}\n"
        ));
    }
    out
}

/// The type names a program uses (capitalized identifiers and primitives, outside comments
/// and strings).
pub fn type_names(src: &str) -> BTreeSet<String> {
    tokens(src)
        .into_iter()
        .filter(|(class, _)| *class == Class::Type)
        .map(|(_, text)| text.to_string())
        .filter(|t| !matches!(t.as_str(), "Some" | "None" | "Ok" | "Err"))
        .collect()
}

/// rustc's rendered stderr as HTML, coloured as rustc colours it in a terminal: `error` (`er`)
/// red and bold, `warning` (`wa`) yellow, `note` (`no`) green, `help` (`he`) cyan, headline
/// messages bold (`hl`), the `-->` and `|` gutter and line numbers blue (`gu`), primary labels
/// `^^^` red (`pr`), secondary labels `---` blue (`se`), and suggested additions green (`ad`).
pub fn stderr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let lines: Vec<&str> = text.split('\n').collect();
    for (k, line) in lines.iter().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        stderr_line(&mut out, line);
    }
    out
}

fn level_class(level: &str) -> &'static str {
    match level {
        "error" => "er",
        "warning" => "wa",
        "note" => "no",
        "help" => "he",
        _ => "hl",
    }
}

fn stderr_line(out: &mut String, line: &str) {
    // A headline: `error[E0277]: msg`, `warning: msg`, `note: msg`, `help: msg`.
    for level in ["error", "warning", "note", "help"] {
        if let Some(rest) = line.strip_prefix(level) {
            let code_len = if rest.starts_with('[') {
                rest.find(']').map_or(0, |e| e + 1)
            } else {
                0
            };
            if rest[code_len..].starts_with(':') || (rest[code_len..].is_empty() && code_len > 0) {
                let head = &line[..level.len() + code_len];
                span(out, Some(level_class(level)), head);
                let msg = &line[head.len()..];
                let colon = if msg.starts_with(':') { 1 } else { 0 };
                span(out, Some("hl"), &msg[..colon]);
                if level == "error" || level == "warning" {
                    span(out, Some("hl"), &msg[colon..]);
                } else {
                    span(out, None, &msg[colon..]);
                }
                return;
            }
        }
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    // `  --> file:line:col` and `  ::: file`.
    for arrow in ["--> ", "::: "] {
        if let Some(path) = rest.strip_prefix(arrow) {
            span(out, None, &line[..indent]);
            span(out, Some("gu"), arrow.trim_end());
            span(out, None, " ");
            span(out, None, path);
            return;
        }
    }
    // `   = note: ...` / `   = help: ...`
    if let Some(after) = rest.strip_prefix("= ") {
        for level in ["note", "help", "warning"] {
            if let Some(msg) = after.strip_prefix(level).and_then(|m| m.strip_prefix(':')) {
                span(out, None, &line[..indent]);
                span(out, Some("gu"), "=");
                span(out, None, " ");
                span(out, Some(level_class(level)), &format!("{level}:"));
                span(out, None, msg);
                return;
            }
        }
    }
    if rest == "..." {
        span(out, Some("gu"), line);
        return;
    }
    // A gutter line: `NN | code` (or `NN ~`, `NN +`, `NN -` in suggestions), or `   | labels`.
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after_digits = &rest[digits..];
    let spaces = after_digits.len() - after_digits.trim_start_matches(' ').len();
    let marker_at = indent + digits + spaces;
    let marker = line[marker_at..].chars().next();
    let is_gutter = match marker {
        Some('|') => digits > 0 || indent > 0 || spaces > 0,
        Some('~') | Some('+') | Some('-') => digits > 0 && spaces > 0,
        _ => false,
    };
    if !is_gutter || (digits == 0 && marker != Some('|')) {
        span(out, None, line);
        return;
    }
    let marker = marker.unwrap_or('|');
    span(out, Some("gu"), &line[..marker_at + 1]);
    let content = &line[marker_at + 1..];
    if digits > 0 {
        let class = match marker {
            '+' => Some("ad"),
            '-' => Some("pr"),
            _ => None,
        };
        // The left edge of a multi-line span: `NN | |   code` or `NN | /   code`.
        let edge = content.len() >= 2
            && content.starts_with(' ')
            && matches!(content.as_bytes()[1], b'|' | b'/')
            && content
                .as_bytes()
                .get(2)
                .is_none_or(|&c| c == b' ' || c == b'_');
        if edge && class.is_none() {
            span(out, None, " ");
            span(out, Some("pr"), &content[1..2]);
            span(out, None, &content[2..]);
        } else {
            span(out, class, content);
        }
        return;
    }
    labels(out, content);
}

/// The part of a label line after the gutter: runs of `^` (primary, red), `-`, `_`, `|`, `/`
/// (secondary, blue) and `+`/`~` (suggested, green), then the label's text, coloured as the
/// last mark before it.
fn labels(out: &mut String, content: &str) {
    let mut last = "se";
    let mut idx = 0;
    let bytes = content.as_bytes();
    while idx < bytes.len() {
        let c = bytes[idx];
        let class = match c {
            b' ' => None,
            b'^' => Some("pr"),
            b'-' | b'_' | b'|' | b'/' | b'\\' => Some("se"),
            b'+' | b'~' => Some("ad"),
            _ => break,
        };
        let run = bytes[idx..].iter().take_while(|&&x| x == c).count();
        if let Some(class) = class {
            last = class;
        }
        span(out, class, &content[idx..idx + run]);
        idx += run;
    }
    if idx < content.len() {
        span(out, Some(last), &content[idx..]);
    }
}

/// The class of a line of a unified diff in the site, by which its stylesheet colours it:
/// removed lines `dd`, added `da`, hunk headers `dh`, file headers `df`, context `dc`.
pub(crate) fn diff_class(kind: DiffLine) -> &'static str {
    match kind {
        DiffLine::File => "df",
        DiffLine::Hunk => "dh",
        DiffLine::Context => "dc",
        DiffLine::Removed => "dd",
        DiffLine::Added => "da",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip_tags(html: &str) -> String {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn rust_tokens() {
        let src = "// hi\nuse std::rc::Rc;\n#[derive(Debug)]\nstruct S<'a> { r: &'a str, c: char }\nfn main() { let x = 'x'; let n = 1.5; println!(\"{n} \\\" {x}\"); let r = r#\"raw \"q\"\"#; for i in 0..10 {} const MAX: u32 = 3; }\n";
        let classes: Vec<(Class, &str)> = tokens(src)
            .into_iter()
            .filter(|(c, _)| *c != Class::Plain)
            .collect();
        let has = |class: Class, text: &str| classes.contains(&(class, text));
        assert!(has(Class::Comment, "// hi"));
        assert!(has(Class::Keyword, "use"));
        assert!(has(Class::Type, "Rc"));
        assert!(has(Class::Attribute, "#[derive(Debug)]"));
        assert!(has(Class::Lifetime, "'a"));
        assert!(has(Class::Type, "str"));
        assert!(has(Class::Str, "'x'"));
        assert!(has(Class::Number, "1.5"));
        assert!(has(Class::Macro, "println!"));
        assert!(has(Class::Str, "\"{n} \\\" {x}\""));
        assert!(has(Class::Str, "r#\"raw \"q\"\"#"));
        assert!(has(Class::Number, "0"));
        assert!(has(Class::Number, "10"));
        assert!(has(Class::Constant, "MAX"));
        assert_eq!(strip_tags(&rust(src)), html_escape(src));
    }

    #[test]
    fn spans_never_cross_lines() {
        let html = rust("/* a\nb */ fn x() {}\nlet s = \"1\n2\";\n");
        for line in html.split('\n') {
            assert_eq!(
                line.matches("<span").count(),
                line.matches("</span>").count()
            );
        }
    }

    #[test]
    fn stderr_lines_are_classified_and_text_is_kept() {
        let text = "error[E0277]: `Rc<i32>` cannot be sent between threads safely\n  --> src/main.rs:5:5\n   |\n5  |     thread::spawn(move || {\n   |     ------------- ^------\n   |     |             |\n   |     |             within this\n6  | |       x\n   | |_____^ `Rc<i32>` cannot be sent\n   |\n   = help: the trait `Send` is not implemented\nnote: required by a bound in `spawn`\n  --> $RUST/std/src/thread/mod.rs\nhelp: use `move`\n   |\n18 |     let handle = thread::spawn(move || {\n   |                                ++++\n...\nwarning: unused\n";
        let html = stderr(text);
        assert_eq!(strip_tags(&html), html_escape(text));
        assert!(html.contains("<span class=\"er\">error[E0277]</span>"));
        assert!(html.contains("<span class=\"gu\">--&gt;</span>"));
        assert!(html.contains("<span class=\"no\">note</span>"));
        assert!(html.contains("<span class=\"he\">help:</span>"));
        assert!(html.contains("<span class=\"he\">help</span>"));
        assert!(html.contains("<span class=\"wa\">warning</span>"));
        assert!(html.contains("<span class=\"pr\">^</span><span class=\"se\">------</span>"));
        assert!(html.contains("<span class=\"ad\">++++</span>"));
        assert!(html.contains("<span class=\"se\">within this</span>"));
        assert!(html.contains("<span class=\"gu\">5  |</span>"));
    }
}
