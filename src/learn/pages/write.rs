//! Writing the pages: every file atomically, and a manifest (`.sendsync-pages`) of what was
//! written, so that a later run removes its own stale files and nothing else.

use crate::error::{Error, Result};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const MANIFEST: &str = ".sendsync-pages";

/// Writes `files` (paths relative to `out`) atomically, then removes what an earlier run wrote
/// and this one did not.
pub(super) fn write_all(
    out: &Path,
    files: Vec<(PathBuf, String)>,
    kind: &str,
) -> Result<Vec<PathBuf>> {
    let manifest = out.join(MANIFEST);
    // The manifest's first line says what wrote the folder: a site never replaces a book.
    let header = format!("# sendsync {kind}");
    let earlier = earlier_files(out, &header, kind)?;
    let mut written = Vec::with_capacity(files.len());
    let mut now = BTreeSet::new();
    for (rel, text) in files {
        debug_assert!(rel.is_relative());
        let path = out.join(&rel);
        crate::fs::write_atomic(&path, text.as_bytes())?;
        now.insert(rel);
        written.push(path);
    }
    for stale in earlier.difference(&now) {
        remove_stale(out, stale)?;
    }
    let list: Vec<String> = now
        .iter()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    crate::fs::write_atomic(
        &manifest,
        format!("{header}\n{}\n", list.join("\n")).as_bytes(),
    )?;
    Ok(written)
}

/// The files an earlier run of the same `kind` wrote into `out`, from its manifest (none for a
/// new or empty folder). A folder another kind wrote, or one with files and no manifest, is
/// refused.
fn earlier_files(out: &Path, header: &str, kind: &str) -> Result<BTreeSet<PathBuf>> {
    let manifest = out.join(MANIFEST);
    if manifest.is_file() {
        let text = crate::fs::read_text(&manifest)?;
        let first = text.lines().next().unwrap_or("");
        if first.starts_with("# sendsync ") && first != header {
            return Err(Error::input(
                out,
                None,
                format!(
                    "this folder holds the output of `sendsync {}`, not of `sendsync {kind}`: give another folder",
                    first.trim_start_matches("# sendsync ")
                ),
            ));
        }
        return Ok(text
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(PathBuf::from)
            .collect());
    }
    if out.is_dir() {
        let mut entries = std::fs::read_dir(out).map_err(|e| Error::io(out, e))?;
        if entries.next().is_some() {
            return Err(Error::input(
                out,
                None,
                "this folder is not empty and was not written by sendsync: give a new or empty folder",
            ));
        }
    }
    Ok(BTreeSet::new())
}

/// Removes `stale`, a file of an earlier run, and the folders that this leaves empty (a topic
/// that went away). Only plain relative paths, as this module writes them, are ever removed.
fn remove_stale(out: &Path, stale: &Path) -> Result<()> {
    if stale.is_absolute()
        || stale
            .components()
            .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Ok(());
    }
    let path = out.join(stale);
    if path.is_file() {
        std::fs::remove_file(&path).map_err(|e| Error::io(&path, e))?;
        let mut dir = path.parent();
        while let Some(d) = dir.filter(|d| *d != out) {
            if std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_never_replaces_a_book() {
        let dir = tempfile::tempdir().unwrap();
        let book = vec![(PathBuf::from("book.toml"), "[book]\n".to_string())];
        write_all(dir.path(), book.clone(), "book").unwrap();
        let site = vec![(PathBuf::from("index.html"), "<html>".to_string())];
        let err = write_all(dir.path(), site, "site").unwrap_err().to_string();
        assert!(err.contains("output of `sendsync book`"), "{err}");
        assert!(
            dir.path().join("book.toml").is_file(),
            "the book is untouched"
        );
        // The same kind again replaces its own output.
        write_all(dir.path(), book, "book").unwrap();
    }

    #[test]
    fn writing_refuses_a_foreign_folder_and_removes_stale_pages() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.txt"), "x").unwrap();
        let err = write_all(dir.path(), vec![("a.html".into(), "a".into())], "site").unwrap_err();
        assert!(err.to_string().contains("not written by sendsync"), "{err}");

        let out = dir.path().join("site");
        write_all(
            &out,
            vec![
                ("a.html".into(), "a".into()),
                ("t/b.html".into(), "b".into()),
            ],
            "site",
        )
        .unwrap();
        assert!(out.join("t/b.html").is_file());
        write_all(&out, vec![("a.html".into(), "a2".into())], "site").unwrap();
        assert!(!out.join("t").exists(), "the stale page and its folder go");
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "a2");
    }
}
