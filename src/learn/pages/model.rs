//! The page model: what each page says (a case's, a topic's, the front pages, the truth
//! table's and the drift matrix's), worked out once from the plan and the inputs. The book's
//! Markdown templates and the site's HTML templates (`templates/`) only lay it out, so that the
//! two never disagree on which sections a page has, in which order, or what they hold.

use super::facts::{
    body, book_url, display_path, error_index_url, expectation_words, fix_diff, lint_url, lints_of,
    miri_note, miri_sentence, pinned_stderr, span_label, MiriNote, TAG_TYPES,
};
use super::plan::{fix_anchor, link_case_files, Chapter, Page};
use super::{chain_svg, PageInputs};
use crate::engine::chain::Chain;
use crate::input::case::{Case, DEFAULT_EDITION};
use serde::Serialize;

/// Which output a model is for. Only links differ: their extension, and where an obligation
/// chain's boxes point.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Book,
    Site,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Book => "md",
            Format::Site => "html",
        }
    }
}

/// The facts line under a case's title.
#[derive(Serialize)]
pub(super) struct Facts {
    name: String,
    expectation: String,
    /// A Rust Book listing such as `16-14`, and its page.
    listing: Option<String>,
    listing_url: Option<String>,
    /// The edition, where it is not the default one.
    edition: Option<String>,
    min_rust: Option<String>,
}

impl Facts {
    fn of(case: &Case) -> Facts {
        Facts {
            name: case.name.clone(),
            expectation: expectation_words(case),
            listing: case.book.clone(),
            listing_url: case.book.as_deref().and_then(book_url),
            edition: (case.edition != DEFAULT_EDITION).then(|| case.edition.clone()),
            min_rust: case.min_rust.as_ref().map(|v| v.to_string()),
        }
    }
}

/// A case's program without its header.
#[derive(Serialize)]
struct Program {
    path: String,
    /// The line number its first line has in the file.
    first: usize,
    text: String,
    /// The book's info string: `rust`, `compile_fail` for a failing case, the edition.
    info: String,
    /// Whether its lines get ids (the page's own program, which the chains link to).
    anchors: bool,
}

impl Program {
    fn of(inputs: &PageInputs, case: &Case, anchors: bool) -> Program {
        let (first, text) = body(&case.source);
        let mut info = String::from("rust");
        if case.expectation.is_fail() {
            info.push_str(",compile_fail");
        }
        if case.edition != DEFAULT_EDITION {
            info.push_str(&format!(",edition{}", case.edition));
        }
        Program {
            path: display_path(inputs.corpus, &case.path),
            first,
            text,
            info,
            anchors,
        }
    }
}

/// A pinned text (a `.stderr`, a Miri report) and where it is pinned.
#[derive(Serialize)]
struct Pinned {
    path: String,
    text: String,
}

/// The compiler's pinned output on a failing or linted case's page.
#[derive(Serialize)]
struct Output {
    /// `rustc` or `clippy-driver`.
    compiler: &'static str,
    /// `error` or `warning`, for "the pinned … is not recorded".
    what: &'static str,
    pinned: Option<Pinned>,
}

#[derive(Serialize)]
struct Miri {
    verdict: &'static str,
    sentence: String,
    report: Option<Pinned>,
}

impl Miri {
    fn of(inputs: &PageInputs, case: &Case) -> Option<Miri> {
        let note: MiriNote = miri_note(case)?;
        Some(Miri {
            verdict: note.verdict,
            sentence: miri_sentence(&note),
            report: note.report.map(|(text, pin)| Pinned {
                path: display_path(inputs.corpus, &pin),
                text,
            }),
        })
    }
}

/// A code or lint with its documentation (a code without one, `-`, has no `url`).
#[derive(Serialize)]
struct Linked {
    name: String,
    url: Option<String>,
}

/// A link to another case's page.
#[derive(Serialize)]
struct PageLink {
    title: String,
    topic: String,
    name: String,
}

impl PageLink {
    fn of(case: &Case) -> PageLink {
        PageLink {
            title: case.title.clone(),
            topic: case.topic.clone(),
            name: case.name.clone(),
        }
    }
}

