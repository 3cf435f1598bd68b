//! `sendsync history`: record, verify and show the committed per-case history of diagnostics
//! across toolchains.

use super::args::HistoryCommand;
use super::common::{one, options, CmdResult};
use super::programs::{find_case, load_corpus};
use sendsync::error::Error;
use sendsync::input::case::Case;
use sendsync::toolchain::{self, Spec, Toolchain};
use sendsync::{drift::history, input::corpus};
use std::path::{Path, PathBuf};

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
            let mut unrecorded = 0;
            history::record_all(
                &root,
                &corpus.cases,
                &toolchains,
                &options,
                |tc, recorded| {
                    let key = history::key_of(tc);
                    println!(
                        "{key} ({}): {} histories changed, {:.1} s",
                        tc.release,
                        recorded.changed,
                        started.elapsed().as_secs_f64()
                    );
                    for (case, why) in &recorded.unrecorded {
                        println!("  {case} on {key}: not recorded, its old record kept: {why}");
                    }
                    unrecorded += recorded.unrecorded.len();
                    started = std::time::Instant::now();
                },
            )
            .map_err(one)?;
            println!("{}: updated as one change", root.display());
            // A crash or a time-out is something to look at, not a result: exit 1.
            Ok(if unrecorded > 0 { 1 } else { 0 })
        }
        HistoryCommand::Verify { toolchains, run } => {
            let corpus = load_corpus()?;
            let options = options(&run, corpus::package_root());
            let mut differences = 0;
            let recorded = history::recorded_keys(&root, &corpus.cases).map_err(one)?;
            let mut verified = Vec::new();
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
                verified.push(tc);
            }
            let all =
                history::verify_all(&root, &corpus.cases, &verified, &options).map_err(one)?;
            for (tc, diffs) in verified.iter().zip(all) {
                println!(
                    "{}: {} cases, {} differ from the recorded history",
                    history::key_of(tc),
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
        HistoryCommand::Show { name } => show(&root, name.as_deref()),
    }
}

/// `history show`: one case's history, or every case whose history has more than one variant,
/// each range on a line of its own.
fn show(root: &Path, name: Option<&str>) -> CmdResult {
    let corpus = load_corpus()?;
    let cases: Vec<&Case> = match name {
        Some(name) => vec![find_case(&corpus, name)?],
        None => corpus.cases.iter().collect(),
    };
    let mut shown = Vec::new();
    for case in cases {
        let path = history::History::path(root, case);
        match history::History::load(&path).map_err(one)? {
            Some(h) if name.is_some() || h.variants.len() > 1 => shown.push((case, h)),
            Some(_) => {}
            None if name.is_some() => println!("{}: no history recorded", case.name),
            None => {}
        }
    }
    let file = match (name, shown.first()) {
        (Some(_), Some((case, _))) => shown_path(&history::History::path(root, case)),
        _ => shown_path(root).join("TOPIC").join("NAME.json"),
    };
    if name.is_none() {
        println!(
            "Only the {} of {} cases whose diagnostics differ between toolchains; the others read \
             the same\non every toolchain (`sendsync history show NAME` shows any one case).",
            shown.len(),
            corpus.cases.len()
        );
    }
    if !shown.is_empty() {
        println!(
            "Each letter (A, B, ...) is one variant: an outcome with its structured diagnostics \
             (messages,\nspans, notes); a letter that comes back is that same variant again. The \
             variants are\nrecorded in {}.\n",
            file.display()
        );
    }
    for (case, h) in shown {
        // One range per line: the ranges of a case can be many.
        println!("{}:\n  {}", case.name, h.describe().replace("; ", "\n  "));
        for (from, what) in h.chain_changes(Some(&case.source)) {
            println!("{}", chain_change(&from, &what));
        }
    }
    Ok(0)
}

/// A path as the user can read it: relative to the package when inside it.
fn shown_path(path: &Path) -> PathBuf {
    path.strip_prefix(corpus::package_root())
        .unwrap_or(path)
        .to_path_buf()
}

/// An obligation chain's change (see [`sendsync::engine::chain::difference`]) with what it was and
/// what it became on lines of their own, as the types in them can be long:
///
/// ```text
///   obligation chain changed on 1.76.0, chain 1 link 3:
///     was within-type `Box<dyn Error>`
///     now within-type `Box<(dyn std::error::Error + 'static)>`
/// ```
fn chain_change(from: &str, what: &str) -> String {
    let split = what.split_once(" became ").and_then(|(before, now)| {
        let (head, was) = match before.split_once(": ") {
            Some((head, was)) => (head, was.to_string()),
            None => {
                let (head, was) = before.split_once('`')?;
                (head.trim_end(), format!("`{was}"))
            }
        };
        Some((head, was, now))
    });
    match split {
        Some((head, was, now)) => {
            format!("  obligation chain changed on {from}, {head}:\n    was {was}\n    now {now}")
        }
        None => format!("  obligation chain changed on {from}: {what}"),
    }
}

#[cfg(test)]
mod tests {
    use super::chain_change;

    #[test]
    fn a_chain_change_puts_before_and_after_on_lines_of_their_own() {
        assert_eq!(
            chain_change(
                "1.76.0",
                "chain 1 link 3: within-type `A` became within-type `B<C>`"
            ),
            "  obligation chain changed on 1.76.0, chain 1 link 3:\n    was within-type `A`\n    \
             now within-type `B<C>`"
        );
        assert_eq!(
            chain_change(
                "1.80.0",
                "chain error `x is not Send` became `y is not Send`"
            ),
            "  obligation chain changed on 1.80.0, chain error:\n    was `x is not Send`\n    \
             now `y is not Send`"
        );
        assert_eq!(
            chain_change("1.80.0", "2 chains became 3"),
            "  obligation chain changed on 1.80.0: 2 chains became 3"
        );
        assert_eq!(
            chain_change("1.80.0", "chain link 2 dropped: culprit `Rc<u8>`"),
            "  obligation chain changed on 1.80.0: chain link 2 dropped: culprit `Rc<u8>`"
        );
    }
}
