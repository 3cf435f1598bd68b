//! `sendsync`: runs the Send/Sync corpus (or any folder of programs) on any installed
//! toolchain, and renders what it finds. The library does the work; this file parses
//! arguments and prints.
//!
//! Exit codes: 0 success, 1 a mismatch or drift, 2 bad input or environment.

use clap::{Args, Parser, Subcommand, ValueEnum};
use sendsync::case::{Case, Expectation};
use sendsync::check::{self, Checked, Options};
use sendsync::corpus::{self, Corpus};
use sendsync::error::Error;
use sendsync::report;
use sendsync::toolchain::{self, Spec, Toolchain};
use sendsync::{history, matrix, pages};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

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

#[derive(Subcommand)]
enum Command {
    /// Check the corpus, or any folder or file of programs, on one toolchain (the default).
    Check(CheckArgs),
    /// List the cases of the corpus.
    List {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show one case: its explanation, source, pinned diagnostic and fix.
    Show {
        /// The case's name (`rc_config_into_spawn`) or the path of its file.
        name: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Run the cases on several toolchains and classify how each diagnostic drifted.
    Matrix(MatrixArgs),
    /// Merge matrices made separately (`matrix --format json`) into one.
    Merge {
        /// Matrix JSON files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        report: MatrixReport,
    },
    /// The std Send/Sync truth table: as declared, or probed on toolchains.
    Table {
        /// Probe this toolchain (a rustup name, or a path to rustc) instead of printing the
        /// declared table.
        #[arg(long, conflicts_with = "toolchains")]
        toolchain: Option<String>,
        /// Probe several toolchains, comma-separated, and show only rows whose answers differ.
        #[arg(long)]
        toolchains: Option<String>,
        #[arg(long, value_enum, default_value_t = TableFormat::Text)]
        format: TableFormat,
    },
    /// Write the corpus as mdBook source (book.toml, src/SUMMARY.md, a chapter per topic).
    Book {
        /// The folder to write to: new, empty, or an earlier `sendsync book` output.
        #[arg(long)]
        out: PathBuf,
        /// A matrix JSON from `sendsync matrix --format json`, for the drift chapter.
        #[arg(long)]
        matrix: Option<PathBuf>,
    },
    /// Write the corpus as a self-contained static HTML site.
    Site {
        /// The folder to write to: new, empty, or an earlier `sendsync site` output.
        #[arg(long)]
        out: PathBuf,
        /// A matrix JSON from `sendsync matrix --format json`, for the drift page.
        #[arg(long)]
        matrix: Option<PathBuf>,
    },
    /// The committed per-case history of diagnostics across toolchains.
    #[command(subcommand)]
    History(HistoryCommand),
    /// Run every program that compiles natively and under nightly Miri, and hold Miri's verdict
    /// against each case's `//@ miri:` directive (clean without one) and its pinned report.
    Miri(MiriArgs),
    /// Explain your own Send/Sync errors with the nearest corpus cases.
    Explain(ExplainArgs),
}

#[derive(Args, Clone)]
struct ExplainArgs {
    /// A `.rs` file (compiled with the toolchain), a Cargo package folder (`cargo check`), or
    /// `-` for rustc's or cargo's JSON diagnostics on stdin.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// PATH (or stdin) is rustc's rendered error text, not JSON.
    #[arg(long)]
    rendered: bool,
    /// Measure the matcher on a folder of programs whose headers name the expected cases
    /// (`//@ expect: NAME...`), instead of explaining PATH.
    #[arg(long, value_name = "DIR")]
    evaluate: Option<PathBuf>,
    #[command(flatten)]
    toolchain: ToolchainArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Args, Clone)]
struct MiriArgs {
    /// Programs: `.rs` files or folders (default: the bundled corpus).
    paths: Vec<PathBuf>,
    /// A nightly toolchain with the `miri` and `rust-src` components.
    #[arg(long, default_value = "nightly")]
    toolchain: String,
    /// Run each program under every seed below N (`-Zmiri-many-seeds=0..N`), for findings that
    /// depend on the schedule.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=4096))]
    seeds: Option<u32>,
    /// How many programs at once (default: the number of cores).
    #[arg(long, short, value_parser = clap::value_parser!(u64).range(1..=1024))]
    jobs: Option<u64>,
    /// Run everything afresh, neither reading nor writing the cache.
    #[arg(long)]
    no_cache: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Time limit in seconds of each run, native and under Miri.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=86400))]
    timeout: u64,
    /// List every program in the text report, not only findings and problems.
    #[arg(long)]
    all: bool,
    /// Write Miri's report over a pinned `<name>.miri.stderr` that is missing or differs, for
    /// cases of the bundled corpus whose verdict is as their directive says.
    #[arg(long)]
    bless: bool,
}

