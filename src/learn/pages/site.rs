//! The static site: `index.html` (topics with their introductions, and a search box that
//! filters cases by name, error code or type), `<topic>/index.html`, one page per failing case
//! and its fix or per passing case that is nobody's fix (`<topic>/<case>.html`),
//! `table.html` and `drift.html`. Every page is self-contained: its style (and the index's
//! script) is inline, code is coloured at generation time, and nothing is loaded from a
//! network.

use super::facts::{lints_of, TAG_TYPES};
use super::markdown::{inline, to_html};
use super::model::{CasePage, Format, TopicPage};
use super::plan::{link_case_files, page_of, plan, Chapter, Page};
use super::render::template;
use super::PageInputs;
use crate::engine::report::html_escape;
use crate::error::Result;
use std::path::PathBuf;

const CSS: &str = include_str!("assets/site.css");
const SEARCH_JS: &str = include_str!("assets/search.js");
const EXPLAIN_JS: &str = include_str!("assets/explain.js");
const TITLE: &str = super::book::BOOK_TITLE;

pub(super) fn render(inputs: &PageInputs) -> Result<Vec<(PathBuf, String)>> {
    let chapters = plan(inputs.corpus);
    let mut files = vec![(PathBuf::from("index.html"), index(inputs, &chapters))];
    for chapter in &chapters {
        let dir = PathBuf::from(&chapter.topic.name);
        files.push((dir.join("index.html"), topic_page(inputs, chapter)));
        for (k, page) in chapter.pages.iter().enumerate() {
            files.push((
                dir.join(format!("{}.html", page.slug())),
                case_page(inputs, chapter, k),
            ));
        }
    }
    files.push((PathBuf::from("table.html"), table_page(inputs)));
    files.push((PathBuf::from("drift.html"), drift_page(inputs)));
    files.push((PathBuf::from("explain.html"), explain_page(inputs)));
    Ok(files)
}

/// A whole page. `root` is the relative path to the site's root (`""` or `"../"`); `crumbs`
/// is HTML shown above the page's content.
fn layout(title: &str, root: &str, crumbs: &str, main: &str, script: Option<&str>) -> String {
    page(title, root, crumbs, main, script, "")
}

/// A page whose content may use the whole window's width (wide tables).
fn layout_wide(title: &str, main: &str) -> String {
    page(title, "", "", main, None, " class=\"wide\"")
}

fn page(
    title: &str,
    root: &str,
    crumbs: &str,
    main: &str,
    script: Option<&str>,
    main_class: &str,
) -> String {
    let script = script
        .map(|s| format!("<script>\n{s}</script>\n"))
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta name=\"generator\" content=\"sendsync site\">\n\
<title>{title}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n\
<header class=\"top\"><nav><a class=\"home\" href=\"{root}index.html\">{site}</a>\
<span class=\"links\"><a href=\"{root}index.html\">Topics</a><a href=\"{root}table.html\">Truth table</a>\
<a href=\"{root}drift.html\">Across toolchains</a><a href=\"{root}explain.html\">Explain my error</a></span></nav></header>\n\
<main{main_class}>\n{crumbs}{main}\n<footer>Generated from the corpus by <code>sendsync site</code>; do not edit by hand.</footer>\n</main>\n{script}</body>\n</html>\n",
        title = html_escape(title),
        site = html_escape(TITLE),
    )
}

/// The trail above a case page's title: all topics, then its topic.
fn crumbs(topic_html: &str) -> String {
    format!(
        "<nav class=\"crumbs\"><a href=\"../index.html\">All topics</a> › <a href=\"index.html\">{topic_html}</a></nav>\n"
    )
}

/// Text that is searched: names, codes, types, topic; lower case.
fn haystack(page: &Page) -> String {
    let mut words: Vec<String> = page.names().iter().map(|n| n.to_string()).collect();
    words.extend(
        page.codes()
            .into_iter()
            .filter(|c| *c != "-")
            .map(String::from),
    );
    words.extend(page.types());
    words.push(page.case.topic.clone());
    html_escape(&words.join(" ").to_lowercase())
}

