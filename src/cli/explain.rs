//! `sendsync explain`: your own Send/Sync errors, with the nearest corpus cases.

use super::args::{ExplainArgs, Format};
use super::common::{one, CmdResult};
use sendsync::learn::explain;

pub fn run(args: ExplainArgs) -> CmdResult {
    let options = explain::Options {
        json: matches!(args.format, Format::Json),
        rendered: args.rendered,
        verbose: args.verbose,
        toolchain: args.toolchain.spec(),
        jobs: args
            .jobs
            .map_or_else(sendsync::work::default_jobs, |j| j as usize),
        timeout: std::time::Duration::from_secs(args.timeout),
    };
    let text = match &args.evaluate {
        Some(dir) => explain::run_evaluation(dir, &options),
        None => explain::run(&args.path, &options),
    }
    .map_err(one)?;
    print!("{text}");
    Ok(0)
}
