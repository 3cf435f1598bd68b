//! A small Markdown-to-HTML converter, enough for the cases' explanations and the topics'
//! introductions: paragraphs, `#` headings, `-`/`*`/`1.` lists, fenced code, and inline
//! `code`, **bold**, *emphasis*, [links](url) and <https://autolinks>. Everything else is text,
//! HTML-escaped. (`_` is left alone: it is in too many identifiers.)

use crate::report::html_escape;

/// Converts a block of Markdown to HTML.
pub fn to_html(md: &str) -> String {
    let lines: Vec<&str> = md.lines().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            i += 1;
            continue;
        }
        if let Some(fence) = fence_of(trimmed) {
            let lang = trimmed[fence.len()..].trim();
            let mut code = Vec::new();
            i += 1;
            while i < lines.len() && !lines[i].trim_start().starts_with(fence) {
                code.push(lines[i]);
                i += 1;
            }
            i += 1;
            let text = code.join("\n") + "\n";
            let inner = if lang.starts_with("rust") || lang.is_empty() {
                super::highlight::rust(&text)
            } else {
                html_escape(&text)
            };
            out.push_str(&format!("<pre class=\"code\"><code>{inner}</code></pre>\n"));
            continue;
        }
        if let Some((level, text)) = heading(trimmed) {
            out.push_str(&format!("<h{level}>{}</h{level}>\n", inline(text)));
            i += 1;
            continue;
        }
        if let Some((ordered, _)) = list_item(trimmed) {
            let tag = if ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>\n"));
            let mut item: Option<String> = None;
            while i < lines.len() {
                let l = lines[i].trim_start();
                if l.is_empty() {
                    // A blank line ends the list unless another item follows.
                    let next = lines.get(i + 1).map(|n| n.trim_start()).unwrap_or("");
                    if list_item(next).is_some_and(|(o, _)| o == ordered) {
                        i += 1;
                        continue;
                    }
                    break;
                }
                match list_item(l) {
                    Some((o, text)) if o == ordered => {
                        if let Some(done) = item.take() {
                            out.push_str(&format!("<li>{}</li>\n", inline(&done)));
                        }
                        item = Some(text.to_string());
                    }
                    Some(_) => break,
                    None if lines[i].starts_with(' ') || !starts_block(l) => {
                        let text = item.get_or_insert_with(String::new);
                        text.push(' ');
                        text.push_str(l);
                    }
                    None => break,
                }
                i += 1;
            }
            if let Some(done) = item {
                out.push_str(&format!("<li>{}</li>\n", inline(&done)));
            }
            out.push_str(&format!("</{tag}>\n"));
            continue;
        }
        let mut para = Vec::new();
        while i < lines.len() {
            let l = lines[i].trim_start();
            if l.is_empty() || (!para.is_empty() && starts_block(l)) {
                break;
            }
            para.push(l.trim_end());
            i += 1;
        }
        out.push_str(&format!("<p>{}</p>\n", inline(&para.join("\n"))));
    }
    out
}

fn fence_of(line: &str) -> Option<&'static str> {
    if line.starts_with("```") {
        Some("```")
    } else if line.starts_with("~~~") {
        Some("~~~")
    } else {
        None
    }
}

fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&level) && line[level..].starts_with(' ') {
        Some((level, line[level..].trim()))
    } else {
        None
    }
}

/// A list item: whether it is ordered, and its text.
fn list_item(line: &str) -> Option<(bool, &str)> {
    for marker in ["- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some((false, rest));
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 10 {
        let rest = &line[digits..];
        if let Some(text) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some((true, text));
        }
    }
    None
}

fn starts_block(line: &str) -> bool {
    fence_of(line).is_some() || heading(line).is_some() || list_item(line).is_some()
}