/// A line of the diff from a case to its fix.
#[derive(Serialize)]
struct DiffRow {
    /// How the site colours it ([`super::highlight::diff_class`]).
    kind: &'static str,
    text: String,
}

/// A fix (or a correct twin) shown on its case's page.
#[derive(Serialize)]
struct Fix {
    /// "The fix" for the lead fix, "Another idiomatic fix" for any other.
    heading: &'static str,
    anchor: String,
    title: String,
    facts: Facts,
    explanation: String,
    program: Program,
    miri: Option<Miri>,
    diff: Vec<DiffRow>,
    /// The other cases the same fix repairs.
    others: Vec<PageLink>,
}

/// The obligation chains of a failing case's errors.
#[derive(Serialize)]
struct Chains {
    /// The traits they lack, each once.
    traits: Vec<String>,
    /// The diagrams (trusted HTML made by [`chain_svg`]).
    svg: minijinja::Value,
    /// The program's lines the chains name, as (number, text): the book quotes them.
    lines: Vec<(usize, String)>,
}

impl Chains {
    fn of(chains: &[Chain], case: &Case, format: Format) -> Chains {
        let traits: std::collections::BTreeSet<&str> =
            chains.iter().map(|c| c.trait_name.as_str()).collect();
        let (first, _) = body(&case.source);
        // mdBook's code blocks cannot hold an anchor per line: the book's boxes link to the
        // program's section; the site's to the line.
        let href = move |at: &str| match format {
            Format::Book => Some("#the-failing-program".to_string()),
            Format::Site => chain_svg::line(at)
                .filter(|l| *l >= first)
                .map(|l| format!("#L{l}")),
        };
        let mut numbers: Vec<usize> = chains
            .iter()
            .flat_map(|c| c.links.iter())
            .filter_map(|l| l.at.as_deref().and_then(chain_svg::line))
            .collect();
        numbers.sort();
        numbers.dedup();
        let source: Vec<&str> = case.source.lines().collect();
        Chains {
            traits: traits.into_iter().map(String::from).collect(),
            svg: minijinja::Value::from_safe_string(chain_svg::figures(chains, &case.name, &href)),
            lines: numbers
                .into_iter()
                .filter_map(|n| Some((n, source.get(n - 1)?.trim().to_string())))
                .collect(),
        }
    }
}

/// One row of a case's history: toolchains over which it read the same.
#[derive(Serialize)]
struct HistoryRow {
    label: String,
    outcome: String,
    codes: Vec<Linked>,
    messages: Vec<String>,
    /// Where the details changed within the row.
    note: Option<String>,
}

#[derive(Serialize)]
struct History {
    /// "Codes", or "Lints" for a lint case.
    codes_header: &'static str,
    rows: Vec<HistoryRow>,
    /// Each toolchain at which the obligation chain changed, with what changed.
    chain_changes: Vec<(String, String)>,
}

impl History {
    fn of(inputs: &PageInputs, case: &Case) -> Option<History> {
        let spans = inputs.histories.get(&case.name).filter(|s| !s.is_empty())?;
        let rows = super::facts::history_rows(spans)
            .into_iter()
            .map(|(span, changes)| HistoryRow {
                label: span_label(&span),
                codes: span
                    .codes
                    .iter()
                    .map(|c| Linked {
                        name: c.clone(),
                        url: error_index_url(c),
                    })
                    .collect(),
                messages: span.messages,
                outcome: span.outcome,
                note: super::facts::details_note(&changes),
            })
            .collect();
        Some(History {
            codes_header: if case.expectation.is_lint() {
                "Lints"
            } else {
                "Codes"
            },
            rows,
            chain_changes: inputs
                .chain_changes
                .get(&case.name)
                .cloned()
                .unwrap_or_default(),
        })
    }
}

/// A case's page.
#[derive(Serialize)]
pub(super) struct CasePage {
    title: String,
    topic_title: String,
    /// `fail`, `lint` or `pass`.
    kind: &'static str,
    facts: Facts,
    explanation: String,
    program: Program,
    output: Option<Output>,
    chains: Option<Chains>,
    codes: Vec<Linked>,
    lints: Vec<Linked>,
    miri: Option<Miri>,
    /// Whether the page has a fix section (a passing case has one only with a twin).
    has_fix_section: bool,
    fixes: Vec<Fix>,
    history: Option<History>,
    prev: Option<PageLink>,
    next: Option<PageLink>,
    toolchain: String,
}