#[derive(Subcommand)]
enum HistoryCommand {
    /// Record toolchains into `history/` (only their own entries change).
    Record {
        /// Comma-separated rustup names; default: every tracked toolchain that is installed.
        #[arg(long)]
        toolchains: Option<String>,
        #[command(flatten)]
        run: CompileArgs,
    },
    /// Check the recorded history against installed toolchains (exit 1 on a difference).
    Verify {
        /// Comma-separated rustup names; default: every tracked toolchain that is installed.
        #[arg(long)]
        toolchains: Option<String>,
        #[command(flatten)]
        run: CompileArgs,
    },
    /// Print each case's history as toolchain ranges, one variant (A, B, …) per distinct
    /// outcome and diagnostics.
    Show {
        /// One case (its name, or the path of its file); default: every case whose history has
        /// more than one variant.
        name: Option<String>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TableFormat {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MatrixFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Args, Clone)]
struct MatrixArgs {
    /// Programs: `.rs` files or folders (default: the bundled corpus).
    paths: Vec<PathBuf>,
    /// Comma-separated rustup names, such as `1.70.0,1.80.0,stable,nightly`.
    #[arg(long, required = true)]
    toolchains: String,
    #[command(flatten)]
    report: MatrixReport,
    #[command(flatten)]
    run: CompileArgs,
}

/// How a matrix is classified and reported (shared by `matrix` and `merge`).
#[derive(Args, Clone)]
struct MatrixReport {
    /// The toolchain others are compared with (default: the pinned one if listed, else the first).
    #[arg(long)]
    baseline: Option<String>,
    #[arg(long, value_enum, default_value_t = MatrixFormat::Text)]
    format: MatrixFormat,
    /// Write the report here instead of printing it.
    #[arg(long)]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Args, Clone)]
struct ToolchainArgs {
    /// A rustup toolchain name (`1.80.0`, `stable`, `nightly`); default: the active toolchain.
    #[arg(long, conflicts_with = "rustc")]
    toolchain: Option<String>,
    /// The path of a rustc binary, instead of a rustup toolchain.
    #[arg(long)]
    rustc: Option<PathBuf>,
}

impl ToolchainArgs {
    fn spec(&self) -> Spec {
        match (&self.toolchain, &self.rustc) {
            (Some(name), _) => Spec::Rustup(name.clone()),
            (None, Some(path)) => Spec::Path(path.clone()),
            (None, None) => Spec::Active,
        }
    }