/// Converts inline Markdown (one paragraph's text) to HTML.
pub fn inline(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if chars.get(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push_str(&html_escape(&chars[i + 1].to_string()));
                i += 2;
            }
            '`' => {
                let run = count(&chars, i, '`');
                match find_run(&chars, i + run, '`', run) {
                    Some(end) => {
                        let mut code: String = chars[i + run..end].iter().collect();
                        code = code.replace('\n', " ");
                        if code.len() > 2 && code.starts_with(' ') && code.ends_with(' ') {
                            code = code[1..code.len() - 1].to_string();
                        }
                        out.push_str(&format!("<code>{}</code>", html_escape(&code)));
                        i = end + run;
                    }
                    None => {
                        out.push_str(&"`".repeat(run));
                        i += run;
                    }
                }
            }
            '<' => {
                let rest: String = chars[i + 1..].iter().take(2048).collect();
                let url_end = rest.find('>');
                let url = url_end.map(|e| &rest[..e]);
                match url {
                    Some(url)
                        if (url.starts_with("http://") || url.starts_with("https://"))
                            && !url.contains(char::is_whitespace) =>
                    {
                        let url_html = html_escape(url);
                        out.push_str(&format!("<a href=\"{url_html}\">{url_html}</a>"));
                        i += 1 + url.chars().count() + 1;
                    }
                    _ => {
                        out.push_str("&lt;");
                        i += 1;
                    }
                }
            }
            '[' => match link(&chars, i) {
                Some((label, url, end)) => {
                    out.push_str(&format!(
                        "<a href=\"{}\">{}</a>",
                        html_escape(&url),
                        inline(&label)
                    ));
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '*' => {
                let run = count(&chars, i, '*').min(2);
                let opens = chars.get(i + run).is_some_and(|n| !n.is_whitespace());
                let close = if opens {
                    find_closing(&chars, i + run, run)
                } else {
                    None
                };
                match close {
                    Some(end) => {
                        let inner: String = chars[i + run..end].iter().collect();
                        let tag = if run == 2 { "strong" } else { "em" };
                        out.push_str(&format!("<{tag}>{}</{tag}>", inline(&inner)));
                        i = end + run;
                    }
                    None => {
                        out.push_str(&"*".repeat(run));
                        i += run;
                    }
                }
            }
            c => {
                out.push_str(&html_escape(&c.to_string()));
                i += 1;
            }
        }
    }
    out
}

fn count(chars: &[char], from: usize, c: char) -> usize {
    chars[from..].iter().take_while(|&&x| x == c).count()
}

/// The start of the next run of exactly `run` `c`s at or after `from`.
fn find_run(chars: &[char], from: usize, c: char, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == c {
            let n = count(chars, j, c);
            if n == run {
                return Some(j);
            }
            j += n;
        } else {
            j += 1;
        }
    }
    None
}

/// The closing `*` or `**` of an emphasis opened before `from`: not after whitespace, and not
/// inside a code span.
fn find_closing(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        match chars[j] {
            '`' => {
                let n = count(chars, j, '`');
                j = find_run(chars, j + n, '`', n).map_or(j + n, |e| e + n);
            }
            '*' => {
                let n = count(chars, j, '*');
                if n >= run && j > from && !chars[j - 1].is_whitespace() {
                    return Some(j);
                }
                j += n;
            }
            _ => j += 1,
        }
    }
    None
}

/// `[label](url)` at `from`: the label, the url and the index after the `)`.
fn link(chars: &[char], from: usize) -> Option<(String, String, usize)> {
    let mut depth = 0;
    let mut j = from;
    let close = loop {
        match chars.get(j)? {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            '`' => {
                let n = count(chars, j, '`');
                j = find_run(chars, j + n, '`', n)? + n - 1;
            }
            _ => {}
        }
        j += 1;
    };
    if chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = chars[close + 2..].iter().position(|&c| c == ')')? + close + 2;
    let url: String = chars[close + 2..end].iter().collect();
    if url.is_empty() || url.contains(char::is_whitespace) {
        return None;
    }
    let label: String = chars[from + 1..close].iter().collect();
    Some((label, url, end + 1))
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
        assert!(html.starts_with("<p>Para one\nstill one.</p>\n<ul>\n<li>item <code>a</code></li>\n<li>item b continued</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n<h2>Head</h2>\n<pre class=\"code\"><code>"), "{html}");
        assert!(html.contains("<span class=\"k\">fn</span>"), "{html}");
    }
}
