//! sendsync-corpus: Rust's `Send`/`Sync` rules as a corpus of small programs that the compiler
//! checks, and the tools that run the corpus on any toolchain and track how rustc's diagnostics
//! for it drift from release to release.
//!
//! # Module map
//!
//! Five layers, each a folder. A layer uses the layers above it in this list and the
//! foundation, never one below it (`tests/layers.rs` fails on an upward import):
//!
//! | layer | holds |
//! |---|---|
//! | foundation | [`error`] (one error type, its exit codes), [`paths`] (where things live), [`fs`] (reading text, atomic writes, file locks), [`work`] (the one pool of parallel work), [`render`] (one report, rendered in each format) |
//! | [`toolchain`] | rustup toolchains and their identity, sysroot views ([`toolchain::sysroot`]), child processes with limits ([`toolchain::process`]), the host a toolchain targets ([`toolchain::host`]) |
//! | [`input`] | what users write: a case ([`input::case`]), its `//@` directives parsed once by a table of small parsers keeping their lines ([`input::directives`], [`input::spanned`]), rustc's own UI tests ([`input::compiletest`], their [`input::props`]), which reader a file gets ([`input::read`]), the corpus and its topics ([`input::corpus`]), the manifest of the crates cases use ([`input::manifest`]) |
//! | [`engine`] | turning a case into a verdict: compiling ([`engine::compile`]) against built crates ([`engine::deps`]), rustc's diagnostics ([`engine::diagnostic`]) and their obligation chains ([`engine::chain`]), normalization ([`engine::normalize`]), the result cache ([`engine::cache`]), checking ([`engine::check`]) and its report ([`engine::report`]) |
//! | [`drift`] | how outcomes differ across toolchains: the classes ([`drift::Drift`]), the matrix ([`drift::matrix`]) and the committed history ([`drift::history`]) |
//! | [`learn`] | what learners see: `explain` ([`learn::explain`]), Miri runs ([`learn::miri`]), the truth table ([`learn::table`]), teaching claims ([`learn::claims`]), the site and the book ([`learn::pages`]) |
//!
//! The flow: a case file is parsed into an [`input::case::Case`]; [`engine::compile`] runs it
//! through a [`toolchain::Toolchain`] into an [`engine::compile::Outcome`]; [`engine::check`]
//! holds outcomes against the cases' expectations as verdicts; [`drift`] compares outcomes
//! across toolchains; [`learn`] turns all of it into lessons.

pub mod drift;
pub mod engine;
pub mod error;
pub mod fs;
pub mod input;
pub mod learn;
pub mod paths;
pub mod render;
pub mod toolchain;
pub mod work;

pub use error::{Error, Result};