    /// Whether a toolchain was asked for (`--toolchain X` or `--rustc PATH`).
    fn is_explicit(&self) -> bool {
        self.toolchain.is_some() || self.rustc.is_some()
    }
}

/// How compiles run: for commands that only type-check (`matrix`, `history`).
#[derive(Args, Clone)]
struct CompileArgs {
    /// How many compiles at once (default: the number of cores).
    #[arg(long, short, value_parser = clap::value_parser!(u64).range(1..=1024))]
    jobs: Option<u64>,
    /// Compile everything afresh, neither reading nor writing the cache.
    #[arg(long)]
    no_cache: bool,
}

/// How compiles and runs go: for `check`, which also runs passing cases.
#[derive(Args, Clone)]
struct RunArgs {
    #[command(flatten)]
    compile: CompileArgs,
    /// Time limit in seconds for running a passing case.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=86400))]
    timeout: u64,
    /// Memory limit in MiB for running a passing case (`RLIMIT_DATA`).
    #[arg(long, default_value_t = 1024, value_parser = clap::value_parser!(u64).range(16..=1048576))]
    memory_limit: u64,
}

#[derive(Args, Clone)]
struct CheckArgs {
    /// Programs to check: `.rs` files or folders (default: the bundled corpus).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    toolchain: ToolchainArgs,
    #[command(flatten)]
    run: RunArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// List every case in the text report, not only those that are not ok.
    #[arg(long)]
    all: bool,
    /// Write the observed stderr over pinned `.stderr` files that are missing or differ, for
    /// failing cases whose error codes are as expected (pinned toolchain only). Every file
    /// written is listed.
    #[arg(long)]
    bless: bool,
    /// With --bless: also write `.stderr` files outside the bundled corpus (`cases/`).
    #[arg(long, requires = "bless")]
    bless_outside_corpus: bool,
}

fn main() -> ExitCode {
    // Like any Unix filter, stop quietly when the reader goes away (`sendsync list | head`).
    // SAFETY: restoring the default action of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse();
    // Ctrl-C or SIGTERM: stop every running case's process group, remove temporary folders,
    // close the progress bar line, say so, and exit 130.
    let interrupt = sendsync::process::install_interrupt_handler(|| {
        use std::io::IsTerminal;
        if std::io::stderr().is_terminal() {
            eprint!("\r\x1b[2K");
        }
    });
    if let Err(e) = interrupt {
        eprintln!("warning: {e}");
    }
    // No command is `check` with clap's own defaults.
    let command = cli.command.unwrap_or_else(|| {
        Cli::parse_from(["sendsync", "check"])
            .command
            .expect("`check` parses")
    });
    let result = match command {
        Command::Check(args) => cmd_check(args),
        Command::List { format } => cmd_list(format),
        Command::Show { name, format } => cmd_show(&name, format),
        Command::Matrix(args) => cmd_matrix(args),
        Command::Merge { files, report } => cmd_merge(&files, report),
        Command::History(cmd) => cmd_history(cmd),
        Command::Miri(args) => cmd_miri(args),
        Command::Explain(args) => cmd_explain(args),
        Command::Book { out, matrix } => cmd_pages(true, &out, matrix.as_deref()),
        Command::Site { out, matrix } => cmd_pages(false, &out, matrix.as_deref()),
        Command::Table {
            toolchain,
            toolchains,
            format,
        } => cmd_table(toolchain, toolchains, format),
    };
    if std::env::var_os("SENDSYNC_PEAK_RSS").is_some() {
        // For the benchmark: this process's own peak, apart from the rustc processes it runs.
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        if let Some(line) = status.lines().find(|l| l.starts_with("VmHWM:")) {
            eprintln!("sendsync peak RSS: {}", line["VmHWM:".len()..].trim());
        }
    }
    match result {
        Ok(code) => ExitCode::from(code),
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            ExitCode::from(2)
        }
    }
}

type CmdResult = Result<u8, Vec<Error>>;

fn cmd_explain(args: ExplainArgs) -> CmdResult {
    let options = sendsync::explain::Options {
        json: matches!(args.format, Format::Json),
        rendered: args.rendered,
        toolchain: args.toolchain.spec(),
    };
    let text = match &args.evaluate {
        Some(dir) => sendsync::explain::run_evaluation(dir, &options),
        None => sendsync::explain::run(&args.path, &options),
    }
    .map_err(one)?;
    print!("{text}");
    Ok(0)
}

fn one(e: Error) -> Vec<Error> {
    vec![e]
}

fn load_corpus() -> Result<Corpus, Vec<Error>> {
    Corpus::load(&corpus::bundled_root())
}

/// The programs to run, and the files that could not be read as programs.
struct Programs {
    cases: Vec<Case>,
    /// What report paths are relative to.
    root: PathBuf,
    /// One file's problem is that file's `error` verdict: the others are still run.
    errors: Vec<Error>,
}

/// Loads the programs to run: the bundled corpus (validated as a whole: any problem stops the
/// run), or the programs under the given paths, where a file without a header is an unspecified
/// program, a compiletest test is read as one, and a file with a bad header is an error of its
/// own while the others are run.
fn load_programs(paths: &[PathBuf]) -> Result<Programs, Vec<Error>> {
    if paths.is_empty() {
        let corpus = load_corpus()?;
        return Ok(Programs {
            cases: corpus.cases,
            root: corpus::package_root(),
            errors: vec![],
        });
    }
    let files = check::collect_programs(paths).map_err(one)?;
    if files.is_empty() {
        return Err(one(Error::input(&paths[0], None, "no .rs programs here")));
    }
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for file in &files {
        match Case::load_lenient(file) {
            Ok(c) => cases.push(c),
            Err(e) => errors.push(e),
        }
    }
    // A fix must exist: among the programs checked, beside the case, or (for a case of the
    // bundled corpus) in the corpus.
    let mut names: std::collections::BTreeSet<String> =
        cases.iter().map(|c| c.name.clone()).collect();
    let bundled = corpus::bundled_root();
    if cases
        .iter()
        .any(|c| std::path::absolute(&c.path).is_ok_and(|p| p.starts_with(&bundled)))
    {
        let all = check::collect_programs(&[bundled]).unwrap_or_default();
        names.extend(
            all.iter()
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned())),
        );
    }
    let exists = |c: &Case, fix: &str| {
        names.contains(fix) || c.path.with_file_name(format!("{fix}.rs")).is_file()
    };
    cases.retain(|c| {
        let missing: Vec<&String> = c.fix.iter().filter(|f| !exists(c, f)).collect();
        for fix in &missing {
            errors.push(Error::input(
                &c.path,
                corpus::directive_line(c, "fix"),
                format!(
                    "`fix: {fix}` names no case (none among the programs checked, none beside it)"
                ),
            ));
        }
        missing.is_empty()
    });
    Ok(Programs {
        root: root_for(&files[0]),
        cases,
        errors,
    })
}

