//! Reading the user's errors into [`Found`] errors: rustc's or cargo's JSON, or rustc's rendered
//! text as a terminal shows it (the explain page in the browser reads the same text with a copy
//! of [`read_rendered`], `assets/explain.js`).

use crate::engine::diagnostic::{Diagnostic, Normalizer, Raw, Span};
use std::path::Path;

/// One error of the user's compile: where it is, what rustc said, and the source lines and
/// labels rustc quotes under its headline.
#[derive(Clone, Debug)]
pub struct Found {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub diagnostic: Diagnostic,
    /// The quoted source lines and labels of the error's own spans (not of its notes).
    pub snippet: String,
    /// rustc's rendered text of the error, where the input had it (JSON does).
    pub rendered: Option<String>,
}

/// Reads rustc's JSON lines (`--error-format=json`) or cargo's (`--message-format=json`, whose
/// `compiler-message` lines wrap rustc's). Lines that are not JSON (cargo's own progress when
/// its stderr is piped along) are passed over; an input with no JSON line at all, or with JSON
/// that is neither rustc's nor cargo's, is an error in one line. `base` is the folder cargo
/// ran in: the paths it gives are made relative to the current folder through it.
pub fn read_json(text: &str, base: Option<&Path>) -> std::result::Result<Vec<Found>, String> {
    let mut found = Vec::new();
    let mut json_lines = 0usize;
    let mut recognised = 0usize;
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('{') {
            continue;
        }
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        json_lines += 1;
        match json_line(value) {
            JsonLine::Unknown => {}
            JsonLine::Cargo => recognised += 1,
            JsonLine::Diagnostic(raw, message) => {
                recognised += 1;
                let error = raw.level == "error" || raw.level.starts_with("error:");
                if error && !raw.message.starts_with("aborting due to") {
                    found.push(found_of(&raw, &message, base));
                }
            }
        }
    }
    if json_lines == 0 {
        return Err(not_json(text));
    }
    if recognised == 0 {
        return Err("the input is JSON but holds no rustc or cargo diagnostic".into());
    }
    Ok(found)
}

/// What one line of JSON holds.
enum JsonLine {
    /// rustc's diagnostic, bare or wrapped in cargo's `compiler-message`, read and as JSON.
    Diagnostic(Raw, serde_json::Value),
    /// Another of cargo's messages (`compiler-artifact`, `build-finished`, ...).
    Cargo,
    /// JSON that is neither rustc's nor cargo's.
    Unknown,
}

fn json_line(value: serde_json::Value) -> JsonLine {
    let message = match value.get("reason").and_then(|r| r.as_str()) {
        Some("compiler-message") => value.get("message").cloned(),
        Some(_) => return JsonLine::Cargo,
        None => Some(value),
    };
    let Some(message) = message else {
        return JsonLine::Unknown;
    };
    match serde_json::from_value::<Raw>(message.clone()) {
        Ok(raw) => JsonLine::Diagnostic(raw, message),
        Err(_) => JsonLine::Unknown,
    }
}

/// The one-line error of an input without a single line of JSON.
fn not_json(text: &str) -> String {
    if text.trim().is_empty() {
        "the input is empty: expected rustc's or cargo's JSON diagnostics \
         (rustc --error-format=json, cargo check --message-format=json)"
            .into()
    } else {
        "the input is not JSON: expected rustc's or cargo's JSON diagnostics \
         (rustc --error-format=json, cargo check --message-format=json; for rustc's \
         rendered text, add --rendered)"
            .into()
    }
}

fn found_of(raw: &Raw, value: &serde_json::Value, base: Option<&Path>) -> Found {
    let primary = raw.spans.iter().find(|s| s.is_primary);
    let input = primary.map(|s| s.file_name.clone()).unwrap_or_default();
    // The user's own paths stay as they are: only std's are normalized, so `file:line` points
    // into their program.
    let normalizer = Normalizer {
        input: &input,
        root: "",
        krate: "",
    };
    let diagnostic = normalizer.diagnostic(raw).unwrap_or_else(|| Diagnostic {
        level: raw.level.clone(),
        code: raw.code.as_ref().map(|c| c.code.clone()),
        message: raw.message.clone(),
        spans: vec![],
        children: vec![],
    });
    Found {
        file: users_path(&input, base),
        line: primary.map_or(0, |s| s.line_start),
        column: primary.map_or(0, |s| s.column_start),
        diagnostic,
        snippet: snippet_of(value),
        rendered: raw.rendered.clone(),
    }
}

