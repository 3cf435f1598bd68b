//! Verifying the history: every recorded toolchain that is installed still gives what it
//! recorded.

use super::*;

/// Every toolchain key recorded for any of `cases`: a toolchain outside it is new to the
/// history (a nightly after `rustup update`, say), which `verify` reports as such rather than
/// as a difference in every case.
pub fn recorded_keys(root: &Path, cases: &[Case]) -> Result<std::collections::BTreeSet<String>> {
    let mut keys = std::collections::BTreeSet::new();
    for case in cases {
        if let Some(h) = History::load(&History::path(root, case))? {
            keys.extend(h.toolchains.into_keys());
        }
    }
    Ok(keys)
}

/// One difference between the recorded history and what a toolchain says now.
#[derive(Debug)]
pub struct Difference {
    pub case: String,
    pub toolchain: String,
    pub what: String,
}

/// Checks the recorded history of every case against `tc`. A case, or a toolchain, with no
/// record is a difference too: the history must cover the whole corpus.
pub fn verify(
    root: &Path,
    cases: &[Case],
    tc: &Toolchain,
    options: &Options,
) -> Result<Vec<Difference>> {
    let histories = load_all(root, cases)?;
    verify_against(&histories, cases, tc, options)
}

/// [`verify`] on several toolchains: each case's history is read once, and every case on every
/// toolchain is compiled as one queue of work, `options.jobs` at a time in all (each through
/// the cache, so a warm run is mostly reading). The differences come back in the order of
/// `toolchains`.
pub fn verify_all(
    root: &Path,
    cases: &[Case],
    toolchains: &[Toolchain],
    options: &Options,
) -> Result<Vec<Vec<Difference>>> {
    let histories = load_all(root, cases)?;
    let observed = observe_each(toolchains, cases, options);
    toolchains
        .iter()
        .zip(observed)
        .map(|(tc, observed)| compare(&histories, cases, tc, observed))
        .collect()
}

/// Each case's history (with its path), `None` where it has none.
pub(super) fn load_all(root: &Path, cases: &[Case]) -> Result<Vec<(PathBuf, Option<History>)>> {
    cases
        .iter()
        .map(|case| {
            let path = History::path(root, case);
            let history = History::load(&path)?;
            Ok((path, history))
        })
        .collect()
}

pub(super) fn verify_against(
    histories: &[(PathBuf, Option<History>)],
    cases: &[Case],
    tc: &Toolchain,
    options: &Options,
) -> Result<Vec<Difference>> {
    compare(histories, cases, tc, observe(tc, cases, options))
}

/// Holds what `tc` says now (`observed`, one per case) against the recorded histories.
pub(super) fn compare(
    histories: &[(PathBuf, Option<History>)],
    cases: &[Case],
    tc: &Toolchain,
    observed: Vec<Observed>,
) -> Result<Vec<Difference>> {
    let key = key_of(tc);
    let mut out = Vec::new();
    for ((case, observed), (path, history)) in cases.iter().zip(observed).zip(histories) {
        if unlintable(case, tc) {
            // A lint case needs the toolchain's clippy; without it there is nothing to compare.
            continue;
        }
        let diff = |what: String| Difference {
            case: case.name.clone(),
            toolchain: key.clone(),
            what,
        };
        let variant = match observed {
            Observed::Variant(v) => Some(v),
            Observed::NotApplicable => None,
            Observed::Crashed(v, _) => Some(v),
            Observed::Nothing(why) => {
                // Nothing to hold against the record: say what happened instead.
                out.push(diff(format!("no result to compare ({why})")));
                continue;
            }
        };
        let Some(history) = history else {
            out.push(diff(format!("no history at {}", path.display())));
            continue;
        };
        let Some(entry) = history.toolchains.get(&key) else {
            out.push(diff("this toolchain is not recorded".into()));
            continue;
        };
        let recorded = history.variants.get(&entry.variant);
        if recorded != variant.as_ref() {
            let was = recorded.map_or(entry.variant.clone(), Variant::summary);
            let now = variant.as_ref().map_or("n/a".into(), Variant::summary);
            let what = match (recorded, &variant) {
                (Some(a), Some(b)) => {
                    let to_json = |v: &Variant| serde_json::to_value(v).expect("plain data");
                    crate::engine::difference::first_difference(&to_json(a), &to_json(b))
                        .unwrap_or_default()
                }
                _ => String::new(),
            };
            out.push(diff(format!("recorded {was}, now {now}; {what}")));
        }
    }
    Ok(out)
}

/// The committed history folder (see [`crate::paths::history_root`]).
pub fn default_root() -> PathBuf {
    crate::paths::history_root()
}