/// The programs of a run that may bless: blessing the bundled corpus is how missing pinned
/// files come to be, so it is loaded without validating it as a whole.
fn load_for(paths: &[PathBuf], bless: bool) -> Result<Programs, Vec<Error>> {
    if !(bless && paths.is_empty()) {
        return load_programs(paths);
    }
    let files = check::collect_programs(&[corpus::bundled_root()]).map_err(one)?;
    let cases: Result<Vec<Case>, Error> = files.iter().map(|f| Case::load(f)).collect();
    Ok(Programs {
        cases: cases.map_err(one)?,
        root: corpus::package_root(),
        errors: vec![],
    })
}

/// A file that could not be read as a program, as a result with the verdict `error`.
fn error_result(e: &Error) -> Checked {
    let path = match e {
        Error::Input { path, .. } | Error::Io { path, .. } => path.clone(),
        Error::Environment(_) => PathBuf::new(),
    };
    let case = Case::parse(&path, String::new(), false).unwrap_or_else(|_| {
        Case::parse(Path::new("unnamed.rs"), String::new(), false).expect("an empty program")
    });
    Checked {
        case,
        outcome: None,
        verdict: check::Verdict::Error,
        reason: e.to_string(),
        cached: false,
        blessed: None,
    }
}

/// What output paths are relative to: the nearest folder above with a Cargo.toml (as trybuild
/// makes them relative to the package), else the current folder.
fn root_for(file: &Path) -> PathBuf {
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    abs.ancestors()
        .skip(1)
        .find(|d| d.join("Cargo.toml").is_file())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
}

fn options(compile: &CompileArgs, root: PathBuf) -> Options {
    let mut options = Options::new(root);
    if let Some(jobs) = compile.jobs {
        options.jobs = jobs as usize;
    }
    if compile.no_cache {
        options.cache = None;
    }
    options
}

fn run_options(run: &RunArgs, root: PathBuf) -> Options {
    let mut options = options(&run.compile, root);
    options.limits.run = Duration::from_secs(run.timeout);
    options.limits.memory = run.memory_limit * 1024 * 1024;
    options
}

fn progress_bar(len: usize) -> indicatif::ProgressBar {
    // indicatif draws only on a terminal: piped output stays quiet.
    let bar = indicatif::ProgressBar::new(len as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
            .expect("a valid template"),
    );
    bar
}

fn run_check(toolchain: &Toolchain, cases: &[Case], options: &Options) -> Vec<Checked> {
    let bar = progress_bar(cases.len());
    let results = check::check_all(toolchain, cases, options, |c| {
        bar.set_message(c.case.name.clone());
        bar.inc(1);
    });
    bar.finish_and_clear();
    results
}

fn cmd_check(args: CheckArgs) -> CmdResult {
    let toolchain = Toolchain::resolve(&args.toolchain.spec()).map_err(one)?;
    let Programs {
        cases,
        root,
        errors,
    } = load_for(&args.paths, args.bless)?;
    for e in &errors {
        eprintln!("error: {e}");
    }
    let mut options = run_options(&args.run, root);
    options.bless = args.bless;
    if args.bless && !toolchain.is_pinned() {
        return Err(one(Error::env(format!(
            "--bless writes the pinned output, which belongs to {}; this is {}",
            sendsync::toolchain::pinned(),
            toolchain.release
        ))));
    }
    if args.bless && !args.bless_outside_corpus {
        let corpus_root = corpus::bundled_root();
        let outside: Vec<Error> = cases
            .iter()
            .filter(|c| {
                let abs = std::path::absolute(&c.path).unwrap_or_else(|_| c.path.clone());
                c.expectation.is_pinned() && !abs.starts_with(&corpus_root)
            })
            .map(|c| {
                Error::input(
                    &c.stderr_path(),
                    None,
                    format!(
                        "--bless would write this file outside the corpus ({}); add --bless-outside-corpus to allow it",
                        corpus_root.display()
                    ),
                )
            })
            .collect();
        if !outside.is_empty() {
            return Err(outside);
        }
    }
    if args.toolchain.is_explicit()
        && toolchain.clippy.is_none()
        && cases.iter().any(|c| c.expectation.is_lint())
    {
        // Asked for by name, a toolchain that cannot lint the lint cases is an environment to
        // fix, not a row of `not-applicable`s.
        return Err(one(Error::env(check::clippy_missing(&toolchain))));
    }
    let mut results = run_check(&toolchain, &cases, &options);
    results.extend(errors.iter().map(error_result));
    for r in &results {
        if let Some(path) = &r.blessed {
            eprintln!("blessed {}", path.display());
        }
    }

    let html = sendsync::paths::check_report(&toolchain.name);
    let html_written =
        sendsync::error::write_atomic(&html, report::check_html(&toolchain, &results).as_bytes());
    match args.format {
        Format::Json => println!("{}", report::check_json(&toolchain, &results)),
        Format::Text => {
            print!("{}", report::check_text(&toolchain, &results, args.all));
            match html_written {
                Ok(()) => println!("report: {}", html.display()),
                Err(e) => eprintln!("warning: no HTML report: {e}"),
            }
        }
    }
    if results.iter().any(|r| r.verdict == check::Verdict::Error) {
        return Ok(2);
    }
    Ok(if results.iter().any(|r| r.verdict.is_failure()) {
        1
    } else {
        0
    })
}

