//! `sendsync book` and `sendsync site`: the corpus as mdBook source or a static HTML site.

use super::args::{BookArgs, SiteArgs};
use super::common::{one, CmdResult};
use super::programs::load_corpus;
use sendsync::{drift::history, learn::pages};
use std::path::Path;

pub fn book(args: BookArgs) -> CmdResult {
    write(true, &args.out, args.matrix.as_deref())
}

pub fn site(args: SiteArgs) -> CmdResult {
    write(false, &args.out, args.matrix.as_deref())
}

fn write(book: bool, out: &Path, matrix: Option<&Path>) -> CmdResult {
    let corpus = load_corpus()?;
    let inputs =
        pages::PageInputs::gather(&corpus, &history::default_root(), matrix).map_err(one)?;
    if book {
        let files = pages::write_book(&inputs, out).map_err(one)?;
        println!(
            "wrote {} files; build with `mdbook build {}`",
            files.len(),
            out.display()
        );
    } else {
        let files = pages::write_site(&inputs, out).map_err(one)?;
        println!(
            "wrote {} files; open {}",
            files.len(),
            out.join("index.html").display()
        );
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::{book, site};
    use crate::cli::args::{BookArgs, SiteArgs};

    #[test]
    fn a_site_never_replaces_a_book() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        book(BookArgs {
            out: out.clone(),
            matrix: None,
        })
        .unwrap();
        let err = site(SiteArgs {
            out: out.clone(),
            matrix: None,
        })
        .unwrap_err()[0]
            .to_string();
        assert!(err.contains("holds the output of `sendsync book`"), "{err}");
        assert!(out.join("book.toml").is_file() && !out.join("index.html").exists());
    }

    #[test]
    fn a_book_never_replaces_a_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        site(SiteArgs {
            out: out.clone(),
            matrix: None,
        })
        .unwrap();
        let err = book(BookArgs {
            out: out.clone(),
            matrix: None,
        })
        .unwrap_err()[0]
            .to_string();
        assert!(err.contains("holds the output of `sendsync site`"), "{err}");
        assert!(out.join("index.html").is_file() && !out.join("book.toml").exists());
    }
}