fn chips(page: &Page) -> String {
    let mut out = String::new();
    if page.case.expectation.is_fail() {
        for code in page.codes() {
            let label = if code == "-" { "no code" } else { code };
            out.push_str(&format!(
                "<span class=\"chip fail\">{}</span>",
                html_escape(label)
            ));
        }
    } else if page.case.expectation.is_lint() {
        for lint in lints_of(page.case) {
            out.push_str(&format!(
                "<span class=\"chip lint\">{}</span>",
                html_escape(lint)
            ));
        }
    } else {
        out.push_str("<span class=\"chip pass\">pass</span>");
    }
    let types = page.types();
    for ty in TAG_TYPES.iter().filter(|t| types.contains(**t)) {
        out.push_str(&format!("<span class=\"chip ty\">{ty}</span>"));
    }
    out
}

/// One entry in a list of pages. `prefix` leads from the list's page to the topic's folder.
fn item(page: &Page, prefix: &str) -> String {
    let mut names = format!("<code>{}</code>", html_escape(&page.case.name));
    if !page.fixes.is_empty() {
        let fixes: Vec<String> = page
            .fixes
            .iter()
            .map(|f| format!("<code>{}</code>", html_escape(&f.name)))
            .collect();
        names.push_str(&format!(" → fixed by {}", fixes.join(" or ")));
    }
    format!(
        "<li class=\"case\" data-search=\"{hay}\" data-codes=\"{codes}\"><a class=\"title\" href=\"{prefix}{slug}.html\">{title}</a> {chips}<div class=\"names\">{names}</div></li>\n",
        hay = haystack(page),
        codes = html_escape(&page.codes().join(" ")),
        slug = html_escape(page.slug()),
        title = inline(&page.case.title),
        chips = chips(page),
    )
}

/// The topics at a glance, in reading order (the chapters come in
/// [`super::READING_ORDER`]), linking to their sections below: a learner's path.
fn toc(chapters: &[Chapter]) -> String {
    let links: Vec<String> = chapters
        .iter()
        .map(|c| {
            format!(
                "<li><a href=\"#{}\">{}</a></li>",
                html_escape(&c.topic.name),
                inline(&c.topic.title)
            )
        })
        .collect();
    format!(
        "<nav class=\"toc\" id=\"start-here\"><strong>Start here</strong>, and read the topics in this order: the Rust Book's listings first, then the everyday tools, then the traits themselves.<ol>{}</ol></nav>",
        links.join("")
    )
}

fn index(inputs: &PageInputs, chapters: &[Chapter]) -> String {
    let corpus = inputs.corpus;
    let failing = corpus
        .cases
        .iter()
        .filter(|c| c.expectation.is_fail())
        .count();
    let pages: usize = chapters.iter().map(|c| c.pages.len()).sum();
    let mut main = format!(
        "<h1>{title}</h1>\n\
<p class=\"lead\">Rust decides which values may cross threads with two marker traits: <code>Send</code> \
(a value may be moved to another thread) and <code>Sync</code> (a value may be shared between threads \
by reference). Here the rules are taught case by case: each page is one small program with one rule, \
the compiler's exact error, and a fix that compiles, with the diff between the two.</p>\n\
<p class=\"meta\">{cases} cases in {topics} topics, on {pages} pages; {failing} fail to compile, each beside \
its fix. Errors as rendered by rustc {tc}, the pinned toolchain. See also the \
<a href=\"table.html\">std Send/Sync truth table</a> and <a href=\"drift.html\">how the diagnostics changed across toolchains</a>.</p>\n\
{toc}\n<div class=\"search\"><input id=\"q\" type=\"search\" placeholder=\"Filter by case name, error code or type: E0277, Rc, mutex_guard… (press /)\" \
aria-label=\"Filter cases by name, error code or type\" autocomplete=\"off\"><div class=\"count\" id=\"count\" aria-live=\"polite\"></div></div>\n",
        title = html_escape(TITLE),
        cases = corpus.cases.len(),
        topics = chapters.len(),
        tc = html_escape(inputs.pinned_toolchain),
        toc = toc(chapters),
    );
    for chapter in chapters {
        let topic = chapter.topic;
        main.push_str(&format!(
            "<section class=\"topic\" id=\"{name}\">\n<h2><a href=\"{name}/index.html\">{title}</a> <span class=\"n\">{n} pages</span></h2>\n<div class=\"intro\">{intro}</div>\n<ul class=\"cases\">\n",
            name = html_escape(&topic.name),
            title = inline(&topic.title),
            n = chapter.pages.len(),
            intro = to_html(&link_case_files(inputs.corpus, &topic.introduction, "", "html")),
        ));
        for page in &chapter.pages {
            main.push_str(&item(page, &format!("{}/", topic.name)));
        }
        main.push_str("</ul>\n</section>\n");
    }
    layout(TITLE, "", "", &main, Some(SEARCH_JS))
}

