//! A crate's own UI tests on every toolchain (`sendsync ui`): trybuild's `tests/ui/*.rs`
//! programs compiled against the crate and its dev-dependencies, which the deps engine builds
//! once per toolchain ([`crate::engine::deps::try_build_fresh`]), one rustc per program; their
//! expected outcome and stderr kept per toolchain, as variants with the toolchains that give
//! each ([`expect`]), beside the programs.
//!
//! - [`krate`]: the crate, its UI programs, and the package built for them.
//! - [`compile`]: one program through one rustc, normalized as trybuild normalizes.
//! - [`expect`]: the expectation files (`NAME.sendsync.toml`), and trybuild's `NAME.stderr`
//!   read as one toolchain's.
//! - [`run`]: `record`, `check` and `show` over a suite.
//! - [`timeline`]: the expectations as a drift matrix, rendered as the drift timeline is.

pub mod compile;
pub mod expect;
pub mod krate;
pub mod run;
pub mod timeline;

pub use krate::Crate;
pub use run::{check, record, show, Checked, Recorded, Suite, Verdict};
