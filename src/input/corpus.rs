//! The corpus: every case under `cases/<topic>/`, loaded and validated as a whole.

use crate::error::{Error, Result};
use crate::input::case::{Case, Directive, Expectation};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub use crate::paths::{bundled_root, package_root};

#[derive(Debug)]
pub struct Topic {
    pub name: String,
    /// The topic's `README.md`: a `# Title` and an introduction.
    pub title: String,
    pub introduction: String,
}

#[derive(Debug)]
pub struct Corpus {
    pub root: PathBuf,
    pub topics: Vec<Topic>,
    /// Sorted by topic, then name.
    pub cases: Vec<Case>,
}

impl Corpus {
    /// Loads and validates the corpus under `root`. Every problem found is reported, each
    /// naming its file (and line where there is one), not just the first.
    pub fn load(root: &Path) -> std::result::Result<Corpus, Vec<Error>> {
        let mut errors = Vec::new();
        let mut topics = Vec::new();
        let mut cases = Vec::new();
        let mut stderrs = Vec::new();
        let mut miri_pins = Vec::new();
        let dirs = match sorted_entries(root) {
            Ok(d) => d,
            Err(e) => return Err(vec![e]),
        };
        for dir in dirs.into_iter().filter(|d| d.is_dir()) {
            let topic = dir.file_name().unwrap().to_string_lossy().into_owned();
            match read_topic(&dir, &topic) {
                Ok(t) => topics.push(t),
                Err(e) => errors.push(e),
            }
            let files = match sorted_entries(&dir) {
                Ok(f) => f,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            for file in files {
                match file.extension().and_then(|e| e.to_str()) {
                    Some("rs") => match Case::load(&file) {
                        Ok(case) => cases.push(case),
                        Err(e) => errors.push(e),
                    },
                    Some("stderr") if file.to_string_lossy().ends_with(MIRI_PIN_SUFFIX) => {
                        miri_pins.push(file)
                    }
                    Some("stderr") => stderrs.push(file),
                    _ => {}
                }
            }
        }
        if topics.is_empty() && cases.is_empty() && errors.is_empty() {
            errors.push(Error::input(root, None, "no topic folders with cases here"));
        }
        errors.extend(validate(&cases, &stderrs));
        errors.extend(validate_miri(&cases, &miri_pins));
        if errors.is_empty() {
            Ok(Corpus {
                root: root.to_path_buf(),
                topics,
                cases,
            })
        } else {
            Err(errors)
        }
    }

    pub fn get(&self, name: &str) -> Option<&Case> {
        self.cases.iter().find(|c| c.name == name)
    }

    /// The cases (failing, or passing with a Miri finding) that name `name` as their first
    /// fix, the one shown beside them.
    pub fn fixed_by(&self, name: &str) -> Vec<&Case> {
        self.cases
            .iter()
            .filter(|c| c.fix.first().map(String::as_str) == Some(name))
            .collect()
    }

    /// The failing cases that name `name` among their fixes, first or not.
    pub fn repaired_by(&self, name: &str) -> Vec<&Case> {
        self.cases
            .iter()
            .filter(|c| c.fix.iter().any(|f| f == name))
            .collect()
    }

    pub fn topic_cases<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Case> + 'a {
        self.cases.iter().filter(move |c| c.topic == topic)
    }
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

fn read_topic(dir: &Path, name: &str) -> Result<Topic> {
    let readme = dir.join("README.md");
    if !readme.is_file() {
        return Err(Error::input(
            &readme,
            None,
            format!("topic `{name}` has no introduction: write a README.md with a `# Title` and a few sentences"),
        ));
    }
    let text = crate::fs::read_text(&readme)?;
    let mut lines = text.lines();
    let title = lines
        .next()
        .and_then(|l| l.strip_prefix("# "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Error::input(
                &readme,
                Some(1),
                "the introduction must open with `# Title`",
            )
        })?;
    let introduction = lines.collect::<Vec<_>>().join("\n").trim().to_string();
    if introduction.is_empty() {
        return Err(Error::input(
            &readme,
            Some(2),
            "the introduction has a title but no text",
        ));
    }
    Ok(Topic {
        name: name.to_string(),
        title: title.to_string(),
        introduction,
    })
}

/// The rules that hold between cases: unique names, fixes that resolve to passing cases,
/// a readable pinned stderr for every failing and lint case, and no pinned stderr without its
/// case.
pub(crate) fn validate(cases: &[Case], stderrs: &[PathBuf]) -> Vec<Error> {
    let mut errors = Vec::new();
    let by_name = unique_names(cases, &mut errors);
    for case in cases {
        errors.extend(fix_errors(case, &by_name));
        errors.extend(pin_errors(case));
    }
    errors.extend(orphan_stderrs(cases, stderrs));
    errors
}

/// The cases by name, and an error in `errors` for each name taken twice.
fn unique_names<'c>(cases: &'c [Case], errors: &mut Vec<Error>) -> HashMap<&'c str, &'c Case> {
    let mut by_name: HashMap<&str, &Case> = HashMap::new();
    for case in cases {
        if let Some(first) = by_name.insert(&case.name, case) {
            errors.push(Error::input(
                &case.path,
                Some(1),
                format!(
                    "the name `{}` is taken by {}",
                    case.name,
                    first.path.display()
                ),
            ));
        }
    }
    by_name
}

