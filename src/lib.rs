//! sendsync-corpus: Rust's `Send`/`Sync` rules as a corpus of small programs that the compiler
//! checks, and the tools that run the corpus on any toolchain and track how rustc's diagnostics
//! for it drift from release to release.
//!
//! The flow: a case file is parsed into a [`case::Case`]; [`compile::compile`] runs it through
//! a [`toolchain::Toolchain`] into an [`compile::Outcome`]; [`check`] holds outcomes against
//! the cases' expectations as verdicts; reports render them.

pub mod cache;
pub mod case;
pub mod chain;
pub mod check;
pub mod claims;
pub mod compile;
pub mod compiletest;
pub mod corpus;
pub mod deps;
pub mod diagnostic;
pub mod difference;
pub mod drift;
pub mod error;
pub mod explain;
pub mod history;
pub mod matrix;
pub mod miri;
pub mod normalize;
pub mod pages;
pub mod paths;
pub mod process;
pub mod report;
pub mod sysroot;
pub mod table;
pub mod toolchain;
pub mod work;

pub use error::{Error, Result};