/// The quoted source lines and labels of a JSON diagnostic's own spans.
fn snippet_of(value: &serde_json::Value) -> String {
    let mut snippet = String::new();
    for span in value
        .get("spans")
        .and_then(|s| s.as_array())
        .into_iter()
        .flatten()
    {
        for t in span
            .get("text")
            .and_then(|t| t.as_array())
            .into_iter()
            .flatten()
        {
            if let Some(text) = t.get("text").and_then(|t| t.as_str()) {
                snippet.push_str(text);
                snippet.push('\n');
            }
        }
        if let Some(label) = span.get("label").and_then(|l| l.as_str()) {
            snippet.push_str(label);
            snippet.push('\n');
        }
    }
    snippet
}

/// The path of the error's file as the user reaches it from the current folder. cargo names
/// files relative to the workspace's root, which may be a folder above the package's: the
/// nearest folder upwards where the file is.
fn users_path(input: &str, base: Option<&Path>) -> String {
    match base {
        Some(b) if !input.is_empty() && Path::new(input).is_relative() => b
            .ancestors()
            .map(|a| a.join(input))
            .find(|p| p.is_file())
            .unwrap_or_else(|| b.join(input))
            .display()
            .to_string(),
        _ => input.to_string(),
    }
}

/// Reads rustc's rendered text (what a terminal shows) back into errors: the headline
/// (`error[E0277]: ...`), the `-->` place, the quoted lines and labels under it, and every
/// `note:`, `help:`, `= note:` and `= help:` with the labels the chain needs ("has type `…`",
/// "await occurs here, with `…`") and whether its `-->` points into std. What the chain does
/// not read (suggestions, most labels of notes) is left out, here and in the browser's copy.
pub fn read_rendered(text: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut current: Option<Found> = None;
    for line in text.lines() {
        let plain = strip_ansi(line);
        let line = plain.trim_end();
        if let Some((level, code, message)) = rendered_headline(line) {
            out.extend(current.take());
            current = rendered_error(level, code, message);
        } else if let Some(f) = current.as_mut() {
            read_rendered_line(f, line);
        }
    }
    out.extend(current);
    out
}

/// A new error from its rendered headline; none for a warning, or for cargo's and rustc's
/// closing lines (`aborting due to`, `could not compile`).
fn rendered_error(level: &str, code: Option<&str>, message: &str) -> Option<Found> {
    let skip = message.starts_with("aborting due to") || message.starts_with("could not compile");
    (level == "error" && !skip).then(|| Found {
        file: String::new(),
        line: 0,
        column: 0,
        diagnostic: Diagnostic {
            level: "error".into(),
            code: code.map(String::from),
            message: message.to_string(),
            spans: vec![],
            children: vec![],
        },
        snippet: String::new(),
        rendered: None,
    })
}

/// One line under an error's headline: a note or help, a `-->` place, or a quoted line.
fn read_rendered_line(f: &mut Found, line: &str) {
    let trimmed = line.trim_start();
    if let Some(child) = rendered_child(line, trimmed) {
        f.diagnostic.children.push(child);
    } else if let Some(place) = trimmed.strip_prefix("--> ") {
        add_place(f, place);
    } else if let Some(rest) = gutter(trimmed) {
        add_quoted(f, rest);
    }
}

/// `note: …`, `help: …`, `= note: …` or `= help: …` as a child of the error.
fn rendered_child(line: &str, trimmed: &str) -> Option<Diagnostic> {
    let (level, message) = if let Some(m) = line.strip_prefix("note: ") {
        ("note", m)
    } else if let Some(m) = line.strip_prefix("help: ") {
        ("help", m)
    } else if let Some(m) = trimmed.strip_prefix("= note: ") {
        ("note", m)
    } else if let Some(m) = trimmed.strip_prefix("= help: ") {
        ("help", m)
    } else {
        return None;
    };
    Some(Diagnostic {
        level: level.into(),
        code: None,
        message: message.into(),
        spans: vec![],
        children: vec![],
    })
}

/// A `-->` place: the error's own (its file, line and column) before any note, else the
/// place of the last note that has none yet; a place in std is kept only as being std's.
fn add_place(f: &mut Found, place: &str) {
    let (path, l, c) = split_place(place);
    let at = if is_std_path(&path) {
        "$RUST/".to_string()
    } else {
        format!("{l}:{c}-{l}:{c}")
    };
    let span = Span {
        at,
        primary: true,
        label: None,
        replacement: None,
    };
    match f.diagnostic.children.last_mut() {
        None if f.file.is_empty() => {
            f.file = path;
            f.line = l;
            f.column = c;
            f.diagnostic.spans.push(span);
        }
        Some(ch) if ch.spans.is_empty() => ch.spans.push(span),
        _ => {}
    }
}