/// A failing or lint case's `fix:`: present, and naming passing cases.
fn fix_errors(case: &Case, by_name: &HashMap<&str, &Case>) -> Vec<Error> {
    let mut errors = Vec::new();
    let fix_line = case.line(Directive::Fix);
    if case.expectation.is_fail() && case.fix.is_empty() {
        errors.push(Error::input(
            &case.path,
            case.line(Directive::Fail),
            "a failing case needs `//@ fix: NAME`, the passing case that repairs it",
        ));
    }
    if case.expectation.is_lint() && case.fix.is_empty() {
        errors.push(Error::input(
            &case.path,
            case.line(Directive::Lint),
            "a lint case needs `//@ fix: NAME`, the passing case in which the lints do not fire",
        ));
    }
    for fix in case.fix.iter().filter(|_| case.expectation.is_pinned()) {
        match by_name.get(fix.as_str()) {
            None => errors.push(Error::input(
                &case.path,
                fix_line,
                format!("`fix: {fix}` names no case in the corpus"),
            )),
            Some(target) if target.expectation != Expectation::Pass => errors.push(Error::input(
                &case.path,
                fix_line,
                format!(
                    "`fix: {fix}` names a case that does not pass ({})",
                    target.path.display()
                ),
            )),
            Some(_) => {}
        }
    }
    errors
}

/// A failing or lint case's pinned stderr: there, and readable.
fn pin_errors(case: &Case) -> Option<Error> {
    let missing = |what: &str, how: &str| {
        Error::input(
            &case.path,
            None,
            format!(
                "{what} needs its pinned stderr {} (make it with {how})",
                case.stderr_path().display()
            ),
        )
    };
    if case.expectation.is_fail() {
        return read_pin(&case.stderr_path(), || {
            missing(
                "a failing case",
                "`TRYBUILD=overwrite cargo test --test ui`",
            )
        });
    }
    if case.expectation.is_lint() {
        return read_pin(&case.stderr_path(), || {
            missing("a lint case", "`sendsync check --bless`")
        });
    }
    None
}

/// The pinned stderrs that no failing or lint case owns.
fn orphan_stderrs(cases: &[Case], stderrs: &[PathBuf]) -> Vec<Error> {
    let expected: BTreeMap<PathBuf, &Case> = cases
        .iter()
        .filter(|c| c.expectation.is_pinned())
        .map(|c| (c.stderr_path(), c))
        .collect();
    stderrs
        .iter()
        .filter(|stderr| !expected.contains_key(*stderr))
        .map(|stderr| {
            Error::input(
                stderr,
                None,
                "a pinned stderr with no failing case (nor lint case) beside it: delete it, or restore its case",
            )
        })
        .collect()
}

/// The problem with a pin the corpus promises, if any: `missing()` when there is no file, else
/// why it cannot be read as text (naming the file). Read here, not only looked for, so that a
/// pin the checks could not compare with stops the run before anything is compiled.
fn read_pin(path: &Path, missing: impl FnOnce() -> Error) -> Option<Error> {
    match crate::fs::read_text(path) {
        Ok(_) => None,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Some(missing())
        }
        Err(e) => Some(e),
    }
}

/// Miri's pinned report beside a case with a finding: `<name>.miri.stderr`.
pub(crate) const MIRI_PIN_SUFFIX: &str = ".miri.stderr";

/// The pinned Miri report of `case`.
pub(crate) fn miri_pin_path(case: &Case) -> PathBuf {
    case.path.with_extension("miri.stderr")
}

