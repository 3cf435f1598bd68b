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
pub(crate) enum Class {
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
pub(crate) fn tokens(src: &str) -> Vec<(Class, &str)> {
    let b: Vec<(usize, char)> = src.char_indices().collect();
    let pos = |i: usize| b.get(i).map_or(src.len(), |&(p, _)| p);
    let mut out: Vec<(Class, &str)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let class;
        (class, i) = token(src, &b, i);
        push_token(&mut out, src, class, pos(start), pos(i));
    }
    out
}

/// The character at index `i` of `b`, if there is one.
fn char_at(b: &[(usize, char)], i: usize) -> Option<char> {
    b.get(i).map(|&(_, c)| c)
}

/// The class of the token that starts at index `i`, and the index after it.
fn token(src: &str, b: &[(usize, char)], i: usize) -> (Class, usize) {
    let c = b[i].1;
    let next = char_at(b, i + 1);
    if c == '/' && next == Some('/') {
        (Class::Comment, line_comment_end(b, i))
    } else if c == '/' && next == Some('*') {
        (Class::Comment, block_comment_end(b, i))
    } else if let Some(len) = string_start(b, i) {
        (Class::Str, string_end(b, i, len))
    } else if c == '\'' {
        quote(b, i)
    } else if c.is_ascii_digit() {
        (Class::Number, number_end(b, i))
    } else if is_ident_start(c) {
        word(src, b, i)
    } else if c == '#'
        && (next == Some('[') || (next == Some('!') && char_at(b, i + 2) == Some('[')))
    {
        (Class::Attribute, attribute_end(b, i))
    } else {
        (Class::Plain, i + 1)
    }
}

/// Appends the token `src[from..to]`, merging runs of plain text into one token.
fn push_token<'s>(
    out: &mut Vec<(Class, &'s str)>,
    src: &'s str,
    class: Class,
    from: usize,
    to: usize,
) {
    match out.last_mut() {
        Some((Class::Plain, prev)) if class == Class::Plain => {
            let s = from - prev.len();
            *prev = &src[s..to];
        }
        _ => out.push((class, &src[from..to])),
    }
}

/// The index of the line break that ends the `//` comment at `i` (or the end).
fn line_comment_end(b: &[(usize, char)], mut i: usize) -> usize {
    while i < b.len() && b[i].1 != '\n' {
        i += 1;
    }
    i
}

