//! The plan: which pages there are, in which order, and which page shows a case.

use super::facts::body;
use super::highlight;
use crate::input::case::{Case, Expectation};
use crate::input::corpus::{Corpus, Topic};
use std::collections::BTreeSet;

/// One page: a failing case with its fixes, or a passing case that is nobody's fix.
pub(crate) struct Page<'a> {
    /// The failing case, or the standalone passing one.
    pub case: &'a Case,
    /// The passing cases that repair `case`, in the order its `fix:` names them: the first is
    /// the lead fix, any other is another idiomatic fix shown after it on the same page.
    pub fixes: Vec<&'a Case>,
}

impl Page<'_> {
    /// The page's file stem: the name of its main case.
    pub fn slug(&self) -> &str {
        &self.case.name
    }

    /// The error codes of the failing case (empty for a passing page).
    pub fn codes(&self) -> Vec<&str> {
        match &self.case.expectation {
            Expectation::Fail(codes) => codes.iter().map(String::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Every case name the page holds.
    pub fn names(&self) -> Vec<&str> {
        let mut names = vec![self.case.name.as_str()];
        names.extend(self.fixes.iter().map(|f| f.name.as_str()));
        names
    }

    /// The type names used in the page's programs (for search).
    pub fn types(&self) -> BTreeSet<String> {
        let mut types = highlight::type_names(&body(&self.case.source).1);
        for fix in &self.fixes {
            types.extend(highlight::type_names(&body(&fix.source).1));
        }
        types
    }
}

pub(crate) struct Chapter<'a> {
    pub topic: &'a Topic,
    pub pages: Vec<Page<'a>>,
    /// Passing cases of this topic shown as a fix on a page of another topic, with that page.
    pub fixes_elsewhere: Vec<(&'a Case, &'a Case)>,
}

/// The order in which a learner reads the topics, and in which the site and the book list
/// them: the Rust Book's chapter 16 first, then the everyday tools (`Rc` and `Arc`, spawning,
/// closures, scoped threads, channels, locks, cells, statics, async, the lints), and last the
/// topics about the traits themselves. The README's "Where to start reading" names the same
/// order (`tests/pages.rs` holds them together). A topic not named here comes after these, by
/// name.
pub const READING_ORDER: [&str; 19] = [
    "book",
    "rc_arc",
    "spawn",
    "closures",
    "scoped",
    "channels",
    "locks",
    "cells",
    "statics",
    "async",
    "tokio",
    "lints",
    "auto_traits",
    "phantom",
    "pointers",
    "unsafe_impls",
    "dyn_impl",
    "assertions",
    "races",
];

/// Where a topic comes in [`READING_ORDER`] (a topic not in it: after all that are).
fn reading_rank(topic: &str) -> usize {
    READING_ORDER
        .iter()
        .position(|t| *t == topic)
        .unwrap_or(READING_ORDER.len())
}

/// One chapter per topic, in [`READING_ORDER`]; in each, the failing cases (each with all its
/// fixes) and the passing cases that are nobody's fix, in name order.
pub(crate) fn plan(corpus: &Corpus) -> Vec<Chapter<'_>> {
    let mut topics: Vec<&crate::input::corpus::Topic> = corpus.topics.iter().collect();
    // Stable: topics of equal rank keep the corpus's (name) order.
    topics.sort_by_key(|t| reading_rank(&t.name));
    topics
        .into_iter()
        .map(|topic| {
            let mut pages = Vec::new();
            let mut fixes_elsewhere = Vec::new();
            for case in corpus.topic_cases(&topic.name) {
                if case.expectation.is_pinned() || miri_finding(case) {
                    // Every fix is shown on the case's page: the first leads, the others follow.
                    let fixes = case.fix.iter().filter_map(|f| corpus.get(f)).collect();
                    pages.push(Page { case, fixes });
                    continue;
                }
                let fixed = corpus.repaired_by(&case.name);
                if fixed.is_empty() {
                    pages.push(Page {
                        case,
                        fixes: Vec::new(),
                    });
                } else if fixed.iter().all(|f| f.topic != topic.name) {
                    fixes_elsewhere.push((case, fixed[0]));
                }
            }
            Chapter {
                topic,
                pages,
                fixes_elsewhere,
            }
        })
        .collect()
}

/// The pinned rendered stderr of a failing case, if it is there.
/// Whether Miri finds something in this passing case (its `miri:` directive): such a case has a
/// page of its own with its correct twin, as a failing case has with its fix.
pub(crate) fn miri_finding(case: &Case) -> bool {
    case.miri.as_ref().is_some_and(|m| m.is_finding())
}

/// The anchor of `fix` on the page of `failing`: `fix` for the lead fix, `fix-<name>` for
/// another.
pub(crate) fn fix_anchor(failing: &Case, fix: &Case) -> String {
    if failing.fix.first() == Some(&fix.name) {
        "fix".to_string()
    } else {
        format!("fix-{}", fix.name)
    }
}

/// The page that shows `case`, and the anchor of the case on it: a failing case, a case Miri
/// finds wrong and a passing case that is nobody's fix have pages of their own; a fix is shown
/// on the page of the (first) case it repairs.
pub(crate) fn page_of<'a>(corpus: &'a Corpus, case: &'a Case) -> (&'a Case, Option<String>) {
    if case.expectation.is_pinned() || miri_finding(case) {
        return (case, None);
    }
    match corpus.repaired_by(&case.name).first() {
        Some(failing) => (failing, Some(fix_anchor(failing, case))),
        None => (case, None),
    }
}

/// A topic introduction's links to case files (`[name](name.rs)`, or
/// `[name](../topic/name.rs)` for another topic's, which resolve in the source tree) pointed at
/// the pages that show those cases instead: `up` leads from the page to the
/// root of the pages (`""` or `"../"`), `ext` is the pages' extension. A passing case shown as
/// another's fix links to that page (at the fix's anchor in the site).
pub(crate) fn link_case_files(corpus: &Corpus, text: &str, up: &str, ext: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        out.push_str(&rest[..i + 2]);
        rest = &rest[i + 2..];
        let Some(end) = rest.find(')') else { break };
        // `name.rs` beside the README, or `../topic/name.rs` in another topic.
        let case = rest[..end].strip_suffix(".rs").and_then(|p| {
            match p.strip_prefix("../").and_then(|p| p.split_once('/')) {
                Some((topic, n)) => corpus.get(n).filter(|c| c.topic == topic),
                None if !p.contains('/') => corpus.get(p),
                None => None,
            }
        });
        if let Some(case) = case {
            let (holder, anchor) = page_of(corpus, case);
            out.push_str(&format!("{up}{}/{}.{ext}", holder.topic, holder.name));
            if ext == "html" {
                out.push_str(&anchor.map(|a| format!("#{a}")).unwrap_or_default());
            }
            rest = &rest[end..];
        }
    }
    out.push_str(rest);
    out
}