/// The rules of the `miri:` directive between cases: the correct twin a case with a finding
/// names (`fix:`) is a passing case without a finding, and the case has its Miri report pinned;
/// no pinned report survives its case or its finding.
pub(crate) fn validate_miri(cases: &[Case], pins: &[PathBuf]) -> Vec<Error> {
    let mut errors = Vec::new();
    let by_name: HashMap<&str, &Case> = cases.iter().map(|c| (c.name.as_str(), c)).collect();
    let finding = |c: &Case| c.miri.as_ref().is_some_and(|m| m.is_finding());
    for case in cases.iter().filter(|c| finding(c)) {
        let line = case.line(Directive::Miri);
        for fix in &case.fix {
            match by_name.get(fix.as_str()) {
                None => errors.push(Error::input(
                    &case.path,
                    case.line(Directive::Fix),
                    format!("`fix: {fix}` names no case in the corpus"),
                )),
                Some(twin) if twin.expectation != Expectation::Pass || twin.miri.is_some() => {
                    errors.push(Error::input(
                        &case.path,
                        case.line(Directive::Fix),
                        format!(
                            "`fix: {fix}` must name a passing case without a `miri:` directive ({})",
                            twin.path.display()
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        errors.extend(read_pin(&miri_pin_path(case), || {
            Error::input(
                &case.path,
                line,
                format!(
                    "a case with a Miri finding needs its pinned report {} (make it with `sendsync miri --bless`)",
                    miri_pin_path(case).display()
                ),
            )
        }));
    }
    let expected: BTreeMap<PathBuf, &Case> = cases
        .iter()
        .filter(|c| finding(c))
        .map(|c| (miri_pin_path(c), c))
        .collect();
    for pin in pins {
        if !expected.contains_key(pin) {
            errors.push(Error::input(
                pin,
                None,
                "a pinned Miri report with no case beside it that has a `miri:` finding: delete it, or restore its case",
            ));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A corpus of one topic: a failing case, its fix, a lint case and a case with a Miri
    /// finding, each with its pins as `pins` says (`None`: no file).
    fn corpus(dir: &Path, pins: [Option<&[u8]>; 3]) -> Vec<String> {
        let topic = dir.join("t");
        std::fs::create_dir_all(&topic).unwrap();
        std::fs::write(topic.join("README.md"), "# T\n\nA topic.\n").unwrap();
        let case = |name: &str, directives: &str| {
            let source = format!("//! {name}\n//!\n//! Why.\n//!\n{directives}fn main() {{}}\n");
            std::fs::write(topic.join(format!("{name}.rs")), source).unwrap();
        };
        case("broken", "//@ fail: E0277\n//@ fix: fixed\n");
        case("fixed", "//@ pass\n");
        case("linted", "//@ lint: clippy::rc_mutex\n//@ fix: fixed\n");
        case("leaks", "//@ pass\n//@ miri: leak\n");
        let files = ["broken.stderr", "linted.stderr", "leaks.miri.stderr"];
        for (file, pin) in files.iter().zip(pins) {
            if let Some(bytes) = pin {
                std::fs::write(topic.join(file), bytes).unwrap();
            }
        }
        match Corpus::load(dir) {
            Ok(_) => vec![],
            Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
        }
    }

    #[test]
    fn the_pins_a_corpus_promises_are_read() {
        let ok: &[u8] = b"error[E0277]: x\n";
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            corpus(dir.path(), [Some(ok), Some(ok), Some(ok)]),
            Vec::<String>::new()
        );

        let dir = tempfile::tempdir().unwrap();
        let errors = corpus(dir.path(), [None, None, None]);
        let t = dir.path().join("t");
        for (pin, says) in [
            ("broken.stderr", "a failing case needs its pinned stderr"),
            ("linted.stderr", "a lint case needs its pinned stderr"),
            (
                "leaks.miri.stderr",
                "a case with a Miri finding needs its pinned report",
            ),
        ] {
            let pin = t.join(pin).display().to_string();
            assert!(
                errors.iter().any(|e| e.contains(says) && e.contains(&pin)),
                "{pin}: {errors:#?}"
            );
        }

        let dir = tempfile::tempdir().unwrap();
        let bad: &[u8] = b"error\n\xff\n";
        let errors = corpus(dir.path(), [Some(bad), Some(bad), Some(bad)]);
        let t = dir.path().join("t");
        for pin in ["broken.stderr", "linted.stderr", "leaks.miri.stderr"] {
            let want = format!("{}:2: the file is not valid UTF-8", t.join(pin).display());
            assert!(
                errors.iter().any(|e| e.contains(&want)),
                "{want}: {errors:#?}"
            );
        }
        assert_eq!(errors.len(), 3, "{errors:#?}");
    }
}
