//! `sendsync table`: the std Send/Sync truth table, declared or probed.

use super::args::{TableArgs, TableFormat};
use super::common::{one, CmdResult};
use sendsync::engine::cache::Cache;
use sendsync::toolchain;

pub fn run(args: TableArgs) -> CmdResult {
    let names = match (args.toolchain, args.toolchains) {
        (Some(one), _) => vec![one],
        (None, Some(list)) => toolchain::parse_list(&list),
        (None, None) => vec![],
    };
    let format = match args.format {
        TableFormat::Text => "text",
        TableFormat::Json => "json",
        TableFormat::Markdown => "markdown",
    };
    let jobs = args
        .jobs
        .map_or_else(sendsync::work::default_jobs, |j| j as usize);
    let cache = (!args.no_cache).then(|| Cache::new(Cache::default_dir()));
    let (text, code) =
        sendsync::learn::table::command(&names, format, cache.as_ref(), jobs).map_err(one)?;
    print!("{text}");
    Ok(code)
}