fn cmd_miri(args: MiriArgs) -> CmdResult {
    use sendsync::miri::{self, Miri};
    let toolchain = Toolchain::resolve(&Spec::Rustup(args.toolchain.clone())).map_err(one)?;
    let runner = Miri::find(&toolchain).map_err(one)?;
    let Programs {
        cases,
        root,
        errors,
    } = load_for(&args.paths, args.bless)?;
    if args.bless {
        let bundled = corpus::bundled_root();
        if let Some(c) = cases
            .iter()
            .find(|c| !std::path::absolute(&c.path).is_ok_and(|p| p.starts_with(&bundled)))
        {
            return Err(one(Error::input(
                &c.path,
                None,
                format!(
                    "--bless writes pinned Miri reports only in the bundled corpus ({})",
                    bundled.display()
                ),
            )));
        }
    }
    for e in &errors {
        eprintln!("error: {e}");
    }
    runner
        .prepare(|what| eprintln!("sendsync: {what}"))
        .map_err(one)?;
    let mut options = miri::Options::new(root.clone());
    if let Some(jobs) = args.jobs {
        options.jobs = jobs as usize;
    }
    if args.no_cache {
        options.cache = None;
    }
    options.timeout = Duration::from_secs(args.timeout);
    options.seeds = args.seeds;
    let bar = progress_bar(cases.len());
    let results = miri::check_all(&runner, &cases, &options, args.bless, |c| {
        bar.set_message(c.case.name.clone());
        bar.inc(1);
    });
    bar.finish_and_clear();
    for r in &results {
        if let Some(path) = &r.blessed {
            eprintln!("blessed {}", path.display());
        }
    }
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&miri::to_json(&results, &root)).expect("json")
        ),
        Format::Text => print!("{}", miri::to_text(&results, &root, args.all)),
    }
    if !errors.is_empty() {
        return Ok(2);
    }
    Ok(if results.iter().any(|r| r.is_failure()) {
        1
    } else {
        0
    })
}

fn codes_of(case: &Case) -> String {
    match &case.expectation {
        Expectation::Fail(codes) | Expectation::Lint(codes) => {
            codes.iter().cloned().collect::<Vec<_>>().join(" ")
        }
        _ => String::new(),
    }
}

/// What `list` says a case wants: `fail`, `lint` or `pass`.
fn wants(case: &Case) -> &'static str {
    if case.expectation.is_fail() {
        "fail"
    } else if case.expectation.is_lint() {
        "lint"
    } else {
        "pass"
    }
}

