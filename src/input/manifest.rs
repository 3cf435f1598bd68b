//! The manifest of the crates cases may use: the bundled corpus's `[dev-dependencies]`, or
//! the `[dependencies]` and `[dev-dependencies]` of a folder's own `Cargo.toml` (or of
//! `--manifest PATH`), with the `Cargo.lock` beside it. Read once per process; built by
//! [`crate::engine::deps`].

use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

/// Which tables of a manifest a case may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Sections {
    /// `[dev-dependencies]` only: the bundled corpus, whose package's own `[dependencies]` are
    /// the tool's, not the lessons'.
    Dev,
    /// `[dependencies]` and `[dev-dependencies]`: any other folder's manifest.
    All,
}

/// Where a case's crates come from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Source {
    /// The `Cargo.toml`, absolute.
    pub manifest: PathBuf,
    pub(crate) sections: Sections,
}

impl Source {
    /// The bundled corpus's: this package's `[dev-dependencies]`.
    pub(crate) fn bundled() -> Source {
        Source {
            manifest: crate::paths::package_root().join("Cargo.toml"),
            sections: Sections::Dev,
        }
    }

    /// A folder's own manifest, `DIR/Cargo.toml`, where there is one.
    pub fn in_folder(dir: &Path) -> Option<Source> {
        let manifest = dir.join("Cargo.toml");
        manifest.is_file().then(|| Source {
            manifest: std::path::absolute(&manifest).unwrap_or(manifest),
            sections: Sections::All,
        })
    }

    /// A manifest named on the command line (`--manifest`): it must be there.
    pub fn named(path: &Path) -> Result<Source> {
        if !path.is_file() {
            return Err(Error::input(
                path,
                None,
                "no such manifest (--manifest names a Cargo.toml)",
            ));
        }
        Ok(Source {
            manifest: std::path::absolute(path).map_err(|e| Error::io(path, e))?,
            sections: Sections::All,
        })
    }
}

/// A manifest's dependencies as the generated package will hold them.
#[derive(Clone, Debug)]
pub struct Manifest {
    pub(crate) source: Source,
    /// The dependency's key in the manifest (the name the program uses, `-` and all) and its
    /// spec, with relative `path`s made absolute.
    pub(crate) deps: BTreeMap<String, toml::Value>,
    /// The `Cargo.lock` beside the manifest, if any.
    pub(crate) lock: Option<String>,
}

impl Manifest {
    pub(crate) fn read(source: &Source) -> Result<Manifest> {
        let path = &source.manifest;
        let text = crate::fs::read_text(path)?;
        let doc: toml::Table = text
            .parse()
            .map_err(|e: toml::de::Error| manifest_error(path, &text, &e))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        // `[package.metadata.sendsync]`: which dev-dependencies are the corpus's (the others
        // are the tests' own), and the lock they are built with: one that holds versions that
        // build on the oldest tracked toolchain, apart from the package's, whose tools need
        // newer ones.
        let metadata = doc
            .get("package")
            .and_then(|p| p.get("metadata"))
            .and_then(|m| m.get("sendsync"));
        let only = corpus_crates(source, metadata)?;
        let deps = dependencies(source, &doc, dir, only.as_deref())?;
        let lock = read_lock(source, dir, metadata, only.is_some())?;
        Ok(Manifest {
            source: source.clone(),
            deps,
            lock,
        })
    }

    /// The names programs use for the crates (`--extern` names): `-` becomes `_`.
    pub(crate) fn crate_names(&self) -> Vec<String> {
        self.deps.keys().map(|k| k.replace('-', "_")).collect()
    }

    /// The generated package's manifest: its dependencies and nothing else of the original.
    pub(crate) fn generated(&self) -> String {
        let mut deps = toml::Table::new();
        for (name, spec) in &self.deps {
            deps.insert(name.clone(), spec.clone());
        }
        let mut package = toml::Table::new();
        package.insert("name".into(), "sendsync-deps".into());
        package.insert("version".into(), "0.0.0".into());
        package.insert("edition".into(), "2021".into());
        package.insert("publish".into(), false.into());
        let mut lib = toml::Table::new();
        lib.insert("path".into(), "lib.rs".into());
        let mut doc = toml::Table::new();
        doc.insert("package".into(), package.into());
        doc.insert("lib".into(), lib.into());
        doc.insert("dependencies".into(), deps.into());
        // A workspace of its own: the folder lies below the package's target/.
        doc.insert("workspace".into(), toml::Table::new().into());
        toml::to_string(&doc).expect("a table of strings serializes")
    }
}

/// `package.metadata.sendsync.crates` of the bundled manifest: the dev-dependencies that are
/// the corpus's, if it lists them.
fn corpus_crates(source: &Source, metadata: Option<&toml::Value>) -> Result<Option<Vec<String>>> {
    let path = &source.manifest;
    Ok(
        match (source.sections, metadata.and_then(|m| m.get("crates"))) {
            (Sections::Dev, Some(list)) => Some(
                list.as_array()
                    .into_iter()
                    .flatten()
                    .map(|v| v.as_str().map(str::to_string))
                    .collect::<Option<Vec<_>>>()
                    .ok_or_else(|| {
                        Error::input(
                            path,
                            None,
                            "`package.metadata.sendsync.crates` must be a list of dependency names",
                        )
                    })?,
            ),
            _ => None,
        },
    )
}

