//! What differs between probed tables, rendered: text, Markdown and JSON
//! (`sendsync.table.differences/1`).

use super::{md_cell, mismatch_lines, Format, MismatchJson};
use crate::engine::report::ToolchainJson;
use crate::learn::table::{differences, mismatches, Answer, Difference, Table, Trait};
use crate::render::Report;
use serde::Serialize;

/// Several probed tables, by what differs between them (`sendsync.table.differences/1`).
struct DifferencesReport<'a>(&'a [Table]);

impl Report for DifferencesReport<'_> {
    fn schema(&self) -> &'static str {
        "sendsync.table.differences/1"
    }
    fn text(&self) -> String {
        differences_text(self.0, false)
    }
    fn json(&self) -> impl Serialize + '_ {
        differences_body(self.0)
    }
    fn markdown(&self) -> Option<String> {
        Some(differences_text(self.0, true))
    }
}

#[derive(Serialize)]
struct DifferenceJson<'a> {
    #[serde(rename = "type")]
    ty: &'static str,
    instantiation: Option<&'static str>,
    #[serde(rename = "trait")]
    auto_trait: Trait,
    /// One per toolchain, in release order.
    answers: Vec<ToolchainAnswer<'a>>,
    changes: Vec<ChangeJson>,
}

#[derive(Serialize)]
struct ToolchainAnswer<'a> {
    toolchain: &'a str,
    answer: Answer,
}

#[derive(Serialize)]
struct ToolchainMismatches<'a> {
    toolchain: &'a str,
    mismatches: Vec<MismatchJson>,
}

#[derive(Serialize)]
struct ChangeJson {
    from: String,
    to: String,
    before: Answer,
    after: Answer,
    release: Option<String>,
    recorded: bool,
    description: String,
}

#[derive(Serialize)]
struct DifferencesJson<'a> {
    toolchains: Vec<ToolchainJson<'a>>,
    differences: Vec<DifferenceJson<'a>>,
    /// Per toolchain, the answers that disagree with the declared table and its history.
    mismatches: Vec<ToolchainMismatches<'a>>,
}

/// Several probed tables (in release order): only the answers that differ between them, and the
/// release in which each changed.
pub fn render_differences(tables: &[Table], format: Format) -> String {
    crate::render::render(&DifferencesReport(tables), format.into())
        .expect("differences have every format")
}

/// The names of probed tables' toolchains, in their order.
fn names_of(tables: &[Table]) -> Vec<&str> {
    tables
        .iter()
        .map(|t| t.toolchain.as_ref().map_or("declared", |t| t.name.as_str()))
        .collect()
}

fn differences_body(tables: &[Table]) -> DifferencesJson<'_> {
    let found = differences(tables);
    let names = names_of(tables);
    DifferencesJson {
        toolchains: tables
            .iter()
            .filter_map(|t| t.toolchain.as_ref().map(ToolchainJson::from))
            .collect(),
        differences: found
            .iter()
            .map(|d| DifferenceJson {
                ty: d.row.ty,
                instantiation: d.instantiation.map(|i| i.ty),
                auto_trait: d.auto_trait,
                answers: names
                    .iter()
                    .zip(&d.answers)
                    .map(|(n, a)| ToolchainAnswer {
                        toolchain: n,
                        answer: *a,
                    })
                    .collect(),
                changes: d
                    .transitions
                    .iter()
                    .map(|t| ChangeJson {
                        from: t.from.clone(),
                        to: t.to.clone(),
                        before: t.before,
                        after: t.after,
                        release: t.release.as_ref().map(|v| v.to_string()),
                        recorded: t.recorded,
                        description: t.describe(),
                    })
                    .collect(),
            })
            .collect(),
        mismatches: tables
            .iter()
            .zip(&names)
            .map(|(t, n)| ToolchainMismatches {
                toolchain: n,
                mismatches: mismatches(t).iter().map(MismatchJson::from).collect(),
            })
            .collect(),
    }
}
/// The differences as text, or as Markdown with `md`.
fn differences_text(tables: &[Table], md: bool) -> String {
    let found = differences(tables);
    let names = names_of(tables);
    let checks: Vec<String> = tables
        .iter()
        .map(|t| format!("{} checks in {} ms", t.checks, t.millis))
        .collect();
    let mut out = format!(
        "Send/Sync answers that differ between {} ({} rows; {}).\n\n",
        names.join(", "),
        tables.first().map_or(0, |t| t.entries.len()),
        checks.join(", ")
    );
    if found.is_empty() {
        out.push_str("No answer differs.\n");
    } else if md {
        out.push_str(&markdown_rows(&found, &names));
    } else {
        out.push_str(&text_rows(&found, &names));
    }
    out.push('\n');
    if tables.iter().all(|t| mismatches(t).is_empty()) {
        out.push_str(
            "Every answer agrees with the declared table and its recorded history, on each toolchain.\n",
        );
    }
    for t in tables {
        let found = mismatches(t);
        if !found.is_empty() {
            out.push_str(&mismatch_lines(t, &found));
        }
    }
    out
}

/// A difference's instantiation, `-` for none.
fn label(d: &Difference) -> String {
    d.instantiation.map_or("-".to_string(), |i| i.label())
}

/// The differences as a Markdown table, a column per toolchain.
fn markdown_rows(found: &[Difference], names: &[&str]) -> String {
    let mut out = format!(
        "| Type | Trait | T | {} | Changed |\n|---|---|---|{}---|\n",
        names.join(" | "),
        "---|".repeat(names.len())
    );
    for d in found {
        let answers: Vec<&str> = d.answers.iter().map(|a| a.symbol()).collect();
        let changes: Vec<String> = d.transitions.iter().map(|t| t.describe()).collect();
        out.push_str(&format!(
            "| `{}` | {} | `{}` | {} | {} |\n",
            md_cell(d.row.ty),
            d.auto_trait,
            label(d),
            answers.join(" | "),
            md_cell(&changes.join("; "))
        ));
    }
    out
}

/// The differences as aligned text columns, a column per toolchain.
fn text_rows(found: &[Difference], names: &[&str]) -> String {
    let tw = found
        .iter()
        .map(|d| d.row.ty.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    let iw = found
        .iter()
        .map(|d| label(d).len())
        .max()
        .unwrap_or(1)
        .max(1);
    let cols: Vec<String> = names.iter().map(|n| format!("{n:<7}")).collect();
    let mut out = format!(
        "  {:<tw$}  TRAIT  {:<iw$}  {}  CHANGED\n",
        "TYPE",
        "T",
        cols.join(" ")
    );
    for d in found {
        let answers: Vec<String> = d
            .answers
            .iter()
            .zip(names)
            .map(|(a, n)| format!("{:<w$}", a.symbol(), w = n.chars().count().max(7)))
            .collect();
        let changes: Vec<String> = d.transitions.iter().map(|t| t.describe()).collect();
        out.push_str(&format!(
            "  {:<tw$}  {:<5}  {:<iw$}  {}  {}\n",
            d.row.ty,
            d.auto_trait.name(),
            label(d),
            answers.join(" "),
            changes.join("; ")
        ));
    }
    out
}