fn cmd_list(format: Format) -> CmdResult {
    let corpus = load_corpus()?;
    match format {
        Format::Json => {
            let mut codes = std::collections::BTreeSet::new();
            let cases: Vec<serde_json::Value> = corpus
                .cases
                .iter()
                .map(|c| {
                    if let Expectation::Fail(cs) = &c.expectation {
                        codes.extend(cs.iter().cloned());
                    }
                    serde_json::json!({
                        "topic": c.topic,
                        "name": c.name,
                        "title": c.title,
                        "path": c.path.strip_prefix(corpus::package_root()).unwrap_or(&c.path),
                        "expected": wants(c),
                        "codes": match &c.expectation { Expectation::Fail(cs) => cs.iter().cloned().collect(), _ => vec![] },
                        "lints": match &c.expectation { Expectation::Lint(ls) => ls.iter().cloned().collect(), _ => vec![] },
                        "fix": c.fix.first(),
                        "fixes": c.fix,
                        "book": c.book,
                        "min_rust": c.min_rust.as_ref().map(|v| v.to_string()),
                        "edition": c.edition,
                    })
                })
                .collect();
            let fails = corpus
                .cases
                .iter()
                .filter(|c| c.expectation.is_fail())
                .count();
            let lints = corpus
                .cases
                .iter()
                .filter(|c| c.expectation.is_lint())
                .count();
            let out = serde_json::json!({
                "cases": cases,
                "topics": corpus.topics.iter().map(|t| serde_json::json!({"name": t.name, "title": t.title, "cases": corpus.topic_cases(&t.name).count()})).collect::<Vec<_>>(),
                "codes": codes,
                "summary": {
                    "cases": corpus.cases.len(),
                    "topics": corpus.topics.len(),
                    "codes": codes.len(),
                    "pass": corpus.cases.len() - fails - lints,
                    "fail": fails,
                    "lint": lints,
                },
            });
            println!("{}", serde_json::to_string_pretty(&out).expect("json"));
        }
        Format::Text => {
            let w = corpus.cases.iter().map(|c| c.name.len()).max().unwrap_or(4);
            println!(
                "{:<13} {:<w$}  {:<5} {:<14} book",
                "topic", "name", "wants", "codes"
            );
            for c in &corpus.cases {
                let verdict = wants(c);
                let book = c
                    .book
                    .as_deref()
                    .map(|b| format!("Listing {b}"))
                    .unwrap_or_default();
                println!(
                    "{:<13} {:<w$}  {:<5} {:<14} {}",
                    c.topic,
                    c.name,
                    verdict,
                    codes_of(c),
                    book
                );
            }
            let fails = corpus
                .cases
                .iter()
                .filter(|c| c.expectation.is_fail())
                .count();
            let lints = corpus
                .cases
                .iter()
                .filter(|c| c.expectation.is_lint())
                .count();
            println!(
                "\n{} cases in {} topics: {} fail, {} lint, {} pass",
                corpus.cases.len(),
                corpus.topics.len(),
                fails,
                lints,
                corpus.cases.len() - fails - lints
            );
        }
    }
    Ok(0)
}

/// The case a user named: by name, or by the path of its file. Otherwise an error that
/// suggests the nearest names.
fn find_case<'a>(corpus: &'a Corpus, name: &str) -> Result<&'a Case, Vec<Error>> {
    let by_path = Path::new(name)
        .file_stem()
        .filter(|_| name.ends_with(".rs"))
        .and_then(|s| s.to_str());
    if let Some(case) = corpus.get(by_path.unwrap_or(name)) {
        return Ok(case);
    }
    // Nearest names: those that contain every word asked for, then by similarity.
    let words: Vec<&str> = name
        .split(['_', ' ', '-'])
        .filter(|w| !w.is_empty())
        .collect();
    let mut near: Vec<(f64, &str)> = corpus
        .cases
        .iter()
        .map(|c| {
            let all_words = words.iter().all(|w| c.name.contains(w));
            let score = strsim::jaro_winkler(name, &c.name) + if all_words { 1.0 } else { 0.0 };
            (score, c.name.as_str())
        })
        .filter(|(score, _)| *score > 0.75)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0));
    let near: Vec<&str> = near.iter().take(5).map(|(_, n)| *n).collect();
    let hint = if near.is_empty() {
        String::new()
    } else {
        format!("; did you mean {}?", near.join(", "))
    };
    Err(one(Error::env(format!(
        "no case named `{name}` in the corpus{hint} (see `sendsync list`)"
    ))))
}

/// The obligation chains of a case on the pinned toolchain, read from its committed history.
fn pinned_chains(case: &sendsync::case::Case) -> Vec<sendsync::chain::Chain> {
    let path = history::History::path(&history::default_root(), case);
    let Ok(Some(h)) = history::History::load(&path) else {
        return vec![];
    };
    h.variant_on(sendsync::toolchain::pinned())
        .map(|v| sendsync::chain::chains(&v.diagnostics, Some(&case.source)))
        .unwrap_or_default()
}