/// The dependencies of the source's tables (only those in `only`, when given), each named in
/// `only` present.
fn dependencies(
    source: &Source,
    doc: &toml::Table,
    dir: &Path,
    only: Option<&[String]>,
) -> Result<BTreeMap<String, toml::Value>> {
    let path = &source.manifest;
    let tables: &[&str] = match source.sections {
        Sections::Dev => &["dev-dependencies"],
        Sections::All => &["dependencies", "dev-dependencies"],
    };
    let mut deps = BTreeMap::new();
    for table in tables {
        let Some(entries) = doc.get(*table) else {
            continue;
        };
        let entries = entries
            .as_table()
            .ok_or_else(|| Error::input(path, None, format!("`[{table}]` is not a table")))?;
        for (name, spec) in entries {
            if only.is_some_and(|o| !o.contains(name)) {
                continue;
            }
            deps.insert(name.clone(), absolute_paths(path, dir, name, spec)?);
        }
    }
    if let Some(missing) = only
        .iter()
        .copied()
        .flatten()
        .find(|n| !deps.contains_key(*n))
    {
        return Err(Error::input(
            path,
            None,
            format!("`package.metadata.sendsync.crates` names `{missing}`, which is not among its [dev-dependencies]"),
        ));
    }
    Ok(deps)
}

/// The lock beside the manifest (the bundled one's as `package.metadata.sendsync.lock`
/// names it), if there is one; the corpus's crates (`listed`) need theirs.
fn read_lock(
    source: &Source,
    dir: &Path,
    metadata: Option<&toml::Value>,
    listed: bool,
) -> Result<Option<String>> {
    let lock_path = match metadata
        .and_then(|m| m.get("lock"))
        .and_then(|l| l.as_str())
    {
        Some(lock) if source.sections == Sections::Dev => dir.join(lock),
        _ => dir.join("Cargo.lock"),
    };
    if source.sections == Sections::Dev && listed && !lock_path.is_file() {
        return Err(Error::input(
            &lock_path,
            None,
            "the corpus's crates lock is missing: make it with `scripts/lock-corpus-crates.sh`",
        ));
    }
    Ok(if lock_path.is_file() {
        Some(crate::fs::read_text(&lock_path)?)
    } else {
        None
    })
}

fn manifest_error(path: &Path, text: &str, e: &toml::de::Error) -> Error {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
    Error::input(
        path,
        line,
        format!("not a valid Cargo.toml: {}", e.message()),
    )
}

/// A spec whose `path` (a path dependency) is made absolute against the manifest's folder, so
/// the generated package finds it; `workspace = true` is refused (no workspace to read it from).
fn absolute_paths(
    manifest: &Path,
    dir: &Path,
    name: &str,
    spec: &toml::Value,
) -> Result<toml::Value> {
    let Some(table) = spec.as_table() else {
        return Ok(spec.clone());
    };
    if table.get("workspace").and_then(toml::Value::as_bool) == Some(true) {
        return Err(Error::input(
            manifest,
            None,
            format!("dependency `{name}` is `workspace = true`: give its version here, or --manifest the workspace member's own specs"),
        ));
    }
    let mut table = table.clone();
    if let Some(p) = table.get("path").and_then(toml::Value::as_str) {
        let abs = dir.join(p);
        table.insert("path".into(), abs.display().to_string().into());
    }
    Ok(table.into())
}

/// A manifest as read once per process (an error too).
type ReadManifest = Arc<Result<Manifest>>;

/// The manifests read so far in this process, by source.
fn manifests() -> &'static Mutex<HashMap<Source, ReadManifest>> {
    static READ: OnceLock<Mutex<HashMap<Source, ReadManifest>>> = OnceLock::new();
    READ.get_or_init(Default::default)
}

/// `source`'s manifest, read once per process. One that cannot be used is an
/// [`Error::BadManifest`] around the reason.
pub fn manifest(source: &Source) -> Result<Manifest> {
    let entry = {
        let mut read = manifests().lock().unwrap_or_else(|e| e.into_inner());
        read.entry(source.clone())
            .or_insert_with(|| Arc::new(Manifest::read(source)))
            .clone()
    };
    entry
        .as_ref()
        .clone()
        .map_err(|e| Error::BadManifest(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(dir: &Path, text: &str, sections: Sections) -> Source {
        std::fs::write(dir.join("Cargo.toml"), text).unwrap();
        Source {
            manifest: dir.join("Cargo.toml"),
            sections,
        }
    }

    #[test]
    fn a_manifest_gives_its_dependency_tables_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let text = "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[dependencies]\nclap = \"4\"\n\n[dev-dependencies]\ntokio = { version = \"1\", features = [\"rt\"] }\nmy-helper = { path = \"helper\" }\n";
        let dev = Manifest::read(&source(dir.path(), text, Sections::Dev)).unwrap();
        assert_eq!(dev.crate_names(), ["my_helper", "tokio"]);
        let generated = dev.generated();
        assert!(generated.contains("tokio"), "{generated}");
        assert!(!generated.contains("clap"), "{generated}");
        let helper = dir.path().join("helper").display().to_string();
        assert!(generated.contains(&helper), "{generated}");
        let all = Manifest::read(&source(dir.path(), text, Sections::All)).unwrap();
        assert_eq!(all.crate_names(), ["clap", "my_helper", "tokio"]);
    }

    #[test]
    fn a_bad_manifest_is_an_error_naming_it_and_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let s = source(
            dir.path(),
            "[package]\nname = \"x\"\n[dependencies\ntokio = \"1\"\n",
            Sections::All,
        );
        let e = Manifest::read(&s).unwrap_err().to_string();
        assert!(
            e.contains("Cargo.toml:3:") && e.contains("not a valid Cargo.toml"),
            "{e}"
        );
        let s = source(
            dir.path(),
            "[dependencies]\nserde = { workspace = true }\n",
            Sections::All,
        );
        let e = Manifest::read(&s).unwrap_err().to_string();
        assert!(e.contains("`serde` is `workspace = true`"), "{e}");
        let e = Source::named(&dir.path().join("nope.toml"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("nope.toml: no such manifest"), "{e}");
    }
}
