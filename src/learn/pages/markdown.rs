//! Markdown to HTML for the cases' explanations and the topics' introductions, with
//! pulldown-cmark (the parser rustdoc and mdBook use). Two things are ours: fenced Rust code
//! (and unlabelled fences) is coloured by [`super::highlight`] like the programs on the pages,
//! and raw HTML in the text is shown as text, escaped, never passed through.

use crate::engine::report::html_escape;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

/// Converts a block of Markdown to HTML.
pub(crate) fn to_html(md: &str) -> String {
    let mut events = Vec::new();
    let mut code: Option<(bool, String)> = None;
    for event in Parser::new_ext(md, Options::empty()) {
        match (&mut code, event) {
            (None, Event::Start(Tag::CodeBlock(kind))) => {
                let rust = match &kind {
                    CodeBlockKind::Fenced(lang) => lang.is_empty() || lang.starts_with("rust"),
                    CodeBlockKind::Indented => true,
                };
                code = Some((rust, String::new()));
            }
            (Some((_, text)), Event::Text(t)) => text.push_str(&t),
            (Some((rust, text)), Event::End(TagEnd::CodeBlock)) => {
                let inner = if *rust {
                    super::highlight::rust(text)
                } else {
                    html_escape(text)
                };
                events.push(Event::Html(CowStr::from(format!(
                    "<pre class=\"code\"><code>{inner}</code></pre>\n"
                ))));
                code = None;
            }
            (_, Event::Html(h) | Event::InlineHtml(h)) => events.push(Event::Text(h)),
            (_, e) => events.push(e),
        }
    }
    let mut out = String::with_capacity(md.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut out, events.into_iter());
    out
}

/// Converts one line of inline Markdown (a title, a table cell) to HTML, without a paragraph.
pub(crate) fn inline(text: &str) -> String {
    let html = to_html(text);
    let trimmed = html.trim_end_matches('\n');
    match trimmed
        .strip_prefix("<p>")
        .and_then(|t| t.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => trimmed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_spans() {
        assert_eq!(
            inline("`Rc<T>` is *not* **Send**"),
            "<code>Rc&lt;T&gt;</code> is <em>not</em> <strong>Send</strong>"
        );
        assert_eq!(
            inline("see <https://doc.rust-lang.org/book/>."),
            "see <a href=\"https://doc.rust-lang.org/book/\">https://doc.rust-lang.org/book/</a>."
        );
        assert_eq!(
            inline("the [Book](https://x.org/a) and `a*b*c`"),
            "the <a href=\"https://x.org/a\">Book</a> and <code>a*b*c</code>"
        );
        assert_eq!(inline("a * b and x < y"), "a * b and x &lt; y");
        assert_eq!(inline("snake_case_name"), "snake_case_name");
        assert_eq!(inline("``a ` b``"), "<code>a ` b</code>");
    }

    #[test]
    fn blocks() {
        let html = to_html("Para one\nstill one.\n\n- item `a`\n- item b\n  continued\n\n1. first\n2. second\n\n## Head\n\n```rust\nfn main() {}\n```\n");
        assert!(html.starts_with("<p>Para one\nstill one.</p>\n<ul>\n<li>item <code>a</code></li>\n<li>item b\ncontinued</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n<h2>Head</h2>\n<pre class=\"code\"><code>"), "{html}");
        assert!(html.contains("<span class=\"k\">fn</span>"), "{html}");
    }

    #[test]
    fn raw_html_is_text_and_other_fences_are_escaped() {
        assert_eq!(
            to_html("a <b>bold</b> claim\n\n<script>x()</script>\n"),
            "<p>a &lt;b&gt;bold&lt;/b&gt; claim</p>\n&lt;script&gt;x()&lt;/script&gt;\n"
        );
        assert_eq!(
            to_html("```text\nVec<T> & more\n```\n"),
            "<pre class=\"code\"><code>Vec&lt;T&gt; &amp; more\n</code></pre>\n"
        );
    }
}
