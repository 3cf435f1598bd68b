//! The command line: every subcommand's arguments, as clap derives them. `main.rs` holds the
//! top-level parser; each subcommand's body lives in a module of its own beside this one.

use clap::{Args, Subcommand, ValueEnum};
use sendsync::render::Format as Rendered;
use sendsync::toolchain::Spec;
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum Command {
    /// Check the corpus, or any folder or file of programs, on one toolchain (the default).
    #[command(after_help = "Each check also writes an HTML report, \
        target/sendsync/check-TOOLCHAIN.html\n(under CARGO_TARGET_DIR when it is set), which \
        replaces the previous check's on that toolchain;\nthe output names it (on stderr with \
        --format json).")]
    Check(CheckArgs),
    /// List the cases of the corpus.
    List(ListArgs),
    /// Show one case: its explanation, source, pinned diagnostic and fix.
    Show(ShowArgs),
    /// Run the cases on several toolchains and classify how each diagnostic drifted.
    Matrix(MatrixArgs),
    /// Merge matrices made separately (`matrix --format json`) into one.
    Merge(MergeArgs),
    /// The std Send/Sync truth table: as declared, or probed on toolchains.
    Table(TableArgs),
    /// Write the corpus as mdBook source (book.toml, src/SUMMARY.md, a chapter per topic).
    Book(BookArgs),
    /// Write the corpus as a self-contained static HTML site.
    Site(SiteArgs),
    /// The committed per-case history of diagnostics across toolchains.
    #[command(subcommand)]
    History(HistoryCommand),
    /// Run every program that compiles natively and under nightly Miri, and hold Miri's verdict
    /// against each case's `//@ miri:` directive (clean without one) and its pinned report.
    Miri(MiriArgs),
    /// Explain your own Send/Sync errors with the nearest corpus cases.
    Explain(ExplainArgs),
    /// A crate's own UI tests (trybuild's tests/ui) on every toolchain, with expectations per
    /// toolchain.
    #[command(subcommand)]
    Ui(super::ui::UiCommand),
}

#[derive(Args, Clone)]
pub struct ListArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Args, Clone)]
pub struct ShowArgs {
    /// The case's name (`rc_config_into_spawn`) or the path of its file.
    pub name: String,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Args, Clone)]
pub struct MergeArgs {
    /// Matrix JSON files.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub report: MatrixReport,
}

#[derive(Args, Clone)]
pub struct TableArgs {
    /// Probe this toolchain (a rustup name, or a path to rustc) instead of printing the
    /// declared table.
    #[arg(long, conflicts_with = "toolchains")]
    pub toolchain: Option<String>,
    /// Probe several toolchains, comma-separated, and show only rows whose answers differ.
    #[arg(long)]
    pub toolchains: Option<String>,
    #[arg(long, value_enum, default_value_t = TableFormat::Text)]
    pub format: TableFormat,
    /// Probe afresh, neither reading nor writing the cache (a probe is otherwise read back for
    /// a toolchain probed before with the same program).
    #[arg(long)]
    pub no_cache: bool,
    /// How many toolchains to probe at once (default: the number of cores).
    #[arg(long, short, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
}

#[derive(Args, Clone)]
pub struct BookArgs {
    /// The folder to write to: new, empty, or an earlier `sendsync book` output.
    #[arg(long)]
    pub out: PathBuf,
    /// A matrix JSON from `sendsync matrix --format json`, for the drift chapter.
    #[arg(long)]
    pub matrix: Option<PathBuf>,
}

#[derive(Args, Clone)]
pub struct SiteArgs {
    /// The folder to write to: new, empty, or an earlier `sendsync site` output.
    #[arg(long)]
    pub out: PathBuf,
    /// A matrix JSON from `sendsync matrix --format json`, for the drift page.
    #[arg(long)]
    pub matrix: Option<PathBuf>,
}