fn cmd_show(name: &str, format: Format) -> CmdResult {
    let corpus = load_corpus()?;
    let case = find_case(&corpus, name)?;
    let rel = case
        .path
        .strip_prefix(corpus::package_root())
        .unwrap_or(&case.path);
    let chains = pinned_chains(case);
    if let Format::Json = format {
        let fixes: Vec<serde_json::Value> = case
            .fix
            .iter()
            .filter_map(|f| corpus.get(f))
            .map(|fix| {
                serde_json::json!({
                    "name": fix.name,
                    "title": fix.title,
                    "diff": report::diff(&case.source, &fix.source),
                })
            })
            .collect();
        let json = serde_json::json!({
            "name": case.name,
            "path": rel.display().to_string(),
            "topic": case.topic,
            "title": case.title,
            "explanation": case.explanation,
            "expected": case.expectation.label(),
            "book": case.book,
            "min_rust": case.min_rust.as_ref().map(|v| v.to_string()),
            "pinned_toolchain": sendsync::toolchain::pinned(),
            "stderr": std::fs::read_to_string(case.stderr_path()).ok(),
            "chains": chains,
            "fixes": fixes,
            "fix_for": corpus.repaired_by(&case.name).iter().map(|c| &c.name).collect::<Vec<_>>(),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&json).expect("plain data")
        );
        return Ok(0);
    }
    println!(
        "{}\n{}\n",
        case.title,
        "=".repeat(case.title.chars().count())
    );
    println!("{}\n", case.explanation);
    println!(
        "topic: {}   file: {}   expected: {}",
        case.topic,
        rel.display(),
        case.expectation.label()
    );
    if let Some(book) = &case.book {
        println!("Rust Book listing {book}");
    }
    if let Some(min) = &case.min_rust {
        println!("needs Rust {min} or newer");
    }
    println!("\n--- source ---\n{}", case.source.trim_end());
    if case.expectation.is_pinned() {
        let pinned = std::fs::read_to_string(case.stderr_path())
            .unwrap_or_else(|_| "(no pinned stderr)".into());
        println!(
            "\n--- pinned diagnostic ({}) ---\n{}",
            sendsync::toolchain::pinned(),
            pinned.trim_end()
        );
        for chain in &chains {
            println!(
                "\n--- obligation chain: how `{}` is missing ---\n{}\n\n{}",
                chain.trait_name,
                chain.to_line(),
                chain.to_block().trim_end()
            );
        }
    }
    for (i, fix) in case.fix.iter().filter_map(|f| corpus.get(f)).enumerate() {
        let label = if i == 0 {
            "fix"
        } else {
            "another idiomatic fix"
        };
        println!("\n--- {label}: {} ({}) ---", fix.name, fix.title);
        print!(
            "{}",
            report::diff(&case.source, &fix.source)
                .replace("--- pinned", &format!("--- {}", case.name))
                .replace("+++ observed", &format!("+++ {}", fix.name))
        );
    }
    let fixes = corpus.repaired_by(&case.name);
    if !fixes.is_empty() {
        let names: Vec<&str> = fixes.iter().map(|c| c.name.as_str()).collect();
        println!("\nthis case is the fix for: {}", names.join(", "));
    }
    Ok(0)
}

