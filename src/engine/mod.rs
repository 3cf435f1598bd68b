//! Turning a case into a verdict on one toolchain: the crates it uses built once, rustc run
//! on it (and the program, where it is meant to run), the diagnostics read and normalized, the
//! result cached, and the outcome held against what the case expects.

pub mod cache;
pub mod chain;
pub mod check;
pub mod compile;
pub mod compiletest;
pub mod deps;
pub mod diagnostic;
pub mod difference;
pub mod normalize;
pub mod report;
