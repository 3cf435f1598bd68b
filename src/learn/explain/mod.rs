//! `sendsync explain`: from a learner's own compiler error to the corpus cases that explain it.
//!
//! The flow: the user's errors are read (rustc's or cargo's JSON through
//! [`crate::engine::diagnostic::Normalizer`], or rustc's rendered text through [`read_rendered`]) into
//! [`Found`] errors; each is reduced to a [`Shape`], its structure with the user's own names
//! taken out; the shape is scored against the shape of every failing corpus case's errors on the
//! pinned toolchain, read from the committed history ([`Index::build`]); the nearest three are
//! shown with their explanation and the diff to their fix.
//!
//! ## Scoring
//! Matching is by structure, never by words of the user's program. A shape holds the error
//! code, the headline with its quotations blanked (`` `_` cannot be sent between threads
//! safely``), the trait not implemented, the culprit type's *constructor* (`Rc<Logger>` and
//! `Rc<Config>` are both `Rc`), the kinds of the chain's links (within a type, behind a
//! reference, captured by a closure, held across `.await`, ...), the demanding bound (std's
//! `spawn`, `Scope::spawn`, a function of the user's own, a `static`, a cast to `dyn … + Send`)
//! and a few context words from the lines rustc quotes (a `thread::spawn` call, a scope, a
//! channel, a lock, `async`). Points, added up (`matching.rs`):
//!
//! | feature | points |
//! |---|---|
//! | same error code (`-` for the codeless future error); any two obligation errors | 3 |
//! | same headline (quotations blanked, one family per wording), not two obligations | 1.5 |
//! | same trait (`Send`, `Sync`) | 1 |
//! | same culprit class (`Rc`, `dyn Future`) | 4, else same kind of culprit 2 (trait objects 1) |
//! | same demanding bound (`spawn`, `tokio::spawn`, a user's function, a `static`, a cast) | 2 |
//! | link kinds | 3 × the share of kinds the two chains have in common (Jaccard) |
//! | the same `.await` shape (a temporary, `drop` before the await) | 4 |
//! | specific links (`inside HashMap`, in a closure) | 2 × the share in common |
//! | context words | 2 × the share in common (Jaccard) |
//!
//! The culprit weighs most because it is what the lesson is about (the fix replaces it); the
//! code comes next because an E0373 and an E0277 are different lessons even around one
//! `thread::spawn`, while an E0277 and the codeless future error are one kind (rustc picks one
//! by whether a future is on the way, which the links say). Equal scores are shown as a tie
//! (one `rank`); within it the order is by name, so the answer is stable. Every point a match
//! earns is named in its `why`.
//!
//! ## Where it lives
//! One file per step: `shape.rs` reduces an error to its [`Shape`], with `links.rs` for the
//! finer structure (culprit classes, headline families, specific links) and `borrow.rs` for the
//! chain of a borrow-family error; `read.rs` reads the user's errors ([`read_json`],
//! [`read_rendered`]) and `compile.rs` gets them by compiling ([`compile_file`], `cargo
//! check`); `index.rs` builds the lesson [`Index`]; `matching.rs` scores and ranks the cases;
//! `render.rs` writes the report; `evaluate.rs` is `--evaluate`, with `real.rs` reading a set's
//! `MANIFEST.toml` (`eval/real`).

mod borrow;
mod compile;
mod evaluate;
mod index;
mod links;
mod matching;
mod read;
mod real;
mod render;
mod shape;

pub use compile::compile_file;
pub use evaluate::{accuracy, evaluate, run_evaluation, EvalRow};
pub use index::Index;
pub use read::{read_json, read_rendered, Found};
pub use shape::{shape_of, Shape};

use crate::error::Result;
use std::path::Path;

/// How `sendsync explain` runs.
pub struct Options {
    pub json: bool,
    /// The input is rustc's rendered text.
    pub rendered: bool,
    /// Text output with each case's explanation and its whole diff to the fix.
    pub verbose: bool,
    pub toolchain: crate::toolchain::Spec,
    /// How many programs `--evaluate` compiles at once ([`crate::work`]).
    pub jobs: usize,
    /// The time limit of each compile (rustc on a file, `cargo check` on a package).
    pub timeout: std::time::Duration,
}

/// `sendsync explain PATH`: the report, as text or JSON.
pub fn run(path: &Path, options: &Options) -> Result<String> {
    let input = compile::Input::from_arg(path, options.rendered)?;
    let toolchain = match input {
        compile::Input::File(_) => Some(crate::toolchain::Toolchain::resolve(&options.toolchain)?),
        _ => None,
    };
    // The index first: without it there is nothing to compile for.
    let (corpus, index) = index::load()?;
    let found = compile::gather(&input, toolchain.as_ref(), options.timeout)?;
    let explained = render::explain(&found, &index);
    let report = render::ExplainReport {
        explained: &explained,
        corpus: &corpus,
        verbose: options.verbose,
    };
    let format = if options.json {
        crate::render::Format::Json
    } else {
        crate::render::Format::Text
    };
    Ok(crate::render::render(&report, format).expect("explain has text and JSON"))
}
