//! A matrix as JSON, text, Markdown and HTML.

use super::*;

/// The id of the matrix's JSON (`docs/json.md`); [`load`] reads files with or without it.
pub const SCHEMA: &str = "sendsync.matrix/1";

pub fn to_json(m: &Matrix) -> String {
    crate::render::versioned(SCHEMA, m)
}

pub(super) fn cell_label(c: &Cell) -> String {
    let mut label = match c.outcome.as_str() {
        "pass" | "fail" if !c.codes.is_empty() => format!("{} {}", c.outcome, c.codes.join(" ")),
        other => other.to_string(),
    };
    if c.linted {
        let lints: Vec<String> = crate::engine::diagnostic::lints(&c.diagnostics)
            .into_iter()
            .collect();
        if lints.is_empty() {
            label.push_str(", no lint");
        } else {
            label.push_str(&format!(", lint {}", lints.join(" ")));
        }
    }
    label
}

pub(super) fn header(m: &Matrix) -> String {
    let tcs: Vec<String> = m
        .toolchains
        .iter()
        .map(|n| match m.toolchain_info.get(n).cloned().flatten() {
            Some(i) if i.release != *n => format!("{n} ({})", i.release),
            Some(_) => n.clone(),
            None => format!("{n} (missing)"),
        })
        .collect();
    format!("baseline {}; toolchains: {}", m.baseline, tcs.join(", "))
}

/// A summary: how many cases drifted in each class, then each drifted case and where.
pub fn to_text(m: &Matrix) -> String {
    let mut out = format!("{}\n", header(m));
    let counts = m.counts();
    let drifted: usize = counts.values().sum();
    out.push_str(&format!(
        "{} cases, {} drifted from the baseline",
        m.cases.len(),
        drifted
    ));
    if !counts.is_empty() {
        let parts: Vec<String> = counts
            .iter()
            .rev()
            .map(|(d, n)| format!("{n} {}", d.as_str()))
            .collect();
        out.push_str(&format!(" (worst class: {})", parts.join(", ")));
    }
    out.push('\n');
    for row in &m.cases {
        let cells: Vec<String> = m
            .toolchains
            .iter()
            .filter_map(|t| {
                row.cells.get(t).filter(|c| c.drift.is_drift()).map(|c| {
                    let mut line = format!("{t}: {} ({})", c.drift.as_str(), cell_label(c));
                    if !c.why.is_empty() {
                        line.push_str(&format!(": {}", c.why));
                    }
                    line
                })
            })
            .collect();
        if !cells.is_empty() {
            let base = row
                .cells
                .get(&m.baseline)
                .map(cell_label)
                .unwrap_or_default();
            out.push_str(&format!(
                "  {} [{}: {}]\n      {}\n",
                row.name,
                m.baseline,
                base,
                cells.join("\n      ")
            ));
        }
    }
    let missing: Vec<&String> = m
        .toolchains
        .iter()
        .filter(|t| m.toolchain_info.get(*t).is_none_or(|i| i.is_none()))
        .collect();
    if !missing.is_empty() {
        out.push_str(&format!(
            "missing (not installed): {}\n",
            missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

pub fn to_markdown(m: &Matrix) -> String {
    let mut out = format!("# Diagnostic drift\n\n{}\n\n", header(m));
    out.push_str(&format!(
        "| case | {} |\n|---|{}\n",
        m.toolchains.join(" | "),
        "---|".repeat(m.toolchains.len())
    ));
    for row in &m.cases {
        let cells: Vec<String> = m
            .toolchains
            .iter()
            .map(|t| match row.cells.get(t) {
                Some(c) if c.drift == Drift::Identical || c.drift.is_drift() => {
                    format!("{} · {}", cell_label(c), c.drift.as_str())
                }
                Some(c) => c.drift.as_str().to_string(),
                None => String::new(),
            })
            .collect();
        out.push_str(&format!(
            "| `{}` | {} |\n",
            row.name,
            cells
                .join(" | ")
                .replace('|', "\\|")
                .replace(" \\| ", " | ")
        ));
    }
    out
}

/// The matrix as an HTML `<table>` fragment, each cell coloured by its drift class with the
/// diagnostic's text in an expandable block.
pub(crate) fn to_html_table(m: &Matrix) -> String {
    let mut out = String::from("<table class=\"matrix\"><thead><tr><th>case</th>");
    for t in &m.toolchains {
        let mark = if *t == m.baseline { " (baseline)" } else { "" };
        out.push_str(&format!("<th>{}{mark}</th>", html_escape(t)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &m.cases {
        out.push_str(&format!(
            "<tr><td><code>{}</code></td>",
            html_escape(&row.name)
        ));
        for t in &m.toolchains {
            let Some(c) = row.cells.get(t) else {
                out.push_str("<td></td>");
                continue;
            };
            let class = c.drift.as_str().replace('/', "-");
            let text = if c.stderr.is_empty() {
                c.messages.join("\n")
            } else {
                c.stderr.clone()
            };
            let label = if c.outcome == c.drift.as_str() {
                c.outcome.clone() // n/a, missing: the outcome says it all
            } else {
                format!("{} · {}", cell_label(c), c.drift.as_str())
            };
            let body = if text.is_empty() {
                html_escape(&label)
            } else {
                format!(
                    "<details><summary>{}</summary><pre>{}</pre></details>",
                    html_escape(&label),
                    html_escape(&text)
                )
            };
            out.push_str(&format!(
                "<td class=\"{class}\" title=\"{}\">{body}</td>",
                html_escape(&c.messages.join("\n"))
            ));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    out
}

pub fn to_html(m: &Matrix) -> String {
    let legend: Vec<String> = Drift::CLASSES
        .iter()
        .map(|d| {
            format!(
                "<span class=\"{}\" style=\"padding:0 .4em\">{}</span>",
                d.as_str().replace('/', "-"),
                d.as_str()
            )
        })
        .collect();
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>sendsync drift matrix</title><style>{}</style></head><body>\
<h1>Diagnostic drift</h1><p>{}</p><p>Classes, most severe first: {}</p>{}</body></html>\n",
        crate::engine::report::HTML_STYLE,
        html_escape(&header(m)),
        legend.join(" "),
        to_html_table(m)
    )
}

/// What `matrix` and `merge` print: the matrix in each of its formats.
impl crate::render::Report for Matrix {
    fn schema(&self) -> &'static str {
        SCHEMA
    }
    fn text(&self) -> String {
        to_text(self)
    }
    fn json(&self) -> impl Serialize + '_ {
        self
    }
    fn markdown(&self) -> Option<String> {
        Some(to_markdown(self))
    }
    fn html(&self) -> Option<String> {
        Some(to_html(self))
    }
}
