//! `sendsync history`: record, verify and show the committed per-case history of diagnostics
//! across toolchains. Their reports, in text and JSON, are in [`report`].

mod report;

use super::args::{CompileArgs, Format, HistoryCommand};
use super::common::{one, options, CmdResult};
use super::programs::{find_case, load_corpus};
use report::{
    Different, RecordReport, RecordedOn, ShowReport, Shown, Unrecorded, VerifiedOn, VerifyReport,
};
use sendsync::error::Error;
use sendsync::input::case::Case;
use sendsync::render::{render, Format as Rendered};
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
        HistoryCommand::Record {
            toolchains,
            run,
            format,
        } => record(&root, toolchains.as_deref(), &run, format),
        HistoryCommand::Verify {
            toolchains,
            run,
            format,
        } => verify(&root, toolchains.as_deref(), &run, format),
        HistoryCommand::Show { name, format } => show(&root, name.as_deref(), format),
    }
}

/// `history record`: as text, a toolchain's lines as soon as it is recorded; as JSON, the
/// report once all are.
fn record(root: &Path, list: Option<&str>, run: &CompileArgs, format: Format) -> CmdResult {
    let corpus = load_corpus()?;
    let options = options(run, corpus::package_root());
    let toolchains = history_toolchains(list)?;
    let mut report = RecordReport {
        root: root.display().to_string(),
        toolchains: Vec::new(),
    };
    let mut started = std::time::Instant::now();
    history::record_all(
        root,
        &corpus.cases,
        &toolchains,
        &options,
        |tc, recorded| {
            let one = RecordedOn {
                toolchain: history::key_of(tc),
                release: tc.release.clone(),
                changed: recorded.changed,
                seconds: started.elapsed().as_secs_f64(),
                unrecorded: recorded
                    .unrecorded
                    .iter()
                    .map(|(case, why)| Unrecorded {
                        case: case.clone(),
                        why: why.clone(),
                    })
                    .collect(),
            };
            if format == Format::Text {
                print!("{}", one.text());
            }
            report.toolchains.push(one);
            started = std::time::Instant::now();
        },
    )
    .map_err(one)?;
    match format {
        Format::Text => print!("{}", report.last_line()),
        Format::Json => print!("{}", render(&report, Rendered::Json).expect("JSON")),
    }
    // A crash or a time-out is something to look at, not a result: exit 1.
    let unrecorded = report.toolchains.iter().any(|t| !t.unrecorded.is_empty());
    Ok(u8::from(unrecorded))
}

/// `history verify`.
fn verify(root: &Path, list: Option<&str>, run: &CompileArgs, format: Format) -> CmdResult {
    let corpus = load_corpus()?;
    let options = options(run, corpus::package_root());
    let recorded = history::recorded_keys(root, &corpus.cases).map_err(one)?;
    let mut report = VerifyReport {
        cases: corpus.cases.len(),
        toolchains: Vec::new(),
    };
    let mut verified = Vec::new();
    for tc in history_toolchains(list)? {
        let key = history::key_of(&tc);
        // As `cargo test` does: a toolchain new to the history is no difference.
        report.toolchains.push(VerifiedOn {
            verified: recorded.contains(&key),
            toolchain: key,
            name: tc.name.clone(),
            release: tc.release.clone(),
            differences: vec![],
        });
        if report.toolchains.last().is_some_and(|t| t.verified) {
            verified.push(tc);
        }
    }
    let all = history::verify_all(root, &corpus.cases, &verified, &options).map_err(one)?;
    let mut all = all.into_iter();
    for t in report.toolchains.iter_mut().filter(|t| t.verified) {
        let diffs = all.next().unwrap_or_default();
        t.differences = diffs
            .into_iter()
            .map(|d| Different {
                case: d.case,
                toolchain: d.toolchain,
                what: d.what,
            })
            .collect();
    }
    print!("{}", render(&report, format.into()).expect("text or JSON"));
    let differ = report.toolchains.iter().any(|t| !t.differences.is_empty());
    Ok(u8::from(differ))
}

/// `history show`: one case's history, or every case whose history has more than one variant,
/// each range on a line of its own.
fn show(root: &Path, name: Option<&str>, format: Format) -> CmdResult {
    let corpus = load_corpus()?;
    let cases: Vec<&Case> = match name {
        Some(name) => vec![find_case(&corpus, name)?],
        None => corpus.cases.iter().collect(),
    };
    let mut report = ShowReport {
        named: name.is_some(),
        corpus_cases: corpus.cases.len(),
        file: PathBuf::new(),
        shown: Vec::new(),
        no_history: Vec::new(),
    };
    for case in cases {
        let path = history::History::path(root, case);
        match history::History::load(&path).map_err(one)? {
            Some(h) if name.is_some() || h.variants.len() > 1 => {
                report.shown.push(Shown::of(case, h, shown_path(&path)))
            }
            Some(_) => {}
            None if name.is_some() => report.no_history.push(case.name.clone()),
            None => {}
        }
    }
    report.file = match (name, report.shown.first()) {
        (Some(_), Some(shown)) => shown.file.clone(),
        _ => shown_path(root).join("TOPIC").join("NAME.json"),
    };
    print!("{}", render(&report, format.into()).expect("text or JSON"));
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