impl CasePage {
    pub(super) fn of(inputs: &PageInputs, chapter: &Chapter, k: usize, format: Format) -> CasePage {
        let page = &chapter.pages[k];
        let case = page.case;
        let kind = kind(case);
        let output = |compiler, what| Output {
            compiler,
            what,
            pinned: pinned_stderr(case).map(|text| Pinned {
                path: display_path(inputs.corpus, &case.stderr_path()),
                text,
            }),
        };
        let link = |p: &Page| PageLink::of(p.case);
        CasePage {
            title: case.title.clone(),
            topic_title: chapter.topic.title.clone(),
            kind,
            facts: Facts::of(case),
            explanation: case.explanation.clone(),
            program: Program::of(inputs, case, true),
            output: match kind {
                "fail" => Some(output("rustc", "error")),
                "lint" => Some(output("clippy-driver", "warning")),
                _ => None,
            },
            chains: (kind == "fail")
                .then(|| inputs.chains.get(&case.name))
                .flatten()
                .map(|c| Chains::of(c, case, format)),
            codes: page
                .codes()
                .into_iter()
                .map(|c| Linked {
                    name: c.to_string(),
                    url: error_index_url(c),
                })
                .collect(),
            lints: lints_of(case)
                .into_iter()
                .map(|l| Linked {
                    name: l.to_string(),
                    url: Some(lint_url(l)),
                })
                .collect(),
            miri: if kind == "pass" {
                Miri::of(inputs, case)
            } else {
                None
            },
            has_fix_section: kind != "pass" || !page.fixes.is_empty(),
            fixes: fixes(inputs, page),
            history: History::of(inputs, case),
            prev: k.checked_sub(1).map(|p| link(&chapter.pages[p])),
            next: chapter.pages.get(k + 1).map(link),
            toolchain: inputs.pinned_toolchain.to_string(),
        }
    }
}

/// What a case is, for the templates: `fail`, `lint` or `pass`.
fn kind(case: &Case) -> &'static str {
    if case.expectation.is_fail() {
        "fail"
    } else if case.expectation.is_lint() {
        "lint"
    } else {
        "pass"
    }
}

fn fixes(inputs: &PageInputs, page: &Page) -> Vec<Fix> {
    let case = page.case;
    page.fixes
        .iter()
        .enumerate()
        .map(|(i, fix)| Fix {
            heading: if i == 0 {
                "The fix"
            } else {
                "Another idiomatic fix"
            },
            anchor: fix_anchor(case, fix),
            title: fix.title.clone(),
            facts: Facts::of(fix),
            explanation: fix.explanation.clone(),
            program: Program::of(inputs, fix, false),
            miri: Miri::of(inputs, fix),
            diff: fix_diff(inputs.corpus, case, fix)
                .into_iter()
                .map(|(kind, text)| DiffRow {
                    kind: super::highlight::diff_class(kind),
                    text,
                })
                .collect(),
            others: inputs
                .corpus
                .repaired_by(&fix.name)
                .into_iter()
                .filter(|c| c.name != case.name)
                .map(PageLink::of)
                .collect(),
        })
        .collect()
}

/// An entry in a list of pages (a topic's, the index's).
#[derive(Serialize)]
struct PageEntry {
    title: String,
    slug: String,
    /// `fail`, `lint` or `pass`.
    kind: &'static str,
    expectation: String,
    fixes: Vec<String>,
    /// The error codes of a failing case, the lints of a lint case.
    codes: Vec<String>,
    lints: Vec<String>,
    /// What the site's search finds it by: its names, codes, types and topic, in lower case.
    search: String,
    /// The std types of [`TAG_TYPES`] that its programs use.
    tags: Vec<&'static str>,
}

