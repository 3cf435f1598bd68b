//! `sendsync check`: the corpus, or any programs, on one toolchain, against their expectations.

use super::args::{CheckArgs, Compare, Format};
use super::common::{one, progress_bar, run_options, CmdResult};
use super::programs::{error_result, load_for, Programs};
use sendsync::engine::check::{self, Checked, Options};
use sendsync::engine::report::CheckReport;
use sendsync::error::Error;
use sendsync::input::case::Case;
use sendsync::input::corpus;
use sendsync::render::{render, Format as Rendered};
use sendsync::toolchain::Toolchain;

fn run_check(toolchain: &Toolchain, cases: &[Case], options: &Options) -> Vec<Checked> {
    let bar = progress_bar(cases.len());
    let results = check::check_all(toolchain, cases, options, |c| {
        bar.set_message(c.case.name.clone());
        bar.inc(1);
    });
    bar.finish_and_clear();
    results
}

pub fn run(args: CheckArgs) -> CmdResult {
    let toolchain = Toolchain::resolve(&args.toolchain.spec()).map_err(one)?;
    let Programs {
        cases,
        root,
        errors,
    } = load_for(&args.paths, args.manifest.as_deref(), args.bless)?;
    for e in &errors {
        eprintln!("error: {e}");
    }
    let mut options = run_options(&args.run, root);
    options.bless = args.bless;
    options.compare_stderr = args.compare == Compare::Stderr;
    if args.bless {
        bless_allowed(&args, &toolchain, &cases)?;
    }
    if args.toolchain.is_explicit()
        && toolchain.clippy.is_none()
        && cases.iter().any(|c| c.expectation.is_lint())
    {
        // Asked for by name, a toolchain that cannot lint the lint cases is an environment to
        // fix, not a row of `not-applicable`s.
        return Err(one(Error::ComponentMissing {
            toolchain: toolchain.name.clone(),
            component: "clippy".into(),
            message: check::clippy_missing(&toolchain),
        }));
    }
    let mut results = run_check(&toolchain, &cases, &options);
    results.extend(errors.iter().map(error_result));
    for r in &results {
        if let Some(path) = &r.blessed {
            eprintln!("blessed {}", path.display());
        }
    }
    print_report(&args, &toolchain, &results, &options);
    Ok(exit_code(&results))
}

/// `--bless` writes the pinned output: only on the pinned toolchain, and (without
/// `--bless-outside-corpus`) only inside the corpus.
fn bless_allowed(
    args: &CheckArgs,
    toolchain: &Toolchain,
    cases: &[Case],
) -> Result<(), Vec<Error>> {
    if !toolchain.is_pinned() {
        return Err(one(Error::usage(format!(
            "--bless writes the pinned output, which belongs to {}; this is {}",
            sendsync::toolchain::pinned(),
            toolchain.release
        ))));
    }
    if args.bless_outside_corpus {
        return Ok(());
    }
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
    if outside.is_empty() {
        Ok(())
    } else {
        Err(outside)
    }
}

/// The report on stdout (text or JSON), and the HTML one written beside.
fn print_report(args: &CheckArgs, toolchain: &Toolchain, results: &[Checked], options: &Options) {
    // One HTML report per toolchain, replaced by the next check on it (as `cargo doc` replaces
    // target/doc): the output names it, on stderr when stdout is JSON.
    let html = sendsync::paths::check_report(&toolchain.name);
    let report = CheckReport {
        toolchain,
        results,
        comparison: options.comparison(),
        all: args.all,
    };
    let page = render(&report, Rendered::Html).expect("a check has HTML");
    let html_written = sendsync::fs::write_atomic(&html, page.as_bytes());
    print!(
        "{}",
        render(&report, args.format.into()).expect("text or JSON")
    );
    match (html_written, args.format) {
        (Ok(()), Format::Text) => println!("report: {}", html.display()),
        (Ok(()), Format::Json) => eprintln!("report: {}", html.display()),
        (Err(e), _) => eprintln!("warning: no HTML report: {e}"),
    }
}

/// 2 when a case could not be checked, 1 when one failed, else 0.
fn exit_code(results: &[Checked]) -> u8 {
    if results.iter().any(|r| r.verdict == check::Verdict::Error) {
        return 2;
    }
    if results.iter().any(|r| r.verdict.is_failure()) {
        1
    } else {
        0
    }
}