#[derive(Args, Clone)]
pub struct ExplainArgs {
    /// A `.rs` file (compiled with the toolchain), a Cargo package folder (`cargo check`), or
    /// `-` for rustc's or cargo's JSON diagnostics on stdin.
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// PATH (or stdin) is rustc's rendered error text, not JSON.
    #[arg(long)]
    pub rendered: bool,
    /// Show each nearest case's explanation and its whole diff to the fix.
    #[arg(long, short)]
    pub verbose: bool,
    /// Measure the matcher on a folder of programs whose headers name the expected cases
    /// (`//@ expect: NAME...`), instead of explaining PATH.
    #[arg(long, value_name = "DIR")]
    pub evaluate: Option<PathBuf>,
    #[command(flatten)]
    pub toolchain: ToolchainArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// How many programs `--evaluate` compiles at once (default: the number of cores).
    #[arg(long, short, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    /// Time limit in seconds of each compile (rustc on a file, cargo check on a package).
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,
}

#[derive(Args, Clone)]
pub struct MiriArgs {
    /// Programs: `.rs` files or folders (default: the bundled corpus).
    pub paths: Vec<PathBuf>,
    /// The Cargo.toml whose `[dependencies]` and `[dev-dependencies]` the programs may use
    /// (default: a Cargo.toml in the checked folder). The bundled corpus uses this package's
    /// `[dev-dependencies]`.
    #[arg(long, value_name = "Cargo.toml")]
    pub manifest: Option<PathBuf>,
    /// A nightly toolchain with the `miri` and `rust-src` components.
    #[arg(long, default_value = "nightly")]
    pub toolchain: String,
    /// Run each program under every seed below N (`-Zmiri-many-seeds=0..N`), for findings that
    /// depend on the schedule.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub seeds: Option<u32>,
    /// How many programs at once (default: the number of cores).
    #[arg(long, short, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    /// Run everything afresh, neither reading nor writing the cache.
    #[arg(long)]
    pub no_cache: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Time limit in seconds of each run, native and under Miri.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub timeout: u64,
    /// List every program in the text report, not only findings and problems.
    #[arg(long)]
    pub all: bool,
    /// Write Miri's report over a pinned `<name>.miri.stderr` that is missing or differs, for
    /// cases of the bundled corpus whose verdict is as their directive says.
    #[arg(long)]
    pub bless: bool,
}