impl PageEntry {
    fn of(page: &Page) -> PageEntry {
        let codes = page.codes();
        let types = page.types();
        let mut words: Vec<&str> = page.names();
        words.extend(codes.iter().filter(|c| **c != "-"));
        words.extend(types.iter().map(String::as_str));
        words.push(&page.case.topic);
        PageEntry {
            title: page.case.title.clone(),
            slug: page.slug().to_string(),
            kind: kind(page.case),
            expectation: expectation_words(page.case),
            fixes: page.fixes.iter().map(|f| f.name.clone()).collect(),
            codes: codes.iter().map(|c| c.to_string()).collect(),
            lints: lints_of(page.case).iter().map(|l| l.to_string()).collect(),
            search: words.join(" ").to_lowercase(),
            tags: TAG_TYPES
                .iter()
                .copied()
                .filter(|t| types.contains(*t))
                .collect(),
        }
    }
}

/// A passing case of the topic shown as a fix on another topic's page.
#[derive(Serialize)]
struct FixElsewhere {
    name: String,
    anchor: String,
    failing: PageLink,
}

/// A topic's page: its introduction and its pages.
#[derive(Serialize)]
pub(super) struct TopicPage {
    name: String,
    title: String,
    /// The introduction, its links to case files pointed at the pages.
    introduction: String,
    pages: Vec<PageEntry>,
    fixes_elsewhere: Vec<FixElsewhere>,
}

impl TopicPage {
    /// `up` leads from the page that shows it to the root of the pages (`"../"` for the
    /// topic's own page, `""` for the index).
    pub(super) fn of(
        inputs: &PageInputs,
        chapter: &Chapter,
        format: Format,
        up: &str,
    ) -> TopicPage {
        TopicPage {
            name: chapter.topic.name.clone(),
            title: chapter.topic.title.clone(),
            introduction: link_case_files(
                inputs.corpus,
                &chapter.topic.introduction,
                up,
                format.ext(),
            ),
            pages: chapter.pages.iter().map(PageEntry::of).collect(),
            fixes_elsewhere: chapter
                .fixes_elsewhere
                .iter()
                .map(|(fix, failing)| FixElsewhere {
                    name: fix.name.clone(),
                    anchor: fix_anchor(failing, fix),
                    failing: PageLink::of(failing),
                })
                .collect(),
        }
    }
}

/// The front pages: the site's index, the book's introduction and summary.
#[derive(Serialize)]
pub(super) struct Home {
    title: &'static str,
    cases: usize,
    failing: usize,
    /// The pages of all the topics.
    pages: usize,
    toolchain: String,
    /// The topics in reading order, their introductions linked from the root.
    chapters: Vec<TopicPage>,
}

impl Home {
    pub(super) fn of(inputs: &PageInputs, chapters: &[Chapter], format: Format) -> Home {
        let cases = &inputs.corpus.cases;
        Home {
            title: super::BOOK_TITLE,
            cases: cases.len(),
            failing: cases.iter().filter(|c| c.expectation.is_fail()).count(),
            pages: chapters.iter().map(|c| c.pages.len()).sum(),
            toolchain: inputs.pinned_toolchain.to_string(),
            chapters: chapters
                .iter()
                .map(|c| TopicPage::of(inputs, c, format, ""))
                .collect(),
        }
    }
}

/// The truth table's page and the drift matrix's: what the inputs hold, made for one format
/// (Markdown or HTML, which the templates put in as it is), or `None` where not recorded.
#[derive(Serialize)]
pub(super) struct Reference {
    toolchain: String,
    table: Option<minijinja::Value>,
    /// The lints that guard rows of the table.
    guards: minijinja::Value,
    matrix: Option<minijinja::Value>,
}

impl Reference {
    /// `table`, `guards` and `matrix` are trusted text, made by this program.
    pub(super) fn of(
        inputs: &PageInputs,
        table: Option<String>,
        guards: String,
        matrix: Option<String>,
    ) -> Reference {
        let trusted = minijinja::Value::from_safe_string;
        Reference {
            toolchain: inputs.pinned_toolchain.to_string(),
            table: table.map(trusted),
            guards: trusted(guards),
            matrix: matrix.map(trusted),
        }
    }
}
