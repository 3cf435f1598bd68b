//! Rendering tables: text for the terminal, JSON, Markdown, and an HTML `<table>` fragment for
//! the teaching pages.

use super::probe::{mismatches, Mismatch};
use super::{bad_format, instantiations, Answer, Entry, Instantiation, Row, Table, Trait};
use crate::engine::report::{html_escape, ToolchainJson};
use crate::error::Result;
use crate::render::Report;
use crate::toolchain::pinned;
use serde::Serialize;

mod differences;
pub use differences::render_differences;

/// The output formats of `sendsync table`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
}

impl Format {
    pub(crate) fn parse(s: &str) -> Result<Format> {
        match s {
            "text" => Ok(Format::Text),
            "json" => Ok(Format::Json),
            "markdown" | "md" => Ok(Format::Markdown),
            other => Err(bad_format(other)),
        }
    }
}

impl From<Format> for crate::render::Format {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => Self::Text,
            Format::Json => Self::Json,
            Format::Markdown => Self::Markdown,
        }
    }
}

/// One table, declared or probed (`sendsync.table/1` in `docs/json.md`).
pub(super) struct TableReport<'a>(pub &'a Table);

impl Report for TableReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.table/1"
    }
    fn text(&self) -> String {
        render_text(self.0)
    }
    fn json(&self) -> impl Serialize + '_ {
        table_body(self.0)
    }
    fn markdown(&self) -> Option<String> {
        Some(render_markdown(self.0))
    }
}

/// A table in a format.
pub fn render(table: &Table, format: Format) -> String {
    crate::render::render(&TableReport(table), format.into()).expect("a table has every format")
}

fn title(table: &Table) -> String {
    match &table.toolchain {
        None => format!(
            "The std Send/Sync table, as declared for {} and checked when this crate is built ({} rows).",
            pinned(),
            table.entries.len()
        ),
        Some(t) => format!(
            "The std Send/Sync table as {} ({}) answers it: {} checks in one compile, {} ms.",
            t.name, t.release, table.checks, table.millis
        ),
    }
}

fn legend(markdown: bool) -> String {
    let code = |s: String| if markdown { format!("`{s}`") } else { s };
    let names: Vec<String> = instantiations()
        .iter()
        .map(|i| format!("{} ({})", code(i.label()), kind(i)))
        .collect();
    format!(
        "A generic row is checked at T = {}, in that order; a row without T has one answer. ✓ implements, ✗ does not, n/a: not in this release.",
        names.join(", ")
    )
}

fn kind(i: &Instantiation) -> &'static str {
    match (i.send, i.sync) {
        (true, true) => "Send + Sync",
        (true, false) => "Send only",
        (false, true) => "Sync only",
        (false, false) => "neither",
    }
}

fn symbols(answers: &[Answer]) -> String {
    if answers.iter().all(|a| *a == Answer::NotApplicable) {
        return "n/a".into();
    }
    let s: Vec<&str> = answers.iter().map(|a| a.symbol()).collect();
    s.join(" ")
}

fn mismatch_lines(table: &Table, found: &[Mismatch]) -> String {
    let Some(t) = &table.toolchain else {
        return String::new();
    };
    if found.is_empty() {
        return format!(
            "Every answer agrees with the declared table and its recorded history for {}.\n",
            t.release
        );
    }
    let mut out = format!(
        "{} answer(s) differ from the declared table and its recorded history for {}:\n",
        found.len(),
        t.release
    );
    for m in found {
        out.push_str(&format!(
            "  {}: declared {}, {} says {}\n",
            m.what(),
            m.expected.symbol(),
            t.name,
            m.observed.symbol()
        ));
    }
    out
}

