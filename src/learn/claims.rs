//! Claims the teaching text makes about traits, read so that the compiler can check them:
//! "`Rc<T>` is not `Send`", "`MutexGuard<'_, T>` is `Sync` only when `T: Sync`",
//! "`&mut T` is `Send` when `T: Send`, but `Sync` only when `T: Sync`", "`Receiver<T>`
//! implements `IntoIterator`". Each becomes a list of [`Check`]s, a type and a trait at the
//! truth table's instantiations of its parameters (`u8`, `Cell<u8>`, `MutexGuard<'static, u8>`,
//! `Rc<u8>`), with the answer the sentence promises; [`probe`] compiles them.
//!
//! The reader is deliberately narrow: a sentence that speaks of `Send`, `Sync` or an
//! implementation in another shape is returned as *unread*, to be listed (and better
//! reworded), never guessed at.

mod checks;
mod parse;
pub mod probe;

pub use checks::{Check, IMPORTS};
use parse::{looks_like_a_claim, parse};

use crate::learn::table::Trait;

/// One claim: the subject type as written, a trait, and when the sentence says it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub(crate) subject: String,
    /// `Send`, `Sync`, or any other trait's name or path (`IntoIterator`).
    pub(crate) trait_name: String,
    /// Whether the sentence says the trait is implemented (unconditionally or under `cond`).
    pub(crate) holds: bool,
    pub(crate) cond: Cond,
}

/// When a claim holds, in terms of the subject's type parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cond {
    /// For every instantiation.
    Always,
    /// Exactly when each named parameter implements its traits (*when*, *whenever*, *if*,
    /// *exactly when*).
    When(Vec<(String, Vec<Trait>)>),
    /// At most when (*only when*, *only if*): the trait implies the condition.
    OnlyWhen(Vec<(String, Vec<Trait>)>),
}

/// What one text holds: the claims read from it (with their sentence), and the sentences that
/// look like claims but were not read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reading {
    pub claims: Vec<(String, Claim)>,
    pub unread: Vec<String>,
}

/// Reads the claims of a Markdown text (a case's explanation or a topic README).
pub fn read(markdown: &str) -> Reading {
    let mut reading = Reading::default();
    for sentence in sentences(markdown) {
        let tokens = tokens(&sentence);
        let claims = parse(&tokens);
        if claims.is_empty() && looks_like_a_claim(&tokens) {
            reading.unread.push(sentence.clone());
        }
        for claim in claims {
            reading.claims.push((sentence.clone(), claim));
        }
    }
    reading
}

/// The sentences of a Markdown text: fenced code left out, links reduced to their labels,
/// white space squashed, split after `.`, `?`, `!` and `;` (outside code spans) that end a
/// sentence.
pub(crate) fn sentences(markdown: &str) -> Vec<String> {
    let mut text = String::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            let heading = line.trim_start().starts_with('#');
            let item = line.trim_start().strip_prefix("- ").unwrap_or(line);
            text.push_str(item.trim_start_matches('#'));
            // A heading, a blank line or a list item ends a sentence, full stop or not.
            if heading || line.trim().is_empty() {
                text.push_str(" \u{1} ");
            } else {
                text.push(' ');
            }
        }
    }
    let text = unlink(&text);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = Vec::new();
    let mut current = String::new();
    let mut in_code = false;
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\u{1}' {
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
            current.clear();
            in_code = false;
            continue;
        }
        current.push(c);
        if c == '`' {
            in_code = !in_code;
        }
        let ends = !in_code
            && matches!(c, '.' | '?' | '!' | ';')
            && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        if ends {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// `[label](target)` becomes `label`.
fn unlink(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](").map(|m| open + m) else {
            break;
        };
        let Some(end) = rest[mid..].find(')').map(|e| mid + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..mid]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Code(String),
    Word(String),
    /// `,`, `:`, `(`, `)`, `/` and other marks outside code.
    Mark(char),
}

fn tokens(sentence: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut code: Option<String> = None;
    let flush = |word: &mut String, out: &mut Vec<Token>| {
        if !word.is_empty() {
            out.push(Token::Word(std::mem::take(word).to_lowercase()));
        }
    };
    // Text in double quotes is the compiler's (the quotes check holds it), not a claim.
    let mut quoted = false;
    for c in sentence.chars() {
        if code.is_none() && matches!(c, '"' | '\u{201c}' | '\u{201d}') {
            quoted = !quoted;
            continue;
        }
        if quoted {
            continue;
        }
        match (&mut code, c) {
            (Some(_), '`') => out.push(Token::Code(code.take().unwrap_or_default())),
            (Some(text), c) => text.push(c),
            (None, '`') => {
                flush(&mut word, &mut out);
                code = Some(String::new());
            }
            (None, c) if c.is_alphanumeric() || c == '\'' || c == '-' => word.push(c),
            (None, c) => {
                flush(&mut word, &mut out);
                if !c.is_whitespace() && c != '*' && c != '_' {
                    out.push(Token::Mark(c));
                }
            }
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests;