fn emit_matrix(m: &matrix::Matrix, report: MatrixReport) -> CmdResult {
    let text = match report.format {
        MatrixFormat::Text => matrix::to_text(m),
        MatrixFormat::Json => matrix::to_json(m) + "\n",
        MatrixFormat::Markdown => matrix::to_markdown(m),
        MatrixFormat::Html => matrix::to_html(m),
    };
    match report.out {
        Some(path) => {
            sendsync::error::write_atomic(&path, text.as_bytes()).map_err(one)?;
            eprintln!("wrote {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(if m.any_drift() { 1 } else { 0 })
}

fn cmd_matrix(args: MatrixArgs) -> CmdResult {
    let names = toolchain::parse_list(&args.toolchains);
    let Programs {
        cases,
        root,
        errors,
    } = load_programs(&args.paths)?;
    for e in &errors {
        eprintln!("error: {e}");
    }
    let options = options(&args.run, root);
    let bar = progress_bar(cases.len() * names.len());
    let mut warnings = Vec::new();
    let m = matrix::build(
        &cases,
        &names,
        args.report.baseline.as_deref(),
        &options,
        &mut warnings,
        |tc, c| {
            bar.set_message(format!("{tc} {}", c.case.name));
            bar.inc(1);
        },
    );
    bar.finish_and_clear();
    for w in &warnings {
        eprintln!("warning: {w}");
    }
    let mut m = m.map_err(one)?;
    for e in &errors {
        let r = error_result(e);
        let path = r
            .case
            .path
            .strip_prefix(&options.root)
            .unwrap_or(&r.case.path);
        m.add_error_row(&r.case.name, &path.display().to_string());
    }
    let code = emit_matrix(&m, args.report)?;
    Ok(if errors.is_empty() { code } else { 2 })
}

fn cmd_merge(files: &[PathBuf], report: MatrixReport) -> CmdResult {
    let parts = files
        .iter()
        .map(|f| matrix::load(f).map(|m| (f.display().to_string(), m)))
        .collect::<Result<Vec<_>, _>>()
        .map_err(one)?;
    let m = matrix::merge(parts, report.baseline.as_deref()).map_err(one)?;
    emit_matrix(&m, report)
}

/// The toolchains to record or verify: those named, else every tracked one that is installed
/// (naming those that are not).
fn history_toolchains(list: Option<&str>) -> Result<Vec<Toolchain>, Vec<Error>> {
    let names = match list {
        Some(list) => toolchain::parse_list(list),
        None => history::tracked(),
    };
    let mut out = Vec::new();
    for name in names {
        match Toolchain::resolve(&Spec::Rustup(name.clone())) {
            Ok(tc) => out.push(tc),
            Err(e) if list.is_none() => eprintln!("skipped: {e}"),
            Err(e) => return Err(one(e)),
        }
    }
    Ok(out)
}

fn cmd_history(cmd: HistoryCommand) -> CmdResult {
    let root = history::default_root();
    match cmd {
        HistoryCommand::Record { toolchains, run } => {
            let corpus = load_corpus()?;
            let options = options(&run, corpus::package_root());
            let toolchains = history_toolchains(toolchains.as_deref())?;
            let mut started = std::time::Instant::now();
            history::record_all(
                &root,
                &corpus.cases,
                &toolchains,
                &options,
                |tc, changed| {
                    println!(
                        "{} ({}): {changed} histories changed, {:.1} s",
                        history::key_of(tc),
                        tc.release,
                        started.elapsed().as_secs_f64()
                    );
                    started = std::time::Instant::now();
                },
            )
            .map_err(one)?;
            println!("{}: updated as one change", root.display());
            Ok(0)
        }
        HistoryCommand::Verify { toolchains, run } => {
            let corpus = load_corpus()?;
            let options = options(&run, corpus::package_root());
            let mut differences = 0;
            let recorded = history::recorded_keys(&root, &corpus.cases).map_err(one)?;
            for tc in history_toolchains(toolchains.as_deref())? {
                let key = history::key_of(&tc);
                if !recorded.contains(&key) {
                    // As `cargo test` does: a toolchain new to the history is no difference.
                    println!(
                        "{key}: new to the history, not verified ({} is not recorded for any case); record it with `sendsync history record --toolchains {}`",
                        tc.release, tc.name
                    );
                    continue;
                }
                let diffs = history::verify(&root, &corpus.cases, &tc, &options).map_err(one)?;
                println!(
                    "{}: {} cases, {} differ from the recorded history",
                    history::key_of(&tc),
                    corpus.cases.len(),
                    diffs.len()
                );
                for d in &diffs {
                    println!("  {} on {}: {}", d.case, d.toolchain, d.what);
                }
                differences += diffs.len();
            }
            Ok(if differences > 0 { 1 } else { 0 })
        }
        HistoryCommand::Show { name } => {
            let corpus = load_corpus()?;
            let only = match &name {
                Some(name) => Some(find_case(&corpus, name)?.name.clone()),
                None => None,
            };
            if only.is_none() {
                println!(
                    "Cases whose diagnostics differ between toolchains (the others read the same on every one).\nEach letter is one variant of outcome and structured diagnostics; `sendsync history show NAME` shows one case.\n"
                );
            }
            let name = only;
            for case in &corpus.cases {
                if name.as_ref().is_some_and(|n| *n != case.name) {
                    continue;
                }
                let path = history::History::path(&root, case);
                match history::History::load(&path).map_err(one)? {
                    Some(h) if name.is_some() || h.variants.len() > 1 => {
                        // One range per line: the ranges of a case can be many.
                        println!("{}:\n  {}", case.name, h.describe().replace("; ", "\n  "));
                        for (from, what) in h.chain_changes(Some(&case.source)) {
                            println!("  obligation chain changed on {from}: {what}");
                        }
                    }
                    Some(_) => {}
                    None if name.is_some() => println!("{}: no history recorded", case.name),
                    None => {}
                }
            }
            Ok(0)
        }
    }
}

fn cmd_table(
    toolchain: Option<String>,
    toolchains: Option<String>,
    format: TableFormat,
) -> CmdResult {
    let names = match (toolchain, toolchains) {
        (Some(one), _) => vec![one],
        (None, Some(list)) => toolchain::parse_list(&list),
        (None, None) => vec![],
    };
    let format = match format {
        TableFormat::Text => "text",
        TableFormat::Json => "json",
        TableFormat::Markdown => "markdown",
    };
    let (text, code) = sendsync::table::command(&names, format).map_err(one)?;
    print!("{text}");
    Ok(code)
}

fn cmd_pages(book: bool, out: &Path, matrix: Option<&Path>) -> CmdResult {
    let corpus = load_corpus()?;
    let inputs =
        pages::PageInputs::gather(&corpus, &history::default_root(), matrix).map_err(one)?;
    if book {
        let files = pages::write_book(&inputs, out).map_err(one)?;
        println!(
            "wrote {} files; build with `mdbook build {}`",
            files.len(),
            out.display()
        );
    } else {
        let files = pages::write_site(&inputs, out).map_err(one)?;
        println!(
            "wrote {} files; open {}",
            files.len(),
            out.join("index.html").display()
        );
    }
    Ok(0)
}
