//! The static site: `index.html` (topics with their introductions, and a search box that
//! filters cases by name, error code or type), `<topic>/index.html`, one page per failing case
//! and its fix or per passing case that is nobody's fix (`<topic>/<case>.html`),
//! `table.html` and `drift.html`. Every page is self-contained: its style (and the index's
//! script) is inline, code is coloured at generation time, and nothing is loaded from a
//! network.

use super::model::{CasePage, Format, Home, Reference, TopicPage};
use super::plan::{page_of, plan, Chapter};
use super::render::template;
use super::{recorded, PageInputs, BOOK_TITLE};
use crate::engine::report::html_escape;
use crate::error::Result;
use minijinja::Value;
use serde::Serialize;
use std::path::PathBuf;

const CSS: &str = include_str!("assets/site.css");
const SEARCH_JS: &str = include_str!("assets/search.js");
const EXPLAIN_JS: &str = include_str!("assets/explain.js");

pub(super) fn render(inputs: &PageInputs) -> Result<Vec<(PathBuf, String)>> {
    let chapters = plan(inputs.corpus);
    let home = template("index.html", &Home::of(inputs, &chapters, Format::Site));
    let mut files = vec![(
        PathBuf::from("index.html"),
        Layout::new(BOOK_TITLE, "", home).script(SEARCH_JS).html(),
    )];
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
    let reference = Reference::of(
        inputs,
        recorded(&inputs.table_html).map(|t| t.trim().to_string()),
        super::guards::html(inputs.corpus),
        recorded(&inputs.matrix_html).map(|m| link_case_names(inputs, m.trim())),
    );
    for (file, title) in [
        ("table.html", "The std Send/Sync truth table"),
        ("drift.html", "Diagnostics across toolchains"),
    ] {
        let main = template(file, &reference);
        files.push((
            PathBuf::from(file),
            Layout::new(title, "", main).wide().html(),
        ));
    }
    files.push((PathBuf::from("explain.html"), explain_page(inputs)));
    Ok(files)
}

/// A whole page (`templates/layout.html`): the page's content, `main`, with the site's header
/// and style. `root` leads from the page to the site's root (`""` or `"../"`).
#[derive(Serialize)]
struct Layout<'a> {
    title: &'a str,
    site: &'static str,
    root: &'static str,
    /// The trail above the content (on a topic's page and a case's), and the topic in it
    /// (on a case's page).
    crumbs: bool,
    topic: Option<&'a str>,
    main: Value,
    css: Value,
    script: Option<Value>,
    /// Whether the content may use the whole window's width (wide tables).
    wide: bool,
}

impl<'a> Layout<'a> {
    /// `main` is HTML made by a template.
    fn new(title: &'a str, root: &'static str, main: String) -> Layout<'a> {
        Layout {
            title,
            site: BOOK_TITLE,
            root,
            crumbs: false,
            topic: None,
            main: Value::from_safe_string(main),
            css: Value::from_safe_string(CSS.to_string()),
            script: None,
            wide: false,
        }
    }

    /// With a trail back to the index, and to `topic` where there is one.
    fn crumbs(mut self, topic: Option<&'a str>) -> Self {
        self.crumbs = true;
        self.topic = topic;
        self
    }

    /// With `script` (trusted: the site's own) at the end of the body.
    fn script(mut self, script: &str) -> Self {
        self.script = Some(Value::from_safe_string(script.to_string()));
        self
    }

    fn wide(mut self) -> Self {
        self.wide = true;
        self
    }

    fn html(&self) -> String {
        template("layout.html", self)
    }
}

fn topic_page(inputs: &PageInputs, chapter: &Chapter) -> String {
    let model = TopicPage::of(inputs, chapter, Format::Site, "../");
    Layout::new(&chapter.topic.title, "../", template("topic.html", &model))
        .crumbs(None)
        .html()
}

fn case_page(inputs: &PageInputs, chapter: &Chapter, k: usize) -> String {
    let model = CasePage::of(inputs, chapter, k, Format::Site);
    let title = format!("{} · {}", chapter.pages[k].case.title, BOOK_TITLE);
    Layout::new(&title, "../", template("case.html", &model))
        .crumbs(Some(&chapter.topic.title))
        .html()
}

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

/// The explain page: the learner pastes rustc's rendered error text and gets the nearest cases,
/// computed in the browser (`assets/explain.js`, a copy of `src/explain.rs`'s matcher) from the
/// index of the cases' error shapes written into the page. Nothing is fetched.
fn explain_page(inputs: &PageInputs) -> String {
    #[derive(Serialize)]
    struct Explain<'a> {
        errors: usize,
        toolchain: &'a str,
    }
    let entries = inputs
        .explain_index
        .as_ref()
        .map(|i| i.entries.as_slice())
        .unwrap_or_default();
    // Inside <script>, `</` could close the element: JSON allows `<\/` for it.
    let json = serde_json::to_string(entries)
        .expect("plain data")
        .replace("</", "<\\/");
    let main = template(
        "explain.html",
        &Explain {
            errors: entries.len(),
            toolchain: inputs.pinned_toolchain,
        },
    );
    Layout::new("Explain my error", "", main)
        .script(&format!("const INDEX = {json};\n{EXPLAIN_JS}"))
        .html()
}
