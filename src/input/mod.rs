//! What users write: cases and their directives, rustc's own UI tests, the corpus, and the
//! manifest of the crates cases may use. Reading input needs only the [`crate::toolchain`]
//! layer (a case's `min-rust` is a toolchain version).

pub mod case;
pub mod compiletest;
pub mod corpus;
pub mod manifest;
