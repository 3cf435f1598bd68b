//! `sendsync ui record|check|show`: a crate's own UI tests (trybuild's `tests/ui`) on every
//! toolchain, with expectations per toolchain beside the programs. The work is
//! [`sendsync::uitest`]'s; this module parses the arguments and prints.

use super::common::{one, CmdResult};
use clap::{Args, Subcommand};
use sendsync::error::Error;
use sendsync::toolchain::{self, Spec, Toolchain};
use sendsync::uitest::expect::Change;
use sendsync::uitest::{self, Suite, Verdict};
use std::path::PathBuf;

#[derive(Subcommand)]
pub enum UiCommand {
    /// Record what each toolchain gives for every UI program into `NAME.sendsync.toml` beside
    /// it: toolchains new to a program are added; one recorded with another result changes
    /// only with --bless (or SENDSYNC_BLESS=1).
    Record {
        #[command(flatten)]
        suite: SuiteArgs,
        #[command(flatten)]
        toolchains: Toolchains,
        /// Replace recorded expectations that differ from what the toolchain gives now.
        #[arg(long)]
        bless: bool,
    },
    /// Hold each toolchain's output to its expectation (a toolchain never recorded: the nearest
    /// recorded one's); exit 1 with the diff and the drift class where one differs.
    Check {
        #[command(flatten)]
        suite: SuiteArgs,
        #[command(flatten)]
        toolchains: Toolchains,
    },
    /// Print each program's expectations as toolchain ranges, one variant (A, B, …) per distinct
    /// outcome and stderr.
    Show {
        #[command(flatten)]
        suite: SuiteArgs,
        /// `text`: each program's ranges (the drift matrix as text with --baseline or --out);
        /// `json`, `markdown`, `html`: the drift matrix of every program across the recorded
        /// toolchains, classified against a baseline (`sendsync site --matrix` draws the JSON).
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
        /// The toolchain the matrix classifies the others against (default: the pinned one
        /// when recorded, else the newest).
        #[arg(long)]
        baseline: Option<String>,
        /// Write the report here instead of printing it.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

/// `ui show --format`.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShowFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Args, Clone)]
pub struct SuiteArgs {
    /// The crate's Cargo.toml.
    #[arg(long, value_name = "Cargo.toml")]
    pub manifest_path: PathBuf,
    /// The UI folder, relative to the crate: every `.rs` file below it is a program.
    #[arg(long, default_value = "tests/ui")]
    pub dir: PathBuf,
    /// How many programs compile at once (default: the number of cores).
    #[arg(long, short, value_parser = clap::value_parser!(u64).range(1..=1024))]
    pub jobs: Option<u64>,
    /// The toolchain that trybuild's `NAME.stderr` files belong to, where no
    /// `NAME.sendsync.toml` is beside them (default: the release the crate's
    /// rust-toolchain.toml pins, else sendsync's pinned toolchain).
    #[arg(long, value_name = "TOOLCHAIN")]
    pub stderr_toolchain: Option<String>,
}

#[derive(Args, Clone)]
pub struct Toolchains {
    /// A rustup toolchain name (default: the active toolchain).
    #[arg(long, conflicts_with = "toolchains")]
    pub toolchain: Option<String>,
    /// Several rustup toolchain names, comma-separated (`1.75.0,1.95.0`).
    #[arg(long)]
    pub toolchains: Option<String>,
}

impl Toolchains {
    fn resolve(&self) -> Result<Vec<Toolchain>, Vec<Error>> {
        let specs = match (&self.toolchain, &self.toolchains) {
            (Some(name), _) => vec![Spec::Rustup(name.clone())],
            (None, Some(list)) => toolchain::parse_list(list)
                .into_iter()
                .map(Spec::Rustup)
                .collect(),
            (None, None) => vec![Spec::Active],
        };
        specs
            .iter()
            .map(|s| Toolchain::resolve(s).map_err(one))
            .collect()
    }
}

fn open(args: &SuiteArgs) -> Result<Suite, Vec<Error>> {
    let mut suite = Suite::open(&args.manifest_path, &args.dir).map_err(one)?;
    if let Some(jobs) = args.jobs {
        suite.jobs = jobs as usize;
    }
    if let Some(name) = &args.stderr_toolchain {
        let tc = Toolchain::resolve(&Spec::Rustup(name.clone())).map_err(one)?;
        suite.krate.stderr_from(&tc);
    }
    Ok(suite)
}

pub fn run(cmd: UiCommand) -> CmdResult {
    match cmd {
        UiCommand::Record {
            suite,
            toolchains,
            bless,
        } => {
            let bless = bless || std::env::var_os("SENDSYNC_BLESS").is_some_and(|v| v == "1");
            record(&open(&suite)?, &toolchains.resolve()?, bless)
        }
        UiCommand::Check { suite, toolchains } => check(&open(&suite)?, &toolchains.resolve()?),
        UiCommand::Show {
            suite,
            format: ShowFormat::Text,
            baseline: None,
            out: None,
        } => show(&open(&suite)?),
        UiCommand::Show {
            suite,
            format,
            baseline,
            out,
        } => timeline(&open(&suite)?, format, baseline.as_deref(), out.as_deref()),
    }
}

fn record(suite: &Suite, toolchains: &[Toolchain], bless: bool) -> CmdResult {
    let all = uitest::record(suite, toolchains, bless).map_err(one)?;
    let mut pending = 0;
    for r in &all {
        let count = |f: fn(&Change) -> bool| r.changes.iter().filter(|(_, c)| f(c)).count();
        let differs = count(|c| matches!(c, Change::Differs { .. }));
        println!(
            "{}: {} programs: {} added, {} as recorded, {} {}{}",
            r.key,
            suite.programs.len(),
            count(|c| *c == Change::Added),
            count(|c| *c == Change::Same),
            differs,
            if bless { "blessed" } else { "differ" },
            match &r.not_applicable {
                Some(why) => format!(
                    " (n/a: the crate does not build there: {})",
                    first_line(why)
                ),
                None => String::new(),
            }
        );
        for (program, change) in &r.changes {
            if let Change::Differs { was, now } = change {
                let text = |v: &Option<uitest::expect::Variant>| {
                    v.as_ref().map_or("n/a\n".to_string(), |v| {
                        format!("{}\n{}", v.outcome, v.stderr)
                    })
                };
                println!(
                    "  {program}: {}\n{}",
                    if bless {
                        "blessed: the recorded expectation is replaced"
                    } else {
                        "differs from the recorded expectation, which is kept (--bless replaces it)"
                    },
                    indent(&sendsync::engine::difference::diff(&text(was), &text(now)))
                );
            }
        }
        for (program, why) in &r.unrecorded {
            println!("  {program}: not recorded, its expectation kept: {why}");
        }
        if !bless {
            pending += differs;
        }
        pending += r.unrecorded.len();
    }
    Ok(if pending > 0 { 1 } else { 0 })
}

fn check(suite: &Suite, toolchains: &[Toolchain]) -> CmdResult {
    let mut failed = 0;
    for tc in toolchains {
        let results = uitest::check(suite, tc).map_err(one)?;
        let key = sendsync::drift::history::key_of(tc);
        let mut bad = 0;
        for c in &results {
            if let Some((against, true)) = &c.against {
                println!(
                    "{}: no expectation recorded for {key}: held against the nearest recorded toolchain, {against}",
                    c.program
                );
            }
            let against = c.against.as_ref().map_or(key.as_str(), |(a, _)| a);
            match &c.verdict {
                Verdict::Ok => continue,
                Verdict::Differs {
                    diff,
                    drift,
                    detail,
                } => println!(
                    "{}: differs from the expectation of {against} (drift: {}{})\n{}",
                    c.program,
                    drift.as_str(),
                    if detail.is_empty() {
                        String::new()
                    } else {
                        format!("; {detail}")
                    },
                    indent(diff)
                ),
                Verdict::NoExpectation => println!(
                    "{}: no expectation recorded: record one with `sendsync ui record`",
                    c.program
                ),
                Verdict::WasNotApplicable => println!(
                    "{}: recorded as n/a on {against} (the crate did not build), but it builds now",
                    c.program
                ),
                Verdict::NoResult(why) => println!("{}: no result: {why}", c.program),
            }
            bad += 1;
        }
        println!(
            "{key}: {} programs, {} as expected, {bad} not",
            results.len(),
            results.len() - bad
        );
        failed += bad;
    }
    Ok(if failed > 0 { 1 } else { 0 })
}

fn show(suite: &Suite) -> CmdResult {
    let all = uitest::show(suite).map_err(one)?;
    println!(
        "Each letter (A, B, ...) is one variant: an outcome with its normalized stderr, as recorded in\nNAME.sendsync.toml beside each program.\n"
    );
    for e in all {
        if e.toolchains.is_empty() {
            println!("{}:\n  no expectation recorded", e.program);
            continue;
        }
        println!(
            "{}:\n  {}",
            e.program,
            e.history().describe().replace("; ", "\n  ")
        );
        for (key, t) in &e.toolchains {
            if let Some(note) = &t.note {
                println!("  ({key}: {note})");
            }
        }
    }
    Ok(0)
}

/// `show --format json|markdown|html`: the drift matrix of the crate's programs.
fn timeline(
    suite: &Suite,
    format: ShowFormat,
    baseline: Option<&str>,
    out: Option<&std::path::Path>,
) -> CmdResult {
    use sendsync::drift::matrix;
    let all = uitest::show(suite).map_err(one)?;
    // A toolchain name (`nightly`) as its key (`nightly-2026-05-19`); a key as it is.
    let baseline = baseline.map(|name| {
        Toolchain::resolve(&Spec::Rustup(name.into()))
            .map(|tc| sendsync::drift::history::key_of(&tc))
            .unwrap_or_else(|_| name.to_string())
    });
    let m = uitest::timeline::matrix(suite, &all, baseline.as_deref());
    let text = match format {
        ShowFormat::Text => matrix::to_text(&m),
        ShowFormat::Json => matrix::to_json(&m),
        ShowFormat::Markdown => matrix::to_markdown(&m),
        ShowFormat::Html => matrix::to_html(&m),
    };
    match out {
        Some(path) => {
            sendsync::fs::write_atomic(path, text.as_bytes()).map_err(one)?;
            println!("wrote {}", path.display());
        }
        None => print!("{text}"),
    }
    Ok(0)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn first_line(text: &str) -> &str {
    text.lines()
        .find(|l| l.starts_with("error"))
        .or_else(|| text.lines().next())
        .unwrap_or_default()
}
