//! Recording toolchains into the history: observing every case on each, and replacing the
//! history folder safely.

use super::*;

/// What a case gave on a toolchain, as far as the history is concerned.
pub(super) enum Observed {
    Variant(Variant),
    /// Below the case's `min-rust` (or a lint case without clippy): `n/a`.
    NotApplicable,
    /// The compiler crashed. `record` never makes that a variant (a crash can say more about one
    /// compile than about the case) and keeps what was recorded; `verify` compares it with the
    /// record, which may hold a crash that is the toolchain's own (an ICE on every run).
    Crashed(Variant, String),
    /// No result at all: rustc overran its time limit, or could not be run.
    Nothing(String),
}

/// What each case gives on a toolchain, type-checked through the cache.
pub(super) fn observe(tc: &Toolchain, cases: &[Case], options: &Options) -> Vec<Observed> {
    observe_each(std::slice::from_ref(tc), cases, options)
        .pop()
        .unwrap_or_default()
}

/// Every case type-checked on every toolchain, as one queue of work ([`check::check_each`]):
/// for each toolchain, what each case gives.
pub(super) fn observe_each(
    toolchains: &[Toolchain],
    cases: &[Case],
    options: &Options,
) -> Vec<Vec<Observed>> {
    let mut options = options.clone();
    options.mode = Some(Mode::Check);
    options.compare_stderr = false;
    options.unbuildable_crates_not_applicable = true;
    check::check_each(toolchains, cases, &options, |_| {})
        .into_iter()
        .map(|results| {
            results
                .into_iter()
                .map(|r| match (&r.outcome, &r.verdict) {
                    (Some(o), _) if o.kind == Kind::Ice => {
                        Observed::Crashed(Variant::of(o), format!("ice: {}", r.reason))
                    }
                    (Some(o), _) if o.kind == Kind::Timeout => {
                        Observed::Nothing(format!("timeout: {}", r.reason))
                    }
                    (Some(o), _) => Observed::Variant(Variant::of(o)),
                    (None, check::Verdict::NotApplicable) => Observed::NotApplicable,
                    (None, v) => Observed::Nothing(format!("{}: {}", v.as_str(), r.reason)),
                })
                .collect()
        })
        .collect()
}

/// A lint case on a toolchain without clippy: `n/a` there, which `record` writes only where
/// nothing is recorded yet, and `verify` does not hold against the record.
pub(super) fn unlintable(case: &Case, tc: &Toolchain) -> bool {
    case.expectation.is_lint() && tc.clippy.is_none()
}

/// What recording one toolchain did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Recorded {
    /// How many history files changed.
    pub changed: usize,
    /// The cases with no result to record on this toolchain (a compiler crash, a time-out, an
    /// error), and what happened: their records stay as they were.
    pub unrecorded: Vec<(String, String)>,
}

/// Records `tc` into the history of every case under `root`. Writes each file atomically, but
/// not the folder as a whole: see [`record_all`].
pub fn record(root: &Path, cases: &[Case], tc: &Toolchain, options: &Options) -> Result<Recorded> {
    let key = key_of(tc);
    let observed = observe(tc, cases, options);
    let mut recorded = Recorded::default();
    for (case, observed) in cases.iter().zip(observed) {
        let path = History::path(root, case);
        let mut history = History::load_for_update(&path, &case.name)?;
        let variant = match observed {
            Observed::Variant(v) => Some(v),
            Observed::NotApplicable => None,
            // The very crash already recorded (a toolchain's own ICE) is no news.
            Observed::Crashed(v, _) if history.variant_on(&key) == Some(&v) => continue,
            Observed::Crashed(_, why) | Observed::Nothing(why) => {
                recorded.unrecorded.push((case.name.clone(), why));
                continue;
            }
        };
        if unlintable(case, tc) && history.toolchains.contains_key(&key) {
            // Recorded where clippy was installed: a machine without it has nothing to add.
            continue;
        }
        let before = history.clone();
        history.record(&key, tc, variant);
        if history != before {
            history.save(&path)?;
            recorded.changed += 1;
        }
    }
    Ok(recorded)
}

