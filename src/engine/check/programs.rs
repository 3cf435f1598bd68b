//! The programs a command names: `.rs` files, and the `.rs` files below folders.

use crate::error::Error;
use std::path::{Path, PathBuf};

/// The programs named by `paths`: `.rs` files, and the `.rs` files below folders.
///
/// Below a folder, symbolic links are not followed, neither to folders nor to files (as
/// ripgrep and `git` do): a link is another name for a file that is checked where it lies, and
/// a link back up (`ln -s .. up`) would otherwise check a file again on every level. A path
/// named here is what the user asked for, so a link given as one is followed. A file reached
/// twice (named once and again through a link) is checked once, under the first of its paths.
pub fn collect_programs(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut out)?;
        } else if path.is_file() {
            out.push(path.clone());
        } else {
            return Err(Error::input(path, None, "no such file or folder"));
        }
    }
    out.sort();
    let mut seen = std::collections::HashSet::new();
    out.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    // `follow_links(false)` still follows `dir` itself when it is a link (walkdir's rule for
    // the root), which is the rule above.
    for entry in walkdir::WalkDir::new(dir).follow_links(false) {
        let entry = entry.map_err(|e| {
            let at = e.path().unwrap_or(dir).to_path_buf();
            match e.into_io_error() {
                Some(io) => Error::io(&at, io),
                None => Error::input(&at, None, "cannot walk this folder"),
            }
        })?;
        if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == "rs") {
            out.push(entry.into_path());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_walk_does_not_follow_links_but_a_named_link_is_followed() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("d");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.rs"), "fn main() {}\n").unwrap();
        std::fs::write(d.join("sub/b.rs"), "fn main() {}\n").unwrap();
        // A loop back up, a link to a file beside it, and one that points nowhere.
        symlink("..", d.join("sub/up")).unwrap();
        symlink("a.rs", d.join("alias.rs")).unwrap();
        symlink("gone.rs", d.join("dangling.rs")).unwrap();
        let found = super::collect_programs(std::slice::from_ref(&d)).unwrap();
        assert_eq!(found, vec![d.join("a.rs"), d.join("sub/b.rs")]);
        // Named on the command line, a link is what the user asked for: followed, and a file
        // named twice (once through a link) is checked once.
        let link = dir.path().join("link");
        symlink("d", &link).unwrap();
        let found = super::collect_programs(&[link.clone(), d.join("alias.rs")]).unwrap();
        assert_eq!(
            found,
            vec![d.join("alias.rs"), link.join("sub/b.rs")],
            "{found:?}"
        );
        let err = super::collect_programs(&[d.join("dangling.rs")]).unwrap_err();
        assert!(err.to_string().contains("dangling.rs"), "{err}");
    }
}
