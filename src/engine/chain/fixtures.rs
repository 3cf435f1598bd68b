//! Diagnostics built by hand for the chain readers' tests.

use super::Chain;
use crate::engine::diagnostic::{Diagnostic, Span};

pub(super) fn span(at: &str, primary: bool, label: Option<&str>) -> Span {
    Span {
        at: at.into(),
        primary,
        label: label.map(String::from),
        replacement: None,
    }
}

pub(super) fn child(level: &str, message: &str, spans: Vec<Span>) -> Diagnostic {
    Diagnostic {
        level: level.into(),
        code: None,
        message: message.into(),
        spans,
        children: vec![],
    }
}

pub(super) fn error(
    code: Option<&str>,
    message: &str,
    spans: Vec<Span>,
    children: Vec<Diagnostic>,
) -> Diagnostic {
    Diagnostic {
        code: code.map(String::from),
        children,
        ..child("error", message, spans)
    }
}

pub(super) fn kinds(c: &Chain) -> Vec<&'static str> {
    c.links.iter().map(|l| l.kind.as_str()).collect()
}
