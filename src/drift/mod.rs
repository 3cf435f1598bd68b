//! Drift: how outcomes differ from one toolchain to another. [`classes`] says how one
//! outcome differs from another; [`matrix`] compares the corpus across toolchains now;
//! [`history`] keeps what every tracked toolchain gave, committed beside the corpus.

pub(crate) mod classes;
pub mod history;
pub mod matrix;

pub use classes::{classify, explain, Drift};