/// The table for a terminal: one line per type, grouped by section.
pub fn render_text(table: &Table) -> String {
    let found = mismatches(table);
    let width = table
        .entries
        .iter()
        .map(|e| e.row.ty.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("{}\n{}\n\n", title(table), legend(false));
    out.push_str(&format!(
        "  {:<width$}  {:<7}  {:<7}  CONDITIONS\n",
        "TYPE", "SEND", "SYNC"
    ));
    let mut section = "";
    for e in &table.entries {
        if e.row.section != section {
            section = e.row.section;
            out.push_str(&format!("{section}\n"));
        }
        let flag = if found.iter().any(|m| std::ptr::eq(m.row, e.row)) {
            "  ≠ declared"
        } else {
            ""
        };
        out.push_str(&format!(
            "  {:<width$}  {:<7}  {:<7}  {}{flag}\n",
            e.row.ty,
            symbols(&e.send),
            symbols(&e.sync),
            e.row.words()
        ));
    }
    out.push('\n');
    out.push_str(&mismatch_lines(table, &found));
    out
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// Free text in a Markdown cell: `Arc<T>` would otherwise be read as an HTML tag.
fn md_text(s: &str) -> String {
    md_cell(s).replace('<', "&lt;").replace('>', "&gt;")
}

/// The table as Markdown: a legend, then one table with a row per type.
pub fn render_markdown(table: &Table) -> String {
    render_markdown_with(table, &|_| String::new())
}

/// [`render_markdown`], with `extra(row)` (Markdown, such as links to the cases that show the
/// row at run time) appended to each row's "why" cell.
pub fn render_markdown_with(table: &Table, extra: &dyn Fn(&Row) -> String) -> String {
    let found = mismatches(table);
    let mut out = format!("{}\n\n{}\n\n", title(table), legend(true));
    out.push_str("| Type | Send | Sync | Conditions | Why |\n|---|---|---|---|---|\n");
    for e in &table.entries {
        let flag = if found.iter().any(|m| std::ptr::eq(m.row, e.row)) {
            " **≠ declared**"
        } else {
            ""
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {}{flag} | {}{} |\n",
            md_cell(e.row.ty),
            symbols(&e.send),
            symbols(&e.sync),
            md_text(&e.row.words()),
            md_text(e.row.note),
            md_cell(&extra(e.row))
        ));
    }
    if table.toolchain.is_some() {
        out.push('\n');
        out.push_str(&mismatch_lines(table, &found));
    }
    out
}

/// The table as an HTML `<table>` fragment (no `<html>` around it), with ✓ and ✗ per
/// instantiation, a row per section heading, and the classes of
/// [`crate::engine::report::HTML_STYLE`] (`ok` for ✓, `n-a` for n/a, `mismatch` where a probe
/// disagrees with the declaration).
pub fn render_html_table(table: &Table) -> String {
    render_html_table_with(table, &|_| String::new())
}

/// [`render_html_table`], with `extra(row)` (HTML, such as links to the cases that show the row
/// at run time) appended to each row's "why" cell.
pub fn render_html_table_with(table: &Table, extra: &dyn Fn(&Row) -> String) -> String {
    let found = mismatches(table);
    let insts = instantiations();
    let n = insts.len();
    let mut out =
        String::from("<table class=\"sendsync-table\">\n<thead><tr><th rowspan=\"2\">type</th>");
    out.push_str(&format!(
        "<th colspan=\"{n}\">Send</th><th colspan=\"{n}\">Sync</th><th rowspan=\"2\">conditions</th><th rowspan=\"2\">why</th></tr>\n<tr>"
    ));
    for _ in Trait::BOTH {
        for i in insts {
            out.push_str(&format!(
                "<th title=\"T = {} ({})\"><code>{}</code></th>",
                html_escape(i.ty),
                kind(i),
                html_escape(&i.label())
            ));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut section = "";
    for e in &table.entries {
        if e.row.section != section {
            section = e.row.section;
            out.push_str(&format!(
                "<tr class=\"section\"><th colspan=\"{}\">{}</th></tr>\n",
                2 * n + 3,
                html_escape(section)
            ));
        }
        out.push_str(&format!(
            "<tr><td><code>{}</code></td>",
            html_escape(e.row.ty)
        ));
        for t in Trait::BOTH {
            out.push_str(&html_cells(e, t, &found, n));
        }
        out.push_str(&format!(
            "<td>{}</td><td>{}{}</td></tr>\n",
            html_escape(&e.row.words()),
            html_escape(e.row.note),
            extra(e.row)
        ));
    }
    out.push_str("</tbody>\n</table>\n");
    out
}

fn html_cells(e: &Entry, t: Trait, found: &[Mismatch], n: usize) -> String {
    let mut out = String::new();
    for (k, a) in e.answers(t).iter().enumerate() {
        let inst = e.row.is_generic().then(|| &instantiations()[k]);
        let wrong = found
            .iter()
            .any(|m| std::ptr::eq(m.row, e.row) && m.auto_trait == t && m.instantiation == inst);
        let class = match (wrong, a) {
            (true, _) => "mismatch",
            (false, Answer::Yes) => "ok",
            (false, Answer::No) => "no",
            (false, Answer::NotApplicable) => "n-a",
        };
        let span = if e.row.is_generic() {
            String::new()
        } else {
            format!(" colspan=\"{n}\"")
        };
        let said = match a {
            Answer::Yes => "yes",
            Answer::No => "no",
            Answer::NotApplicable => "not in this release",
        };
        out.push_str(&format!(
            "<td class=\"{class}\"{span} title=\"{}: {t}? {said}\">{}</td>",
            html_escape(&e.row.instantiate(inst)),
            a.symbol()
        ));
    }
    out
}

#[derive(Serialize)]
struct TableJson<'a> {
    source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    toolchain: Option<ToolchainJson<'a>>,
    pinned: &'static str,
    instantiations: &'static [Instantiation],
    rows: Vec<RowJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    checks: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    millis: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mismatches: Option<Vec<MismatchJson>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    #[serde(flatten)]
    row: &'a Row,
    words: String,
    answers: AnswersJson<'a>,
}

#[derive(Serialize)]
struct AnswersJson<'a> {
    send: &'a [Answer],
    sync: &'a [Answer],
}

#[derive(Serialize)]
struct MismatchJson {
    #[serde(rename = "type")]
    ty: &'static str,
    instantiation: Option<&'static str>,
    #[serde(rename = "trait")]
    auto_trait: Trait,
    expected: Answer,
    observed: Answer,
}

impl From<&Mismatch> for MismatchJson {
    fn from(m: &Mismatch) -> Self {
        MismatchJson {
            ty: m.row.ty,
            instantiation: m.instantiation.map(|i| i.ty),
            auto_trait: m.auto_trait,
            expected: m.expected,
            observed: m.observed,
        }
    }
}

/// The table as JSON: each row's declaration, its conditions in words, and its answers (one per
/// instantiation; `null` for n/a).
pub fn render_json(table: &Table) -> String {
    render(table, Format::Json)
}

fn table_body(table: &Table) -> TableJson<'_> {
    let probed = table.toolchain.is_some();
    TableJson {
        source: if probed { "probe" } else { "declared" },
        toolchain: table.toolchain.as_ref().map(ToolchainJson::from),
        pinned: pinned(),
        instantiations: instantiations(),
        rows: table
            .entries
            .iter()
            .map(|e| RowJson {
                row: e.row,
                words: e.row.words(),
                answers: AnswersJson {
                    send: &e.send,
                    sync: &e.sync,
                },
            })
            .collect(),
        checks: probed.then_some(table.checks),
        millis: probed.then_some(table.millis),
        mismatches: probed.then(|| mismatches(table).iter().map(MismatchJson::from).collect()),
    }
}
