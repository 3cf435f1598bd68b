//! The `sendsync` binary's commands: [`args`] declares them for clap, and each has a module
//! of its own that runs it and prints. The library does the work.

pub mod args;
pub mod check;
pub mod common;
pub mod explain;
pub mod history;
pub mod list;
pub mod matrix;
pub mod miri;
pub mod pages;
pub mod programs;
pub mod show;
pub mod table;
pub mod ui;
