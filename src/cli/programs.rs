//! The programs a subcommand runs: the bundled corpus, or the programs under the paths given;
//! and the case a user names.

use super::common::one;
use sendsync::engine::check::{self, Checked};
use sendsync::error::Error;
use sendsync::input::case::{Case, Format};
use sendsync::input::corpus::{self, Corpus};
use std::path::{Path, PathBuf};

pub fn load_corpus() -> Result<Corpus, Vec<Error>> {
    Corpus::load(&corpus::bundled_root())
}

/// The programs to run, and the files that could not be read as programs.
pub struct Programs {
    pub cases: Vec<Case>,
    /// What report paths are relative to.
    pub root: PathBuf,
    /// One file's problem is that file's `error` verdict: the others are still run.
    pub errors: Vec<Error>,
}

/// Loads the programs to run: the bundled corpus (validated as a whole: any problem stops the
/// run), or the programs under the given paths, where a file without a header is an unspecified
/// program, a compiletest test is read as one, and a file with a bad header is an error of its
/// own while the others are run.
pub fn load_programs(paths: &[PathBuf], manifest: Option<&Path>) -> Result<Programs, Vec<Error>> {
    if manifest.is_some() && paths.is_empty() {
        return Err(one(Error::usage(
            "--manifest is for a folder of programs: the bundled corpus uses this package's [dev-dependencies]",
        )));
    }
    let named = manifest
        .map(sendsync::input::manifest::Source::named)
        .transpose()
        .map_err(one)?;
    if paths.is_empty() {
        let corpus = load_corpus()?;
        return Ok(Programs {
            cases: corpus.cases,
            root: corpus::package_root(),
            errors: vec![],
        });
    }
    let files = check::collect_programs(paths).map_err(one)?;
    if files.is_empty() {
        return Err(one(Error::input(&paths[0], None, "no .rs programs here")));
    }
    let (mut cases, mut errors) = read_cases(&files, paths, named.as_ref());
    drop_missing_fixes(&mut cases, &mut errors);
    Ok(Programs {
        root: root_for(&files[0]),
        cases,
        errors,
    })
}

/// Each file read as a case (with the crates of `named`, or of its folder's manifest, when it
/// uses crates), or its error.
fn read_cases(
    files: &[PathBuf],
    paths: &[PathBuf],
    named: Option<&sendsync::input::manifest::Source>,
) -> (Vec<Case>, Vec<Error>) {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let loaded = Case::load_lenient(file).and_then(|mut c| {
            if c.deps.is_none() && (c.format == Format::Plain || !c.crates.is_empty()) {
                if let Some(source) = named.cloned().or_else(|| folder_manifest(paths, file)) {
                    c.use_deps(source)?;
                }
            }
            Ok(c)
        });
        match loaded {
            Ok(c) => cases.push(c),
            Err(e) => errors.push(e),
        }
    }
    (cases, errors)
}

/// A fix must exist: among the programs checked, beside the case, or (for a case of the
/// bundled corpus) in the corpus. A case whose fix does not is an error instead.
fn drop_missing_fixes(cases: &mut Vec<Case>, errors: &mut Vec<Error>) {
    let mut names: std::collections::BTreeSet<String> =
        cases.iter().map(|c| c.name.clone()).collect();
    let bundled = corpus::bundled_root();
    if cases
        .iter()
        .any(|c| std::path::absolute(&c.path).is_ok_and(|p| p.starts_with(&bundled)))
    {
        let all = check::collect_programs(&[bundled]).unwrap_or_default();
        names.extend(
            all.iter()
                .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned())),
        );
    }
    let exists = |c: &Case, fix: &str| {
        names.contains(fix) || c.path.with_file_name(format!("{fix}.rs")).is_file()
    };
    cases.retain(|c| {
        let missing: Vec<&String> = c.fix.iter().filter(|f| !exists(c, f)).collect();
        for fix in &missing {
            errors.push(Error::input(
                &c.path,
                c.line(sendsync::input::case::Directive::Fix),
                format!(
                    "`fix: {fix}` names no case (none among the programs checked, none beside it)"
                ),
            ));
        }
        missing.is_empty()
    });
}