/// A quoted line: the error's snippet before any note; under a note, only the labels the
/// chain reads.
fn add_quoted(f: &mut Found, rest: &str) {
    match f.diagnostic.children.last_mut() {
        None => {
            f.snippet.push_str(rest);
            f.snippet.push('\n');
        }
        Some(ch) => {
            for phrase in ["has type `", "await occurs here, with `"] {
                if let Some(pos) = rest.find(phrase) {
                    ch.spans.push(Span {
                        at: String::new(),
                        primary: false,
                        label: Some(rest[pos..].to_string()),
                        replacement: None,
                    });
                }
            }
        }
    }
}

/// The line without terminal colours (`ESC [ … m`), for text saved from a coloured terminal.
fn strip_ansi(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('\x1b') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len());
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            // CSI: ESC [ parameters final-byte (a letter).
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `error[E0277]: msg` → (`error`, Some(`E0277`), `msg`); `warning: msg` likewise.
fn rendered_headline(line: &str) -> Option<(&str, Option<&str>, &str)> {
    for level in ["error", "warning"] {
        let Some(rest) = line.strip_prefix(level) else {
            continue;
        };
        if let Some(rest) = rest.strip_prefix(": ") {
            return Some((level, None, rest));
        }
        if let Some(rest) = rest.strip_prefix('[') {
            let (code, rest) = rest.split_once("]: ")?;
            return Some((level, Some(code), rest));
        }
    }
    None
}

/// The text right of a rendered snippet's gutter (`12 |     code`, `   |     ^^^ label`).
fn gutter(trimmed: &str) -> Option<&str> {
    let digits = trimmed.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = digits.trim_start().strip_prefix('|')?;
    Some(rest)
}

/// `src/main.rs:12:5` → (`src/main.rs`, 12, 5).
fn split_place(place: &str) -> (String, usize, usize) {
    let mut parts = place.trim().rsplitn(3, ':');
    let col = parts.next().and_then(|c| c.parse().ok());
    let line = parts.next().and_then(|l| l.parse().ok());
    match (parts.next(), line, col) {
        (Some(path), Some(l), Some(c)) => (path.to_string(), l, c),
        _ => (place.trim().to_string(), 0, 0),
    }
}

