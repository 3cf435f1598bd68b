//! sendsync-corpus: Rust's `Send`/`Sync` rules as a corpus of small programs that the compiler
//! checks, and the tools that run the corpus on any toolchain and track how rustc's diagnostics
//! for it drift from release to release.
//!
//! # Module map
//!
//! Six layers, each a folder, over a foundation. The table lists them bottom up: a layer uses
//! the rows before it, never a row after it (`tests/layers.rs` fails on an upward `crate::`
//! path, and on any import cycle between modules):
//!
//! | layer | holds |
//! |---|---|
//! | foundation | [`error`] (one error type, its exit codes), [`paths`] (where things live), [`fs`] (reading text, atomic writes, file locks), [`work`] (the one pool of parallel work), [`render`] (one report, rendered in each format) |
//! | [`toolchain`] | rustup toolchains and their identity, sysroot views ([`toolchain::sysroot`]), child processes with limits ([`toolchain::process`]), the host a toolchain targets ([`toolchain::host`]) |
//! | [`input`] | what users write: a case ([`input::case`]), its `//@` directives parsed once by a table of small parsers keeping their lines ([`input::directives`], [`input::spanned`]), rustc's own UI tests ([`input::compiletest`], their [`input::props`]), which reader a file gets ([`input::read`]), the corpus and its topics ([`input::corpus`]), the manifest of the crates cases use ([`input::manifest`]) |
//! | [`engine`] | turning a case into a verdict: compiling ([`engine::compile`]) against built crates ([`engine::deps`]), rustc's diagnostics ([`engine::diagnostic`]) and their obligation chains ([`engine::chain`]), normalization ([`engine::normalize`]), the result cache ([`engine::cache`]), checking ([`engine::check`]) and its report ([`engine::report`]) |
//! | [`drift`] | how outcomes differ across toolchains: the classes ([`drift::Drift`]), the matrix ([`drift::matrix`]) and the committed history ([`drift::history`]) |
//! | [`learn`] | what learners see: `explain` ([`learn::explain`]), Miri runs ([`learn::miri`]), the truth table ([`learn::table`]), teaching claims ([`learn::claims`]), the site and the book ([`learn::pages`]) |
//! | [`uitest`] | a crate's own UI tests on every toolchain (`sendsync ui`): the crate and its programs ([`uitest::krate`]), one program through rustc ([`uitest::compile`]), expectations per toolchain ([`uitest::expect`]), record, check and show ([`uitest::run`]), the drift timeline of a crate's programs ([`uitest::timeline`]) |
//!
//! The flow: a case file is parsed into an [`input::case::Case`]; [`engine::compile`] runs it
//! through a [`toolchain::Toolchain`] into an [`engine::compile::Outcome`]; [`engine::check`]
//! holds outcomes against the cases' expectations as verdicts; [`drift`] compares outcomes
//! across toolchains; [`learn`] turns all of it into lessons.
//!
//! # What is public
//!
//! The layers and their modules are public as namespaces, but an item is `pub` only when the
//! binary (`src/cli/`), the tests or the benches use it; everything else is `pub(crate)`, so
//! rustc's dead-code lint sees it, and `unreachable_pub` keeps a `pub` from hiding where no one
//! outside can reach it. The public items are the ones a tool built on sendsync needs: reading
//! cases ([`input::case::Case::load`]), resolving toolchains ([`toolchain::Toolchain`]),
//! checking ([`engine::check::check_all`]), the matrix and the history, and each command's
//! `run` in [`learn`].

#![warn(unreachable_pub)]
// The modules' docs are written for contributors as much as for users of the public items, so
// they link the crate-private items that do the work (`cargo doc --document-private-items`).
#![allow(rustdoc::private_intra_doc_links)]

pub mod drift;
pub mod engine;
pub mod error;
pub mod fs;
pub mod input;
pub mod learn;
pub mod paths;
pub mod render;
pub mod toolchain;
pub mod uitest;
pub mod work;

pub use error::{Error, Result};
