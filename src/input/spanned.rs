//! A value read from a file, with the line it was read from.
//!
//! Directives are parsed once, into `Spanned` values (as ui_test's parser keeps a `Spanned<T>`
//! per comment), so that an error found later, about the value, still names its line without
//! reading the text again. Lines are 1-based, as in every message that names a `file:line`.

/// A value and the (1-based) line it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub line: usize,
    pub value: T,
}

impl<T> Spanned<T> {
    pub fn new(line: usize, value: T) -> Spanned<T> {
        Spanned { line, value }
    }

    /// The same line, another value: what a value read from the line became.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned::new(self.line, f(self.value))
    }

    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> std::ops::Deref for Spanned<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

/// What is wrong with a header: the message, at the line it is about. Each layer that knows
/// the file turns it into an [`crate::error::Error`] naming the file and that line.
pub type Problem = Spanned<String>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapped_value_keeps_its_line() {
        let read = Spanned::new(7, "E0277 E0382");
        let codes = read.map(|v| v.split_whitespace().count());
        assert_eq!((codes.line, *codes), (7, 2));
        assert_eq!(codes.into_inner(), 2);
    }
}