#[derive(Subcommand)]
pub enum HistoryCommand {
    /// Record toolchains into `history/` (only their own entries change).
    Record {
        /// Comma-separated rustup names; default: every tracked toolchain that is installed.
        #[arg(long)]
        toolchains: Option<String>,
        #[command(flatten)]
        run: CompileArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check the recorded history against installed toolchains (exit 1 on a difference).
    Verify {
        /// Comma-separated rustup names; default: every tracked toolchain that is installed.
        #[arg(long)]
        toolchains: Option<String>,
        #[command(flatten)]
        run: CompileArgs,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print each case's history as toolchain ranges, one variant (A, B, …) per distinct
    /// outcome and diagnostics.
    Show {
        /// One case (its name, or the path of its file); default: every case whose history has
        /// more than one variant.
        name: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MatrixFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Args, Clone)]
pub struct MatrixArgs {
    /// Programs: `.rs` files or folders (default: the bundled corpus).
    pub paths: Vec<PathBuf>,
    /// The Cargo.toml whose `[dependencies]` and `[dev-dependencies]` the programs may use
    /// (default: a Cargo.toml in the checked folder).
    #[arg(long, value_name = "Cargo.toml")]
    pub manifest: Option<PathBuf>,
    /// Comma-separated rustup names, such as `1.70.0,1.80.0,stable,nightly`.
    #[arg(long, required = true)]
    pub toolchains: String,
    #[command(flatten)]
    pub report: MatrixReport,
    #[command(flatten)]
    pub run: CompileArgs,
}

/// How a matrix is classified and reported (shared by `matrix` and `merge`).
#[derive(Args, Clone)]
pub struct MatrixReport {
    /// The toolchain others are compared with (default: the pinned one if listed, else the first).
    #[arg(long)]
    pub baseline: Option<String>,
    #[arg(long, value_enum, default_value_t = MatrixFormat::Text)]
    pub format: MatrixFormat,
    /// Write the report here instead of printing it.
    #[arg(long)]
    pub out: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

impl From<Format> for Rendered {
    fn from(f: Format) -> Rendered {
        match f {
            Format::Text => Rendered::Text,
            Format::Json => Rendered::Json,
        }
    }
}

impl From<MatrixFormat> for Rendered {
    fn from(f: MatrixFormat) -> Rendered {
        match f {
            MatrixFormat::Text => Rendered::Text,
            MatrixFormat::Json => Rendered::Json,
            MatrixFormat::Markdown => Rendered::Markdown,
            MatrixFormat::Html => Rendered::Html,
        }
    }
}

#[derive(Args, Clone)]
pub struct ToolchainArgs {
    /// A rustup toolchain name (`1.80.0`, `stable`, `nightly`); default: the active toolchain.
    #[arg(long, conflicts_with = "rustc")]
    pub toolchain: Option<String>,
    /// The path of a rustc binary, instead of a rustup toolchain.
    #[arg(long)]
    pub rustc: Option<PathBuf>,
}

impl ToolchainArgs {
    pub fn spec(&self) -> Spec {
        match (&self.toolchain, &self.rustc) {
            (Some(name), _) => Spec::Rustup(name.clone()),
            (None, Some(path)) => Spec::Path(path.clone()),
            (None, None) => Spec::Active,
        }
    }

    /// Whether a toolchain was asked for (`--toolchain X` or `--rustc PATH`).
    pub fn is_explicit(&self) -> bool {
        self.toolchain.is_some() || self.rustc.is_some()
    }
}

/// How compiles run: for commands that only type-check (`matrix`, `history`).
#[derive(Args, Clone)]
pub struct CompileArgs {
    /// How many compiles at once (default: the number of cores).
    #[arg(long, short, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    /// Compile everything afresh, neither reading nor writing the cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// How compiles and runs go: for `check`, which also runs passing cases.
#[derive(Args, Clone)]
pub struct RunArgs {
    #[command(flatten)]
    pub compile: CompileArgs,
    /// Time limit in seconds for running a passing case.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=86400))]
    pub timeout: u64,
    /// Memory limit in MiB for running a passing case (`RLIMIT_DATA`).
    #[arg(long, default_value_t = 1024, value_parser = clap::value_parser!(u64).range(16..=1048576))]
    pub memory_limit: u64,
}

#[derive(Args, Clone)]
pub struct CheckArgs {
    /// Programs to check: `.rs` files or folders (default: the bundled corpus).
    pub paths: Vec<PathBuf>,
    /// The Cargo.toml whose `[dependencies]` and `[dev-dependencies]` the programs may use
    /// (default: a Cargo.toml in the checked folder). The bundled corpus uses this package's
    /// `[dev-dependencies]`.
    #[arg(long, value_name = "Cargo.toml")]
    pub manifest: Option<PathBuf>,
    #[command(flatten)]
    pub toolchain: ToolchainArgs,
    #[command(flatten)]
    pub run: RunArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// List every case in the text report, not only those that are not ok.
    #[arg(long)]
    pub all: bool,
    /// Write the observed stderr over pinned `.stderr` files that are missing or differ, for
    /// failing cases whose error codes are as expected (pinned toolchain only). Every file
    /// written is listed.
    #[arg(long)]
    pub bless: bool,
    /// With --bless: also write `.stderr` files outside the bundled corpus (`cases/`).
    #[arg(long, requires = "bless")]
    pub bless_outside_corpus: bool,
    /// What a verdict compares: `stderr` (the default) also holds the rendered stderr to the
    /// `.stderr` beside a case, pinned ones on the pinned toolchain and a compiletest test's
    /// on any, as compiletest normalizes it; `codes` compares outcomes and error codes only.
    #[arg(long, value_enum, default_value_t = Compare::Stderr, conflicts_with = "bless")]
    pub compare: Compare,
}

/// `check --compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Compare {
    Stderr,
    Codes,
}