/// Whether a rendered path is std's: `/rustc/<hash>/library/...`, a toolchain's
/// `lib/rustlib/src/rust/library/...`, or already normalized (`$RUST/...`).
fn is_std_path(path: &str) -> bool {
    path.starts_with("$RUST") || path.contains("/rustc/") || path.contains("/rustlib/src/rust/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::explain::shape_of;

    const RC_JSON: &str = r#"{"$message_type":"diagnostic","message":"`Rc<Logger>` cannot be sent between threads safely","code":{"code":"E0277","explanation":"..."},"level":"error","spans":[{"file_name":"src/log.rs","byte_start":1,"byte_end":2,"line_start":9,"line_end":9,"column_start":5,"column_end":18,"is_primary":false,"text":[{"text":"    thread::spawn(move || {","highlight_start":5,"highlight_end":18}],"label":"required by a bound introduced by this call","suggested_replacement":null,"suggestion_applicability":null,"expansion":null},{"file_name":"src/log.rs","byte_start":1,"byte_end":2,"line_start":9,"line_end":11,"column_start":19,"column_end":6,"is_primary":true,"text":[{"text":"    thread::spawn(move || {","highlight_start":19,"highlight_end":28}],"label":"`Rc<Logger>` cannot be sent between threads safely","suggested_replacement":null,"suggestion_applicability":null,"expansion":null}],"children":[{"message":"within `{closure@src/log.rs:9:19: 9:26}`, the trait `Send` is not implemented for `Rc<Logger>`","code":null,"level":"help","spans":[],"children":[],"rendered":null},{"message":"required because it's used within this closure","code":null,"level":"note","spans":[{"file_name":"src/log.rs","byte_start":1,"byte_end":2,"line_start":9,"line_end":9,"column_start":19,"column_end":26,"is_primary":true,"text":[],"label":null,"suggested_replacement":null,"suggestion_applicability":null,"expansion":null}],"children":[],"rendered":null},{"message":"required by a bound in `spawn`","code":null,"level":"note","spans":[{"file_name":"/rustc/abc/library/std/src/thread/functions.rs","byte_start":1,"byte_end":2,"line_start":120,"line_end":120,"column_start":8,"column_end":13,"is_primary":true,"text":[],"label":null,"suggested_replacement":null,"suggestion_applicability":null,"expansion":null}],"children":[],"rendered":null}],"rendered":"error[E0277]: ..."}"#;

    const RC_RENDERED: &str = "error[E0277]: `Rc<Logger>` cannot be sent between threads safely
  --> src/log.rs:9:19
   |
9  |       thread::spawn(move || {
   |       ------------- ^------
   |       |             |
   |  _____|_____________within this `{closure@src/log.rs:9:19: 9:26}`
   | |     |
   | |     required by a bound introduced by this call
10 | |         logger.log(\"hi\");
11 | |     });
   | |_____^ `Rc<Logger>` cannot be sent between threads safely
   |
   = help: within `{closure@src/log.rs:9:19: 9:26}`, the trait `Send` is not implemented for `Rc<Logger>`
note: required because it's used within this closure
  --> src/log.rs:9:19
   |
9  |     thread::spawn(move || {
   |                   ^^^^^^^
note: required by a bound in `spawn`
  --> /rustc/abc/library/std/src/thread/functions.rs:120:8
   |
   = note: a note without spans

error: aborting due to 1 previous error
";

    #[test]
    fn reads_rustc_json_keeping_the_users_path() {
        let found = read_json(RC_JSON, None).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].file.as_str(), found[0].line), ("src/log.rs", 9));
        let shape = shape_of(&found[0].diagnostic, &found[0].snippet);
        assert_eq!(shape.code, "E0277");
        assert_eq!(shape.culprit, "Rc");
        assert_eq!(shape.bound, "spawn");
        assert_eq!(shape.kinds, vec!["captured-by-closure"]);
        assert!(shape.context.contains(&"spawn".to_string()));
        assert!(shape.is_send_sync());
    }

    #[test]
    fn reads_cargo_json_and_skips_progress_lines() {
        let cargo = format!(
            "    Checking x v0.1.0\n{{\"reason\":\"compiler-artifact\"}}\n{{\"reason\":\"compiler-message\",\"message\":{RC_JSON}}}\nerror: could not compile `x`\n"
        );
        let found = read_json(&cargo, Some(Path::new("pkg"))).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, "pkg/src/log.rs");
    }

    #[test]
    fn refuses_what_is_not_diagnostics() {
        assert!(read_json("", None).unwrap_err().contains("empty"));
        assert!(read_json("hello\n", None).unwrap_err().contains("not JSON"));
        assert!(read_json("{\"a\": 1}\n", None)
            .unwrap_err()
            .contains("no rustc or cargo"));
        // Cargo's messages with no error in them: ran, and found nothing.
        assert!(
            read_json("{\"reason\":\"build-finished\",\"success\":true}", None)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn rendered_text_gives_the_same_shape_as_json() {
        let json = read_json(RC_JSON, None).unwrap();
        let text = read_rendered(RC_RENDERED);
        assert_eq!(text.len(), 1, "the aborting line is no error");
        assert_eq!((text[0].file.as_str(), text[0].line), ("src/log.rs", 9));
        let a = shape_of(&json[0].diagnostic, &json[0].snippet);
        let b = shape_of(&text[0].diagnostic, &text[0].snippet);
        assert_eq!(a, b);
    }

    #[test]
    fn rendered_text_from_a_coloured_terminal_reads_the_same() {
        let coloured = RC_RENDERED
            .replace(
                "error[E0277]",
                "\x1b[0m\x1b[1m\x1b[38;5;9merror[E0277]\x1b[0m\x1b[0m\x1b[1m",
            )
            .replace("  --> ", "\x1b[0m\x1b[1m\x1b[38;5;12m  --> \x1b[0m");
        let a = read_rendered(RC_RENDERED);
        let b = read_rendered(&coloured);
        assert_eq!(b.len(), 1);
        assert_eq!(b[0].file, "src/log.rs");
        assert_eq!(
            shape_of(&a[0].diagnostic, &a[0].snippet),
            shape_of(&b[0].diagnostic, &b[0].snippet)
        );
    }

    #[test]
    fn reads_an_await_note_from_rendered_text() {
        let text = "error: future cannot be sent between threads safely
  --> src/main.rs:28:18
   |
28 |     require_send(handle(7));
   |                  ^^^^^^^^^ future returned by `handle` is not `Send`
   |
   = help: within `impl Future<Output = u32>`, the trait `Send` is not implemented for `Rc<String>`
note: future is not `Send` as this value is used across an await
  --> src/main.rs:23:38
   |
22 |     let session = Rc::new(format!(\"user-{request}\"));
   |         ------- has type `Rc<String>` which is not `Send`
23 |     let stock = fetch_stock(request).await;
   |                                      ^^^^^ await occurs here, with `session` maybe used later
note: required by a bound in `require_send`
  --> src/main.rs:15:29
";
        let found = read_rendered(text);
        let shape = shape_of(&found[0].diagnostic, &found[0].snippet);
        assert_eq!(shape.code, "-");
        assert_eq!(shape.culprit, "Rc");
        assert_eq!(shape.kinds, vec!["held-across-await"]);
        assert_eq!(shape.bound, "user-fn");
    }
}
