//! `sendsync miri`: every program that compiles, natively and under nightly Miri.

use super::args::MiriArgs;
use super::common::{one, progress_bar, CmdResult};
use super::programs::{load_for, Programs};
use sendsync::error::Error;
use sendsync::input::corpus;
use sendsync::learn::miri::{self, Miri};
use sendsync::render::render;
use sendsync::toolchain::{Spec, Toolchain};
use std::time::Duration;

pub fn run(args: MiriArgs) -> CmdResult {
    let toolchain = Toolchain::resolve(&Spec::Rustup(args.toolchain.clone())).map_err(one)?;
    let runner = Miri::find(&toolchain).map_err(one)?;
    let Programs {
        cases,
        root,
        errors,
    } = load_for(&args.paths, args.manifest.as_deref(), args.bless)?;
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
    let report = miri::MiriReport {
        results: &results,
        root: &root,
        all: args.all,
    };
    print!(
        "{}",
        render(&report, args.format.into()).expect("text or JSON")
    );
    if !errors.is_empty() || results.iter().any(|r| r.error) {
        return Ok(2);
    }
    Ok(if results.iter().any(|r| r.is_failure()) {
        1
    } else {
        0
    })
}