/// The manifest of the folder `file` was found in: a `Cargo.toml` in its own folder or one
/// above it, up to the folder given on the command line (never above that: a package the
/// programs merely lie in is not theirs to build).
fn folder_manifest(paths: &[PathBuf], file: &Path) -> Option<sendsync::input::manifest::Source> {
    let file = std::path::absolute(file).ok()?;
    let top = paths
        .iter()
        .filter_map(|p| std::path::absolute(p).ok())
        .filter(|p| file.starts_with(p))
        .max_by_key(|p| p.components().count())?;
    let top = if top == file {
        file.parent()?.to_path_buf()
    } else {
        top
    };
    file.ancestors()
        .skip(1)
        .take_while(|d| d.starts_with(&top))
        .find_map(sendsync::input::manifest::Source::in_folder)
}

/// The programs of a run that may bless: blessing the bundled corpus is how missing pinned
/// files come to be, so it is loaded without validating it as a whole.
pub fn load_for(
    paths: &[PathBuf],
    manifest: Option<&Path>,
    bless: bool,
) -> Result<Programs, Vec<Error>> {
    if !(bless && paths.is_empty()) {
        return load_programs(paths, manifest);
    }
    let files = check::collect_programs(&[corpus::bundled_root()]).map_err(one)?;
    let cases: Result<Vec<Case>, Error> = files.iter().map(|f| Case::load(f)).collect();
    Ok(Programs {
        cases: cases.map_err(one)?,
        root: corpus::package_root(),
        errors: vec![],
    })
}

/// A file that could not be read as a program, as a result with the verdict `error`.
pub fn error_result(e: &Error) -> Checked {
    let path = match e {
        Error::Input { path, .. } | Error::Io { path, .. } => path.clone(),
        // Not a program's own file (a manifest's error names the manifest): no case to name.
        _ => PathBuf::new(),
    };
    let case = Case::parse(&path, String::new(), false).unwrap_or_else(|_| {
        Case::parse(Path::new("unnamed.rs"), String::new(), false).expect("an empty program")
    });
    Checked {
        case,
        outcome: None,
        verdict: check::Verdict::Error,
        reason: e.to_string(),
        cached: false,
        blessed: None,
        compared: check::Compared::Nothing,
    }
}

/// What output paths are relative to: the nearest folder above with a Cargo.toml (as trybuild
/// makes them relative to the package), else the current folder.
fn root_for(file: &Path) -> PathBuf {
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    abs.ancestors()
        .skip(1)
        .find(|d| d.join("Cargo.toml").is_file())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
}

/// The case a user named: by name, or by the path of its file. Otherwise an error that
/// suggests the nearest names.
pub fn find_case<'a>(corpus: &'a Corpus, name: &str) -> Result<&'a Case, Vec<Error>> {
    let by_path = Path::new(name)
        .file_stem()
        .filter(|_| name.ends_with(".rs"))
        .and_then(|s| s.to_str());
    if let Some(case) = corpus.get(by_path.unwrap_or(name)) {
        return Ok(case);
    }
    // Nearest names: those that contain every word asked for, then by similarity.
    let words: Vec<&str> = name
        .split(['_', ' ', '-'])
        .filter(|w| !w.is_empty())
        .collect();
    let mut near: Vec<(f64, &str)> = corpus
        .cases
        .iter()
        .map(|c| {
            let all_words = words.iter().all(|w| c.name.contains(w));
            let score = strsim::jaro_winkler(name, &c.name) + if all_words { 1.0 } else { 0.0 };
            (score, c.name.as_str())
        })
        .filter(|(score, _)| *score > 0.75)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0));
    Err(one(Error::NoSuchCase {
        name: name.to_string(),
        near: near.iter().take(5).map(|(_, n)| n.to_string()).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::{find_case, load_corpus};
    use sendsync::error::Error;

    #[test]
    fn a_case_is_found_by_name_or_by_the_path_of_its_file() {
        let corpus = load_corpus().unwrap();
        let case = find_case(&corpus, "rc_config_into_spawn").unwrap();
        let path = case.path.display().to_string();
        assert_eq!(find_case(&corpus, &path).unwrap().name, case.name);
    }

    #[test]
    fn an_unknown_name_suggests_the_names_that_contain_its_words() {
        let corpus = load_corpus().unwrap();
        let err = &find_case(&corpus, "rc_into").unwrap_err()[0];
        let Error::NoSuchCase { name, near } = err else {
            panic!("{err:?}")
        };
        assert_eq!(name, "rc_into");
        assert!(near.iter().any(|n| n == "rc_config_into_spawn"), "{near:?}");
        let text = err.to_string();
        assert!(
            text.starts_with("no case named `rc_into` in the corpus; did you mean ")
                && text.contains("rc_config_into_spawn"),
            "{text}"
        );
    }
}
