//! `sendsync check` agrees with trybuild on the pinned toolchain: on a copy of a failing case
//! that both must accept, and on deliberately broken copies that both must reject. (On the
//! whole corpus, `tests/ui.rs` runs trybuild and `tests/corpus.rs` runs the same comparison.)

mod common;

use sendsync::case::Case;
use sendsync::check::{self, Options, Verdict};
use std::path::{Path, PathBuf};

/// Copies a case and its pinned stderr into `<base>/<dir>/`, with the copy's path in the
/// stderr.
fn copy_case(
    base: &Path,
    name: &str,
    dir: &str,
    edit_source: impl Fn(&str) -> String,
    edit_stderr: impl Fn(&str) -> String,
) -> PathBuf {
    let case = common::cases()
        .into_iter()
        .find(|c| c.name == name)
        .expect("the case exists");
    let to = base.join(dir);
    std::fs::create_dir_all(&to).unwrap();
    let path = to.join(format!("{name}.rs"));
    std::fs::write(&path, edit_source(&case.source)).unwrap();
    let from_rel = common::rel(&case.path).display().to_string();
    let to_rel = common::rel(&path).display().to_string();
    let mut stderr = std::fs::read_to_string(case.stderr_path()).unwrap();
    let target = sendsync::corpus::package_root().join("target");
    if path.starts_with(&target) {
        // Below the target folder trybuild leaves `-->` paths absolute.
        stderr = stderr.replace(
            &format!("--> {from_rel}"),
            &format!("--> {}", path.display()),
        );
    }
    let stderr = stderr.replace(&from_rel, &to_rel);
    std::fs::write(path.with_extension("stderr"), edit_stderr(&stderr)).unwrap();
    path
}

fn trybuild_accepts(path: &Path) -> bool {
    let rel = common::rel(path);
    common::hide_std_sources_from_trybuild();
    std::panic::catch_unwind(|| {
        let t = trybuild::TestCases::new();
        t.compile_fail(rel);
    })
    .is_ok()
}

fn sendsync_accepts(path: &Path) -> bool {
    let tc = common::pinned_toolchain("agreement").unwrap();
    let case = Case::load(path).unwrap();
    let mut options = Options::new(sendsync::corpus::package_root());
    options.cache = None;
    let r = check::check_one(&tc, &case, &options);
    println!(
        "sendsync on {}: {} {}",
        path.display(),
        r.verdict.as_str(),
        r.reason
    );
    r.verdict == Verdict::Ok
}

#[test]
fn check_agrees_with_trybuild() {
    if !common::active_is_pinned("trybuild agreement") {
        return;
    }
    if std::env::var_os("TRYBUILD").is_some() {
        common::skip(format_args!(
            "trybuild agreement: TRYBUILD is set, so trybuild would rewrite the files"
        ));
        return;
    }
    // Inside the package, where paths become relative; and below `target/`, where trybuild
    // leaves them absolute.
    let root = sendsync::corpus::package_root();
    let inside = tempfile::Builder::new()
        .prefix(".agreement-")
        .tempdir_in(&root)
        .unwrap();
    std::fs::create_dir_all(root.join("target")).unwrap();
    let below_target = tempfile::Builder::new()
        .prefix("agreement-")
        .tempdir_in(root.join("target"))
        .unwrap();
    for base in [inside.path(), below_target.path()] {
        agree_on_copies(base);
    }
}

fn agree_on_copies(base: &Path) {
    let name = "rc_config_into_spawn";
    let same = copy_case(base, name, "same", str::to_string, str::to_string);
    // A change in a label's wording only: the codes agree, the rendering does not.
    let label = copy_case(base, name, "label", str::to_string, |s| {
        s.replacen(
            "cannot be sent between threads safely",
            "cannot be sent between threads",
            1,
        )
    });
    // A change in the program that moves its error to another line.
    let moved = copy_case(
        base,
        name,
        "moved",
        |s| s.replacen("fn main() {", "fn main() {\n", 1),
        str::to_string,
    );
    // Trailing white space and "aborting" lines are normalized away by both.
    let trailing = copy_case(base, name, "trailing", str::to_string, |s| {
        s.replace('\n', "  \n")
    });
    for (path, want) in [
        (&same, true),
        (&label, false),
        (&moved, false),
        (&trailing, false),
    ] {
        let tb = trybuild_accepts(path);
        let ss = sendsync_accepts(path);
        assert_eq!(
            tb,
            ss,
            "trybuild {} but sendsync {} {}",
            verdict(tb),
            verdict(ss),
            path.display()
        );
        assert_eq!(
            tb,
            want,
            "{} was expected to be {}",
            path.display(),
            verdict(want)
        );
    }
}

fn verdict(accepts: bool) -> &'static str {
    if accepts {
        "accepts"
    } else {
        "rejects"
    }
}
