//! What users write: cases and their directives, rustc's own UI tests, the corpus, and the
//! manifest of the crates cases may use. Reading input needs only the [`crate::toolchain`]
//! layer (a case's `min-rust` is a toolchain version).
//!
//! Inside, bottom up: [`spanned`] (a value and its line), [`expectation`] (what a case
//! expects of the compiler and of Miri), [`directives`] (our header, parsed
//! by a table of per-directive parsers), [`props`] (what a compiletest test asks beyond a
//! case), [`case`] (the case, in our format), [`compiletest`] (rustc's UI tests as cases),
//! [`read`] (which of those readers a file gets), then [`corpus`] and [`manifest`].

pub mod case;
pub mod compiletest;
pub mod corpus;
pub mod directives;
pub mod expectation;
pub mod manifest;
pub mod props;
pub mod read;
pub mod spanned;
