//! `sendsync`: runs the Send/Sync corpus (or any folder of programs) on any installed
//! toolchain, and renders what it finds. The library does the work; this file parses
//! arguments and dispatches to one module per subcommand (`src/cli/`).
//!
//! Exit codes: 0 success, 1 a mismatch or drift, 2 bad input or environment.

mod cli;

use clap::Parser;
use cli::args::Command;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "sendsync",
    version,
    about = "Rust's Send/Sync rules as a compiler-checked corpus, across toolchains"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

fn main() -> ExitCode {
    cli::common::restore_sigpipe();
    let cli = Cli::parse();
    cli::common::install_interrupt_handler();
    // No command is `check` with clap's own defaults.
    let command = cli.command.unwrap_or_else(|| {
        Cli::parse_from(["sendsync", "check"])
            .command
            .expect("`check` parses")
    });
    let result = match command {
        Command::Check(args) => cli::check::run(args),
        Command::List(args) => cli::list::run(args),
        Command::Show(args) => cli::show::run(args),
        Command::Matrix(args) => cli::matrix::run(args),
        Command::Merge(args) => cli::matrix::merge(args),
        Command::History(cmd) => cli::history::run(cmd),
        Command::Miri(args) => cli::miri::run(args),
        Command::Explain(args) => cli::explain::run(args),
        Command::Book(args) => cli::pages::book(args),
        Command::Site(args) => cli::pages::site(args),
        Command::Table(args) => cli::table::run(args),
        Command::Ui(cmd) => cli::ui::run(cmd),
    };
    cli::common::exit(result)
}