fn topic_page(inputs: &PageInputs, chapter: &Chapter) -> String {
    let model = TopicPage::of(inputs, chapter, Format::Site, &|p| item(p, ""));
    let crumbs = "<nav class=\"crumbs\"><a href=\"../index.html\">All topics</a></nav>\n";
    layout(
        &chapter.topic.title,
        "../",
        crumbs,
        &template("topic.html", &model),
        None,
    )
}

fn case_page(inputs: &PageInputs, chapter: &Chapter, k: usize) -> String {
    let model = CasePage::of(inputs, chapter, k, Format::Site);
    let crumbs = crumbs(&inline(&chapter.topic.title));
    let title = format!("{} · {}", chapter.pages[k].case.title, TITLE);
    layout(&title, "../", &crumbs, &template("case.html", &model), None)
}

fn table_page(inputs: &PageInputs) -> String {
    let mut main = String::from(
        "<h1>The std Send/Sync truth table</h1>\n<p class=\"lead\">Which standard library types are \
<code>Send</code> (may be moved to another thread) and <code>Sync</code> (may be shared between threads \
by reference). <code>T: Sync</code> holds exactly when <code>&amp;T: Send</code>. ✓ means the trait is \
implemented, ✗ that it is not.</p>\n",
    );
    match inputs
        .table_html
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        Some(table) => {
            main.push_str("<div class=\"table-wrap\">\n");
            main.push_str(table.trim());
            main.push_str("\n</div>\n");
        }
        None => main.push_str(
            "<p class=\"note\">The truth table is not recorded in this build of the site.</p>\n",
        ),
    }
    main.push_str(&super::guards::html(inputs.corpus));
    layout_wide("The std Send/Sync truth table", &main)
}

/// What the matrix's cell classes mean, most severe first.
const DRIFT_LEGEND: &str = "<div class=\"table-wrap\"><table class=\"legend\"><tr>\
<td class=\"outcome\">outcome: compiles on one toolchain, not on the other</td>\
<td class=\"codes\">codes: the set of error codes differs</td>\
<td class=\"headline\">headline: an error's message differs</td>\
<td class=\"detail\">detail: labels, notes, helps or spans differ</td>\
<td class=\"rendering\">rendering: only the rendered text differs</td>\
<td class=\"identical\">identical</td>\
<td class=\"n-a\">n/a: below the case's min-rust</td>\
</tr></table></div>\n";