/// The index after the (possibly nested) `/* */` comment at `i`.
fn block_comment_end(b: &[(usize, char)], mut i: usize) -> usize {
    let mut depth = 0;
    while i < b.len() {
        if b[i].1 == '/' && char_at(b, i + 1) == Some('*') {
            depth += 1;
            i += 2;
        } else if b[i].1 == '*' && char_at(b, i + 1) == Some('/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                break;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// What a `'` at `i` starts: a char literal ('a', '\n', '\u{1F600}'), a lifetime ('a,
/// 'static) or neither; and the index after it.
fn quote(b: &[(usize, char)], mut i: usize) -> (Class, usize) {
    let n = b.len();
    if char_at(b, i + 1) == Some('\\') {
        i += 2;
        while i < n && b[i].1 != '\'' && b[i].1 != '\n' {
            i += 1;
        }
        (Class::Str, (i + 1).min(n))
    } else if char_at(b, i + 2) == Some('\'') && char_at(b, i + 1).is_some_and(|c| c != '\n') {
        (Class::Str, i + 3)
    } else if char_at(b, i + 1).is_some_and(is_ident_start) {
        i += 1;
        while i < n && is_ident_char(b[i].1) {
            i += 1;
        }
        (Class::Lifetime, i)
    } else {
        (Class::Plain, i + 1)
    }
}

/// The index after the number literal at `start` (`1`, `0xff_u8`, `1.5f32`; one fraction).
fn number_end(b: &[(usize, char)], start: usize) -> usize {
    let mut i = start;
    while i < b.len() {
        let d = b[i].1;
        let fraction = d == '.'
            && char_at(b, i + 1).is_some_and(|x| x.is_ascii_digit())
            && b[start..i].iter().all(|&(_, x)| x != '.');
        if d.is_ascii_alphanumeric() || d == '_' || fraction {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// The word at `start` classified (a macro's name takes its `!`), and the index after it.
fn word(src: &str, b: &[(usize, char)], start: usize) -> (Class, usize) {
    let pos = |i: usize| b.get(i).map_or(src.len(), |&(p, _)| p);
    let mut i = start;
    while i < b.len() && is_ident_char(b[i].1) {
        i += 1;
    }
    let word = &src[pos(start)..pos(i)];
    let class = if char_at(b, i) == Some('!')
        && char_at(b, i + 1) != Some('=')
        && !KEYWORDS.contains(&word)
    {
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
    (class, i)
}

/// The index after the attribute at `i` (`#[...]` or `#![...]`), which ends with its line.
fn attribute_end(b: &[(usize, char)], mut i: usize) -> usize {
    let mut depth = 0;
    while i < b.len() && b[i].1 != '\n' {
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
    i
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
pub(crate) fn rust(src: &str) -> String {
    let mut out = String::with_capacity(src.len() * 2);
    for (class, text) in tokens(src) {
        span(&mut out, class.css(), text);
    }
    out
}

/// Rust source as HTML lines, each with its line number (the first being `first`).
/// `anchors` gives each line an `id="L<n>"` to link to: only for the one program of a page
/// that links point at (ids are unique in a page).
pub(crate) fn rust_lines(src: &str, first: usize, anchors: bool) -> String {
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
pub(crate) fn type_names(src: &str) -> BTreeSet<String> {
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
pub(crate) fn stderr(text: &str) -> String {
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
    if headline(out, line) {
        return;
    }
    let indent = line.len() - line.trim_start_matches(' ').len();
    let rest = &line[indent..];
    if location(out, line, indent, rest) || equals_note(out, line, indent, rest) {
        return;
    }
    if rest == "..." {
        span(out, Some("gu"), line);
        return;
    }
    gutter_line(out, line, indent, rest);
}

/// A headline: `error[E0277]: msg`, `warning: msg`, `note: msg`, `help: msg`. False (and
/// nothing written) when `line` is not one.
fn headline(out: &mut String, line: &str) -> bool {
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
                return true;
            }
        }
    }
    false
}

/// `  --> file:line:col` and `  ::: file`. False (and nothing written) otherwise.
fn location(out: &mut String, line: &str, indent: usize, rest: &str) -> bool {
    for arrow in ["--> ", "::: "] {
        if let Some(path) = rest.strip_prefix(arrow) {
            span(out, None, &line[..indent]);
            span(out, Some("gu"), arrow.trim_end());
            span(out, None, " ");
            span(out, None, path);
            return true;
        }
    }
    false
}

/// `   = note: ...` / `   = help: ...`. False (and nothing written) otherwise.
fn equals_note(out: &mut String, line: &str, indent: usize, rest: &str) -> bool {
    if let Some(after) = rest.strip_prefix("= ") {
        for level in ["note", "help", "warning"] {
            if let Some(msg) = after.strip_prefix(level).and_then(|m| m.strip_prefix(':')) {
                span(out, None, &line[..indent]);
                span(out, Some("gu"), "=");
                span(out, None, " ");
                span(out, Some(level_class(level)), &format!("{level}:"));
                span(out, None, msg);
                return true;
            }
        }
    }
    false
}

/// A gutter line: `NN | code` (or `NN ~`, `NN +`, `NN -` in suggestions), or `   | labels`;
/// any other line is plain.
fn gutter_line(out: &mut String, line: &str, indent: usize, rest: &str) {
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
        source_text(out, marker, content);
    } else {
        labels(out, content);
    }
}

/// The code after a numbered gutter's `marker`: added (`+`) green, removed (`-`) red, and the
/// left edge of a multi-line span (`NN | |   code` or `NN | /   code`) red.
fn source_text(out: &mut String, marker: char, content: &str) {
    let class = match marker {
        '+' => Some("ad"),
        '-' => Some("pr"),
        _ => None,
    };
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
mod tests;
