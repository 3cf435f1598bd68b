//! The templates that lay out the page model ([`super::model`]): `templates/*.md` for the book,
//! `templates/*.html` for the site, with minijinja.
//!
//! The HTML templates escape every value (`&`, `<`, `>`, `"` and `'`, as
//! [`html_escape`] does) unless a filter made it HTML on purpose: `inline` and `markdown`
//! (a case's Markdown, whose raw HTML [`super::markdown`] shows as text), and the highlighters.
//! The Markdown templates escape nothing by themselves: their filters do. `md_text` shows the
//! raw HTML in the corpus's Markdown as text, as the site does (mdBook would pass it through);
//! `link_text`, `cell` and `code_block` also keep a value from ending the Markdown around it.

use super::{highlight, markdown};
use crate::engine::report::html_escape;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use pulldown_cmark::{Event, Options, Parser};
use serde::Serialize;
use std::sync::OnceLock;

const TEMPLATES: [(&str, &str); 14] = [
    ("layout.html", include_str!("templates/layout.html")),
    ("entry.html", include_str!("templates/entry.html")),
    ("case.md", include_str!("templates/case.md")),
    ("case.html", include_str!("templates/case.html")),
    ("topic.md", include_str!("templates/topic.md")),
    ("topic.html", include_str!("templates/topic.html")),
    ("introduction.md", include_str!("templates/introduction.md")),
    ("summary.md", include_str!("templates/summary.md")),
    ("index.html", include_str!("templates/index.html")),
    ("table.md", include_str!("templates/table.md")),
    ("table.html", include_str!("templates/table.html")),
    ("drift.md", include_str!("templates/drift.md")),
    ("drift.html", include_str!("templates/drift.html")),
    ("explain.html", include_str!("templates/explain.html")),
];

/// Renders the template `name` with `model`. The templates are part of the program: one that
/// fails to render is a bug, caught by the pages' tests.
pub(super) fn template(name: &str, model: &impl Serialize) -> String {
    let env = environment();
    env.get_template(name)
        .and_then(|t| t.render(Value::from(Serde(model))))
        .unwrap_or_else(|e| panic!("template {name}: {e:#}"))
}

fn environment() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        env.set_syntax(
            SyntaxConfig::builder()
                .trim_blocks(true)
                .lstrip_blocks(true)
                .keep_trailing_newline(true)
                .build()
                .expect("a valid syntax"),
        );
        // A misspelt field is an error, not an empty string.
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_formatter(|out, state, value| {
            if *state.auto_escape() == AutoEscape::Html && !value.is_safe() {
                out.write_str(&html_escape(&value.to_string()))?;
                Ok(())
            } else {
                minijinja::escape_formatter(out, state, value)
            }
        });
        // HTML, made on purpose.
        env.add_filter("inline", |s: String| safe(markdown::inline(&s)));
        env.add_filter("markdown", |s: String| safe(markdown::to_html(&s)));
        env.add_filter("rust_lines", |s: String, first: usize, anchors: bool| {
            safe(highlight::rust_lines(&s, first, anchors))
        });
        env.add_filter("stderr", |s: String| {
            safe(highlight::stderr(s.strip_suffix('\n').unwrap_or(&s)))
        });
        // Markdown.
        env.add_filter("code_block", |s: String, info: String| {
            code_block(&s, &info)
        });
        env.add_filter("md_text", |s: String| md_text(&s));
        env.add_filter("link_text", |s: String| link_text(&s));
        env.add_filter("cell", |s: String| cell(&s));
        env.add_filter("without_blank_lines", |s: String| without_blank_lines(&s));
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .unwrap_or_else(|e| panic!("template {name}: {e:#}"));
        }
        env
    })
}

fn safe(html: String) -> Value {
    Value::from_safe_string(html)
}

/// A fenced block: a fence of backticks longer than any run inside `text`, so that nothing in
/// it ends the block.
fn code_block(text: &str, info: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat((longest + 1).max(3));
    let text = text.strip_suffix('\n').unwrap_or(text);
    format!("{fence}{info}\n{text}\n{fence}")
}

/// Markdown from the corpus with its raw HTML, which mdBook would pass through, made text
/// (each `<` of it written `&lt;`), as the site shows it ([`super::markdown`]).
pub(super) fn md_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut done = 0;
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        if matches!(event, Event::Html(_) | Event::InlineHtml(_)) && range.start >= done {
            out.push_str(&text[done..range.start]);
            out.push_str(&text[range.clone()].replace('<', "&lt;"));
            done = range.end;
        }
    }
    out.push_str(&text[done..]);
    out
}

/// Markdown from the corpus for a link label: its raw HTML made text, and its brackets, which
/// would end the label early, escaped.
pub(super) fn link_text(text: &str) -> String {
    md_text(text).replace('[', "\\[").replace(']', "\\]")
}

/// Text for a Markdown table cell: `|` escaped everywhere, `<` outside code spans.
fn cell(text: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for c in text.chars() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '|' => out.push_str("\\|"),
            '<' if !in_code => out.push_str("&lt;"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// HTML for a Markdown page: a blank line would end the HTML block (and hand the rest, such
/// as the inside of a `<pre>`, to Markdown), so the line break after each blank line is written
/// as `&#10;`, which renders the same.
pub(super) fn without_blank_lines(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut lines = html.split('\n').peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        if lines.peek().is_some() {
            out.push_str(if line.trim().is_empty() {
                "&#10;"
            } else {
                "\n"
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_no_blank_line() {
        assert_eq!(
            without_blank_lines("<pre>a\n\nb\n \n\nc</pre>"),
            "<pre>a\n&#10;b\n &#10;&#10;c</pre>"
        );
    }

    #[test]
    fn fences_outlast_backticks_inside() {
        assert_eq!(code_block("no ticks\n", "text"), "```text\nno ticks\n```");
        assert_eq!(code_block("a ```` b", ""), "`````\na ```` b\n`````");
    }

    #[test]
    fn html_templates_escape_what_no_filter_made_html() {
        let mut env = environment().clone();
        env.add_template("t.html", "{{ a }}|{{ a | inline }}")
            .unwrap();
        env.add_template("t.md", "{{ a }}").unwrap();
        let a = "<b>\"x\" & 'y'/</b>";
        let html = env
            .get_template("t.html")
            .unwrap()
            .render(minijinja::context! { a })
            .unwrap();
        let (plain, inline) = html.split_once('|').unwrap();
        // As `html_escape` writes it: `/` stays as it is.
        assert_eq!(plain, "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;/&lt;/b&gt;");
        assert!(
            inline.starts_with("&lt;b&gt;") && !inline.contains('<'),
            "{inline}"
        );
        let md = env.get_template("t.md").unwrap();
        assert_eq!(md.render(minijinja::context! { a }).unwrap(), a);
    }

    #[test]
    fn markdown_keeps_raw_html_as_text_and_code_as_it_is() {
        assert_eq!(
            md_text("a <b>bold</b> `Rc<T>` claim\n\n<script>x()</script>\n"),
            "a &lt;b>bold&lt;/b> `Rc<T>` claim\n\n&lt;script>x()&lt;/script>\n"
        );
        assert_eq!(
            md_text("see <https://x.org/> and\n\n```\n<T>\n```\n"),
            "see <https://x.org/> and\n\n```\n<T>\n```\n"
        );
        assert_eq!(link_text("[a] <i>"), "\\[a\\] &lt;i>");
    }
}