/// The matrix's case names (`<td><code>NAME</code></td>`) linked to the pages that show them.
fn link_case_names(inputs: &PageInputs, matrix: &str) -> String {
    let corpus = inputs.corpus;
    let href = |name: &str| -> Option<String> {
        let case = corpus.cases.iter().find(|c| html_escape(&c.name) == name)?;
        let (holder, anchor) = page_of(corpus, case);
        let anchor = anchor.map(|a| format!("#{a}")).unwrap_or_default();
        Some(format!("{}/{}.html{anchor}", holder.topic, holder.name))
    };
    const OPEN: &str = "<td><code>";
    const CLOSE: &str = "</code></td>";
    let mut out = String::with_capacity(matrix.len() + matrix.len() / 8);
    let mut rest = matrix;
    while let Some(at) = rest.find(OPEN) {
        out.push_str(&rest[..at]);
        rest = &rest[at + OPEN.len()..];
        let name = rest.find(CLOSE).map(|end| &rest[..end]);
        match name.and_then(|n| href(n).map(|h| (n, h))) {
            Some((name, href)) => {
                out.push_str(&format!(
                    "<td><a href=\"{}\"><code>{name}</code></a>{CLOSE}",
                    html_escape(&href)
                ));
                rest = &rest[name.len() + CLOSE.len()..];
            }
            None => out.push_str(OPEN),
        }
    }
    out.push_str(rest);
    out
}

fn drift_page(inputs: &PageInputs) -> String {
    let mut main = format!(
        "<h1>Diagnostics across toolchains</h1>\n<p class=\"lead\">The corpus's errors are pinned for rustc {}. \
The matrix shows how the diagnostics of each case changed between the toolchains it was run on.</p>\n",
        html_escape(inputs.pinned_toolchain)
    );
    match inputs
        .matrix_html
        .as_deref()
        .filter(|t| !t.trim().is_empty())
    {
        Some(matrix) => {
            main.push_str(DRIFT_LEGEND);
            main.push_str("<div class=\"table-wrap\">\n");
            main.push_str(&link_case_names(inputs, matrix.trim()));
            main.push_str("\n</div>\n");
        }
        None => main.push_str(
            "<p class=\"note\">The drift matrix is not recorded in this build of the site.</p>\n",
        ),
    }
    layout_wide("Diagnostics across toolchains", &main)
}

/// The explain page: the learner pastes rustc's rendered error text and gets the nearest cases,
/// computed in the browser (`assets/explain.js`, a copy of `src/explain.rs`'s matcher) from the
/// index of the cases' error shapes written into the page. Nothing is fetched.
fn explain_page(inputs: &PageInputs) -> String {
    let entries = inputs
        .explain_index
        .as_ref()
        .map(|i| i.entries.as_slice())
        .unwrap_or_default();
    // Inside <script>, `</` could close the element: JSON allows `<\/` for it.
    let json = serde_json::to_string(entries)
        .expect("plain data")
        .replace("</", "<\\/");
    let script = format!("const INDEX = {json};\n{EXPLAIN_JS}");
    let empty = if entries.is_empty() {
        "<p class=\"note\">This site was written without the recorded history, so there is \
         nothing to match against.</p>"
    } else {
        ""
    };
    let main = format!(
        "<h1>Explain my error</h1>\n\
<p>Paste what <code>cargo build</code> or <code>rustc</code> printed for your own program, from \
its <code>error[E…]:</code> line on. Each Send/Sync error is matched by its structure (the error \
code, the culprit type's constructor such as <code>Rc</code> or <code>Cell</code>, how the culprit \
reached the bound, and the bound that demanded <code>Send</code> or <code>Sync</code>) against the \
{n} errors of the corpus as rustc {pinned} reports them, here in your browser: nothing is sent \
anywhere. On the command line, <code>sendsync explain FILE</code> does the same.</p>\n{empty}\
<style>#error-text{{width:100%;font-family:monospace;font-size:0.85rem}} \
.explained h2{{font-size:1rem;font-family:monospace}} .match .score{{color:#777;font-size:0.85em}} \
.match .why{{font-size:0.9em;color:#444}}</style>\n\
<textarea id=\"error-text\" rows=\"16\" spellcheck=\"false\" \
placeholder=\"error[E0277]: `Rc&lt;Config&gt;` cannot be sent between threads safely\"></textarea>\n\
<div id=\"results\" aria-live=\"polite\"></div>\n<pre id=\"batch\" hidden></pre>",
        n = entries.len(),
        pinned = html_escape(inputs.pinned_toolchain),
    );
    layout("Explain my error", "", "", &main, Some(&script))
}
