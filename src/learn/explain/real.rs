//! `sendsync explain --evaluate eval/real`: an evaluation set whose programs are listed in a
//! `MANIFEST.toml` (files and Cargo packages, each with its labels and its half) rather than
//! named by `//@ expect:` lines. A file is compiled as `explain FILE` compiles it; a package
//! is checked with `cargo check` in its folder, all packages sharing one target folder
//! (`target/eval-real`) so that their dependencies are built once.

use crate::error::{Error, Result};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// The manifest's name in an evaluation folder.
pub(super) const MANIFEST: &str = "MANIFEST.toml";

#[derive(Deserialize)]
struct Manifest {
    program: Vec<Program>,
}

/// One program of the manifest (its other fields, `source` and `hit`, are for people).
#[derive(Deserialize)]
struct Program {
    id: String,
    kind: String,
    labels: Vec<String>,
    half: String,
}

/// A program to evaluate: its path (a `.rs` file or a package folder), labels and half.
pub(super) struct Listed {
    pub(super) path: PathBuf,
    pub(super) package: bool,
    pub(super) labels: Vec<String>,
    pub(super) half: Option<String>,
}

/// The programs a manifest lists, in its order; an unknown kind, a missing program or labels
/// that name nothing are errors naming the manifest.
pub(super) fn listed(dir: &Path) -> Result<Vec<Listed>> {
    let path = dir.join(MANIFEST);
    let text = crate::fs::read_text(&path)?;
    let manifest: Manifest =
        toml::from_str(&text).map_err(|e| Error::input(&path, None, e.to_string()))?;
    manifest
        .program
        .into_iter()
        .map(|p| {
            let package = match p.kind.as_str() {
                "package" => true,
                "file" => false,
                k => {
                    let why = format!(
                        "program {}: kind must be \"file\" or \"package\", not {k:?}",
                        p.id
                    );
                    return Err(Error::input(&path, None, why));
                }
            };
            let program = if package {
                dir.join(&p.id)
            } else {
                dir.join(format!("{}.rs", p.id))
            };
            if !program.exists() || p.labels.is_empty() {
                let why = format!(
                    "program {}: {} does not exist or has no labels",
                    p.id,
                    program.display()
                );
                return Err(Error::input(&path, None, why));
            }
            Ok(Listed {
                path: program,
                package,
                labels: p.labels,
                half: Some(p.half),
            })
        })
        .collect()
}

/// The target folder the packages of an evaluation share.
pub(super) fn shared_target() -> PathBuf {
    crate::paths::target_dir().join("eval-real")
}