/// Records several toolchains into the history folder `root` as one change: everything is
/// recorded into a staging copy beside it, which then takes the folder's place in one atomic
/// exchange (`renameat2(RENAME_EXCHANGE)`). Interrupted or failed at any point, `root` is as it
/// was before or fully updated, never half. A lock beside the folder (`.<name>.lock`) makes a
/// second recording wait for the first. `done` sees what recording each toolchain did.
pub fn record_all(
    root: &Path,
    cases: &[Case],
    toolchains: &[Toolchain],
    options: &Options,
    mut done: impl FnMut(&Toolchain, &Recorded),
) -> Result<()> {
    let root = std::path::absolute(root).map_err(|e| Error::io(root, e))?;
    let parent = root.parent().unwrap_or(Path::new("/")).to_path_buf();
    let name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "history".into());
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let _lock = crate::fs::Lock::acquire(&parent.join(format!(".{name}.lock")))?;

    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}-staging-"))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?
        .keep();
    crate::toolchain::process::register_dir(&staging);
    let result = (|| {
        if root.is_dir() {
            copy_tree(&root, &staging)?;
        }
        for tc in toolchains {
            let recorded = record(&staging, cases, tc, options)?;
            done(tc, &recorded);
        }
        crate::toolchain::process::while_not_interrupted(|| exchange(&staging, &root))
    })();
    // After the exchange the staging path holds the old folder; before it, the unfinished one.
    let _ = std::fs::remove_dir_all(&staging);
    crate::toolchain::process::forget_dir(&staging);
    result
}

/// Swaps two paths atomically; where the file system cannot, replaces `to` by `from` in
/// renames (see [`replace_by_renames`]).
pub(super) fn exchange(from: &Path, to: &Path) -> Result<()> {
    use std::os::unix::ffi::OsStrExt;
    if !to.exists() {
        return std::fs::rename(from, to).map_err(|e| Error::io(to, e));
    }
    let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes()).expect("no NUL in a path");
    let (a, b) = (c(from), c(to));
    // SAFETY: two valid NUL-terminated paths; renameat2 reads them and touches nothing else.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        return Ok(());
    }
    replace_by_renames(from, to, |a, b| std::fs::rename(a, b))
}

/// Replaces the folder `to` by `from` without an atomic exchange: `to` is moved aside (to a
/// fresh name beside it), `from` takes its place, and the old folder then moves to `from`,
/// where the caller removes it. `to` is missing only between two renames; if `from` cannot
/// take its place, the old folder is put back, so a failure leaves `to` as it was.
pub(super) fn replace_by_renames(
    from: &Path,
    to: &Path,
    rename: impl Fn(&Path, &Path) -> std::io::Result<()>,
) -> Result<()> {
    let parent = to.parent().unwrap_or(Path::new("/"));
    let name = to
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // An empty folder of a name of its own, which renaming `to` replaces: never a name that a
    // run interrupted earlier could have left behind.
    let aside = tempfile::Builder::new()
        .prefix(&format!(".{name}-old-"))
        .tempdir_in(parent)
        .map_err(|e| Error::io(parent, e))?
        .keep();
    if let Err(e) = rename(to, &aside) {
        let _ = std::fs::remove_dir(&aside);
        return Err(Error::io(to, e));
    }
    if let Err(e) = rename(from, to) {
        return match rename(&aside, to) {
            Ok(()) => Err(Error::io(to, e)),
            Err(back) => Err(Error::FolderNotReplaced {
                path: to.to_path_buf(),
                aside,
                put: e.into(),
                back: back.into(),
            }),
        };
    }
    if rename(&aside, from).is_err() {
        let _ = std::fs::remove_dir_all(&aside);
    }
    Ok(())
}

pub(super) fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| Error::io(to, e))?;
    for entry in std::fs::read_dir(from).map_err(|e| Error::io(from, e))? {
        let entry = entry.map_err(|e| Error::io(from, e))?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        if src.is_dir() {
            copy_tree(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&src, e))?;
        }
    }
    Ok(())
}
