//! `sendsync history`: record, verify and show the committed per-case history of diagnostics
//! across toolchains.

use super::args::HistoryCommand;
use super::common::{one, options, CmdResult};
use super::programs::{find_case, load_corpus};
use sendsync::error::Error;
use sendsync::toolchain::{self, Spec, Toolchain};
use sendsync::{corpus, history};

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

pub fn run(cmd: HistoryCommand) -> CmdResult {
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
