//! Reading Miri's report: its verdict, and the report normalized so it can be pinned.

use super::*;

/// Miri's verdict and headline from its (normalized) report, if it reported an error.
pub fn classify(report: &str) -> Option<(Verdict, Option<String>)> {
    let line = report.lines().find(|l| {
        (l.starts_with("error: ") && !l.starts_with("error: aborting due to"))
            || l.starts_with("error[")
    })?;
    let headline = line.strip_prefix("error: ").unwrap_or(line).to_string();
    let verdict = if headline.starts_with("Undefined Behavior: Data race detected") {
        Verdict::DataRace
    } else if headline.starts_with("the evaluated program deadlocked") {
        Verdict::Deadlock
    } else if headline.starts_with("memory leaked")
        || headline.starts_with("the main thread terminated without waiting")
    {
        Verdict::Leak
    } else if headline.starts_with("Undefined Behavior:") {
        Verdict::Ub
    } else if headline.starts_with("unsupported operation:") {
        Verdict::Unsupported
    } else {
        Verdict::Failed
    };
    Some((verdict, Some(headline)))
}

/// Miri's report with what varies between machines and nightlies taken out, so that it can be
/// pinned: allocation ids (`alloc241` -> `ALLOC`), thread numbers (`unnamed-1` -> `unnamed-N`),
/// std's paths and line numbers (`$STD`), the source lines Miri quotes from std, and the std
/// frames of backtraces (each run of them is one `…` line); `-Zmiri-many-seeds` progress lines
/// are dropped. What points into the case is kept as Miri printed it.
pub fn normalize_report(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut in_std_snippet = false;
    let mut in_backtrace = false;
    let mut pending_frame: Option<String> = None;
    for raw in text.lines() {
        let line = std_paths(&ids(raw.trim_end()));
        if line.starts_with("Trying seed: ") {
            continue;
        }
        let trimmed = line.trim_start();
        if in_backtrace {
            if let Some(at) = trimmed.strip_prefix("at ") {
                let frame = pending_frame.take().unwrap_or_default();
                if at.starts_with("$STD") {
                    if out.last().is_none_or(|l| l.trim() != "…") {
                        out.push(format!("{}…", indent_of(&frame)));
                    }
                } else {
                    out.push(frame);
                    out.push(line);
                }
                continue;
            }
            if let Some((n, name)) = trimmed.split_once(": ") {
                if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
                    pending_frame = Some(format!("{}-: {name}", indent_of(&line)));
                    continue;
                }
            }
            in_backtrace = false;
            if let Some(frame) = pending_frame.take() {
                out.push(frame);
            }
        }
        if trimmed.starts_with("-->") {
            in_std_snippet = trimmed.contains("$STD");
            out.push(line);
            continue;
        }
        if in_std_snippet {
            let gutter = trimmed.starts_with('|')
                || trimmed.starts_with("...")
                || trimmed
                    .split_once(" |")
                    .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if gutter {
                continue;
            }
            in_std_snippet = false;
        }
        if trimmed.ends_with("stack backtrace:") {
            in_backtrace = true;
        }
        out.push(line);
    }
    if let Some(frame) = pending_frame {
        out.push(frame);
    }
    let mut text = out.join("\n");
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text.trim().to_string() + "\n"
}

pub(super) fn indent_of(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

/// `alloc241` -> `ALLOC`, `unnamed-1` -> `unnamed-N`.
pub(super) fn ids(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    loop {
        let next = [("alloc", "ALLOC"), ("unnamed-", "unnamed-N")]
            .iter()
            .filter_map(|&(word, to)| rest.find(word).map(|i| (i, word, to)))
            .min_by_key(|&(i, _, _)| i);
        let Some((i, word, to)) = next else { break };
        let after = &rest[i + word.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let starts_word = !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_');
        out.push_str(&rest[..i]);
        if digits > 0 && starts_word {
            out.push_str(to);
        } else {
            out.push_str(&rest[i..i + word.len() + digits]);
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// Every path into std's sources (`…/lib/rustlib/src/rust/library/…` or
/// `/rustc/<hash>/library/…`), with its line and column, becomes `$STD`.
pub(super) fn std_paths(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(i) = rest.find("/library/") {
        let start = rest[..i]
            .rfind(|c: char| c.is_whitespace() || c == '(' || c == '`')
            .map_or(0, |j| j + 1);
        let prefix = &rest[start..i];
        if !(prefix.ends_with("/lib/rustlib/src/rust") || prefix.starts_with("/rustc/")) {
            out.push_str(&rest[..i + "/library/".len()]);
            rest = &rest[i + "/library/".len()..];
            continue;
        }
        out.push_str(&rest[..start]);
        out.push_str("$STD");
        let after = &rest[i..];
        let end = after
            .find(|c: char| c.is_whitespace() || c == ')' || c == '`')
            .unwrap_or(after.len());
        // A span's end (`555:18: 555:35`) follows the path after a space.
        let mut tail = &after[end..];
        if let Some(more) = tail.strip_prefix(' ') {
            let n = more
                .find(|c: char| !(c.is_ascii_digit() || c == ':'))
                .unwrap_or(more.len());
            if n > 0 && more[..n].contains(':') {
                tail = &more[n..];
            }
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}
